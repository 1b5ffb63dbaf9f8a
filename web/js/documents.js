// The document centre (SPEC PORTAL-11): the technical documents and guides the firm's kind may
// see, by category, each version downloadable (every download is in the audit trail).
import { ApiError, api, say } from "./api.js";
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
      cell.append(el("a", t("download"), {
        href: `/api/v1/firms/${firm}/documents/${d.code}/versions/${v.version}`,
      }));
      row.append(el("td", d.category), el("td", local(d.title)), el("td", v.version),
                 el("td", hkt(v.published_at)), cell);
    }
  }
  if (data.documents.length === 0) body.insertRow().append(el("td", t("none"), { colspan: "5" }));
}

main().catch((error) =>
  say(document.getElementById("alert"), error instanceof ApiError ? error.message : String(error)));
