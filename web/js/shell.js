// What every signed-in page shares: who is signed in, the firm they act for (SPEC PORTAL-3:
// one user, several firms), the language, the navigation with the unread count, sign-out.
import { api, say, setCsrfToken } from "./api.js";
import { lang, setLang, t, translatePage } from "./i18n.js";

// Signs the page in (or goes to the sign-in page) and draws the header; returns
// {me, firm, operatorFirm} where firm is the participant firm chosen in the switcher.
export async function startPage() {
  let me;
  try {
    me = await api("GET", "/api/v1/me");
  } catch {
    window.location.assign("index.html");
    return new Promise(() => {});
  }
  setCsrfToken(me.csrf_token);
  const firms = me.firms || [];
  const participant = firms.filter((f) => f.kind !== "operator");
  const operatorFirm = firms.find((f) => f.kind === "operator");
  const params = new URLSearchParams(window.location.hash.slice(1));
  let firm = params.get("firm") || localStorage.getItem("cp.firm");
  if (!participant.some((f) => f.firm === firm)) firm = participant.length ? participant[0].firm : "";
  if (firm) localStorage.setItem("cp.firm", firm);

  const header = document.querySelector("header.bar");
  header.replaceChildren();
  const name = document.createElement("a");
  name.href = "home.html";  // an investor's home is ca.html: home.html sends them there
  name.className = "name";
  name.textContent = "connectpost";
  header.append(name);
  const nav = document.createElement("nav");
  // An investor (a client of a broker, issues 17 and 18) has their corporate actions, the online
  // opening of the Southbound permission and their account, nothing of the firm's staff pages.
  const investorOnly = !operatorFirm && participant.length > 0 &&
      participant.every((f) => (f.roles || []).length === 1 && f.roles[0] === "investor");
  const page = window.location.pathname.split("/").pop();
  if (investorOnly && !["ca.html", "opening.html", "account.html"].includes(page)) {
    window.location.assign("ca.html");
    return new Promise(() => {});
  }
  const links = investorOnly ? [["ca.html", "ca_nav"], ["opening.html", "op_nav"]]
    : [["home.html", "home"], ["request.html", "new_request"], ["events.html", "events"],
       ["documents.html", "documents"], ["obligations.html", "obligations_nav"],
       ["stress.html", "stress_nav"], ["counter.html", "counter_nav"]];
  if (operatorFirm) links.push(["operator.html", "operator"], ["refdata.html", "refdata"]);
  links.push(["account.html", "account"]);
  for (const [href, key] of links) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = t(key);
    nav.append(a);
  }
  const unread = document.createElement("span");
  unread.id = "unread";
  nav.append(unread);
  header.append(nav);

  const controls = document.createElement("div");
  controls.className = "controls";
  if (participant.length > 0) {
    const label = document.createElement("label");
    label.textContent = t("firm") + " ";
    const select = document.createElement("select");
    select.id = "firm-switcher";
    for (const f of participant) select.add(new Option(f.firm + (f.name ? " · " + f.name : ""), f.firm));
    select.value = firm;
    select.addEventListener("change", () => {
      localStorage.setItem("cp.firm", select.value);
      window.location.hash = "";
      window.location.reload();
    });
    label.append(select);
    controls.append(label);
  }
  const langLabel = document.createElement("label");
  langLabel.textContent = t("language") + " ";
  const langSelect = document.createElement("select");
  langSelect.id = "language";
  for (const [code, label] of [["en", "English"], ["zh-Hant", "繁體中文"], ["zh-Hans", "简体中文"]]) {
    langSelect.add(new Option(label, code));
  }
  langSelect.value = lang();
  langSelect.addEventListener("change", () => {
    setLang(langSelect.value);
    window.location.reload();
  });
  langLabel.append(langSelect);
  controls.append(langLabel);
  const out = document.createElement("button");
  out.type = "button";
  out.className = "secondary";
  out.textContent = t("sign_out");
  out.addEventListener("click", async () => {
    await api("POST", "/api/v1/session/logout", {}).catch(() => {});
    window.location.assign("index.html");
  });
  controls.append(out);
  header.append(controls);
  translatePage();
  api("GET", "/api/v1/me/notifications?unread=1")
    .then((inbox) => (unread.textContent = inbox.unread ? `🔔 ${inbox.unread}` : ""))
    .catch(() => {});
  return { me, firm, operatorFirm: operatorFirm ? operatorFirm.firm : "" };
}

// "2026-11-22T08:03:00.389526Z" → "2026-11-22 16:03" (Hong Kong time, UTC+8, no DST).
export function hkt(text) {
  if (!text) return "";
  const instant = new Date(text.replace(/\.\d+Z$/, "Z"));
  if (Number.isNaN(instant.getTime())) return text;
  const local = new Date(instant.getTime() + 8 * 3600 * 1000);
  return local.toISOString().slice(0, 16).replace("T", " ");
}

// A table cell or element with text, never HTML: what users typed is shown, not run.
// startPage() for the operator's pages: the operator firm, or "" after saying in `alert` that
// this user is in none.
export async function startOperatorPage(alert) {
  const { operatorFirm } = await startPage();
  if (!operatorFirm) say(alert, "not an operator");
  return operatorFirm;
}

// A row of buttons, one per action, each with the id "<action>-<reference>"; the actions in
// `secondary` are drawn as secondary (reject, withdraw).
export function actionButtons(actions, reference, secondary, onClick) {
  const row = el("div", null, { class: "buttons" });
  for (const action of actions) {
    const button = el("button", t(action), { type: "button", id: `${action}-${reference}`,
                                             class: secondary.includes(action) ? "secondary" : "" });
    button.addEventListener("click", () => onClick(action));
    row.append(button);
  }
  return row;
}

export function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}
