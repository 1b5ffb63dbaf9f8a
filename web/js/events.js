// Seminars and events (SPEC PORTAL-10): each event's sessions with seats left and the waiting
// list, a registration form per session, and the firm's registrations with a cancel button.
import { ApiError, api, say } from "./api.js";
import { local, t } from "./i18n.js";
import { el, hkt, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
const LANGUAGE = { en: "English", yue: "粵語 Cantonese", cmn: "普通話 Putonghua" };
let firm = "";

function fail(error) {
  say($("alert"), error instanceof ApiError ? error.message : String(error));
}

function sessionForm(event, session) {
  const form = el("form", null, { class: "register" });
  const nameId = `name-${session.id}`;
  const mailId = `mail-${session.id}`;
  form.append(el("label", t("attendee"), { for: nameId }),
              el("input", null, { id: nameId, required: "", maxlength: "120", autocomplete: "name" }),
              el("label", t("email"), { for: mailId }),
              el("input", null, { id: mailId, type: "email", required: "", autocomplete: "email" }),
              el("button", t("register"), { type: "submit" }));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const r = await api("POST", `/api/v1/firms/${firm}/events/${event.code}/registrations`, {
        session: session.id, attendee_name: $(nameId).value, attendee_email: $(mailId).value });
      say($("alert"), `${r.attendee_name}: ${r.status}`, true);
      await load();
    } catch (error) {
      fail(error);
    }
  });
  return form;
}

async function load() {
  const data = await api("GET", `/api/v1/firms/${firm}/events`);
  const box = $("events");
  box.replaceChildren();
  if (data.events.length === 0) box.append(el("p", t("none")));
  for (const event of data.events) {
    const card = el("article");
    card.append(el("h2", local(event.title)), el("p", event.description),
                el("p", `${t("deadline")}: ${hkt(event.deadline)}` +
                        (event.seats_per_firm ? ` · ≤ ${event.seats_per_firm} / firm` : "")));
    for (const s of event.sessions) {
      const details = el("details");
      details.append(el("summary", `${hkt(s.starts_at)}–${hkt(s.ends_at).slice(11)} · ${LANGUAGE[s.language]} · ` +
                                   `${s.mode === "venue" ? s.venue : "online"} · ${t("seats_left")} ${s.seats_left}` +
                                   (s.waitlisted ? ` · ${t("waitlisted")} ${s.waitlisted}` : "")));
      if (event.status === "open") details.append(sessionForm(event, s));
      card.append(details);
    }
    const mine = el("ul");
    for (const r of event.registrations.filter((x) => x.status !== "cancelled")) {
      const li = el("li", `${r.attendee_name} <${r.attendee_email}> · ${r.status} `);
      const cancel = el("button", t("cancel"), { type: "button", class: "secondary" });
      cancel.addEventListener("click", async () => {
        try {
          await api("POST", `/api/v1/firms/${firm}/events/${event.code}/registrations/${r.id}/cancel`, {});
          await load();
        } catch (error) {
          fail(error);
        }
      });
      li.append(cancel);
      mine.append(li);
    }
    card.append(mine);
    box.append(card);
  }
}

async function main() {
  ({ firm } = await startPage());
  if (firm) await load();
}

main().catch(fail);
