// Password reset: without a token, ask for a link by email; with #token=… (the mailed link;
// the fragment never reaches a server log), choose the new password.
import { api, busy, say } from "./api.js";

const $ = (id) => document.getElementById(id);
const alert = $("alert");
const token = new URLSearchParams(window.location.hash.slice(1)).get("token");

if (token) {
  // Out of the address bar and the history: the link works once, but need not linger.
  history.replaceState(null, "", window.location.pathname);
  $("request-form").hidden = true;
  $("new-password-form").hidden = false;
}

$("request-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, alert, async () => {
    const answer = await api("POST", "/api/v1/password-reset", { user: $("user").value.trim() });
    say(alert, answer.message, true);
  });
});

$("new-password-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if ($("new-password").value !== $("new-password-again").value) {
    say(alert, "the two passwords differ");
    return;
  }
  busy(event.target, alert, async () => {
    await api("POST", "/api/v1/password-reset/confirm", {
      token,
      new_password: $("new-password").value,
    });
    event.target.hidden = true;
    say(alert, "Your password is set. Sign in with it and your second factor.", true);
  });
});
