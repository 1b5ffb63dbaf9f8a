// What the portal's browser tests share: their settings, the run of a flow's steps, Debian's
// chromium started headless, the screen of a desktop or a phone, and a user signed in with the
// password and the authenticator app's code.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

import { base32Decode, totp } from "./otp.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// axe-core's WCAG 2.1 A and AA rules on the page as it is now (labels, names, contrast,
// language, ARIA): throws naming each rule broken and the elements that break it. The script is
// evaluated through the DevTools protocol, which the pages' Content-Security-Policy allows.
export async function checkAccessibility(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  if (result.violations.length === 0) return;
  const lines = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.html.slice(0, 160)}`).join("\n"));
  throw new Error(`${what}: ${result.violations.length} accessibility rule(s) broken\n${lines.join("\n")}`);
}

// A setting the test that starts the flow must give.
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// Runs a flow's steps. Each step names itself in `at.step` and its page in `at.page`; a failure
// prints the step, keeps a screenshot of its page and sets exit code 1. The browser closes
// either way; success prints "every step held", which the C++ test looks for.
export async function runFlow(browser, shot, steps) {
  const at = { step: "start", page: null };
  try {
    await steps(at);
    console.log("every step held");
  } catch (error) {
    console.error(`step failed: ${at.step}\n${error.stack || error}`);
    if (at.page) await shot(at.page, "failure").catch(() => {});
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CP_CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export function screenFor(phone) {
  return phone
    ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
    : { viewport: { width: 1280, height: 900 } };
}

// A browser context of its own for `login`, signed in; the page lands on home.html. `offset`
// picks a later 30-second code (a used code is never accepted twice).
export async function signIn(browser, screen, { baseUrl, password, secret, login, offset = 0 }) {
  const context = await browser.newContext(screen);
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`${login}: page error: ${error.message}`));
  await page.goto(baseUrl + "/");
  await page.getByLabel("User name").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#totp-form").waitFor({ state: "visible" });
  await page.getByLabel("Code from your authenticator app")
    .fill(totp(base32Decode(secret), Date.now() / 1000 + 30 * offset));
  await page.locator("#totp-form").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/home\.html/);
  return page;
}
