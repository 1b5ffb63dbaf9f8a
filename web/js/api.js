// The portal's one way to the API: JSON in and out, the session's CSRF token on every change,
// and errors as exceptions carrying the server's own message (shown to the user as is).
let csrfToken = "";

export function setCsrfToken(token) {
  csrfToken = token || "";
}

// For requests api() does not make (file uploads): the header to send.
export function csrfHeader() {
  return { "X-CSRF-Token": csrfToken };
}

export class ApiError extends Error {
  constructor(status, code, message, body = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;  // the whole answer: some name the field at fault ("field")
  }
}

export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = {};
  }
  if (!response.ok) {
    const error = data.error || {};
    throw new ApiError(response.status, error.code || "http_" + response.status,
                       error.message || "the server answered " + response.status, data);
  }
  return data;
}

// Shows `text` in the alert element (role="alert": screen readers announce it).
export function say(element, text, good = false) {
  element.textContent = text;
  element.className = "alert " + (good ? "good" : "bad");
}

// Runs `work` with the form's buttons disabled, reporting a failure in `alert`.
export async function busy(form, alert, work) {
  const buttons = form.querySelectorAll("button");
  buttons.forEach((b) => (b.disabled = true));
  say(alert, "");
  try {
    await work();
  } catch (error) {
    say(alert, error instanceof ApiError ? error.message : "the server could not be reached");
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

// "2026-11-22T08:03:00.389526Z" → "2026-11-22 08:03 UTC": what a person reads.
export function utcMinutes(text) {
  return text ? text.slice(0, 16).replace("T", " ") + " UTC" : "";
}
