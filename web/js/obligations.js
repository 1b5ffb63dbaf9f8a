// Money obligations to HKSCC (issue 16 items 4–6): a participant's due and overdue obligations
// with their countdowns, the chart of the last 60 days, and one day's obligations and margin as a
// sheet to print; for HKSCC's operators, every participant's obligations overdue first and the
// payments entered by hand, which a second operator checks (maker-checker).
import { ApiError, api, busy, say } from "./api.js";
import { obligationWord, t } from "./i18n.js";
import { fillObligations, grouped, showFirmObligations } from "./obligations-view.js";
import { actionButtons, el, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
const alertBox = () => $("alert");
const report = (error) => say(alertBox(), error instanceof ApiError ? error.message : String(error));

// Today in Hong Kong (UTC+8, no daylight saving) as YYYY-MM-DD.
function todayHkt() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

// The margin's components of a day as label/value rows (the keys of `risk margin --json`).
function fillMargin(table, margin) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  head.append(el("th", t("component"), { scope: "col" }), el("th", "HKD", { scope: "col" }));
  const body = table.createTBody();
  if (!margin) {
    body.insertRow().append(el("td", t("none"), { colspan: "2" }));
    return;
  }
  for (const [key, value] of Object.entries(margin)) {
    if (typeof value !== "string" || ["participant", "date", "currency"].includes(key)) continue;
    const row = body.insertRow();
    const numeric = /^-?\d+(\.\d+)?$/.test(value);
    row.append(el("th", key, { scope: "row" }),
               el("td", numeric ? grouped(value) : value, { class: numeric ? "number" : "" }));
  }
}

async function showDay(firm, date) {
  const day = await api("GET", `/api/v1/firms/${firm}/obligations?date=${date}`);
  $("sheet-title").textContent = `${t("participant")} ${day.participant} · ${date}`;
  fillObligations($("day-obligations"), day.obligations);
  let margin = null;
  try {
    margin = await api("GET", `/api/v1/firms/${firm}/risk/margin?date=${date}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  fillMargin($("day-margin"), margin);
  window.location.hash = `date=${date}`;
}

async function participantView(firm) {
  $("participant-view").hidden = false;  // the chart sizes itself to a shown container
  const days = await showFirmObligations(api, firm, {
    table: $("due"), canvas: $("chart"), historyTable: $("history"), participant: $("participant"),
  });
  if (!days) {
    $("participant-view").hidden = true;
    return false;
  }
  const params = new URLSearchParams(window.location.hash.slice(1));
  const latest = days.length ? days[days.length - 1].date : todayHkt();
  $("day").value = params.get("date") || latest;
  $("day-form").addEventListener("submit", (event) => {
    event.preventDefault();
    busy($("day-form"), alertBox(), () => showDay(firm, $("day").value));
  });
  $("print").addEventListener("click", () => window.print());
  await showDay(firm, $("day").value);
  return true;
}

// amount − paid of two decimal strings, exactly (in cents, as BigInt), as "123.45".
function unpaid(amount, paid) {
  const cents = (text) => {
    const [whole, fraction = ""] = text.split(".");
    return BigInt(whole + (fraction + "00").slice(0, 2));
  };
  const left = cents(amount) - cents(paid);
  const text = (left < 0n ? 0n : left).toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

async function loadEntries(operatorFirm) {
  const found = await api("GET", `/api/v1/operator/${operatorFirm}/payments`);
  const table = $("entries");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const title of [t("payment_id"), t("obligation_id"), t("amount"), t("received_at"),
                       t("method"), t("entered_by"), t("status"), ""]) {
    head.append(el("th", title, { scope: "col" }));
  }
  const body = table.createTBody();
  if (found.payments.length === 0) body.insertRow().append(el("td", t("none"), { colspan: "8" }));
  for (const p of [...found.payments].reverse()) {
    const row = body.insertRow();
    row.id = `entry-${p.id}`;
    const actions = el("td");
    actions.append(actionButtons(p.actions, p.id, ["reject"], (action) => decide(operatorFirm, p, action)));
    row.append(el("td", p.payment_id), el("td", p.obligation_id),
               el("td", grouped(p.amount), { class: "number" }), el("td", p.received_at),
               el("td", obligationWord(p.method)), el("td", p.entered_by),
               el("td", obligationWord(p.state) + (p.reason ? ` · ${p.reason}` : ""),
                  { class: "status", "data-status": p.state }),
               actions);
  }
}

async function decide(operatorFirm, entry, action) {
  const reason = action === "reject" ? window.prompt(t("reason")) || "" : "";
  try {
    await api("POST", `/api/v1/operator/${operatorFirm}/payments/${entry.id}/${action}`, { reason });
    say(alertBox(), `${entry.payment_id}: ${t("done")}`, true);
    await desk(operatorFirm, false);
  } catch (error) {
    report(error);
  }
}

async function desk(operatorFirm, first) {
  const every = await api("GET", `/api/v1/operator/${operatorFirm}/obligations`);
  // A maker starts an entry from the obligation's row: its id and what is still unpaid.
  const prefill = $("payment-form").hidden ? null : (o) => {
    $("obligation-id").value = o.id;
    $("payment-amount").value = unpaid(o.amount, o.paid);
    $("payment-id").focus();
  };
  fillObligations($("every"), every.obligations, true, prefill);
  await loadEntries(operatorFirm);
  $("desk").hidden = false;
  if (!first) return;
  const form = $("payment-form");
  const method = $("method");
  for (const code of ["chats", "direct_debit", "others"]) method.add(new Option(obligationWord(code), code));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form, alertBox(), async () => {
      const body = Object.fromEntries(new FormData(form).entries());
      const entered = await api("POST", `/api/v1/operator/${operatorFirm}/payments`, body);
      say(alertBox(), `${entered.payment_id}: ${t("saved")}`, true);
      form.reset();
      await desk(operatorFirm, false);
    });
  });
}

async function main() {
  const { me, firm, operatorFirm } = await startPage();
  let shown = false;
  if (firm) shown = await participantView(firm);
  if (operatorFirm) {
    const membership = (me.firms || []).find((f) => f.firm === operatorFirm) || { roles: [] };
    $("payment-form").hidden = !membership.roles.includes("payments_maker");
    try {
      await desk(operatorFirm, true);
      shown = true;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 403) throw error;
    }
  }
  if (!shown) say(alertBox(), t("no_participant"));
}

main().catch(report);
