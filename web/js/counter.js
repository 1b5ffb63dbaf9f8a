// The back office's counter (issue 18; SPEC SUIT-3, SUIT-5): a maker of the book firm files an
// opening or a closing of an account's Southbound permission; a checker approves it — the
// server runs the rules that day — or rejects it with a reason. The page offers each user the
// steps their roles give; the server decides and refuses anything else.
import { ApiError, api, apiStep, say } from "./api.js";
import { t } from "./i18n.js";
import { el, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
let firm = "";
let roles = [];
let userId = "";

const base = () => `/api/v1/firms/${firm}/counter/requests`;
const can = (role) => roles.includes(role);

function fail(error) {
  say($("alert"), error instanceof ApiError ? error.message : String(error));
}


// What the approval found: the rules that failed, or the closing check's reasons.
function outcomeText(r) {
  const o = r.outcome;
  if (!o) return r.reason || "";
  if (o.rules) {
    const failed = o.rules.filter((rule) => !rule.passed).map((rule) => `${t(`rule_${rule.rule}`)}: ${rule.evidence}`);
    return failed.join("; ");
  }
  return (o.reasons || []).join("; ");
}

function actions(r) {
  const cell = el("td");
  if (r.state !== "pending") return cell;
  const box = el("div", null, { class: "buttons" });
  if (can("checker")) {
    const approve = el("button", t("counter_approve"), { type: "button", id: `approve-${r.id}` });
    approve.addEventListener("click", async () => {
      try {
        const done = await apiStep("POST", `${base()}/${r.id}/approve`);
        say($("alert"), `${r.id}: ${t(`cstate_${done.state}`)}`, done.state === "approved");
        await load();
      } catch (error) { fail(error); }
    });
    const reason = el("input", null, { id: `reason-${r.id}`, "aria-label": t("counter_reason"),
                                       placeholder: t("counter_reason") });
    const reject = el("button", t("counter_reject"), { type: "button", id: `reject-${r.id}`, class: "secondary" });
    reject.addEventListener("click", async () => {
      try {
        await api("POST", `${base()}/${r.id}/reject`, { reason: reason.value });
        await load();
      } catch (error) { fail(error); }
    });
    box.append(approve, reason, reject);
  }
  if (can("maker") && r.filed_by === `user:${userId}`) {
    const withdraw = el("button", t("counter_withdraw"), { type: "button", id: `withdraw-${r.id}`, class: "secondary outline" });
    withdraw.addEventListener("click", async () => {
      try {
        await api("POST", `${base()}/${r.id}/withdraw`);
        await load();
      } catch (error) { fail(error); }
    });
    box.append(withdraw);
  }
  cell.append(box);
  return cell;
}

async function load() {
  const found = await api("GET", base());
  const box = $("requests");
  box.replaceChildren();
  if (found.requests.length === 0) {
    box.append(el("p", t("counter_none")));
    return;
  }
  const wrap = el("div", null, { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "requests-title" });
  const table = el("table", null, { id: "counter-table" });
  const head = el("tr");
  for (const key of ["counter_kind", "op_account", "op_channel", "op_result", "counter_filed", "counter_decided", "op_evidence", "counter_actions"]) {
    head.append(el("th", t(key), { scope: "col" }));
  }
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const body = el("tbody");
  for (const r of found.requests) {
    const row = el("tr", null, { id: `request-${r.id}`, "data-state": r.state });
    row.append(el("td", `${r.id} · ${t(r.kind === "open" ? "counter_open" : "counter_close")}`));
    row.append(el("td", r.account), el("td", t(`channel_${r.channel}`)));
    row.append(el("td", t(`cstate_${r.state}`), { class: "status" }));
    row.append(el("td", `${r.filed_by.replace(/^user:/, "")} ${r.filed_at}`));
    row.append(el("td", r.decided_by ? `${r.decided_by.replace(/^user:/, "")} ${r.decided_at}` : ""));
    row.append(el("td", outcomeText(r)));
    row.append(actions(r));
    body.append(row);
  }
  table.append(body);
  wrap.append(table);
  box.append(wrap);
}

async function main() {
  const started = await startPage();
  ({ firm } = started);
  if (!firm) return;
  const membership = (started.me.firms || []).find((f) => f.firm === firm);
  roles = membership ? membership.roles || [] : [];
  userId = started.me.user;
  if (can("maker")) {
    $("file").hidden = false;
    $("file-kind").replaceChildren(new Option(t("counter_open"), "open"), new Option(t("counter_close"), "close"));
    $("file-channel").replaceChildren(...["sh", "sz"].map((ch) => new Option(t(`channel_${ch}`), ch)));
    $("file-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const filed = await api("POST", base(), { kind: $("file-kind").value, account: $("file-account").value.trim(),
                                                  channel: $("file-channel").value, note: $("file-note").value });
        say($("alert"), `${filed.id}: ${t("cstate_pending")}`, true);
        await load();
      } catch (error) { fail(error); }
    });
  }
  await load();
}

main().catch(fail);
