// The portal's one way to the API: JSON in and out, the session's CSRF token on every change,
// and errors as exceptions carrying the server's own message (shown to the user as is).
let csrfToken = "";

export function setCsrfToken(token) {
  csrfToken = token || "";
}

// For requests api() does not make (file uploads, downloads): the header to send.
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

// A step whose refusal by a rule (422) still answers with the thing as it now stands (an
// application refused at qualification, a counter request refused on the day): that answer, as
// a success would be; any other failure thrown.
export async function apiStep(method, path, body) {
  try {
    return await api(method, path, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && error.body && error.body.state) {
      return error.body;
    }
    throw error;
  }
}

// The file name of a Content-Disposition header: filename* (RFC 6266 and 8187, UTF-8,
// percent-encoded) before the plain filename, or "" without either. Never a path.
export function dispositionName(header) {
  if (!header) return "";
  let name = "";
  const extended = header.match(/(?:^|;)\s*filename\*\s*=\s*([^;]+)/i);
  if (extended) {
    const value = extended[1].trim().replace(/^"(.*)"$/, "$1");
    const quote = value.indexOf("'", value.indexOf("'") + 1);
    try {
      if (quote > 0 && /^utf-8'/i.test(value)) name = decodeURIComponent(value.slice(quote + 1));
    } catch {
      name = "";
    }
  }
  if (!name) {
    const plain = header.match(/(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i);
    if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, "$1") : plain[2];
  }
  return name.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim();
}

// An audited download (an export, an attachment, a document): a POST with the CSRF token, its
// answer saved as a file through a temporary object URL and an <a download> click. The name is
// the server's (Content-Disposition), else `fallbackName`. Returns the name; throws ApiError
// with the server's message when it refuses.
export async function download(path, fallbackName) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...csrfHeader() },
    body: "{}",
    credentials: "same-origin",
  });
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    const error = data.error || {};
    throw new ApiError(response.status, error.code || "http_" + response.status,
                       error.message || "the server answered " + response.status, data);
  }
  const blob = await response.blob();
  const name = dispositionName(response.headers.get("Content-Disposition")) || fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has the file once the click's navigation starts; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}

// A button that runs download(path(), fallbackName) and says in `alert` why it failed; it is
// disabled while the file comes, so a double click does not make two audit entries.
export function downloadButton(button, path, fallbackName, alert) {
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await download(typeof path === "function" ? path() : path, fallbackName);
    } catch (error) {
      say(alert, error instanceof ApiError ? error.message : "the server could not be reached");
    } finally {
      button.disabled = false;
    }
  });
  return button;
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
