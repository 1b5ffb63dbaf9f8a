// The personal home page (SPEC PORTAL-9): my tasks (to check, returned to me, my drafts), the
// firm's requests found by text, reference, status, service and date range with each one's
// status, exports of the same list, the firm's money obligations to HKSCC with their countdowns
// and the chart of its margin and marks (issue 16), and my notifications.
import { ApiError, api, downloadButton, say } from "./api.js";
import { local, statusName, statuses, t } from "./i18n.js";
import { showFirmObligations } from "./obligations-view.js";
import { el, hkt, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
let firm = "";
let services = {};
let shown = new URLSearchParams();  // the filters of the list shown, which the exports give

function link(r) {
  return el("a", `${r.reference} · #${r.service.number} ${local(r.service.title)}`, {
    href: `request.html#firm=${r.firm}&ref=${r.reference}`,
  });
}

function fillList(id, items) {
  const list = $(id);
  list.replaceChildren();
  if (items.length === 0) list.append(el("li", t("none")));
  for (const r of items) {
    const li = el("li");
    li.append(link(r), el("small", ` · ${statusName(r.status)} · ${hkt(r.updated_at)}`));
    if (r.reason) li.append(el("small", ` · ${r.reason}`));
    list.append(li);
  }
}

function filters() {
  const form = new FormData($("search"));
  const query = new URLSearchParams();
  for (const [key, value] of form.entries()) if (value) query.set(key, value);
  return query;
}

async function search() {
  const query = filters();
  shown = query;
  const found = await api("GET", `/api/v1/firms/${firm}/requests?${query}`);
  const table = $("results");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const h of [t("reference"), t("service"), t("status"), t("updated")]) head.append(el("th", h));
  const body = table.createTBody();
  for (const r of found.requests) {
    const row = body.insertRow();
    const ref = el("td");
    ref.append(el("a", r.reference, { href: `request.html#firm=${r.firm}&ref=${r.reference}` }));
    const status = el("td", statusName(r.status), { class: "status", "data-status": r.status });
    row.append(ref, el("td", `#${r.service.number} ${local(r.service.title)}`), status,
               el("td", hkt(r.updated_at)));
  }
  if (found.requests.length === 0) body.insertRow().append(el("td", t("none"), { colspan: "4" }));
}

async function main() {
  ({ firm } = await startPage());
  if (!firm) return;
  const statusSelect = $("status-filter");
  statusSelect.add(new Option(t("any"), ""));
  for (const code of statuses()) statusSelect.add(new Option(statusName(code), code));
  const offered = await api("GET", `/api/v1/firms/${firm}/services`);
  const serviceSelect = $("service-filter");
  serviceSelect.add(new Option(t("any"), ""));
  for (const s of offered.services.filter((x) => x.offered)) {
    services[s.id] = s;
    serviceSelect.add(new Option(`#${s.number} ${local(s.title)}`, s.id));
  }
  const tasks = await api("GET", `/api/v1/firms/${firm}/tasks`);
  fillList("to_check", tasks.to_check);
  fillList("to_fix", tasks.to_fix);
  fillList("drafts", tasks.drafts);
  // Exports are audited: a POST each (a link's GET would be made by any page that embeds it).
  for (const type of ["csv", "xlsx"]) {
    downloadButton($(`export-${type}`), () => `/api/v1/firms/${firm}/exports/requests.${type}?${shown}`,
                   `requests.${type}`, $("alert"));
  }
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    search().catch((error) => say($("alert"), error instanceof ApiError ? error.message : String(error)));
  });
  await search();
  // The firm's money obligations to HKSCC (issue 16 item 6), when it is an HKSCC participant.
  $("obligations").hidden = false;
  const days = await showFirmObligations(api, firm, {
    table: $("due"), canvas: $("chart"), historyTable: $("history"), participant: $("participant"),
  });
  if (!days) $("obligations").hidden = true;
  const inbox = await api("GET", "/api/v1/me/notifications");
  const list = $("inbox");
  list.replaceChildren();
  if (inbox.notifications.length === 0) list.append(el("li", t("none")));
  for (const n of inbox.notifications.slice(0, 20)) {
    const li = el("li");
    const a = el("a", n.title, { href: n.link });
    if (!n.read) a.className = "unread";
    a.addEventListener("click", () => api("POST", `/api/v1/me/notifications/${n.id}/read`, {}).catch(() => {}));
    li.append(a, el("small", ` · ${hkt(n.created_at)}`));
    list.append(li);
  }
}

main().catch((error) => say($("alert"), error instanceof ApiError ? error.message : String(error)));
