// The report's content as one HTML page, for the comparison with Chromium's
// print-to-PDF (what an Electron app gets from webContents.printToPDF): the
// same text, tables and photos as the pdfkit report — cover facts, every
// section's items, findings with their photos, the analysis tables, the
// action plan, interviews and the photo appendix two photos to a page.
// Photos are referenced by file URL, so Chromium reads the same JPEGs from disk.
import { pathToFileURL } from 'node:url';
import type { ReportData, ReportPhoto } from '../../electron/core/report/types';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

function img(p: ReportPhoto, cls: string): string {
  const src = 'path' in p.source ? pathToFileURL(p.source.path).href : `data:image/jpeg;base64,${Buffer.from(p.source.bytes).toString('base64')}`;
  return `<figure class="${cls}"><img src="${src}" alt="${esc(p.caption)}"><figcaption>${esc(`${p.ref} · ${p.caption} · taken ${p.takenAt} · sha256 ${p.sha256.slice(0, 12)}`)}</figcaption></figure>`;
}

const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

export function reportHtml(d: ReportData, title: string): string {
  const photos = new Map(d.photos.map((p) => [p.id, p]));
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
    @page { size: A4; margin: 66pt 48pt 64pt 48pt; }
    body { font: 9.5pt 'DejaVu Sans', sans-serif; color: #1a1a1a; }
    h1 { font-size: 17pt; color: #1f3a5f; border-bottom: 1.2pt solid #1f3a5f; break-before: page; }
    h2 { font-size: 12.5pt; color: #1f3a5f; break-after: avoid; }
    table { width: 100%; border-collapse: collapse; margin: 6pt 0; }
    th { background: #1f3a5f; color: #fff; text-align: left; font-size: 8.5pt; padding: 3pt; }
    td { border-bottom: 0.5pt solid #c9ced6; padding: 3pt; vertical-align: top; }
    tr { break-inside: avoid; }
    figure { margin: 6pt 0; break-inside: avoid; }
    figure.half { display: inline-block; width: 48%; margin-right: 2%; }
    figure img { width: 100%; border: 0.4pt solid #9aa3ad; }
    figure.full img { max-height: 300pt; object-fit: contain; }
    figcaption { font-size: 8pt; color: #5b6470; }
  </style></head><body>`);
  out.push(`<h1 style="break-before: auto">${esc(title)}</h1>`);
  out.push(table(['', ''], [
    ['Site', d.site.name], ['Audit', `${d.audit.id} revision ${d.audit.revision}`], ['Dates', `${d.audit.startDate} – ${d.audit.endDate}`],
    ['Lead auditor', d.audit.leadAuditor], ['Team', d.audit.team.join(', ')], ['Scope', d.audit.scope], ['Time on site', d.audit.timeOnSite],
  ]));
  out.push(`<h1>Summary</h1>`);
  for (const k of d.keyFindings) out.push(`<p>${esc(k)}</p>`);
  out.push(table(['Section', 'Answered', 'Non-compliant', 'Score'], d.sections.map((s) => [s.title, `${s.answered} of ${s.total}`, String(s.nonCompliant), s.percent === null ? '—' : `${s.percent} %`])));
  out.push(`<h1>Non-compliances</h1>`);
  out.push(table(['Ref', 'Section', 'Item', 'Severity', 'Clauses', 'Finding'], d.findings.map((f) => [f.ref, f.sectionTitle, f.prompt, f.severity ?? '—', f.clauses.join(', '), f.summary])));
  out.push(`<h1>Findings by section</h1>`);
  for (const s of d.sections) {
    out.push(`<h2>${esc(s.title)}</h2>`);
    out.push(table(['Item', 'Answer', 'Note'], s.items.map((i) => [i.prompt, i.answer, i.note])));
    for (const i of s.items) {
      if (!i.photoIds.length) continue;
      out.push(`<p><b>${esc(i.prompt)}</b></p>`);
      for (const id of i.photoIds) {
        const p = photos.get(id);
        if (p) out.push(img(p, 'half'));
      }
    }
  }
  out.push(`<h1>Analysis</h1>`);
  for (const a of d.analysis) {
    out.push(`<h2>${esc(a.title)}</h2><p>${esc(a.basis)}</p>`);
    out.push(table(a.columns.map((c) => c.label), a.rows.map((r) => r.cells)));
    out.push(`<p>${esc(a.summary)}</p>`);
  }
  out.push(`<h1>Corrective action plan</h1>`);
  out.push(table(['Finding', 'Action', 'Owner', 'Due', 'Status', 'Verification'], d.actions.map((a) => [a.findingRef, a.action, a.owner, a.dueDate, a.status, a.verification])));
  if (d.interviews) {
    out.push(`<h1>Interviews</h1><p>${d.interviews.interviews} interviews (${d.interviews.individual} individual, ${d.interviews.group} group)</p>`);
    for (const e of d.interviews.excerpts) out.push(`<blockquote>${esc(e.text)} — ${esc(e.code)}</blockquote>`);
  }
  out.push(`<h1>Photo appendix</h1>`);
  for (const p of d.photos) out.push(img(p, 'full'));
  out.push('</body></html>');
  return out.join('\n');
}
