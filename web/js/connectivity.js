// SPEC AUTH-3: the connectivity check, before signing in.
const $ = (id) => document.getElementById(id);

async function check() {
  $("service").textContent = "checking…";
  let body;
  try {
    const response = await fetch("/api/v1/connectivity", { headers: { Accept: "application/json" } });
    body = await response.json();
    $("service").textContent = body.ok ? "reachable, working" : "reachable, but not working";
  } catch {
    $("service").textContent = "NOT reachable: check your network and firewall";
    return;
  }
  $("database").textContent = body.database ? "ok" : "down";
  $("mail").textContent = !body.mail.configured ? "not set up (authenticator app only)"
    : body.mail.reachable ? "ok" : "down: email codes cannot be sent";
  $("server-time").textContent = body.server_time_utc;
  const offsetSeconds = Math.round(Date.now() / 1000 - body.unix_seconds);
  $("clock").textContent = Math.abs(offsetSeconds) <= 15
    ? `agrees (${offsetSeconds} s)`
    : `${offsetSeconds} s off: set this device's clock, or authenticator codes will be refused`;
}

$("again").addEventListener("click", check);
check();
