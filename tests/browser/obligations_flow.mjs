// Money obligations to HKSCC in Debian's chromium (issue 16 items 4–6): mia of B001 sees her
// participant's due and overdue obligations on her home page with a countdown to each deadline
// and the chart of the last days' margin and marks (and the same figures as a table); the
// obligations page shows a day's sheet and prints it; pam of HKSCC sees every participant's
// obligations overdue first and enters a payment from the obligation's row; carl, a second operator, approves it; mia's
// sheet then shows it paid; her stress page shows the scenarios against the margin held and her
// own shock. Every page passes axe-core's WCAG 2.1 AA rules. Run on a desktop screen and on a
// phone.
//
// The page's clock is set to 08:00 HKT on Monday 13 June 2022 (Playwright's page.clock), so the
// countdowns are fixed: the 10th's obligations are due at 09:30 that day (1 h 30 min left); the
// 8th's were due at 09:30 on the 9th (3 d 22 h 30 min before: "overdue 3 d 22 h"). The server's
// own clock is the real one, so every 2022 obligation is "overdue" there. The figures are those
// of tests/cli/obligations_portal_test.cpp: margin 17,800,000, marks 15,000,000 a day.
//
// Started by tests/cli/obligations_browser_test.cpp, which runs the server and sets CP_BASE_URL,
// CP_PASSWORD, CP_SECRETS (login → base32 authenticator key), CP_ARTIFACTS, CP_VIEWPORT.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  checkAccessibility, env, launchBrowser, runFlow, screenFor, signIn as signInAs,
} from "./session.mjs";

const baseUrl = env("CP_BASE_URL");
const password = env("CP_PASSWORD");
const secrets = JSON.parse(env("CP_SECRETS"));
const artifacts = env("CP_ARTIFACTS");
const phone = env("CP_VIEWPORT") === "phone";
const name = (what) => join(artifacts, `${phone ? "phone" : "desktop"}-${what}`);
const shot = (page, what) => page.screenshot({ path: name(`${what}.png`), fullPage: true });

const browser = await launchBrowser();
const screen = screenFor(phone);
const offset = phone ? 1 : 0;
const signIn = (login) =>
  signInAs(browser, screen, { baseUrl, password, secret: secrets[login], login, offset });

const pageTime = new Date("2022-06-13T08:00:00+08:00");
// The desktop run pays the 10th's margin, the phone run the 9th's: both run on one database.
const paidId = phone ? "B01234:2022-06-09:day_end_margin" : "B01234:2022-06-10:day_end_margin";
const paidDay = paidId.split(":")[1];
const row = (page, table, id) => page.locator(`#${table} tr[id="obligation-${id}"]`);

await runFlow(browser, shot, async (at) => {
  at.step = "mia's home page: the obligations, their countdowns and the chart";
  const mia = await signIn("mia");
  at.page = mia;
  await mia.clock.setFixedTime(pageTime);
  await mia.goto(baseUrl + "/home.html");
  // The section is shown before its figures arrive (the chart sizes itself to a shown
  // container): wait for them, not for the section.
  await mia.locator("#participant", { hasText: "B01234" }).waitFor();
  assert.equal(await mia.locator("#participant").textContent(), "Participant: B01234");
  const marks = row(mia, "due", "B01234:2022-06-10:day_end_marks");
  await marks.waitFor();
  assert.equal(await marks.locator("td.countdown").textContent(), "1 h 30 min");
  assert.equal(await marks.locator("td").nth(1).textContent(), "15,000,000.00");
  assert.equal(await marks.locator("td").nth(4).textContent(), "2022-06-13 09:30");
  const first = row(mia, "due", "B01234:2022-06-08:day_end_margin");
  assert.equal(await first.locator("td.countdown").textContent(), "overdue 3 d 22 h");
  assert.equal(await first.locator("td").nth(1).textContent(), "17,800,000.00");
  const labels = await mia.evaluate(
    () => window.Chart.getChart(document.getElementById("chart")).data.labels);
  assert.deepEqual(labels, ["2022-06-08", "2022-06-09", "2022-06-10"]);
  await mia.locator("#obligations details summary").click();
  const figures = mia.locator("#history tbody tr");
  assert.equal(await figures.count(), 3);
  assert.deepEqual(await figures.nth(2).locator("td").allTextContents(),
                   ["2022-06-10", "17,800,000", "15,000,000", "32,800,000", "0"]);
  await checkAccessibility(mia, "home page with obligations");
  await shot(mia, "home-obligations");

  at.step = "mia's obligations page: the day's sheet, printed";
  await mia.goto(baseUrl + "/obligations.html");
  await mia.locator("#day-obligations tbody tr").nth(1).waitFor();
  assert.equal(await mia.locator("#day").inputValue(), "2022-06-10");  // the latest day
  assert.equal(await mia.locator("#day-obligations tbody tr").count(), 2);
  const rateMargin = mia.locator("#day-margin tr", { has: mia.locator("th", { hasText: /^rate_margin$/ }) });
  assert.equal(await rateMargin.locator("td").textContent(), "22,800,000");
  await checkAccessibility(mia, "obligations page");
  await mia.emulateMedia({ media: "print" });
  assert.equal(await mia.locator("header.bar").isVisible(), false);
  assert.equal(await mia.locator("#day-form").isVisible(), false);
  assert.equal(await mia.locator("#sheet").isVisible(), true);
  await shot(mia, "sheet-print");
  if (!phone) await mia.pdf({ path: name("sheet.pdf"), format: "A4" });
  await mia.emulateMedia({ media: "screen" });

  at.step = "pam's desk: every participant overdue first; she enters a payment";
  const pam = await signIn("pam");
  at.page = pam;
  await pam.goto(baseUrl + "/obligations.html");
  await pam.locator("#desk").waitFor({ state: "visible" });
  const firstRow = pam.locator("#every tbody tr").first();
  await firstRow.waitFor();
  assert.match(await firstRow.locator(".status").textContent(), /Overdue/);
  // The row's button starts the entry: the obligation and what is unpaid, 17,800,000.00 − 0.
  await pam.getByRole("button", { name: `Pay ${paidId}` }).click();
  assert.equal(await pam.getByLabel("Obligation id").inputValue(), paidId);
  assert.equal(await pam.getByLabel("Amount (HKD)").inputValue(), "17800000.00");
  await pam.getByLabel("Bank reference").fill(`CHATS-${paidDay}-${phone ? "P" : "D"}`);
  await pam.getByLabel("Received (HKT, YYYY-MM-DD HH:MM)").fill("2022-06-13 09:05");
  await pam.getByLabel("Method").selectOption("chats");
  await pam.getByRole("button", { name: "Enter a payment for checking" }).click();
  const entry = pam.locator("#entries tbody tr", { hasText: `CHATS-${paidDay}` });
  await entry.waitFor();
  assert.match(await entry.locator(".status").textContent(), /Waiting for a check/);
  assert.equal(await entry.getByRole("button", { name: "Approve" }).count(), 0);  // not hers to check
  await checkAccessibility(pam, "operators' desk");
  await shot(pam, "desk-entered");

  at.step = "carl approves pam's entry";
  const carl = await signIn("carl");
  at.page = carl;
  await carl.goto(baseUrl + "/obligations.html");
  await carl.locator("#desk").waitFor({ state: "visible" });
  assert.equal(await carl.locator("#payment-form").isVisible(), false);  // he checks, not enters
  const pending = carl.locator("#entries tbody tr", { hasText: `CHATS-${paidDay}` });
  await pending.getByRole("button", { name: "Approve" }).click();
  await carl.locator("#entries tbody tr", { hasText: `CHATS-${paidDay}` })
    .locator(".status", { hasText: "Approved" }).waitFor();
  await checkAccessibility(carl, "operators' desk after the approval");

  at.step = "mia's sheet shows the obligation paid";
  at.page = mia;
  await mia.goto(baseUrl + `/obligations.html#date=${paidDay}`);
  await mia.reload();
  const paid = row(mia, "day-obligations", paidId);
  await paid.waitFor();
  assert.equal(await paid.locator(".status").textContent(), "Paid");
  assert.equal(await paid.locator("td").nth(2).textContent(), "17,800,000.00");
  assert.equal(await paid.locator("td.countdown").textContent(), "");  // nothing left to count
  await shot(mia, "sheet-paid");

  // ORG-4 (tests/cli/stress_portal_test.cpp works the figures): 380 m long 00700, 95 m short
  // 00005 against the 17,800,000 of margin held; this server names no book firm.
  at.step = "mia's stress page: the library's scenarios and her own shock";
  await mia.goto(baseUrl + "/stress.html#date=2022-06-10");
  const down = mia.locator("#scenarios tr", { hasText: "hk_market_down_22" });
  await down.waitFor();
  assert.equal(await down.locator("td").nth(2).textContent(), "-62,700,000");
  assert.equal(await down.locator("td").nth(4).textContent(), "17,800,000");
  assert.equal(await down.locator("td").nth(5).textContent(), "44,900,000");
  assert.equal(await down.getAttribute("class"), "short");
  assert.equal(await mia.locator("#book-stress").isHidden(), true);
  await mia.getByLabel("Your own shocks").fill("00700=-0.35");
  await mia.getByRole("button", { name: "Show" }).click();
  const own = mia.locator("#scenarios tr", { hasText: "user_defined" });
  await own.waitFor();
  assert.equal(await own.locator("td").nth(2).textContent(), "-133,000,000");
  await shot(mia, "stress");
  await checkAccessibility(mia, "stress page");
  // A bad shock is refused with the server's reason, and the table stays.
  await mia.getByLabel("Your own shocks").fill("00700=-2");
  await mia.getByRole("button", { name: "Show" }).click();
  await mia.locator("#alert", { hasText: "shock" }).waitFor();
});
