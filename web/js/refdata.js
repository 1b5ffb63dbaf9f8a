// Reference-data changes, maker-checker among operators (issue 6 item 7): one operator files a
// new holiday, a severe-weather episode, a fee from a date or a corporate-action announcement
// (issue 17); another approves it, which applies it, or rejects it with a reason. An error names
// its field and is shown beside it. Below, the corporate actions announced so far.
import { ApiError, api, say } from "./api.js";
import { t } from "./i18n.js";
import { actionButtons, el, hkt, startOperatorPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
let operatorFirm = "";
const base = () => `/api/v1/operator/${operatorFirm}/refdata-changes`;

// Only the chosen kind's fields are enabled, so only they are sent.
function showKind() {
  const kind = $("kind").value;
  for (const set of document.querySelectorAll("fieldset[data-kind]")) {
    const mine = set.dataset.kind === kind;
    set.hidden = !mine;
    set.disabled = !mine;
  }
}

function clearFieldErrors() {
  for (const old of document.querySelectorAll(".field-error")) old.remove();
  for (const input of document.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}

// The message next to the field it is about, tied to it for screen readers.
function showFieldError(field, message) {
  const input = $("change").querySelector(`fieldset:not([disabled]) [name="${field}"], form > label [name="${field}"]`);
  if (!input) return false;
  const note = el("small", message, { id: `error-${field}`, class: "field-error" });
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", note.id);
  // After the label, not inside it: the field's name stays its label, the message its
  // description. Below a row of fields, so that it does not take a field's place in the grid.
  (input.closest(".grid") || input.closest("label") || input).after(note);
  input.focus();
  return true;
}

async function file(event) {
  event.preventDefault();
  clearFieldErrors();
  const body = {};
  for (const [key, value] of new FormData($("change")).entries()) if (value !== "") body[key] = value;
  try {
    const change = await api("POST", base(), body);
    say($("alert"), `${change.reference}: ${change.summary}`, true);
    $("change").reset();
    showKind();
    await load();
  } catch (error) {
    if (error instanceof ApiError && error.body.field && showFieldError(error.body.field, error.message)) {
      say($("alert"), error.message);
    } else {
      say($("alert"), error instanceof ApiError ? error.message : String(error));
    }
  }
}

async function act(change, action) {
  const body = {};
  if (action === "reject") body.reason = window.prompt(t("reason")) || "";
  try {
    await api("POST", `${base()}/${change.reference}/${action}`, body);
    say($("alert"), `${change.reference}: ${t("done")}`, true);
    await load();
    await loadEvents();
  } catch (error) {
    say($("alert"), error instanceof ApiError ? error.message : String(error));
  }
}

async function load() {
  const found = await api("GET", base());
  const box = $("changes");
  box.replaceChildren();
  if (found.changes.length === 0) box.append(el("p", t("none")));
  for (const c of found.changes) {
    const card = el("article", null, { id: `change-${c.reference}` });
    card.append(el("h3", `${c.reference} · ${c.summary}`),
                el("p", `${c.status} · ${c.made_by} ${hkt(c.made_at)}` +
                        (c.checked_by ? ` · ${c.checked_by} ${hkt(c.checked_at)}` : "") +
                        (c.reason ? ` · ${c.reason}` : "")));
    card.append(actionButtons(c.actions, c.reference, ["reject", "withdraw"], (action) => act(c, action)));
    box.append(card);
  }
}

// The announced events, newest record date first.
async function loadEvents() {
  const found = await api("GET", `/api/v1/operator/${operatorFirm}/ca-events`);
  const table = $("ca-events");
  table.replaceChildren();
  const head = el("tr");
  for (const key of ["event_id", "ca_type", "security_code", "record_date", "payment_date", "csdc_deadline"]) {
    head.append(el("th", t(key), { scope: "col" }));
  }
  table.append(el("thead"));
  table.firstChild.append(head);
  const body = el("tbody");
  for (const e of found.events) {
    const row = el("tr", null, { id: `ca-${e.event_id}` });
    for (const text of [e.event_id, t(`type_${e.type}`), e.security_code, e.holders_date,
                        e.payment_date || "", e.csdc_deadline ? e.csdc_deadline.replace("T", " ") : ""]) {
      row.append(el("td", text));
    }
    body.append(row);
  }
  table.append(body);
}

async function main() {
  operatorFirm = await startOperatorPage($("alert"));
  if (!operatorFirm) return;
  $("kind").addEventListener("change", showKind);
  $("change").addEventListener("submit", file);
  showKind();
  await load();
  await loadEvents();
}

main().catch((error) => say($("alert"), error instanceof ApiError ? error.message : String(error)));
