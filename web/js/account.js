// The signed-in user's page: firms and roles, second factors (enrol an authenticator app from its
// QR code), password change, sign out. The CSRF token comes from /api/v1/me on every load.
import { api, ApiError, busy, say, setCsrfToken, utcMinutes } from "./api.js";

const $ = (id) => document.getElementById(id);
const alert = $("alert");

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;
  row.appendChild(td);
}

async function load() {
  let me;
  let security;
  try {
    [me, security] = await Promise.all([api("GET", "/api/v1/me"), api("GET", "/api/v1/me/security")]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      window.location.replace("index.html");
      return;
    }
    say(alert, "your account could not be loaded: " + error.message);
    return;
  }
  setCsrfToken(me.csrf_token);
  $("who").textContent = security.name ? `${security.name} (${me.user})` : me.user;
  const firms = $("firms");
  firms.replaceChildren();
  for (const firm of me.firms) {
    const row = document.createElement("tr");
    cell(row, firm.firm);
    cell(row, firm.kind.replaceAll("_", " "));
    cell(row, firm.roles.join(", "));
    firms.appendChild(row);
  }
  $("totp-status").textContent = security.totp ? "enrolled" : "none";
  $("totp-start").textContent =
    security.totp ? "Replace the authenticator app" : "Set up an authenticator app";
  $("email-status").textContent =
    security.email_status === "none" ? "not registered: ask your administrator"
      : security.email_status === "pending"
        ? `${security.email} (waiting for the operator's approval)`
        : security.email;
  $("recovery-left").textContent = String(security.recovery_codes_left);
}

$("totp-start").addEventListener("click", () => {
  $("totp-password-form").hidden = false;
  $("totp-password").focus();
});

$("totp-password-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, $("totp-alert"), async () => {
    const app = await api("POST", "/api/v1/me/totp", { password: $("totp-password").value });
    $("totp-password").value = "";
    $("totp-password-form").hidden = true;
    // The server's own SVG (no script, attributes only), parsed as SVG, never as HTML.
    const svg = new DOMParser().parseFromString(app.qr_svg, "image/svg+xml").documentElement;
    $("totp-qr").replaceChildren(document.importNode(svg, true));
    $("totp-key").textContent = app.key;
    $("totp-expires").textContent = `This QR code is good until ${utcMinutes(app.expires_at)}.`;
    $("totp-confirm-form").hidden = false;
    $("totp-code").focus();
  });
});

$("totp-confirm-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy(event.target, $("totp-alert"), async () => {
    await api("POST", "/api/v1/me/totp/confirm", { code: $("totp-code").value.trim() });
    $("totp-code").value = "";
    $("totp-qr").replaceChildren();
    $("totp-key").textContent = "";
    $("totp-confirm-form").hidden = true;
    say($("totp-alert"), "The authenticator app is enrolled: use it at your next sign-in.", true);
    await load();
  });
});

$("password-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if ($("new-password").value !== $("new-password-again").value) {
    say($("password-alert"), "the two new passwords differ");
    return;
  }
  busy(event.target, $("password-alert"), async () => {
    const changed = await api("POST", "/api/v1/me/password", {
      current_password: $("current-password").value,
      new_password: $("new-password").value,
    });
    setCsrfToken(changed.csrf_token);
    event.target.reset();
    say($("password-alert"),
        `Password changed. Other sessions signed out: ${changed.sessions_ended - 1}.`, true);
  });
});

async function signOut(path) {
  try {
    await api("POST", path, {});
  } finally {
    window.location.assign("index.html");
  }
}
$("logout").addEventListener("click", () => signOut("/api/v1/session/logout"));
$("logout-all").addEventListener("click", () => signOut("/api/v1/session/logout-all"));

load();
