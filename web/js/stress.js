// Stress tests (ORG-4; issue 16 item 7): the firm's CNS positions at HKSCC under the scenario
// library and the user's own shocks, against the margin HKSCC holds; and, for the firm whose
// Southbound book the EOD runs, that book per channel and reserve account against the risk funds
// CSDC holds, with its audited CSV and XLSX downloads. Amounts are shown as the server gives
// them (decimal strings), grouped.
import { ApiError, api, busy, downloadButton, say } from "./api.js";
import { t } from "./i18n.js";
import { grouped } from "./obligations-view.js";
import { el, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
const alertBox = () => $("alert");
const report = (error) => say(alertBox(), error instanceof ApiError ? error.message : String(error));

function todayHkt() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

// A table of `columns` ([title, key, numeric]) over `rows`; "Nothing here." when empty.
function fill(table, columns, rows, rowClass) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const [title] of columns) head.append(el("th", title, { scope: "col" }));
  const body = table.createTBody();
  if (rows.length === 0) {
    body.insertRow().append(el("td", t("none"), { colspan: String(columns.length) }));
    return;
  }
  for (const item of rows) {
    const row = body.insertRow();
    if (rowClass) row.className = rowClass(item);
    for (const [, key, numeric] of columns) {
      row.append(el("td", numeric ? grouped(item[key]) : item[key], { class: numeric ? "number" : "" }));
    }
  }
}

// "00700=-0.35, 00005=-0.10" → "00700=-0.35,00005=-0.10" (the server checks each).
function shockParam(text) {
  return text.split(",").map((s) => s.trim()).filter((s) => s).join(",");
}

async function showParticipant(firm, date, shocks) {
  const query = new URLSearchParams({ date });
  if (shocks) query.set("shock", shocks);
  let stress;
  try {
    stress = await api("GET", `/api/v1/firms/${firm}/risk/stress?${query}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      $("participant-stress").hidden = true;
      return false;
    }
    throw error;
  }
  $("participant-note").textContent =
      `${t("participant")} ${stress.participant} · ${date}` +
      (stress.worst_day ? ` · ${t("worst_day")} ${stress.worst_day}` : "");
  fill($("scenarios"), [[t("scenario"), "scenario"], [t("shock"), "description"],
                        [t("pnl"), "pnl", true], [t("loss"), "loss", true],
                        [t("margin_held"), "collateral", true], [t("shortfall"), "shortfall", true]],
       stress.scenarios, (s) => (s.shortfall !== "0" ? "short" : ""));
  $("participant-stress").hidden = false;
  return true;
}

async function showBook(firm, date) {
  let book;
  try {
    book = await api("GET", `/api/v1/firms/${firm}/book/stress?date=${date}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      $("book-stress").hidden = true;
      return false;
    }
    throw error;
  }
  fill($("book"), [[t("market_channel"), "channel"], [t("reserve"), "reserve"],
                   [t("scenario"), "scenario"], [t("shock"), "shock"],
                   [t("long_value"), "long_value_hkd", true], [t("short_value"), "short_value_hkd", true],
                   [t("pnl"), "pnl_hkd", true], [t("loss"), "loss_hkd", true],
                   [t("risk_funds_held"), "collateral_hkd", true], [t("shortfall"), "shortfall_hkd", true]],
       book.rows, (r) => (r.shortfall_hkd !== "0" ? "short" : ""));
  $("book-stress").hidden = false;
  return true;
}

async function main() {
  const { firm } = await startPage();
  if (!firm) {
    say(alertBox(), t("no_participant"));
    return;
  }
  const params = new URLSearchParams(window.location.hash.slice(1));
  $("date").value = params.get("date") || todayHkt();
  const show = async () => {
    const date = $("date").value;
    window.location.hash = `date=${date}`;
    const shown = await showParticipant(firm, date, shockParam($("shocks").value));
    const book = await showBook(firm, date);
    if (!shown && !book) say(alertBox(), t("no_stress"));
  };
  for (const [id, extension] of [["book-csv", "csv"], ["book-xlsx", "xlsx"]]) {
    downloadButton($(id), () => `/api/v1/firms/${firm}/exports/book-stress.${extension}?date=${$("date").value}`,
                   `book-stress.${extension}`, alertBox());
  }
  $("stress-form").addEventListener("submit", (event) => {
    event.preventDefault();
    busy($("stress-form"), alertBox(), show);
  });
  await show();
}

main().catch(report);
