// One e-service request (SPEC PORTAL-5..7, PORTAL-12): start a draft of a service, fill its form
// (built from the service's JSON Schema by json-editor, which validates as the user types; the
// server validates again on submit and its problems are listed), attach files, save, submit;
// checkers approve or return, makers withdraw; the timeline and the audit trail below.
// #firm=B001&ref=SR-00000042 shows a request; #firm=B001&new=bank-accounts starts one.
/* global JSONEditor */
import { ApiError, api, csrfHeader, downloadButton, say } from "./api.js";
import { prepareFormTool } from "./form-tool.js";
import { lang, local, localSchema, statusName, t } from "./i18n.js";
import { el, hkt, startPage } from "./shell.js";

const $ = (id) => document.getElementById(id);
let state = { firm: "", request: null, service: null, editor: null };

function fail(error) {
  say($("alert"), error instanceof ApiError ? error.message : String(error));
}

async function showPicker(firm, preselect) {
  $("picker").hidden = false;
  const select = $("service-select");
  // The listener first: a click on Start before the list arrives must not submit the page.
  $("picker-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!select.value) return;
    try {
      const created = await api("POST", `/api/v1/firms/${firm}/requests`,
                                { service: select.value, data: {} });
      window.location.hash = `firm=${firm}&ref=${created.reference}`;  // loads it (main)
    } catch (error) {
      fail(error);
    }
  });
  const list = await api("GET", `/api/v1/firms/${firm}/services`);
  for (const s of list.services.filter((x) => x.can_make)) {
    select.add(new Option(`#${s.number} ${local(s.title)}`, s.id));
  }
  if (preselect) select.value = preselect;
}

function buildEditor(request, service, editable) {
  const schema = localSchema(service.schema, local(service.title));
  // What the profile fills in is shown, not typed (the server sets it anyway).
  for (const property of Object.keys(service.auto_fill || {})) {
    if (schema.properties && schema.properties[property]) schema.properties[property].readOnly = true;
  }
  if (state.editor) state.editor.destroy();
  prepareFormTool();
  state.editor = new JSONEditor($("editor"), {
    schema,
    startval: request.data,
    theme: "portal",
    disable_edit_json: true,
    disable_properties: true,
    disable_collapse: true,
    disable_array_reorder: true,
    prompt_before_delete: false,
    show_errors: "interaction",
    use_default_values: false,
  });
  // The form is built after the constructor returns: it can be disabled once it is ready.
  if (!editable) state.editor.on("ready", () => state.editor.disable());
}

// The field a problem is about, by its titles in the page's language ("Instructions › 1 › Bank
// code"), from a JSON pointer ("/instructions/0/bank_code", the server's) or a json-editor path
// ("root.instructions.0.bank_code").
function fieldTitle(schema, path) {
  const segments = path.startsWith("root") ? path.split(".").slice(1)
                                           : path.split("/").slice(1).filter(Boolean);
  let node = schema;
  const names = [];
  for (const segment of segments) {
    if (!node) break;
    if (/^\d+$/.test(segment) && node.items) {
      names.push(String(Number(segment) + 1));
      node = node.items;
      continue;
    }
    const branch = [node, ...(node.oneOf || [])].find((n) => n.properties && n.properties[segment]);
    node = branch ? branch.properties[segment] : null;
    names.push(node && node.title ? node.title : segment);
  }
  return names.join(" › ");
}

// A problem in the page's language. The server's schema messages are in English (valijson's):
// other languages name the field and say what to do.
function problemText(schema, p, fromServer) {
  if (p.pointer.startsWith("#attachments/")) {
    const name = p.pointer.slice("#attachments/".length);
    const slot = (state.service.attachments || []).find((s) => s.name === name);
    return `${slot ? local(slot.title) : name}: ${t("attachment_required")}`;
  }
  const missing = fromServer && p.message.match(/required property '([^']+)'/);
  const path = missing ? `${p.pointer.replace(/\/$/, "")}/${missing[1]}` : p.pointer;
  const where = fieldTitle(schema, path) || t("whole_request");
  if (missing) return `${where}: ${t("required_field")}`;
  return `${where}: ${fromServer && lang() !== "en" ? t("check_field") : p.message}`;
}

function showProblems(problems, fromServer = true) {
  const list = $("problems");
  list.replaceChildren();
  const schema = localSchema(state.service.schema);  // the titles in the page's language
  for (const p of problems || []) list.append(el("li", problemText(schema, p, fromServer)));
  $("problems-box").hidden = !problems || problems.length === 0;
}

function renderTimeline(request) {
  const table = $("timeline");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const h of ["#", t("updated"), "", t("status"), t("reason")]) head.append(el("th", h));
  const body = table.createTBody();
  for (const e of request.timeline) {
    const row = body.insertRow();
    row.append(el("td", e.seq), el("td", hkt(e.at)), el("td", `${e.actor} · ${e.action}`),
               el("td", statusName(e.to)), el("td", e.reason));
  }
}

async function renderAudit(firm, ref) {
  const trail = await api("GET", `/api/v1/firms/${firm}/requests/${ref}/audit`);
  const table = $("audit");
  table.replaceChildren();
  const body = table.createTBody();
  for (const e of trail.entries) {
    const row = body.insertRow();
    row.append(el("td", e.seq), el("td", hkt(e.at)), el("td", e.actor), el("td", e.action),
               el("td", e.hash.slice(0, 12)));
  }
}

function renderAttachments(request, service, editable) {
  const list = $("attachments");
  list.replaceChildren();
  for (const a of request.attachments) {
    const li = el("li");
    // A download is audited: a POST (a button), not a link any page could make the browser GET.
    const button = el("button", `${a.file_name} (${a.slot}, ${a.size_bytes} B)`, {
      type: "button", class: "secondary download", id: `attachment-${a.id}`,
    });
    downloadButton(button,
                   `/api/v1/firms/${state.firm}/requests/${request.reference}/attachments/${a.id}/download`,
                   a.file_name, $("alert"));
    li.append(button, el("small", ` SHA-256 ${a.sha256.slice(0, 16)}…`));
    list.append(li);
  }
  const slots = $("slots");
  slots.replaceChildren();
  if (!editable) return;
  for (const slot of service.attachments || []) {
    const id = `file-${slot.name}`;
    const label = el("label", local(slot.title) + (slot.required ? " *" : ""), { for: id });
    const input = el("input", null, { id, type: "file", accept: slot.types.map((x) => "." + x).join(",") });
    const button = el("button", t("upload"), { type: "button", class: "secondary" });
    button.addEventListener("click", async () => {
      const file = input.files[0];
      if (!file) return;
      const response = await fetch(
        `/api/v1/firms/${state.firm}/requests/${request.reference}/attachments?slot=${encodeURIComponent(slot.name)}&name=${encodeURIComponent(file.name)}`,
        { method: "POST", headers: { "Content-Type": "application/octet-stream", ...csrfHeader() },
          body: file, credentials: "same-origin" });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        say($("alert"), (data.error && data.error.message) || `upload failed (${response.status})`);
        return;
      }
      await load();
    });
    slots.append(label, input, button);
  }
}

function renderActions(request) {
  const buttons = $("action-buttons");
  buttons.replaceChildren();
  const steps = request.actions.filter((a) => ["approve", "return", "withdraw"].includes(a));
  $("checker").hidden = steps.length === 0;
  for (const action of steps) {
    const button = el("button", t(action), { type: "button", id: `action-${action}`,
                                             class: action === "approve" ? "" : "secondary" });
    button.addEventListener("click", () => step(action, { reason: $("reason").value }));
    buttons.append(button);
  }
}

async function step(action, extra) {
  const r = state.request;
  try {
    await api("POST", `/api/v1/firms/${state.firm}/requests/${r.reference}/${action}`,
              { version: r.version, ...extra });
    await load();
    say($("alert"), t("done"), true);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && action === "submit") {
      await load(false);
    }
    fail(error);
  }
}

async function load(clearAlert = true) {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const ref = params.get("ref");
  const request = await api("GET", `/api/v1/firms/${state.firm}/requests/${ref}`);
  const service = await api("GET", `/api/v1/catalog/${request.service.id}`);
  state.request = request;
  state.service = service;
  const editable = request.actions.includes("save");
  $("request").hidden = false;
  $("title").textContent = `#${service.number} ${local(service.title)}`;
  $("reference").textContent = request.reference;
  $("status").textContent = statusName(request.status);
  $("status").dataset.status = request.status;
  $("forms").textContent = service.forms_replaced.join(" · ");
  $("edit-buttons").hidden = !editable;
  if (clearAlert) say($("alert"), "");
  buildEditor(request, service, editable);
  showProblems(editable ? request.problems : []);
  renderAttachments(request, service, editable);
  renderActions(request);
  renderTimeline(request);
  await renderAudit(state.firm, request.reference);
}

async function main() {
  // A link to another request from this page (a notification, the picker) changes only the
  // hash, which does not load the page again: load it, or the old request would stay shown.
  window.addEventListener("hashchange", () => window.location.reload());
  const { firm } = await startPage();
  state.firm = firm;
  const params = new URLSearchParams(window.location.hash.slice(1));
  if (!params.get("ref")) {
    await showPicker(firm, params.get("new"));
    return;
  }
  $("save").addEventListener("click", async () => {
    try {
      await api("PUT", `/api/v1/firms/${firm}/requests/${state.request.reference}`,
                { version: state.request.version, data: state.editor.getValue() });
      await load();
      say($("alert"), t("saved"), true);
    } catch (error) {
      fail(error);
    }
  });
  $("request-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const errors = state.editor.validate();
    if (errors.length > 0) {
      state.editor.setOption("show_errors", "always");
      showProblems(errors.map((e) => ({ pointer: e.path, message: e.message })), false);
      return;
    }
    step("submit", { data: state.editor.getValue() });
  });
  await load();
}

main().catch(fail);
