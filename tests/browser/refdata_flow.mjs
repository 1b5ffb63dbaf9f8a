// A reference-data change through the operator's pages in Debian's chromium (issue 6 item 7):
// otto files a holiday for a Saturday and sees the error beside the date field, fixes the date
// and files it; he cannot approve it himself; tess approves it and it shows as applied.
//
// Started by tests/cli/refdata_change_test.cpp with CP_BASE_URL, CP_PASSWORD, CP_SECRETS (JSON:
// login → base32 authenticator key) and CP_ARTIFACTS (screenshots are kept there).
import assert from "node:assert/strict";
import { join } from "node:path";

import { checkAccessibility, env, launchBrowser, runFlow, screenFor, signIn } from "./session.mjs";

const baseUrl = env("CP_BASE_URL");
const password = env("CP_PASSWORD");
const secrets = JSON.parse(env("CP_SECRETS"));
const artifacts = env("CP_ARTIFACTS");

const browser = await launchBrowser();
const screen = screenFor(false);
const as = (login) => signIn(browser, screen, { baseUrl, password, secret: secrets[login], login });
const shot = (page, name) => page.screenshot({ path: join(artifacts, `refdata-${name}.png`), fullPage: true });

await runFlow(browser, shot, async (at) => {
  at.step = "otto signs in";
  const otto = await as("otto");
  at.page = otto;
  await otto.goto(baseUrl + "/refdata.html");
  await otto.locator("#kind").selectOption("closure");

  at.step = "a Saturday is refused beside the date field";
  const date = otto.getByLabel("Date", { exact: true });
  await date.fill("2026-06-20");
  await otto.getByLabel("Reason", { exact: true }).fill("Emergency closure (browser test)");
  await otto.getByLabel("Source", { exact: true }).fill("HKEX circular (browser test)");
  await otto.locator("#change").getByRole("button", { name: "File for checking" }).click();
  await otto.locator("#error-date").waitFor();
  assert.equal(await date.getAttribute("aria-invalid"), "true");
  assert.equal(await date.getAttribute("aria-describedby"), "error-date");
  await shot(otto, "error");
  await checkAccessibility(otto, "reference-data page with an error");

  at.step = "fixed in place and filed";
  await date.fill("2026-06-17");
  await otto.locator("#change").getByRole("button", { name: "File for checking" }).click();
  const filed = otto.locator("#alert").filter({ hasText: /RC-\d{8}: holiday sehk 2026-06-17/ });
  await filed.waitFor();
  const reference = (await filed.textContent()).match(/RC-\d{8}/)[0];
  assert.equal(await otto.locator(`#approve-${reference}`).count(), 0, "the maker has no approve");
  await otto.locator(`#withdraw-${reference}`).waitFor();

  at.step = "tess approves it";
  const tess = await as("tess");
  at.page = tess;
  await tess.goto(baseUrl + "/refdata.html");
  await tess.locator(`#approve-${reference}`).click();
  await tess.locator("#alert").filter({ hasText: `${reference}: Done.` }).waitFor();
  await tess.locator(`#change-${reference}`).filter({ hasText: "applied" }).waitFor();
  await shot(tess, "applied");
});
