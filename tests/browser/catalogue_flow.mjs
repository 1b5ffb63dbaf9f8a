// Every e-service's form in Debian's chromium (issue 6, Done when: "each can be filled,
// validated, submitted … through the UI"): for each draft the test filed with the service's
// sample request, mia opens the request page, json-editor builds the form from the service's
// schema in the browser and finds nothing to fix, the page passes axe-core's WCAG 2.1 AA
// rules, and her click on "Submit for checking" (which validates in the browser first) submits
// it. The checker's and operator's steps are the same buttons for every service; portal_flow.mjs
// drives those.
//
// Started by tests/cli/portal_browser_test.cpp, which runs the server and sets CP_BASE_URL,
// CP_PASSWORD, CP_SECRETS (JSON: login → base32 key), CP_ARTIFACTS and CP_DRAFTS (JSON:
// [{service, reference}]).
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  checkAccessibility, env, launchBrowser, runFlow, screenFor, signIn,
} from "./session.mjs";

const baseUrl = env("CP_BASE_URL");
const secrets = JSON.parse(env("CP_SECRETS"));
const artifacts = env("CP_ARTIFACTS");
const drafts = JSON.parse(env("CP_DRAFTS"));
const shot = (page, name) => page.screenshot({ path: join(artifacts, `catalogue-${name}.png`), fullPage: true });

const browser = await launchBrowser();
await runFlow(browser, shot, async (at) => {
  // The next 30-second code: the test signed mia in through the API with this step's.
  at.step = "mia signs in";
  const page = await signIn(browser, screenFor(false), {
    baseUrl, password: env("CP_PASSWORD"), secret: secrets.mia, login: "mia", offset: 1 });
  at.page = page;
  for (const { service, reference } of drafts) {
    at.step = `${service} (${reference}): the form is built, complete and accessible`;
    await page.goto(`${baseUrl}/request.html#firm=B001&ref=${reference}`);
    await page.locator("#reference").filter({ hasText: reference }).waitFor();
    await page.locator("#editor [data-schemapath]").first().waitFor();
    assert.equal(await page.locator("#problems-box").isHidden(), true,
                 "the server finds nothing to fix in the sample");
    await checkAccessibility(page, `${service} form`);

    at.step = `${service} (${reference}): submitted from the page`;
    await page.locator("#submit").click();
    await page.locator("#status").filter({ hasText: "Submitted" }).waitFor();
  }
  await shot(page, "last");
});
