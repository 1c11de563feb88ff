// `fairsite hq …`: headquarters in its own data folder: its key, auditor
// enrolment, and import of bundle files or folders. These open HQ's
// database directly rather than through the contract client: the hq.*
// operations serve the app's HQ inside a laptop core's folder (DATA/hq),
// while here HQ_DIR is headquarters' own folder with no laptop core in it.
// --db (or FAIRSITE_HQ_DB) puts HQ's rows on a PostgreSQL server instead of
// HQ_DIR/hq.db; the folder still holds the files.
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { flag, JSON_OUT, type Args, type OptionSpecs } from '../args';
import { dataDirOf, type Io } from '../io';
import { requirePassphrase } from '../passphrase';
import type { Command } from './types';
import type { HqFolder } from '../../core/hq/context';
import { openHqFolder } from '../../core/hq/engine/open';
import { isPgUrl, redactUrl } from '../../core/hq/engine/pg-sql';
import { initHqKey } from '../../core/hq/keys';
import { hqStatus, importPaths } from '../../core/hq/service';
import type { ImportResult } from '../../core/hq/import';
import { envPassphraseBox } from '../../core/keys/secret-box';

/** Every hq command's folder options: --data, and --db naming HQ's database (its SQLite file, or a PostgreSQL URL). */
export const HQ_OPTIONS: OptionSpecs = {
  data: { type: 'string', value: 'HQ_DIR', help: "headquarters' data folder (photos, signed PDFs, held bundles, key; shared by every importing machine)" },
  db: {
    type: 'string', value: 'HQ_DIR/hq.db|postgres://…',
    help: "HQ's database: its SQLite file (the default), or a PostgreSQL server (postgres://USER:PASSWORD@HOST:PORT/DB); FAIRSITE_HQ_DB sets it too",
  },
};

export interface HqTarget {
  dir: string;
  /** A postgres:// URL; undefined: the SQLite file in dir. */
  db?: string;
}

/** HQ's folder and database from --data and --db (or FAIRSITE_HQ_DB); a URL of another kind is refused, not taken for a file. */
export function hqTargetOf(args: Args, io: Io): HqTarget {
  const db = flag(args, 'db') ?? (io.env.FAIRSITE_HQ_DB || undefined);
  if (db === undefined) return { dir: dataDirOf(args, io) };
  const from = flag(args, 'db') === undefined ? 'FAIRSITE_HQ_DB' : '--db';
  if (isPgUrl(db)) {
    const data = flag(args, 'data') ?? io.env.FAIRSITE_DATA;
    if (!data) {
      throw new AppError('invalid_input', `With HQ's database on PostgreSQL (${from} ${redactUrl(db)}), give HQ's folder too: --data HQ_DIR. It holds the photos, signed PDFs, held bundles and HQ's key; when several machines import, it is a folder they all share.`);
    }
    return { dir: resolve(data), db };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) {
    throw new AppError('invalid_input', `HQ's database (${from}) is either its SQLite file (HQ_DIR/hq.db) or a PostgreSQL server (postgres://USER:PASSWORD@HOST:PORT/DB); ${db.split(':')[0]} is not supported.`);
  }
  if (basename(db) !== 'hq.db') throw new AppError('invalid_input', `HQ's SQLite database is the file hq.db in its folder; ${db} (${from}) is not. Use --data HQ_DIR, --db HQ_DIR/hq.db, or a postgres:// URL.`);
  const dir = dirname(resolve(db));
  const data = flag(args, 'data');
  if (data !== undefined && resolve(data) !== dir) throw new AppError('invalid_input', `--data ${data} and ${from} ${db} name two different HQ folders; give one of them.`);
  return { dir };
}

/** HQ's folder (either engine keeps its files there). */
export const hqDirOf = (args: Args, io: Io): string => hqTargetOf(args, io).dir;

export async function withHq<T>(args: Args, io: Io, fn: (hq: HqFolder) => Promise<T>, opts: { create?: boolean } = {}): Promise<T> {
  const { dir, db } = hqTargetOf(args, io);
  const hq = await openHqFolder(dir, envPassphraseBox(io.env), { db, create: opts.create });
  try {
    return await fn(hq);
  } finally {
    await hq.store.close();
  }
}

export const hqInit: Command = {
  words: ['hq', 'init'],
  summary: "Make HQ's encryption key (sealed with FAIRSITE_PASSPHRASE) and print the public key for laptops",
  options: HQ_OPTIONS,
  async run(args, io) {
    const withPass = await requirePassphrase(io, "HQ's key is stored sealed");
    return withHq(args, withPass, async (hq) => {
      const { recipient, created } = await initHqKey(hq);
      io.out(created ? 'HQ key created.' : 'HQ key already exists.');
      io.out(`Give laptops this key: ${recipient}`);
      if (hq.store.engine === 'postgres') io.out(`HQ's database: PostgreSQL at ${hq.store.where}, schema up to date.`);
      return 0;
    }, { create: true });
  },
};

export const hqEnrol: Command = {
  words: ['hq', 'enrol'],
  summary: "Enrol an auditor's public key (the laptop's keys/signing-key.pub)",
  options: {
    key: { type: 'string', value: 'FILE.pub|BASE64', help: "the auditor's public key: the laptop's keys/signing-key.pub, or its text", required: true },
    'auditor-id': { type: 'string', value: 'ID', help: "the auditor's ID", required: true },
    name: { type: 'string', value: 'NAME', help: "the auditor's name", required: true },
    ...HQ_OPTIONS,
  },
  async run(args, io) {
    const key = flag(args, 'key')!;
    const auditorId = flag(args, 'auditor-id')!;
    const name = flag(args, 'name')!;
    const publicKey = existsSync(key) ? readFileSync(key, 'utf8') : key;
    return withHq(args, io, async (hq) => {
      const a = await hq.store.enrol({ publicKey, auditorId, name });
      io.out(`Enrolled ${a.name} (${a.auditorId}), key ${a.displayFingerprint}`);
      return 0;
    });
  },
};

export const hqRevoke: Command = {
  words: ['hq', 'revoke'],
  summary: "Revoke an auditor's key: its bundles are refused from now on",
  options: { fingerprint: { type: 'string', value: 'FP', help: "the key's fingerprint (fairsite hq status lists them)", required: true }, ...HQ_OPTIONS },
  async run(args, io) {
    const fp = flag(args, 'fingerprint')!;
    return withHq(args, io, async (hq) => {
      const a = await hq.store.revoke(fp);
      io.out(`Revoked ${a.name} (${a.auditorId}), key ${a.displayFingerprint}, at ${a.revokedAt}`);
      return 0;
    });
  },
};

export const hqHandover: Command = {
  words: ['hq', 'handover'],
  summary: "Hand an audit over to another enrolled auditor's key: from then on only that key may send it",
  options: {
    audit: { type: 'string', value: 'ID', help: 'the audit (fairsite hq status lists them)', required: true },
    to: { type: 'string', value: 'FINGERPRINT', help: "the receiving auditor's key", required: true },
    reason: { type: 'string', value: 'TEXT', help: 'why, for the record', required: true },
    ...HQ_OPTIONS,
  },
  async run(args, io) {
    const auditId = flag(args, 'audit')!;
    const to = flag(args, 'to')!;
    const reason = flag(args, 'reason')!;
    return withHq(args, io, async (hq) => {
      const h = await hq.store.handOver({ auditId, toFingerprint: to, reason });
      io.out(`Audit ${h.auditId} handed over from key ${h.from.slice(0, 16)}… to key ${h.to.slice(0, 16)}… at ${h.at}.`);
      return 0;
    });
  },
};

function printResult(io: Io, r: ImportResult, indent = ''): void {
  const label = { imported: 'imported', already_imported: 'already imported', held: 'held', rejected: 'REJECTED', failed: 'NOT STORED' }[r.status];
  const line = `${indent}${label}: ${r.file}\n${indent}  ${r.message}`;
  if (r.status === 'rejected' || r.status === 'failed') io.err(line);
  else io.out(line);
  for (const x of r.released ?? []) printResult(io, x, `${indent}  then `);
}

export const hqImport: Command = {
  words: ['hq', 'import'],
  summary: 'Import bundles: verified first, then one transaction each; exits 1 if any was rejected',
  options: HQ_OPTIONS,
  positionals: { names: ['FILE|FOLDER…'], min: 1, max: 1000 },
  async run(args, io) {
    return withHq(args, io, async (hq) => {
      const results = await importPaths(hq, args.positionals);
      for (const r of results) printResult(io, r);
      const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
      const failed = count('failed') ? `, ${count('failed')} not stored (HQ disk)` : '';
      io.out(`${count('imported')} imported, ${count('already_imported')} already imported, ${count('held')} held, ${count('rejected')} rejected${failed}`);
      return count('rejected') || count('failed') ? 1 : 0;
    });
  },
};

export const hqStatusCmd: Command = {
  words: ['hq', 'status'],
  summary: 'Enrolled auditors, held bundles, audits and conflicts at HQ',
  options: { ...HQ_OPTIONS, json: JSON_OUT },
  async run(args, io) {
    return withHq(args, io, async (hq) => {
      const s = await hqStatus(hq);
      if (args.flags.has('json')) {
        io.out(JSON.stringify(s, null, 2));
        return 0;
      }
      io.out(`HQ folder ${s.dataDir}; key ${s.recipient ?? 'not made yet (fairsite hq init)'}`);
      if (hq.store.engine === 'postgres') io.out(`HQ database: PostgreSQL at ${hq.store.where}`);
      for (const a of s.auditors) io.out(`  auditor ${a.name} (${a.auditorId}) ${a.displayFingerprint}${a.revokedAt ? ` REVOKED ${a.revokedAt}` : ''}`);
      for (const h of s.held) io.out(`  held ${h.bundleId} from ${h.auditorId}: ${h.reason}`);
      for (const a of s.audits) io.out(`  audit ${a.auditId} ${a.siteName} r${a.revision} ${a.status}${a.conflict ? `  CONFLICT: ${a.versions} versions kept` : ''}`);
      return 0;
    });
  },
};
