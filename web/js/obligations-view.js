// What the home page and the obligations page share (issue 16 item 6): a participant's money
// obligations to HKSCC with a live countdown to each deadline, and the chart of its day-end
// margin and marks with the same figures as a table for screen readers. Amounts come from the
// server as decimal strings and are shown as they are, grouped; the chart alone turns them into
// numbers, to draw.
import { obligationWord, t } from "./i18n.js";
import { el } from "./shell.js";

// "1234567.50" → "1,234,567.50", without going through a binary number.
export function grouped(text) {
  const [whole, fraction] = String(text).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + withCommas + (fraction !== undefined ? "." + fraction : "");
}

// "2026-12-08T09:30:00+08:00" → "2026-12-08 09:30" (the server gives Hong Kong time).
export function hktDeadline(iso) {
  return iso ? iso.slice(0, 16).replace("T", " ") : "";
}

// Time left to `iso` from `nowMs`: "2 d 3 h", "3 h 12 min", "12 min 5 s"; past it, "overdue …".
export function timeLeft(iso, nowMs) {
  const ms = Date.parse(iso) - nowMs;
  const past = ms < 0;
  let seconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const text = days > 0 ? `${days} d ${hours} h`
             : hours > 0 ? `${hours} h ${minutes} min`
             : `${minutes} min ${seconds} s`;
  return past ? `${t("overdue_by")} ${text}` : text;
}

const counting = new Set();
let ticker = 0;

// Every countdown cell on the page shows the time left, refreshed each second.
function tick() {
  const now = Date.now();
  for (const cell of counting) {
    if (!cell.isConnected) {
      counting.delete(cell);
      continue;
    }
    cell.textContent = cell.dataset.open === "1" ? timeLeft(cell.dataset.deadline, now) : "";
  }
}

function countdownCell(o) {
  const open = o.status === "due" || o.status === "overdue" || o.status === "defaulted";
  const cell = el("td", "", { class: "countdown", "data-deadline": o.deadline,
                              "data-open": open ? "1" : "0" });
  counting.add(cell);
  if (!ticker) ticker = window.setInterval(tick, 1000);
  return cell;
}

// Fills `table` with the obligations; `withParticipant` adds the firm and participant columns
// (the operators' view); `onPay(o)`, when given, adds a button to each unpaid one.
export function fillObligations(table, obligations, withParticipant = false, onPay = null) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  const titles = withParticipant ? [t("firm"), t("participant")] : [];
  titles.push(t("obligation"), t("amount"), t("paid"), t("channel"), t("pay_by"), t("time_left"),
              t("report"), t("status"));
  if (onPay) titles.push("");
  for (const title of titles) head.append(el("th", title, { scope: "col" }));
  const body = table.createTBody();
  if (obligations.length === 0) {
    body.insertRow().append(el("td", t("none"), { colspan: String(titles.length) }));
    return;
  }
  for (const o of obligations) {
    const row = body.insertRow();
    row.id = `obligation-${o.id}`;
    if (withParticipant) row.append(el("td", o.firm || "—"), el("td", o.participant));
    row.append(el("td", obligationWord(o.kind), { title: o.id }),
               el("td", grouped(o.amount), { class: "number" }),
               el("td", grouped(o.paid), { class: "number" }),
               el("td", obligationWord(o.channel)),
               el("td", hktDeadline(o.deadline)),
               countdownCell(o),
               el("td", `${o.report} · ${hktDeadline(o.report_issued_at)}`),
               el("td", obligationWord(o.status), { class: "status", "data-status": o.status }));
    if (onPay) {
      const cell = el("td");
      if (o.status !== "paid") {
        const button = el("button", t("enter_payment_short"), { type: "button", class: "secondary",
                                                               "aria-label": `${t("enter_payment_short")} ${o.id}` });
        button.addEventListener("click", () => onPay(o));
        cell.append(button);
      }
      row.append(cell);
    }
  }
  tick();
}

const SERIES = [
  ["net_margin", "#0b5cab"],
  ["marks", "#b54708"],
  ["total_requirement", "#067647"],
];

let chart = null;

// The chart of the days (GET …/risk/history) on `canvas` (Chart.js, web/package.json) and the
// same figures in `table`, a screen reader's way to them (WCAG 1.1.1).
export function drawHistory(canvas, table, days) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const key of ["date", ...SERIES.map(([k]) => k), "collateral_on_hand"]) {
    head.append(el("th", t(key), { scope: "col" }));
  }
  const body = table.createTBody();
  for (const d of days) {
    const row = body.insertRow();
    row.append(el("td", d.date));
    for (const [key] of SERIES) row.append(el("td", grouped(d[key]), { class: "number" }));
    row.append(el("td", grouped(d.collateral_on_hand), { class: "number" }));
  }
  if (days.length === 0) body.insertRow().append(el("td", t("none"), { colspan: "5" }));
  canvas.setAttribute("aria-label", `${t("margin_history")}: ${days.length} ${t("date")}`);
  if (chart) chart.destroy();
  chart = null;
  if (typeof window.Chart !== "function") return;  // the library is missing: the table stands
  chart = new window.Chart(canvas, {
    type: "line",
    data: {
      labels: days.map((d) => d.date),
      datasets: SERIES.map(([key, colour]) => ({
        label: t(key),
        data: days.map((d) => Number(d[key])),
        borderColor: colour,
        backgroundColor: colour,
        tension: 0,
        pointRadius: 2,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: { y: { beginAtZero: true } },
    },
  });
}

// Today's and upcoming obligations of `firm` (the next 30 days and whatever is overdue) into
// `table`, and the last 60 days into the chart; returns the days drawn, or null when the firm
// has no HKSCC participant id.
export async function showFirmObligations(api, firm, { table, canvas, historyTable, participant }) {
  let open;
  try {
    open = await api("GET", `/api/v1/firms/${firm}/obligations`);
  } catch (error) {
    if (error.status === 404 || error.status === 403) return null;  // no participant id, no risk view
    throw error;
  }
  if (participant) participant.textContent = `${t("participant")}: ${open.participant}`;
  fillObligations(table, open.obligations);
  const history = await api("GET", `/api/v1/firms/${firm}/risk/history?days=60`);
  drawHistory(canvas, historyTable, history.days);
  return history.days;
}
