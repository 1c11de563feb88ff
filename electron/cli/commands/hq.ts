// `fairsite hq …`: headquarters in its own data folder: its key, auditor
// enrolment, and import of bundle files or folders.
import { readFileSync, existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { flag, type Args } from '../args';
import { dataDirOf, type Io } from '../io';
import type { Command } from './types';
import { openHq, type Hq } from '../../core/hq/context';
import { enrolAuditor, revokeAuditor } from '../../core/hq/enrol';
import { handOver } from '../../core/hq/owners';
import { initHqKey } from '../../core/hq/keys';
import { hqStatus, importPaths } from '../../core/hq/service';
import type { ImportResult } from '../../core/hq/import';
import { envPassphraseBox } from '../../core/keys/secret-box';

async function withHq<T>(args: Args, io: Io, fn: (hq: Hq) => Promise<T>): Promise<T> {
  const hq = await openHq(dataDirOf(args, io), envPassphraseBox(io.env));
  try {
    return await fn(hq);
  } finally {
    hq.close();
  }
}

export const hqInit: Command = {
  words: ['hq', 'init'],
  usage: 'fairsite hq init --data DIR',
  summary: "Make HQ's encryption key (sealed with FAIRSITE_PASSPHRASE) and print the public key for laptops",
  async run(args, io) {
    if (!io.env.FAIRSITE_PASSPHRASE) throw new AppError('rejected', "HQ's key is stored sealed: set FAIRSITE_PASSPHRASE.");
    return withHq(args, io, async (hq) => {
      const { recipient, created } = await initHqKey(hq);
      io.out(created ? 'HQ key created.' : 'HQ key already exists.');
      io.out(`Give laptops this key: ${recipient}`);
      return 0;
    });
  },
};

export const hqEnrol: Command = {
  words: ['hq', 'enrol'],
  usage: 'fairsite hq enrol --data DIR --key FILE.pub|BASE64 --auditor-id ID --name NAME',
  summary: "Enrol an auditor's public key (the laptop's keys/signing-key.pub)",
  async run(args, io) {
    const key = flag(args, 'key');
    const auditorId = flag(args, 'auditor-id');
    const name = flag(args, 'name');
    if (!key || !auditorId || !name) {
      io.err(`Usage: ${this.usage}`);
      return 2;
    }
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
  usage: 'fairsite hq revoke --data DIR --fingerprint FP',
  summary: "Revoke an auditor's key: its bundles are refused from now on",
  async run(args, io) {
    const fp = flag(args, 'fingerprint');
    if (!fp) {
      io.err(`Usage: ${this.usage}`);
      return 2;
    }
    return withHq(args, io, async (hq) => {
      const a = revokeAuditor(hq.db, fp);
      io.out(`Revoked ${a.name} (${a.auditorId}), key ${a.displayFingerprint}, at ${a.revokedAt}`);
      return 0;
    });
  },
};

export const hqHandover: Command = {
  words: ['hq', 'handover'],
  usage: 'fairsite hq handover --data DIR --audit ID --to FINGERPRINT --reason TEXT',
  summary: "Hand an audit over to another enrolled auditor's key: from then on only that key may send it",
  async run(args, io) {
    const auditId = flag(args, 'audit');
    const to = flag(args, 'to');
    const reason = flag(args, 'reason');
    if (!auditId || !to || !reason) {
      io.err(`Usage: ${this.usage}`);
      return 2;
    }
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
  usage: 'fairsite hq import --data DIR FILE|FOLDER…',
  summary: 'Import bundles: verified first, then one transaction each; exits 1 if any was rejected',
  async run(args, io) {
    if (!args.positionals.length) {
      io.err(`Usage: ${this.usage}`);
      return 2;
    }
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
  usage: 'fairsite hq status --data DIR [--json]',
  summary: 'Enrolled auditors, held bundles, audits and conflicts at HQ',
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
