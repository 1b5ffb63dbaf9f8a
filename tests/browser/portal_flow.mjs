// A request's whole way through the portal in Debian's chromium (issue 6, Tests): mia, a maker,
// signs in with her authenticator app and fills #31 (designated bank accounts) with two
// instructions of different types, fixing a wrong bank code where the form flags it, attaches
// the bank's letter and submits; chen, the checker, opens the request from the link mailed to
// him, approves it and downloads the letter; olga of the clearing house receives, starts and
// completes it; mia finds it by search, completed, and exports the list; then, in Traditional
// Chinese, a new form's error is in Chinese. Every page on the way passes axe-core's WCAG 2.1 AA
// rules. Run on a desktop screen and on a phone.
//
// The two account names are markup (issue 14, finding 5): json-editor must show them as text on
// the checker's page, and neither page may request the URLs in them.
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

// Values that a form tool which parses values as HTML would turn into same-origin GETs (the
// first an audited export, the second an attribute break-out); "planted" marks such a request.
const planted = [
  '<img src="/api/v1/firms/B001/exports/requests.csv?planted=1">',
  '"><img src=/healthz?planted=2>',
];

// Every URL `page` requests from now on.
function requestsOf(page) {
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

// Waits up to 5 s for the field at `path` to show `text`, exactly: the form is built again after
// each load of the request, after the page's other changes.
async function showsLiterally(page, path, text) {
  let value;
  for (let waited = 0; waited < 5_000; waited += 100) {
    value = await field(page, path).inputValue();
    if (value === text) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(value, text, `${path} does not show what was typed`);
}

// The file a click on `button` downloads: its name and its bytes (page.waitForEvent, so that a
// download that never starts fails the step).
async function downloaded(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  assert.equal(await file.failure(), null, "the download completed");
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

let page;
await runFlow(browser, shot, async (at) => {
  at.step = "mia signs in with her authenticator app";
  page = await signIn("mia", offset);
  at.page = page;
  const miaRequests = requestsOf(page);
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
  await field(page, "root.instructions.0.account_name").fill(planted[0]);
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
  await field(page, "root.instructions.1.account_name").fill(planted[1]);
  await field(page, "root.instructions.1.effective_date").fill("2026-12-14");
  await page.locator("#save").click();
  await page.locator("#alert").filter({ hasText: "Saved." }).waitFor();
  // Saved and loaded again: the form shows what was typed, as typed.
  await showsLiterally(page, "root.instructions.0.account_name", planted[0]);
  await showsLiterally(page, "root.instructions.1.account_name", planted[1]);

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

  at.step = "chen opens the request from the link mailed to him: the account names are text";
  const link = await mailedLink("chen@example.com", new RegExp(`/request\\.html#firm=B001&ref=${reference}`));
  const chen = await signIn("chen", offset);
  at.page = chen;
  const chenRequests = requestsOf(chen);
  await chen.goto(baseUrl + link);
  await chen.locator('[data-schemapath="root.instructions.1"]').first().waitFor();
  await chen.waitForLoadState("networkidle");  // the page's API calls, the form built
  await showsLiterally(chen, "root.instructions.0.account_name", planted[0]);
  await showsLiterally(chen, "root.instructions.1.account_name", planted[1]);
  assert.equal(await chen.locator("#editor img").count(), 0, "no image made of a value");

  at.step = "chen approves it and downloads the bank's letter";
  await chen.locator("#action-approve").click();
  await chen.locator("#status").filter({ hasText: "Approved" }).waitFor();
  await shot(chen, "approved");
  await checkAccessibility(chen, "request page of the checker");
  const letter = await downloaded(chen, chen.locator("#attachments li button").filter({ hasText: "bank-letter.pdf" }));
  assert.equal(letter.name, "bank-letter.pdf");
  assert.equal(letter.bytes.toString(), "%PDF-1.4\n% bank confirmation\n%%EOF\n");
  // The form was built twice on chen's page (opened, approved) and several times on mia's.
  for (const [who, urls] of [["mia", miaRequests], ["chen", chenRequests]]) {
    assert.deepEqual(urls.filter((url) => url.includes("planted")), [],
                     `${who}'s pages requested a URL typed into a field`);
  }

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

  at.step = "mia exports the list she found, as CSV and as XLSX";
  const csv = await downloaded(page, page.getByRole("button", { name: "Export CSV" }));
  assert.match(csv.name, /\.csv$/);
  assert.ok(csv.bytes.toString("utf8").includes(reference), "the export lists the request");
  const xlsx = await downloaded(page, page.getByRole("button", { name: "Export XLSX" }));
  assert.match(xlsx.name, /\.xlsx$/);
  assert.equal(xlsx.bytes.subarray(0, 2).toString(), "PK", "an XLSX file is a zip");

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
