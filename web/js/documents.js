// The document centre (SPEC PORTAL-11): the technical documents and guides the firm's kind may
// see, by category, each version downloadable (every download is in the audit trail).
import { ApiError, api, downloadButton, say } from "./api.js";
import { local, t } from "./i18n.js";
import { el, hkt, startPage } from "./shell.js";

async function main() {
  const { firm } = await startPage();
  if (!firm) return;
  const data = await api("GET", `/api/v1/firms/${firm}/documents`);
  const table = document.getElementById("documents");
  const head = table.createTHead().insertRow();
  for (const h of ["", t("documents"), t("version"), t("updated"), ""]) head.append(el("th", h));
  const body = table.createTBody();
  for (const d of data.documents) {
    for (const v of d.versions) {
      const row = body.insertRow();
      const cell = el("td");
      // Each download is audited: a POST (a button), not a link. Its name says which document,
      // beginning with the word shown (WCAG 2.5.3).
      const button = el("button", t("download"), {
        type: "button", class: "secondary download", id: `download-${d.code}-${v.version}`,
        "aria-label": `${t("download")}: ${local(d.title)} ${v.version}`,
      });
      const path = `/api/v1/firms/${firm}/documents/${encodeURIComponent(d.code)}` +
                   `/versions/${encodeURIComponent(v.version)}/download`;
      cell.append(downloadButton(button, path, `${d.code}-${v.version}`, document.getElementById("alert")));
      row.append(el("td", d.category), el("td", local(d.title)), el("td", v.version),
                 el("td", hkt(v.published_at)), cell);
    }
  }
  if (data.documents.length === 0) body.insertRow().append(el("td", t("none"), { colspan: "5" }));
}

main().catch((error) =>
  say(document.getElementById("alert"), error instanceof ApiError ? error.message : String(error)));
