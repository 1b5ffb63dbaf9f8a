// The holder's corporate-action page (issue 17; SPEC CA-3), phone-first: the events that the
// investor's own accounts hold, each with its terms, its window and, while the window is open,
// a form per account and channel with one quantity per option. The last instruction before
// CSDC's deadline prevails; the server checks the window and the holding and says which field
// is wrong.
import { ApiError, api, say } from "./api.js";
import { t } from "./i18n.js";
import { el, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
let firm = "";

const instant = (text) => (text ? text.replace("T", " ") : "");

// "cash=500;scrip=1500" in the page's words: "Cash 500 · Shares instead of cash (scrip) 1,500".
function choicesText(choices) {
  return choices.split(";").map((choice) => {
    const [option, quantity] = choice.split("=");
    return `${t(`opt_${option}`)} ${Number(quantity).toLocaleString("en")}`;
  }).join(" · ");
}

function terms(e) {
  const parts = [];
  if (e.rate) parts.push(`${e.currency} ${e.rate} ${t("per_share")}`);
  if (e.ratio) parts.push(e.ratio);
  if (e.price) parts.push(`@ ${e.currency} ${e.price}`);
  return parts.join(" · ");
}

function windowLine(notice) {
  const e = notice.event;
  switch (notice.window) {
    case "open": return `${t("ca_window_open")} ${instant(e.csdc_deadline)} HKT`;
    case "not_open": return `${t("ca_window_not_open")} ${instant(e.election_open)} HKT`;
    case "closed": return t("ca_window_closed");
    default: return t("ca_window_notice");
  }
}

// One account's form: a number per option, the quantities sent as "option=quantity;…".
function electionForm(notice, holding) {
  const e = notice.event;
  const id = `${e.event_id}-${holding.channel}-${holding.account}`;
  const form = el("form", null, { id: `elect-${id}`, novalidate: "" });
  for (const option of e.options.split(";")) {
    const input = el("input", null, { name: option, type: "number", min: "0", step: "1",
                                      inputmode: "numeric", id: `q-${id}-${option}` });
    const label = el("label", null, { for: input.id });
    label.append(el("span", t(`opt_${option}`)), input);
    form.append(label);
  }
  const button = el("button", t("ca_submit"), { type: "submit" });
  form.append(button);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const choices = [];
    for (const input of form.querySelectorAll("input")) {
      if (input.value !== "") choices.push(`${input.name}=${input.value}`);
    }
    try {
      const done = await api("POST", `/api/v1/firms/${firm}/ca/events/${encodeURIComponent(e.event_id)}/elections`,
                             { account: holding.account, channel: holding.channel, choices: choices.join(";") });
      say($("alert"), `${t("ca_recorded")}: ${e.event_id} ${done.account} ${choicesText(done.choices)} (${instant(done.at)} HKT)`, true);
      await load();
    } catch (error) {
      say($("alert"), error instanceof ApiError ? error.message : String(error));
    }
  });
  return form;
}

function noticeCard(notice) {
  const e = notice.event;
  const card = el("article", null, { id: `notice-${e.event_id}` });
  const header = el("header");
  header.append(el("h2", `${e.security_code} ${notice.security_name || ""} · ${t(`type_${e.type}`)}`));
  header.append(el("p", `${e.event_id} · ${windowLine(notice)}`, { class: "status", "data-window": notice.window }));
  card.append(header);
  const facts = el("dl");
  for (const [key, value] of [["ca_terms", terms(e)], ["record_date", e.holders_date],
                              ["payment_date", e.payment_date]]) {
    if (!value) continue;
    facts.append(el("dt", t(key)), el("dd", value));
  }
  card.append(facts);
  for (const h of notice.holdings) {
    const part = el("section", null, { class: "holding" });
    part.append(el("h3", `${h.account} · ${t(`channel_${h.channel}`)}`));
    part.append(el("p", `${t("ca_eligible")}: ${h.eligible.toLocaleString("en")}`));
    if (e.options) {
      const now = h.instruction ? `${choicesText(h.instruction.choices)} (${instant(h.instruction.at)} HKT)`
                                : t("ca_none_yet");
      part.append(el("p", `${t("ca_instruction")}: ${now}`, { id: `instruction-${e.event_id}-${h.channel}-${h.account}` }));
      if (notice.window === "open") part.append(electionForm(notice, h));
    }
    card.append(part);
  }
  return card;
}

async function load() {
  const found = await api("GET", `/api/v1/firms/${firm}/ca/notices`);
  const box = $("notices");
  box.replaceChildren();
  if (found.accounts.length === 0) box.append(el("p", t("ca_no_accounts")));
  else if (found.notices.length === 0) box.append(el("p", t("ca_no_notices")));
  for (const notice of found.notices) box.append(noticeCard(notice));
}

async function main() {
  ({ firm } = await startPage());
  if (!firm) return;
  await load();
}

main().catch((error) => say($("alert"), error instanceof ApiError ? error.message : String(error)));
