// The demo's signed report read as a compliance manager would: every text
// answer, every reading and every corrective-action field is in the PDF's
// text, none of the contradictions of the old report is left, photos are
// printed once, and no page is left nearly empty by an avoidable break.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import { loadReportData } from '../../../electron/core/report/load';
import { renderReport } from '../../../electron/core/report/render';
import { auditDetail } from '../../../electron/core/store/repos/audits';
import { loadTemplate } from '../../../electron/core/store/repos/templates';
import { ACCEPTANCE_LABELS, TIMESCALE_LABELS, VERIFICATION_LABELS, timescaleFor } from '../../../shared/domain/capr';
import { PAGE } from '../../../electron/core/report/layout/writer';
import type { ReportExportResult } from '../../../shared/domain/report';
import { pagesText, pdfsig, run } from './tools';
import { GOOD_PRACTICE } from '../../../electron/core/demo/texts';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Assertions on the report's whole text name what was missing, not the text. */
const has = (text: string, s: string) => expect(text.includes(flat(s)), `missing: ${s}`).toBe(true);
const hasNot = (text: string, s: string | RegExp) => expect(typeof s === 'string' ? text.includes(s) : s.test(text), `present: ${String(s)}`).toBe(false);

describe('the demo report', () => {
  let t: TestCore;
  let auditId: string;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    await createFullDemo(t.core);
    auditId = (await t.call('audits.list', {})).find((a) => a.status === 'finalized')!.id;
    const { jobId } = await t.call('report.export', { auditId, draft: false });
    const job = await t.core.jobs.wait(jobId);
    expect(job.state).toBe('done');
    const r = job.result as ReportExportResult;
    expect(pdfsig(r.path)).toContain('Signature is Valid.');
    pages = pagesText(r.path);
    // Reading order (not -layout): a table cell's lines stay together.
    text = flat(run('pdftotext', [r.path, '-']).out);
  }, 60_000);
  afterAll(() => t.cleanup());

  it('prints every text answer and every reading or selection', () => {
    const d = auditDetail(t.core, auditId);
    const tpl = loadTemplate(t.core, d.audit.templateId);
    let texts = 0;
    let readings = 0;
    for (const r of d.responses) {
      const item = tpl.items.get(r.itemId)!.item;
      const v = r.value!;
      if (v.kind === 'text') {
        has(text, flat(v.text));
        has(text, flat(item.prompt));
        texts++;
      }
      if (v.kind === 'number' && item.kind === 'number') {
        has(text, `${v.value} ${item.unit}`);
        readings++;
      }
      if (v.kind === 'choice' && item.kind === 'choice') {
        for (const s of v.selected) has(text, flat(item.options.find((o) => o.value === s)!.label));
        readings++;
      }
      if (r.note) has(text, flat(r.note));
    }
    expect(texts).toBeGreaterThan(0);
    expect(readings).toBeGreaterThan(2);
    has(text, '4 of 10 sampled pay records breach the rules');
    has(text, '1 of 10 sampled weeks breaches the rules');
  });

  it('prints every corrective-action field in SMETA shape', () => {
    const d = auditDetail(t.core, auditId);
    expect(d.actions.length).toBeGreaterThan(4);
    for (const a of d.actions) {
      const f = d.findings.find((x) => x.id === a.findingId)!;
      for (const field of [a.action, a.owner, a.objectiveEvidence, a.rootCause, a.preventiveAction, a.siteComments, a.dueDate, a.verification]) if (field) has(text, flat(field));
      has(text, TIMESCALE_LABELS[timescaleFor(a.timescale, f.severity)]);
      if (a.verificationMethod) has(text, VERIFICATION_LABELS[a.verificationMethod]);
      has(text, ACCEPTANCE_LABELS[a.siteAcceptance]);
    }
    for (const label of ['Objective evidence', 'Root cause', 'Preventive action', 'Verification method', "Site's comments", "Site's acceptance"]) has(text, label);
    has(text, 'Disputed by the site');
  });

  it('prints the profile, the declaration and the good practices', () => {
    for (const s of ['Northwind Customer Solutions Philippines, Inc.', 'Floors 3 to 5 of 12', 'Yes: other companies use the same building', 'FSIC-R7-2026-0412', 'valid until 2027-01-31',
'APSCA member no. 21700000 (demo)', 'The night shift was observed for three hours',
      'Supplier compliance, Harbor Telecom', 'Good practices', 'The consistency checks found no contradiction in this audit.']) has(text, s);
    has(text, GOOD_PRACTICE.note);
    const layout = flat(pages.join('\n'));
    for (const row of ['Agency workers 172 15 %', 'Night-shift workers 410 35.7 %', 'Young workers (under 18) 0 0', 'Women 644 56 %']) has(layout, row);
  });

  it('has none of the defects of the old report', () => {
    hasNot(text, /\(s\)/);
    hasNot(text, /Breach in \d+ sampled/);
    hasNot(text, '…');
    hasNot(text, '12 worker interviews');
    hasNot(text, '25 agents sampled');
    // The finding text no longer repeats the item prompt after a dash.
    // Only the key-findings bullet joins prompt and detail; the table and the CAPR give the detail alone.
    expect(text.split('Wage sample: base pay and overtime pay for sampled workers against the legal minimum and overtime premium —').length - 1).toBe(1);
    has(text, 'Non-compliance 4 of 10 sampled pay records');
    // The wage finding's action is not the hours finding's action.
    expect(text.match(/Pay the overtime shortfall/g)?.length).toBe(1);
    // Each photo is printed once, in the appendix, with its capture time inside the audit days, in the site's zone, named.
    const captions = text.match(/P\d+ · [^·]+ · taken May 1[23], 2026, \d\d:\d\d [AP]M \(Asia\/Manila\)/g) ?? [];
    expect(new Set(captions).size).toBe(captions.length);
    expect(captions.length).toBe(7);
    // Running headers: whole chapter titles.
    for (const p of pages) {
      const head = p.split('\n').find((l) => l.trim());
      expect(head ?? '').not.toContain('…');
    }
    expect(pages.some((p) => /^\s*8\. Corrective action plan \(CAPR\)\s+CONFIDENTIAL/m.test(p))).toBe(true);
  });

  it('leaves no page nearly empty except before the chapters that start a page', async () => {
    const r = await renderReport(loadReportData(t.core, auditId), { draft: true });
    const fills = r.pageFills!;
    const headers = r.runningHeaders!;
    const body = PAGE.height - PAGE.bottom - PAGE.top;
    fills.forEach((y, i) => {
      const next = headers[i + 1] ?? '';
      const forced = /^(1|11)\. /.test(next) || i === fills.length - 1 || /Photo appendix/.test(headers[i] ?? '');
      if (!forced) expect((y - PAGE.top) / body, `page ${i + 1} (${headers[i]})`).toBeGreaterThan(0.5);
      expect(y).toBeLessThanOrEqual(PAGE.height - PAGE.bottom + 0.01);
    });
  }, 60_000);
});
