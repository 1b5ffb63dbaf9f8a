// The clearing house's workspace (issue 6 item 7): the queues by team — approved requests to
// receive, received ones to start, those in processing to complete or reject with a reason —
// each step audited like the participants' own.
import { ApiError, api, say } from "./api.js";
import { local, statusName, t } from "./i18n.js";
import { actionButtons, el, hkt, startOperatorPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
let operatorFirm = "";

const NEXT = { approved: ["receive"], received: ["start", "reject"], in_processing: ["complete", "reject"] };

async function act(request, action) {
  const reason = action === "reject" ? window.prompt(t("reason")) || "" : "";
  try {
    await api("POST", `/api/v1/operator/${operatorFirm}/requests/${request.reference}/${action}`,
              { version: request.version, reason });
    say($("alert"), `${request.reference}: ${t("done")}`, true);
    await load();
  } catch (error) {
    say($("alert"), error instanceof ApiError ? error.message : String(error));
  }
}

async function load() {
  const query = new URLSearchParams();
  for (const [key, value] of new FormData($("filter")).entries()) if (value) query.set(key, value);
  const found = await api("GET", `/api/v1/operator/${operatorFirm}/queue?${query}`);
  const box = $("queue");
  box.replaceChildren();
  if (found.requests.length === 0) box.append(el("p", t("none")));
  for (const r of found.requests) {
    const card = el("article", null, { id: `queue-${r.reference}` });
    card.append(el("h3", `${r.reference} · #${r.service.number} ${local(r.service.title)}`),
                el("p", `${r.firm} · ${statusName(r.status)} · ${r.operator_team} · ${hkt(r.updated_at)}` +
                        (r.assignee ? ` · ${r.assignee}` : "")));
    card.append(actionButtons(NEXT[r.status] || [], r.reference, ["reject"], (action) => act(r, action)));
    box.append(card);
  }
}

async function main() {
  operatorFirm = await startOperatorPage($("alert"));
  if (!operatorFirm) return;
  const catalogue = await api("GET", "/api/v1/catalog");
  const team = $("team");
  team.add(new Option(t("any"), ""));
  for (const [key, name] of Object.entries(catalogue.teams)) team.add(new Option(local(name), key));
  $("filter").addEventListener("submit", (event) => {
    event.preventDefault();
    load().catch((error) => say($("alert"), String(error)));
  });
  await load();
}

main().catch((error) => say($("alert"), error instanceof ApiError ? error.message : String(error)));
