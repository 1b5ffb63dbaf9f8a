// The investor's online opening of the Southbound permission (issue 18; SPEC SUIT-4), phone
// first: the permissions held, an application per account and channel, and its steps in order —
// identity (password and a texted code), qualification (each rule met or not), the risk
// disclosure read then confirmed, the knowledge test, and the agreement signed last. The server
// decides every step and refuses one out of turn; the page only shows the step due.
import { ApiError, api, apiStep, say } from "./api.js";
import { lang, local, t } from "./i18n.js";
import { el, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
const STEPS = ["identity", "qualification", "risk_disclosure", "knowledge_test", "agreement"];
let firm = "";
let shown = null;  // the application on the page

const base = () => `/api/v1/firms/${firm}/opening`;
const path = (a, step = "") => `${base()}/applications/${a.id}${step}`;

function fail(error) {
  say($("alert"), error instanceof ApiError ? error.message : String(error));
}


function rulesTable(rules, id) {
  const wrap = el("div", null, { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": `${id}-caption` });
  const table = el("table", null, { id });
  table.append(el("caption", t("step_qualification"), { id: `${id}-caption` }));
  const head = el("tr");
  for (const key of ["op_rule", "op_result", "op_evidence"]) head.append(el("th", t(key), { scope: "col" }));
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const body = el("tbody");
  for (const r of rules) {
    const row = el("tr", null, { "data-rule": r.rule, "data-passed": String(r.passed) });
    row.append(el("th", t(`rule_${r.rule}`), { scope: "row" }));
    row.append(el("td", r.passed ? `✓ ${t("op_passed")}` : `✗ ${t("op_failed")}`, { class: r.passed ? "good" : "bad" }));
    // The figures the rule read; its English reason beside them for the English page.
    row.append(el("td", r.evidence + (!r.passed && lang() === "en" && r.reason ? ` — ${r.reason}` : "")));
    body.append(row);
  }
  table.append(body);
  wrap.append(table);
  return wrap;
}

function documentView(doc) {
  const box = el("article", null, { class: "document", id: `doc-${doc.kind}` });
  box.append(el("h3", local(doc.title)));
  box.append(el("p", local(doc.body)));
  box.append(el("p", `${t("op_version")} ${doc.version} · SHA-256 ${doc.sha256}`, { class: "hash" }));
  return box;
}

// A checkbox that must be ticked before its button works.
function confirmForm(id, label, button, onConfirm) {
  const form = el("form", null, { id, novalidate: "" });
  const box = el("input", null, { type: "checkbox", id: `${id}-box`, name: "confirmed" });
  const labelled = el("label", null, { for: box.id });
  labelled.append(box, document.createTextNode(" " + t(label)));
  const submit = el("button", t(button), { type: "submit", disabled: "" });
  box.addEventListener("change", () => { submit.disabled = !box.checked; });
  form.append(labelled, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (box.checked) onConfirm().catch(fail);
  });
  return form;
}

function identityPanel(a, panel) {
  const send = el("button", t("op_send_code"), { type: "button", id: "op-send-code", class: "secondary" });
  const sent = el("p", "", { id: "op-code-sent" });
  send.addEventListener("click", async () => {
    try {
      const answer = await api("POST", path(a, "/code"));
      sent.textContent = `${t("op_code_sent")} ${answer.code_expires_at} HKT`;
    } catch (error) { fail(error); }
  });
  const form = el("form", null, { id: "op-identity", novalidate: "" });
  const password = el("input", null, { type: "password", id: "op-password", name: "password", autocomplete: "current-password" });
  const code = el("input", null, { id: "op-code", name: "code", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6" });
  const pl = el("label", null, { for: password.id });
  pl.append(el("span", t("op_password")), password);
  const cl = el("label", null, { for: code.id });
  cl.append(el("span", t("op_code")), code);
  form.append(pl, cl, el("button", t("op_confirm_identity"), { type: "submit" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      show(await apiStep("POST", path(a, "/identity"), { password: password.value, code: code.value }));
    } catch (error) { fail(error); }
  });
  panel.append(send, sent, form);
}

function qualificationPanel(a, panel) {
  const check = el("button", t("op_check"), { type: "button", id: "op-check" });
  check.addEventListener("click", async () => {
    try {
      const answer = await apiStep("POST", path(a, "/qualification"));
      show(answer, answer.qualification ? rulesTable(answer.qualification.rules, "op-rules") : null);
    } catch (error) { fail(error); }
  });
  panel.append(check);
}

function disclosurePanel(a, panel) {
  const read = el("button", t("op_read_disclosure"), { type: "button", id: "op-read-disclosure" });
  read.addEventListener("click", async () => {
    try {
      const answer = await api("POST", path(a, "/disclosure/open"));
      const doc = answer.document;
      read.remove();
      panel.append(documentView(doc), confirmForm("op-studied", "op_studied", "op_confirm", async () => {
        show(await apiStep("POST", path(a, "/disclosure"), { sha256: doc.sha256 }));
      }));
    } catch (error) { fail(error); }
  });
  panel.append(read);
}

function testForm(a, test, panel) {
  const form = el("form", null, { id: "op-test", novalidate: "" });
  test.questions.forEach((q, i) => {
    const set = el("fieldset", null, { id: `q-${q.id}` });
    set.append(el("legend", `${i + 1}. ${local(q.text)}`));
    for (const choice of q.choices) {
      const id = `q-${q.id}-${choice.id}`;
      const radio = el("input", null, { type: "radio", name: q.id, value: choice.id, id });
      const label = el("label", null, { for: id });
      label.append(radio, document.createTextNode(" " + local(choice.text)));
      set.append(label);
    }
    form.append(set);
  });
  form.append(el("button", t("op_submit_answers"), { type: "submit" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const answers = {};
    for (const q of test.questions) {
      const picked = form.querySelector(`input[name="${q.id}"]:checked`);
      if (picked) answers[q.id] = picked.value;
    }
    try {
      const answer = await apiStep("POST", path(a, "/test/answers"), { bank_version: test.bank_version, answers });
      const r = answer.result;
      const line = el("p", `${r.correct} / ${r.questions} ${t("op_score")} · ${r.passed ? t("op_test_passed") : t("op_test_failed")} · ${t("op_attempts_left")}: ${answer.attempts_left}`,
                      { id: "op-test-result", class: r.passed ? "status good" : "status bad" });
      show(answer, line);
    } catch (error) { fail(error); }
  });
  panel.append(form);
}

function testPanel(a, panel) {
  const start = el("button", t(panel.dataset.retry ? "op_try_again" : "op_start_test"), { type: "button", id: "op-start-test" });
  start.addEventListener("click", async () => {
    try {
      const answer = await api("POST", path(a, "/test"));
      start.remove();
      testForm(a, answer.test, panel);
    } catch (error) { fail(error); }
  });
  panel.append(start);
}

function agreementPanel(a, panel) {
  const read = el("button", t("op_read_agreement"), { type: "button", id: "op-read-agreement" });
  read.addEventListener("click", async () => {
    try {
      const answer = await api("GET", path(a, "/agreement"));
      const doc = answer.document;
      read.remove();
      panel.append(documentView(doc), confirmForm("op-sign", "op_agree", "op_sign", async () => {
        show(await apiStep("POST", path(a, "/agreement"), { sha256: doc.sha256 }));
        await loadHeld();
      }));
    } catch (error) { fail(error); }
  });
  panel.append(read);
}

// Draws the application `a`, and under its step whatever the last step left to show.
function show(a, note = null) {
  shown = a;
  $("application").hidden = false;
  $("application-line").textContent = `${a.account} · ${t(`channel_${a.channel}`)}`;
  const steps = $("steps");
  steps.replaceChildren();
  const due = a.step_due ? STEPS.indexOf(a.step_due) : (a.state === "signed" ? STEPS.length : -1);
  STEPS.forEach((s, i) => {
    const item = el("li", t(`step_${s}`), { "data-step": s });
    if (i === due) item.setAttribute("aria-current", "step");
    if (i < due) item.className = "done";
    steps.append(item);
  });
  const panel = $("step");
  panel.replaceChildren();
  if (note) panel.append(note);
  if (a.state === "signed") {
    panel.append(el("p", t("state_signed"), { id: "op-state", class: "status good", "data-state": a.state }));
  } else if (a.state === "refused" || a.state === "abandoned") {
    panel.append(el("p", t(`state_${a.state}`), { id: "op-state", class: "status bad", "data-state": a.state }));
    // Why: each rule judged, when a rule refused it (shown once, under the step's own note).
    if (a.state === "refused" && !note && a.outcome && a.outcome.rules) {
      panel.append(rulesTable(a.outcome.rules, "op-rules"));
    }
  } else {
    const work = el("div", null, { id: `panel-${a.step_due}` });
    if (note && a.step_due === "knowledge_test") work.dataset.retry = "1";
    ({ identity: identityPanel, qualification: qualificationPanel, risk_disclosure: disclosurePanel,
       knowledge_test: testPanel, agreement: agreementPanel })[a.step_due](a, work);
    panel.append(work);
    const abandon = el("button", t("op_abandon"), { type: "button", id: "op-abandon", class: "secondary outline" });
    abandon.addEventListener("click", async () => {
      try { show(await api("POST", path(a, "/abandon"))); } catch (error) { fail(error); }
    });
    panel.append(abandon);
  }
}

async function loadHeld() {
  const overview = await api("GET", base());
  const held = $("held");
  held.replaceChildren();
  for (const p of overview.permissions) {
    held.append(el("li", `${p.account} · ${t(`channel_${p.channel}`)} · ${t("op_granted_on")} ${p.granted_on}`,
                   { id: `held-${p.account}-${p.channel}` }));
  }
  if (overview.permissions.length === 0) held.append(el("li", t("op_none_held")));
  return overview;
}

async function main() {
  ({ firm } = await startPage());
  if (!firm) return;
  const overview = await loadHeld();
  const account = $("start-account");
  account.replaceChildren(...overview.accounts.map((id) => new Option(id, id)));
  $("start-channel").replaceChildren(...["sh", "sz"].map((ch) => new Option(t(`channel_${ch}`), ch)));
  $("start-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      show(await api("POST", `${base()}/applications`, { account: account.value, channel: $("start-channel").value }));
    } catch (error) { fail(error); }
  });
  const open = overview.applications.find((a) => a.step_due);
  if (open) show(open);
}

main().catch(fail);
