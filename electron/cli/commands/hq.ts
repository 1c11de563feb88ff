// `fairsite hq …`: headquarters in its own data folder: its key, auditor
// enrolment, and import of bundle files or folders. These open HQ's
// database directly rather than through the contract client: the hq.*
// operations serve the app's HQ inside a laptop core's folder (DATA/hq),
// while here HQ_DIR is headquarters' own folder with no laptop core in it.
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { flag, JSON_OUT, type Args, type OptionSpecs } from '../args';
import { dataDirOf, type Io } from '../io';
import { requirePassphrase } from '../passphrase';
import type { Command } from './types';
import { openHq, type Hq } from '../../core/hq/context';
import { enrolAuditor, revokeAuditor } from '../../core/hq/enrol';
import { handOver } from '../../core/hq/owners';
import { initHqKey } from '../../core/hq/keys';
import { hqStatus, importPaths } from '../../core/hq/service';
import type { ImportResult } from '../../core/hq/import';
import { envPassphraseBox } from '../../core/keys/secret-box';

/** Every hq command's folder options: --data, or --db naming HQ's SQLite file (PostgreSQL comes later). */
export const HQ_OPTIONS: OptionSpecs = {
  data: { type: 'string', value: 'HQ_DIR', help: "headquarters' data folder" },
  db: { type: 'string', value: 'HQ_DIR/hq.db', help: "HQ's database: its SQLite file (PostgreSQL is not supported yet)" },
};

/** HQ's folder from --data or --db; a database URL is refused, not taken for a file. */
export function hqDirOf(args: Args, io: Io): string {
  const db = flag(args, 'db');
  if (db === undefined) return dataDirOf(args, io);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) {
    throw new AppError('not_ready', `HQ on a database server (${db.split(':')[0]}) is not supported yet: HQ keeps a SQLite file in its folder. Use --data HQ_DIR (or --db HQ_DIR/hq.db).`);
  }
  if (basename(db) !== 'hq.db') throw new AppError('invalid_input', `HQ's SQLite database is the file hq.db in its folder; ${db} is not. Use --data HQ_DIR (or --db HQ_DIR/hq.db).`);
  const dir = dirname(resolve(db));
  const data = flag(args, 'data');
  if (data !== undefined && resolve(data) !== dir) throw new AppError('invalid_input', `--data ${data} and --db ${db} name two different HQ folders; give one of them.`);
  return dir;
}

async function withHq<T>(args: Args, io: Io, fn: (hq: Hq) => Promise<T>): Promise<T> {
  const hq = await openHq(hqDirOf(args, io), envPassphraseBox(io.env));
  try {
    return await fn(hq);
  } finally {
    hq.close();
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
      return 0;
    });
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
      const a = enrolAuditor(hq.db, { publicKey, auditorId, name });
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
      const a = revokeAuditor(hq.db, fp);
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
      const h = handOver(hq.db, { auditId, toFingerprint: to, reason });
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
      for (const a of s.auditors) io.out(`  auditor ${a.name} (${a.auditorId}) ${a.displayFingerprint}${a.revokedAt ? ` REVOKED ${a.revokedAt}` : ''}`);
      for (const h of s.held) io.out(`  held ${h.bundleId} from ${h.auditorId}: ${h.reason}`);
      for (const a of s.audits) io.out(`  audit ${a.auditId} ${a.siteName} r${a.revision} ${a.status}${a.conflict ? `  CONFLICT: ${a.versions} versions kept` : ''}`);
      return 0;
    });
  },
};
