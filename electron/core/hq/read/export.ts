// HQ exports: a table (audits, findings, actions) to CSV or XLSX, or one
// audit to JSON, written to a temporary name and renamed when whole.
// CSV follows RFC 4180 (CRLF, fields with a comma, quote or line break
// quoted, quotes doubled) and is safe to open in a spreadsheet: a text cell
// that starts with = + - @ (or a tab or carriage return) is prefixed with an
// apostrophe so it is never read as a formula. XLSX cells are typed values
// (text stays text, never a formula), written by exceljs as a stream.
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { HqExportInput, HqExportResult } from '../../../../shared/domain/hq';
import { AppError } from '../../../../shared/errors';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';
import type { Hq } from '../context';
import { getHqAudit } from './audit-detail';
import { exportTable, type Cell, type Table } from './export-rows';
import { labelledTable } from './export-labels';
import { today } from './filters';

export const exportsDir = (hq: Hq): string => join(hq.paths.dir, 'exports');

const RISKY = /^[=+\-@\t\r]/;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const text = RISKY.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

type Progress = (fraction: number, message?: string) => void;

async function writeCsv(file: string, t: Table, progress: Progress): Promise<number> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = async (s: string) => { if (!out.write(s)) await once(out, 'drain'); };
  let n = 0;
  try {
    await write(csvLine(t.headers));
    for (const row of t.rows) {
      await write(csvLine(row));
      if (++n % 5000 === 0) progress(0.5, `${n} rows written`);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}

async function writeXlsx(file: string, t: Table, sheet: string, progress: Progress): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.headers.map((h) => ({ header: h, key: h, width: Math.max(12, Math.min(40, h.length + 4)) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  for (const row of t.rows) {
    // Booleans read better as words in a sheet; everything else keeps its type.
    ws.addRow(row.map((c) => (typeof c === 'boolean' ? (c ? 'yes' : 'no') : c))).commit();
    if (++n % 5000 === 0) {
      progress(0.5, `${n} rows written`);
      await new Promise((r) => setImmediate(r));
    }
  }
  ws.commit();
  await wb.commit();
  return n;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** Writes the export into HQ's exports folder (or `out`, from the command line). */
export async function exportHq(hq: Hq, input: HqExportInput, opts: { out?: string; asOf?: string; progress?: Progress } = {}): Promise<HqExportResult> {
  const progress = opts.progress ?? (() => {});
  const asOf = opts.asOf ?? today();
  const name = input.what === 'audit' ? `audit-${input.auditId}-${stamp()}.json` : `${input.what}-${stamp()}.${input.format}`;
  const file = opts.out ?? join(exportsDir(hq), name);
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.part`;
  let rows: number;
  try {
    if (input.what === 'audit') {
      const detail = getHqAudit(hq.db, { auditId: input.auditId }, { asOf });
      writeFileSync(tmp, `${JSON.stringify({ kind: 'fairsite-hq-audit', version: 1, exportedAt: new Date().toISOString(), ...detail }, null, 2)}\n`, { mode: 0o600 });
      rows = 1;
    } else {
      const { table, sheet } = labelledTable(exportTable(hq.db, input.what, input.filter, asOf), input.what, input.language ?? 'en');
      rows = input.format === 'csv' ? await writeCsv(tmp, table, progress) : await writeXlsx(tmp, table, sheet, progress);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'save.diskFull' : code === 'EACCES' || code === 'EPERM' ? 'save.notWritable' : 'save.notWritten';
    throw refusal('storage', msg('hqExport.notWritten', { file, why: msg(why) }));
  }
  progress(1, 'Done');
  return { path: file, name: basename(file), rows, bytes: statSync(file).size };
}
