// The sign-in pages in Debian's chromium, on a phone-sized screen (issue 5, Done when): alice
// signs in with her password and the code mailed to the SMTP sink, enrols an authenticator app
// from the key beside its QR code, signs out, and signs in again with the app.
//
// Started by tests/cli/browser_test.cpp, which runs the server and the sink and passes:
//   CP_BASE_URL  the server, e.g. http://127.0.0.1:41234
//   CP_MAIL_DIR  the sink's Maildir (new mail in CP_MAIL_DIR/new)
//   CP_USER, CP_PASSWORD  an active user with a registered email and no authenticator app
//   CP_ARTIFACTS a directory for a screenshot when a step fails
// Exit 0 when every step held; otherwise the failed step on stderr and exit 1.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

import { base32Decode, totp } from "./otp.mjs";
import { checkAccessibility, env } from "./session.mjs";

const baseUrl = env("CP_BASE_URL");
const mailDir = join(env("CP_MAIL_DIR"), "new");
const user = env("CP_USER");
const password = env("CP_PASSWORD");
const artifacts = env("CP_ARTIFACTS");
// Optional: a directory to keep a screenshot of each page in (for reviewing the layout by eye).
const screenshots = process.env.CP_SCREENSHOTS;
const shot = async (page, name) => {
  if (screenshots) await page.screenshot({ path: join(screenshots, name + ".png"), fullPage: true });
};

// The sign-in code of the newest mail, waiting up to 10 s for mail number `count`.
async function mailedCode(count) {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const files = readdirSync(mailDir).map((name) => join(mailDir, name));
    if (files.length >= count) {
      const newest = files
        .map((file) => readFileSync(file, "utf8"))
        .filter((text) => /sign-in code is [0-9]{6}\./.test(text))
        .at(-1);
      if (newest) return newest.match(/sign-in code is ([0-9]{6})\./)[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sign-in code mail #${count} in ${mailDir}`);
}

async function noSidewaysScroll(page, where) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${where}: ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

async function signInWithPassword(page) {
  await page.goto(baseUrl + "/");
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#factor-step").waitFor({ state: "visible" });
  await shot(page, "second-factor");
  await checkAccessibility(page, "sign-in, second factor");
}

const browser = await chromium.launch({
  executablePath: process.env.CP_CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let step = "start";
let page;
try {
  // A phone: 390 × 844 CSS pixels, touch.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  });
  page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => {
    // The home page asks for the firm's HKSCC obligations; a firm without a participant id is
    // answered 404, which the page takes as "no risk view" (web/js/obligations-view.js) but the
    // browser still logs when the answer arrives before the next page is opened.
    const url = message.location().url || "";
    const handled = /\/api\/v1\/firms\/[^/]+\/obligations$/.test(url);
    if (message.type() === "error" && !handled) consoleErrors.push(`${message.text()} (${url})`);
  });

  step = "a wrong password is refused with the server's message";
  await page.goto(baseUrl + "/");
  await noSidewaysScroll(page, "sign-in page");
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password", { exact: true }).fill(password + "x");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("alert").filter({ hasText: "wrong user name or password" }).waitFor();
  consoleErrors.length = 0;  // the 401 itself is logged by the browser

  step = "password, then the code mailed to the sink";
  await signInWithPassword(page);
  assert.ok(await page.locator("#totp-form").isHidden(), "no app yet: no app code field");
  await page.getByRole("button", { name: "Email me a code" }).click();
  await page.getByText(/A code was sent to/).waitFor();
  await page.getByLabel("Code from the email").fill(await mailedCode(1));
  await page.locator("#email-form").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/home\.html$/);  // signed in: the portal's home page
  await page.locator("#firm-switcher").waitFor();
  await noSidewaysScroll(page, "home page");
  await shot(page, "home");
  await page.goto(baseUrl + "/account.html");
  await page.locator("#who").filter({ hasText: user }).waitFor();
  assert.equal(await page.locator("#totp-status").textContent(), "none");
  await noSidewaysScroll(page, "account page");

  step = "enrol an authenticator app from the QR code's key";
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await page.getByLabel("Your password, to change a second factor").fill(password);
  await page.getByRole("button", { name: "Show the QR code" }).click();
  await page.locator("#totp-qr svg path").waitFor();
  await noSidewaysScroll(page, "QR code");
  await shot(page, "account-qr");
  await checkAccessibility(page, "account page with the QR code");
  const key = (await page.locator("#totp-key").textContent()).trim();
  assert.match(key, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, "a 160-bit key in groups of four");
  const secret = base32Decode(key);
  const now = () => Date.now() / 1000;
  await page.getByLabel("The 6-digit code the app shows now").fill(totp(secret, now()));
  await page.getByRole("button", { name: "Confirm the app" }).click();
  await page.getByText("The authenticator app is enrolled").waitFor();
  await page.locator("#totp-status").filter({ hasText: "enrolled" }).waitFor();

  step = "sign out";
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/index\.html$/);
  await page.goto(baseUrl + "/account.html");
  await page.waitForURL(/index\.html$/);  // no session: back to sign-in

  step = "sign in with the app; a wrong code first";
  await signInWithPassword(page);
  assert.ok(await page.locator("#totp-form").isVisible(), "the app is offered");
  await page.getByLabel("Code from your authenticator app").fill(
    totp(secret, now()) === "000000" ? "000001" : "000000");
  await page.locator("#totp-form").getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "wrong or already used code" }).waitFor();
  consoleErrors.length = 0;
  // The next 30-second step's code: the one that confirmed the app may not be used again, and
  // the server accepts one step of drift.
  await page.getByLabel("Code from your authenticator app").fill(totp(secret, now() + 30));
  await page.locator("#totp-form").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/home\.html$/);
  await page.goto(baseUrl + "/account.html");
  await page.locator("#totp-status").filter({ hasText: "enrolled" }).waitFor();

  step = "the connectivity page without a session (SPEC AUTH-3)";
  await context.clearCookies();
  await page.goto(baseUrl + "/connectivity.html");
  await page.locator("#service").filter({ hasText: "reachable, working" }).waitFor();
  await page.locator("#mail").filter({ hasText: "ok" }).waitFor();

  assert.deepEqual(consoleErrors, [], "no script errors in the pages");
  console.log("browser sign-in flow: every step held");
} catch (error) {
  console.error(`browser sign-in flow failed at "${step}": ${error.stack || error}`);
  if (page) await page.screenshot({ path: join(artifacts, "failure.png"), fullPage: true });
  process.exitCode = 1;
} finally {
  await browser.close();
}
