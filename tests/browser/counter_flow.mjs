// The back office's counter with maker-checker (issue 18; SPEC SUIT-3): mia, a maker of the book
// firm, files the opening of the institution INST on Shanghai; she has no approve button on it;
// chen, a checker, approves it and the rules run: the row reads approved. Every page checked
// with axe.
//
// Started by tests/cli/opening_portal_test.cpp with CP_BASE_URL, CP_PASSWORD, CP_SECRETS and
// CP_ARTIFACTS.
import assert from "node:assert/strict";
import { join } from "node:path";

import { checkAccessibility, env, launchBrowser, runFlow, screenFor, signIn } from "./session.mjs";

const baseUrl = env("CP_BASE_URL");
const password = env("CP_PASSWORD");
const secrets = JSON.parse(env("CP_SECRETS"));
const artifacts = env("CP_ARTIFACTS");

const browser = await launchBrowser();
const as = (login) => signIn(browser, screenFor(false), { baseUrl, password, secret: secrets[login], login });
const shot = (page, name) => page.screenshot({ path: join(artifacts, `counter-${name}.png`), fullPage: true });

await runFlow(browser, shot, async (at) => {
  at.step = "mia files the institution's opening";
  const mia = await as("mia");
  at.page = mia;
  await mia.getByRole("link", { name: "Counter" }).click();
  await mia.waitForURL(/counter\.html/);
  await mia.locator("#file-kind").selectOption("open");
  await mia.locator("#file-account").fill("INST");
  await mia.locator("#file-channel").selectOption("sh");
  await mia.locator("#file-note").fill("board resolution and specimen signatures");
  await mia.getByRole("button", { name: "File for checking" }).click();
  const row = mia.locator('#counter-table tbody tr[data-state="pending"]');
  await row.filter({ hasText: "INST" }).waitFor();
  const id = (await row.getAttribute("id")).replace("request-", "");
  assert.equal(await mia.locator(`#approve-${id}`).count(), 0, "the maker has no approve");
  await checkAccessibility(mia, "the counter with a pending request");
  await shot(mia, "filed");

  at.step = "chen approves it: the rules run and it is approved";
  const chen = await as("chen");
  at.page = chen;
  await chen.goto(baseUrl + "/counter.html");
  await chen.locator(`#approve-${id}`).click();
  await chen.locator(`#request-${id}[data-state="approved"]`).filter({ hasText: "Approved" }).waitFor();
  await checkAccessibility(chen, "the counter after the approval");
  await shot(chen, "approved");
});
