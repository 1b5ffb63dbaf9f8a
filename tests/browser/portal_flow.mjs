// A request's whole way through the portal in Debian's chromium (issue 6, Tests): mia, a maker,
// signs in with her authenticator app and fills #31 (designated bank accounts) with two
// instructions of different types, fixing a wrong bank code where the form flags it, attaches
// the bank's letter and submits; chen, the checker, opens the request from the link mailed to
// him and approves it; olga of the clearing house receives, starts and completes it; mia finds it
// by search, completed; then, in Traditional Chinese, a new form's error is in Chinese. Every
// page on the way passes axe-core's WCAG 2.1 AA rules. Run on a desktop screen and on a phone.
//
// Started by tests/cli/portal_browser_test.cpp, which runs the server and the SMTP sink and sets
//   CP_BASE_URL, CP_MAIL_DIR, CP_PASSWORD, CP_SECRETS (JSON: login → base32 authenticator key),
//   CP_ARTIFACTS (screenshots are kept there), CP_VIEWPORT ("desktop" or "phone").
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkAccessibility, env, launchBrowser, runFlow, screenFor, signIn as signInAs,
} from "./session.mjs";

const baseUrl = env("CP_BASE_URL");
const mailDir = join(env("CP_MAIL_DIR"), "new");
const password = env("CP_PASSWORD");
const secrets = JSON.parse(env("CP_SECRETS"));
const artifacts = env("CP_ARTIFACTS");
const phone = env("CP_VIEWPORT") === "phone";
const shot = (page, name) =>
  page.screenshot({ path: join(artifacts, `${phone ? "phone" : "desktop"}-${name}.png`), fullPage: true });

// The link in the newest mail to `to` that matches `pattern`, waiting up to 10 s.
async function mailedLink(to, pattern) {
  for (let waited = 0; waited < 10_000; waited += 100) {
    for (const name of readdirSync(mailDir).sort().reverse()) {
      const text = readFileSync(join(mailDir, name), "utf8");
      const match = text.includes(`To: ${to}`) && text.match(pattern);
      if (match) return match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to} with ${pattern}`);
}

const browser = await launchBrowser();
const screen = screenFor(phone);

// A browser of its own for each user, signed in with the password and the app's code.
const signIn = (login, offset = 0) =>
  signInAs(browser, screen, { baseUrl, password, secret: secrets[login], login, offset });

// The visible control of a field: json-editor keeps the other instruction types' fields hidden.
const field = (page, path) =>
  page.locator(`[data-schemapath="${path}"]`).locator("input, select, textarea")
    .filter({ visible: true }).first();
// The offset of each user's code: the desktop run and the phone run sign in within one minute.
const offset = phone ? 1 : 0;

let page;
await runFlow(browser, shot, async (at) => {
  at.step = "mia signs in with her authenticator app";
  page = await signIn("mia", offset);
  at.page = page;
  await shot(page, "home");
  await checkAccessibility(page, "home page");

  at.step = "mia starts #31 and fills the first instruction, with a wrong bank code";
  await page.goto(baseUrl + "/request.html#firm=B001&new=bank-accounts");
  await page.locator('#service-select option[value="bank-accounts"]').waitFor({ state: "attached" });
  await page.locator("#service-select").selectOption("bank-accounts");
  await page.locator("#picker-form button[type=submit]").click();
  await page.locator('[data-schemapath="root.instructions.0"]').first().waitFor();
  const reference = (await page.locator("#reference").textContent()).trim();
  assert.match(reference, /^SR-\d{8}$/);
  await field(page, "root.instructions.0.currency").selectOption("CNY");
  await field(page, "root.instructions.0.bank_code").fill("12");
  await field(page, "root.instructions.0.bank_name").fill("Bank of China (Hong Kong) Limited");
  await field(page, "root.instructions.0.bank_name").press("Tab");
  const codeError = page.locator('[data-schemapath="root.instructions.0.bank_code"] .errmsg').first();
  await codeError.waitFor();  // flagged beside the field as it is typed
  await shot(page, "validation-error");
  // Said beside the field, and tied to it for a screen reader.
  const codeInput = field(page, "root.instructions.0.bank_code");
  assert.equal(await codeInput.getAttribute("aria-invalid"), "true");
  const errorId = await codeError.getAttribute("id");
  assert.ok((await codeInput.getAttribute("aria-describedby")).split(" ").includes(errorId));
  await checkAccessibility(page, "request form with an error");
  await field(page, "root.instructions.0.bank_code").fill("012");
  await field(page, "root.instructions.0.bank_code").press("Tab");
  await codeError.waitFor({ state: "hidden" });
  assert.equal(await codeInput.getAttribute("aria-invalid"), null);
  await field(page, "root.instructions.0.account_number").fill("012-875-1-234567");
  await field(page, "root.instructions.0.account_name").fill("Alpha Securities Limited");
  await field(page, "root.instructions.0.effective_date").fill("2026-12-14");

  at.step = "mia adds a second instruction of the other type";
  await page.locator('[data-schemapath="root.instructions"]').first()
    .getByRole("button", { name: "Add item" }).last().click();
  const second = page.locator('[data-schemapath="root.instructions.1"]').first();
  await second.waitFor();
  await second.locator("select").first().selectOption({ label: "Add or change a designated bank account" });
  await field(page, "root.instructions.1.currency").selectOption("HKD");
  await field(page, "root.instructions.1.bank_code").fill("004");
  await field(page, "root.instructions.1.bank_name").fill("The Hongkong and Shanghai Banking Corporation Limited");
  await field(page, "root.instructions.1.account_number").fill("004-500-654321-838");
  await field(page, "root.instructions.1.account_name").fill("Alpha Securities Limited");
  await field(page, "root.instructions.1.effective_date").fill("2026-12-14");
  await page.locator("#save").click();
  await page.locator("#alert").filter({ hasText: "Saved." }).waitFor();

  at.step = "mia attaches the bank's letter and submits";
  await page.locator("#file-bank_confirmation").setInputFiles({
    name: "bank-letter.pdf", mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% bank confirmation\n%%EOF\n") });
  await page.locator("#slots button").first().click();
  await page.locator("#attachments li").filter({ hasText: "bank-letter.pdf" }).waitFor();
  await page.locator("#submit").click();
  await page.locator("#status").filter({ hasText: "Submitted" }).waitFor();
  await shot(page, "submitted");
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `the request page is ${scrollWidth}px wide on ${innerWidth}px`);

  at.step = "chen opens the request from the link mailed to him and approves it";
  const link = await mailedLink("chen@example.com", new RegExp(`/request\\.html#firm=B001&ref=${reference}`));
  const chen = await signIn("chen", offset);
  at.page = chen;
  await chen.goto(baseUrl + link);
  await chen.locator("#action-approve").click();
  await chen.locator("#status").filter({ hasText: "Approved" }).waitFor();
  await shot(chen, "approved");
  await checkAccessibility(chen, "request page of the checker");

  at.step = "olga receives, starts and completes it";
  const olga = await signIn("olga", offset);
  at.page = olga;
  await olga.goto(baseUrl + "/operator.html");
  for (const action of ["receive", "start", "complete"]) {
    await olga.locator(`#${action}-${reference}`).click();
    await olga.locator("#alert").filter({ hasText: `${reference}: Done.` }).waitFor();
  }
  await shot(olga, "operations");
  await checkAccessibility(olga, "operator workspace");

  at.step = "mia finds it by search, completed";
  at.page = page;
  await page.goto(baseUrl + "/home.html");
  await page.locator("#q").fill("hongkong and shanghai");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.locator("#results tr").filter({ hasText: reference });
  await row.filter({ hasText: "Completed" }).waitFor();
  await shot(page, "found");
  await checkAccessibility(page, "search results");

  at.step = "in Traditional Chinese, the form's notes and errors are in Chinese too";
  await page.locator("#language").selectOption("zh-Hant");
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hant");  // reloaded
  await page.goto(baseUrl + "/request.html#firm=B001&new=bank-accounts");
  await page.locator('#service-select option[value="bank-accounts"]').waitFor({ state: "attached" });
  await page.locator("#service-select").selectOption("bank-accounts");
  await page.locator("#picker-form button[type=submit]").click();
  await page.locator('[data-schemapath="root.instructions.0"]').first().waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-Hant");
  // The server's list of what to fix names the fields and the attachment in Chinese.
  await page.locator("#problems li").filter({ hasText: "須附上此文件" }).waitFor();
  await page.locator("#problems li").filter({ hasText: "必須填寫" }).first().waitFor();
  await field(page, "root.instructions.0.bank_code").fill("12");
  await field(page, "root.instructions.0.bank_code").press("Tab");
  await page.locator('[data-schemapath="root.instructions.0.bank_code"] .errmsg')
    .filter({ hasText: "格式不符" }).first().waitFor();
  await page.locator('[data-schemapath="root.instructions.0.bank_code"]').filter({ visible: true })
    .first().getByText("香港銀行同業結算有限公司的三位數字銀行編號").waitFor();  // the field's note
  await shot(page, "validation-error-zh-hant");
  await checkAccessibility(page, "request form in Traditional Chinese");
});
