// Sign-in in two steps (docs/identity.md): the password opens a login attempt (an HttpOnly
// cookie), then one second factor opens the session. Nothing secret is kept in the page.
import { api, busy, say, utcMinutes } from "./api.js";

const $ = (id) => document.getElementById(id);
const alert = $("alert");

function signedIn() {
  window.location.assign("home.html");
}

$("password-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, alert, async () => {
    const answer = await api("POST", "/api/v1/session/password", {
      user: $("user").value.trim(),
      password: $("password").value,
    });
    $("password").value = "";
    $("password-form").hidden = true;
    $("factor-step").hidden = false;
    const factors = answer.second_factor || [];
    $("totp-form").hidden = !factors.includes("totp");
    $("email-form").hidden = !factors.includes("email");
    $("fallback-form").hidden = !factors.includes("password_only");
    (factors.includes("totp") ? $("totp-code") : $("send-email-code")).focus();
  });
});

$("totp-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, alert, async () => {
    await api("POST", "/api/v1/session/totp", { code: $("totp-code").value.trim() });
    signedIn();
  });
});

$("send-email-code").addEventListener("click", () => {
  busy($("email-form"), alert, async () => {
    const sent = await api("POST", "/api/v1/session/email-code/send", {});
    say($("email-sent"), `A code was sent to ${sent.sent_to}; it is valid until ${utcMinutes(sent.expires_at)}.`, true);
    $("email-code").focus();
  });
});

$("email-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, alert, async () => {
    await api("POST", "/api/v1/session/email-code", { code: $("email-code").value.trim() });
    signedIn();
  });
});

$("fallback-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, alert, async () => {
    await api("POST", "/api/v1/session/fallback", {});
    signedIn();
  });
});

$("recovery-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, alert, async () => {
    await api("POST", "/api/v1/session/recovery-code", { code: $("recovery-code").value.trim() });
    signedIn();
  });
});
