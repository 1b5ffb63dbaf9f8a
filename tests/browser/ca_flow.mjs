// A corporate action from the operator's form to the investor's phone (issue 17): otto files a
// scrip dividend on the reference-data page — a ratio the type cannot have is refused beside
// its field — and cannot approve it himself; tess approves it and it is listed; ivy, on a
// phone in Traditional Chinese, finds it among her notices and elects scrip on her 2,000 shares.
//
// Started by tests/cli/ca_portal_test.cpp with CP_BASE_URL, CP_PASSWORD, CP_SECRETS (JSON:
// login → base32 authenticator key), CP_EVENT (the announcement's fields) and CP_ARTIFACTS.
import assert from "node:assert/strict";
import { join } from "node:path";

import { checkAccessibility, env, launchBrowser, runFlow, screenFor, signIn } from "./session.mjs";

const baseUrl = env("CP_BASE_URL");
const password = env("CP_PASSWORD");
const secrets = JSON.parse(env("CP_SECRETS"));
const event = JSON.parse(env("CP_EVENT"));
const artifacts = env("CP_ARTIFACTS");

const browser = await launchBrowser();
const as = (login, phone) => signIn(browser, screenFor(phone),
                                    { baseUrl, password, secret: secrets[login], login });
const shot = (page, name) => page.screenshot({ path: join(artifacts, `ca-${name}.png`), fullPage: true });

await runFlow(browser, shot, async (at) => {
  at.step = "otto opens the announcement form";
  const otto = await as("otto", false);
  at.page = otto;
  await otto.goto(baseUrl + "/refdata.html");
  await otto.locator("#kind").selectOption("ca_event");
  const form = otto.locator('fieldset[data-kind="ca_event"]');
  for (const [name, value] of Object.entries(event)) {
    if (name === "source") {
      await otto.locator('#change > label [name="source"]').fill(value);
    } else if (["type", "issuer_type"].includes(name)) {
      await form.locator(`[name="${name}"]`).selectOption(value);
    } else {
      await form.locator(`[name="${name}"]`).fill(value);
    }
  }

  at.step = "a ratio a scrip dividend cannot have is refused beside its field";
  const ratio = form.locator('[name="ratio"]');
  await ratio.fill("1:10");
  await otto.locator("#change").getByRole("button", { name: "File for checking" }).click();
  await otto.locator("#error-ratio").waitFor();
  assert.equal(await ratio.getAttribute("aria-invalid"), "true");
  await checkAccessibility(otto, "announcement form with an error");

  at.step = "fixed in place and filed";
  await ratio.fill("");
  await otto.locator("#change").getByRole("button", { name: "File for checking" }).click();
  const filed = otto.locator("#alert").filter({ hasText: new RegExp(`RC-\\d{8}: ca_event ${event.event_id} `) });
  await filed.waitFor();
  const reference = (await filed.textContent()).match(/RC-\d{8}/)[0];
  assert.equal(await otto.locator(`#approve-${reference}`).count(), 0, "the maker has no approve");
  await shot(otto, "filed");

  at.step = "tess approves it and it is listed";
  const tess = await as("tess", false);
  at.page = tess;
  await tess.goto(baseUrl + "/refdata.html");
  await tess.locator(`#approve-${reference}`).click();
  await tess.locator(`#change-${reference}`).filter({ hasText: "applied" }).waitFor();
  await tess.locator(`#ca-${event.event_id}`).waitFor();
  await shot(tess, "listed");

  at.step = "ivy signs in on her phone and lands on her notices";
  const ivy = await as("ivy", true);
  at.page = ivy;
  await ivy.waitForURL(/ca\.html/);
  await ivy.locator(`#notice-${event.event_id}`).waitFor();

  at.step = "in Traditional Chinese";
  await ivy.locator("#language").selectOption("zh-Hant");
  const notice = ivy.locator(`#notice-${event.event_id}`);
  await notice.filter({ hasText: "以股代息" }).waitFor();
  await notice.filter({ hasText: "可選擇數量: 2,000" }).waitFor();
  await checkAccessibility(ivy, "the holder's notices on a phone");

  at.step = "she elects scrip on her 2,000 shares";
  const id = `${event.event_id}-sh-H1`;
  await ivy.locator(`#q-${id}-scrip`).fill("2000");
  await ivy.locator(`#elect-${id}`).getByRole("button", { name: "提交選擇" }).click();
  await ivy.locator("#alert").filter({ hasText: "已記錄" }).waitFor();
  await ivy.locator(`#instruction-${id}`).filter({ hasText: "以股代息 2,000" }).waitFor();
  await shot(ivy, "elected");
});
