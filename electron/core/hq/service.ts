// Headquarters as the app and the command line use it: its folder, a
// summary for the HQ screen, and import of files or whole folders.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import type { HqAudit, HqStatus } from '../../../shared/domain/sync';
import { openHq, type Hq } from './context';
import { listAuditors } from './enrol';
import { importBundles, listHeld, type ImportOptions, type ImportResult } from './import';
import { hasHqKey, loadHqIdentity } from './keys';
import { recipientOf } from '../bundle/age';

/** The app's HQ lives in DATA/hq, with its own database; opened on first use and closed with the core. */
export function hqFor(core: Core): Promise<Hq> {
  core.hq ??= openHq(join(core.dataDir, 'hq'), core.secretBox).then((hq) => {
    core.onClose(() => hq.close());
    return hq;
  });
  return core.hq;
}

export function hqAudits(hq: Hq): HqAudit[] {
  // The auditor is who HQ enrolled the owning key as, never a name a manifest gave.
  const rows = hq.db.prepare(`SELECT a.audit_id, a.conflict, a.heads, v.site_name, v.revision, v.status, v.event_count,
      coalesce(au.auditor_id, '(unknown key)') AS auditor_id
    FROM audits a JOIN audit_versions v ON v.audit_id = a.audit_id AND v.head_hash = a.current_head
    LEFT JOIN audit_owners o ON o.audit_id = a.audit_id
    LEFT JOIN auditors au ON au.fingerprint = coalesce(o.fingerprint, v.fingerprint)
    ORDER BY a.conflict DESC, v.site_name, a.audit_id`).all() as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    auditId: r.audit_id as string, siteName: r.site_name as string, revision: r.revision as number, status: r.status as string,
    events: r.event_count as number, auditorId: r.auditor_id as string, versions: r.heads as number, conflict: r.conflict === 1,
  }));
}

export async function hqStatus(hq: Hq): Promise<HqStatus> {
  return {
    dataDir: hq.paths.dir,
    recipient: hasHqKey(hq) ? await recipientOf(loadHqIdentity(hq)) : null,
    auditors: listAuditors(hq.db),
    held: listHeld(hq),
    audits: hqAudits(hq),
  };
}

/** Files as given; a folder stands for the .fsb files directly inside it. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new AppError('not_found', `There is no file or folder at ${abs}.`);
    }
    if (st.isDirectory()) out.push(...readdirSync(abs).filter((n) => n.endsWith('.fsb')).sort().map((n) => join(abs, n)));
    else out.push(abs);
  }
  if (!out.length) throw new AppError('not_found', 'No bundle files (.fsb) were found there.');
  return out;
}

export function importPaths(hq: Hq, paths: string[], opts: ImportOptions = {}): Promise<ImportResult[]> {
  return importBundles(hq, expandPaths(paths), opts);
}
