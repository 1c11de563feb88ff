// HQ's read operations through the dispatch (the contract's schemas first),
// on an HQ in the data folder: lists, one audit with its photos and signed
// PDF, exports written by the job and read back (CSV by RFC 4180 rules, XLSX
// opened with exceljs, JSON of one audit), and the command line's export.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { AS_OF, makeOrg, overdueOnLaptop, type Org } from './org';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';
import { csvCell, csvLine } from '../../../electron/core/hq/read/export';
import { hqFileReply } from '../../../electron/core/hq/read/files';
import { HEADER_KEYS } from '../../../electron/core/hq/read/export-labels';
import EN_CORE from '../../../shared/locales/en/core';
import ES_CORE from '../../../shared/locales/es/core';
import type { Core } from '../../../electron/core/core';
import type { HqAuditDetail, HqExportResult } from '../../../shared/domain/hq';

let root: string;
let org: Org;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqh-'));
  org = await makeOrg(root, { hqInB: true });
}, 120_000);
afterAll(() => {
  org.close();
  rmSync(root, { recursive: true, force: true });
});

async function call(core: Core, op: string, input: unknown): Promise<unknown> {
  const env = await createDispatch(handlers, core)(op, input);
  if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
  return env.value;
}

async function exported(input: unknown): Promise<HqExportResult> {
  const { jobId } = (await call(org.b.core, 'hq.export', input)) as { jobId: string };
  const job = await org.b.core.jobs.wait(jobId);
  expect(job.state, job.error?.message).toBe('done');
  return job.result as HqExportResult;
}

/** RFC 4180 read back: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

describe('HQ operations in the dispatch', () => {
  test('a data folder without an HQ: refused plainly, and no HQ is made by reading', async () => {
    await expect(call(org.a.core, 'hq.audits', {})).rejects.toMatchObject({ code: 'not_ready' });
    expect(existsSync(join(org.a.dir, 'hq'))).toBe(false);
  });

  test('inputs are checked by the contract: an unknown sort key is refused before any query', async () => {
    await expect(call(org.b.core, 'hq.audits', { sort: { by: 'nope' } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  test('hq.audits, hq.sites, hq.tracker and hq.dashboard answer from the read model', async () => {
    const audits = (await call(org.b.core, 'hq.audits', { filter: { country: 'PH' }, sort: { by: 'site' } })) as { total: number };
    expect(audits.total).toBe(4);
    expect(((await call(org.b.core, 'hq.sites', {})) as { total: number }).total).toBe(3);
    const t = (await call(org.b.core, 'hq.tracker', { filter: { kinds: ['overdue_action'], severities: ['critical', 'major', 'minor'], asOf: AS_OF } })) as { counts: { overdue_action: number } };
    expect(t.counts.overdue_action).toBe(overdueOnLaptop(org.a.core) + overdueOnLaptop(org.b.core));
    const d = (await call(org.b.core, 'hq.dashboard', { asOf: AS_OF })) as { totals: { audits: number } };
    expect(d.totals.audits).toBe(5);
  });

  test('hq.audit, then its photos (thumbnail and full size, without metadata) and its signed PDF, verified', async () => {
    const detail = (await call(org.b.core, 'hq.audit', { auditId: org.a.auditIds[0] })) as HqAuditDetail;
    expect(detail.photos.map((p) => p.sha256).sort()).toEqual([...org.photos].sort());
    expect(detail.photos.every((p) => p.stored)).toBe(true);
    for (const size of ['thumb', 'full'] as const) {
      const f = (await call(org.b.core, 'hq.photo', { sha256: org.photos[0], size })) as { contentType: string; base64: string };
      const meta = await sharp(Buffer.from(f.base64, 'base64')).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(size === 'thumb' ? meta.width! <= 320 : meta.width === 320).toBe(true);
    }
    const done = (await call(org.b.core, 'hq.audit', { auditId: org.a.auditIds[1] })) as HqAuditDetail;
    const [report] = done.verification.reports;
    expect(report).toMatchObject({ stored: true, verified: true });
    const pdf = (await call(org.b.core, 'hq.report', { sha256: report!.sha256 })) as { base64: string; verified: boolean; auditId: string };
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf).toMatchObject({ verified: true, auditId: org.a.auditIds[1] });
    await expect(call(org.b.core, 'hq.photo', { sha256: '0'.repeat(64) })).rejects.toMatchObject({ code: 'not_found' });
    // The same files by name, for a protocol or HTTP route; nothing else is served.
    expect((await hqFileReply(org.hq, `thumb/${org.photos[0]}.jpg`)).headers['Content-Type']).toBe('image/jpeg');
    expect((await hqFileReply(org.hq, `report/${report!.sha256}.pdf`)).status).toBe(200);
    for (const bad of [`thumb/${'0'.repeat(64)}.jpg`, `original/${org.photos[0]}`, '../hq.db', `report/${org.photos[0]}.pdf`]) expect((await hqFileReply(org.hq, bad)).status, bad).toBe(404);
    // Interview summaries only: the export shape has no notes field at all.
    expect(Object.keys(done.interviews).sort()).toEqual(['excerpts', 'findingsRaised', 'group', 'individual', 'themes', 'total', 'withConsent']);
  });
});

describe('exports', () => {
  test('CSV cells: quoted by RFC 4180, and text that a spreadsheet would run as a formula is defused', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(risky)).toBe(`'${risky}`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvLine(['a', null, true])).toBe('a,,yes\r\n');
  });

  test('findings to CSV, filtered to one country: every finding of those audits, the formula note defused', async () => {
    const r = await exported({ what: 'findings', format: 'csv', filter: { country: 'IN' } });
    const rows = parseCsv(readFileSync(r.path, 'utf8'));
    expect(rows[0]![0]).toBe('Audit ID');
    expect(rows.slice(1)).toHaveLength(2);
    expect(r.rows).toBe(2);
    const note = rows.slice(1).map((x) => x[rows[0]!.indexOf('Note')]!);
    expect(note).toContain('\'=HYPERLINK("http://example.invalid")');
    expect(rows.slice(1).every((x) => x[rows[0]!.indexOf('Country')] === 'IN')).toBe(true);
  });

  test('actions to XLSX, opened back with exceljs: the same rows, overdue marked, the formula text still text', async () => {
    const r = await exported({ what: 'actions', format: 'xlsx', filter: {} });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    const ws = wb.getWorksheet('actions')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Audit ID', 'Revision', 'Site']);
    const lapActions = (c: Core) => (c.db.prepare('SELECT count(*) AS n FROM corrective_actions').get() as { n: number }).n;
    expect(ws.rowCount - 1).toBe(lapActions(org.a.core) + lapActions(org.b.core));
    expect(r.rows).toBe(ws.rowCount - 1);
    const col = (name: string) => header.indexOf(name) + 1;
    const owners: string[] = [];
    let overdue = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      owners.push(String(row.getCell(col('Owner')).value));
      if (row.getCell(col('Overdue')).value === 'yes') overdue++;
    });
    expect(owners).toContain('Site facilities manager');
    // An export judges overdue against today.
    const today = new Date().toISOString().slice(0, 10);
    expect(overdue).toBe(overdueOnLaptop(org.a.core, today) + overdueOnLaptop(org.b.core, today));
    expect(overdue).toBeGreaterThan(0);
    // Typed cells: a revision is a number.
    expect(typeof ws.getRow(2).getCell(col('Revision')).value).toBe('number');
  });

  test('findings to XLSX keep a note that starts with = as text, not a formula', async () => {
    const r = await exported({ what: 'findings', format: 'xlsx', filter: { country: 'IN' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    const ws = wb.getWorksheet('findings')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cells = [2, 3].map((n) => ws.getRow(n).getCell(header.indexOf('Note') + 1));
    const risky = cells.find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(risky.type).toBe(ExcelJS.ValueType.String);
    expect(risky.value).toBe('=HYPERLINK("http://example.invalid")');
  });

  test('one audit to JSON, then read through hq.exportRead', async () => {
    const r = await exported({ what: 'audit', format: 'json', auditId: org.pune });
    const read = (await call(org.b.core, 'hq.exportRead', { name: r.name })) as { base64: string; contentType: string };
    const doc = JSON.parse(Buffer.from(read.base64, 'base64').toString('utf8')) as { kind: string; header: { auditId: string }; findings: unknown[] };
    expect(doc.kind).toBe('fairsite-hq-audit');
    expect(doc.header.auditId).toBe(org.pune);
    expect(doc.findings).toHaveLength(2);
    await expect(call(org.b.core, 'hq.exportRead', { name: '../hq.db' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  test('fairsite hq export: XLSX of audits with a filter; a bad --what is refused with the usage; a folder without HQ is refused', async () => {
    const lines: string[] = [];
    const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), env: {} };
    const out = join(root, 'audits.xlsx');
    const hqDir = join(org.b.dir, 'hq');
    expect(await main(['hq', 'export', '--data', hqDir, '--what', 'audits', '--format', 'xlsx', '--country', 'PH', '--out', out], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('audits')!.rowCount).toBe(1 + 4);
    expect(await main(['hq', 'export', '--data', hqDir, '--what', 'sites', '--format', 'csv', '--out', join(root, 'x.csv')], io)).not.toBe(0);
    expect(lines.join('\n')).toMatch(/--what/);
    const empty = mkdtempSync(join(root, 'nohq-'));
    expect(await main(['hq', 'export', '--data', empty, '--what', 'audits', '--format', 'csv', '--out', join(root, 'y.csv')], io)).not.toBe(0);
    expect(existsSync(join(empty, 'hq.db'))).toBe(false);
  });
});

describe('exports in the language the screen asks for', () => {
  const csvOf = async (input: unknown) => parseCsv(readFileSync((await exported(input)).path, 'utf8'));

  test('every header of every table has a key whose English is that header, so English exports stay as they were', async () => {
    for (const what of ['audits', 'findings', 'actions'] as const) {
      const [headers] = await csvOf({ what, format: 'csv', filter: {} });
      const en = EN_CORE as Record<string, string>;
      expect(headers!.filter((h) => en[HEADER_KEYS[h] ?? ''] !== h), what).toEqual([]);
      const [es] = await csvOf({ what, format: 'csv', filter: {}, language: 'es' });
      expect(es, what).toEqual(headers!.map((h) => (ES_CORE as Record<string, string>)[HEADER_KEYS[h]!]));
      expect(es, what).not.toEqual(headers);
    }
  });

  test('findings to XLSX in Spanish: the sheet, its headers, severities, sources and yes/no in Spanish; what people wrote as written', async () => {
    const r = await exported({ what: 'findings', format: 'xlsx', filter: { country: 'IN' }, language: 'es' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    const ws = wb.getWorksheet('Hallazgos')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['ID de auditoría', 'Revisión', 'Centro']);
    expect(header).toEqual(expect.arrayContaining(['Gravedad', 'Origen', 'Tolerancia cero', 'Abierto', 'Nota']));
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = [2, 3].map((n) => ws.getRow(n));
    for (const row of rows) {
      expect(['crítico', 'mayor', 'menor']).toContain(row.getCell(col('Gravedad')).value);
      expect(['respuesta', 'comprobación']).toContain(row.getCell(col('Origen')).value);
      expect(['sí', 'no']).toContain(row.getCell(col('Abierto')).value);
      expect(typeof row.getCell(col('Revisión')).value).toBe('number');
    }
    expect(rows.map((row) => String(row.getCell(col('Nota')).value))).toContain('=HYPERLINK("http://example.invalid")');
  });

  test('actions to CSV in French: statuses and overdue in French; the same export without a language keeps the codes', async () => {
    const fr = await csvOf({ what: 'actions', format: 'csv', filter: {}, language: 'fr' });
    const en = await csvOf({ what: 'actions', format: 'csv', filter: {} });
    expect(fr[0]!.slice(0, 3)).toEqual(['ID de l’audit', 'Révision', 'Site']);
    const status = fr[0]!.indexOf('Statut');
    const overdue = fr[0]!.indexOf('En retard');
    expect(new Set(fr.slice(1).map((r) => r[status]))).toEqual(new Set(en.slice(1).map((r) => ({ open: 'ouverte', in_progress: 'en cours', closed: 'clôturée' })[r[en[0]!.indexOf('Status')]!]!)));
    expect(fr.slice(1).map((r) => r[overdue])).toEqual(en.slice(1).map((r) => (r[en[0]!.indexOf('Overdue')] === 'yes' ? 'oui' : 'non')));
    expect(en.slice(1).every((r) => ['open', 'in_progress', 'closed'].includes(r[en[0]!.indexOf('Status')]!))).toBe(true);
    expect(fr.length).toBe(en.length);
  });
});
