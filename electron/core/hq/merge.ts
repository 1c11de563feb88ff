// Applying a verified bundle to the HQ database. Every step is keyed by
// content (event hash, head hash, photo hash), so applying the same data
// again, or bundles in another order, ends in the same rows.
import type { Db } from '../store/db';
import { canonicalJson } from '../../../shared/canonical-json';
import { sha256Hex } from '../sha256';
import { GENESIS } from '../store/events';
import { headOf, photoFilesOf, type AuditDoc } from '../bundle/content';
import type { VerifiedBundle } from '../bundle/verify';

/** What a verified bundle still needs from HQ before it can be applied; null when nothing. */
export function missingDependency(db: Db, v: VerifiedBundle): string | null {
  const base = v.manifest.baseBundleId;
  if (base) {
    const r = db.prepare("SELECT state FROM bundles WHERE bundle_id = ?").get(base) as { state: string } | undefined;
    if (r?.state !== 'imported') return `waiting for bundle ${base}, which this one is incremental to`;
  }
  const hasEvent = db.prepare('SELECT seq FROM events WHERE audit_id = ? AND hash = ?');
  const hasPhoto = db.prepare('SELECT 1 FROM photos WHERE sha256 = ?');
  const hasReport = db.prepare('SELECT 1 FROM reports WHERE sha256 = ?');
  const carried = new Set(v.manifest.files.map((f) => f.path));
  for (const doc of v.audits) {
    if (doc.events.fromSeq > 1) {
      const e = hasEvent.get(doc.audit.id, doc.events.prevHash) as { seq: number } | undefined;
      if (!e || e.seq !== doc.events.fromSeq - 1) return `waiting for the earlier events of audit ${doc.audit.id}`;
    }
    for (const sha of photoFilesOf(doc)) {
      if (!carried.has(`photos/${sha}`) && !hasPhoto.get(sha)) return `waiting for photo ${sha.slice(0, 12)}… sent in an earlier bundle`;
    }
    for (const r of doc.reports) {
      if (!carried.has(`reports/${r.sha256}.pdf`) && !hasReport.get(r.sha256)) return `waiting for report ${r.name} sent in an earlier bundle`;
    }
  }
  return null;
}

/** The document without its events (those live in the events table). */
function snapshot(doc: AuditDoc): string {
  const { events: _events, ...rest } = doc;
  return canonicalJson(rest);
}

/** `reports`: audit id of each report file checked in this bundle (report-check.ts). */
export function applyBundle(db: Db, v: VerifiedBundle, manifestText: string, now: string, reports: Map<string, string> = new Map()): string[] {
  db.prepare(`INSERT INTO bundles (bundle_id, content_hash, manifest_hash, fingerprint, auditor_id, sequence, base_bundle_id, created_at, state, received_at, imported_at, manifest)
    VALUES (@id, @ch, @mh, @fp, @aid, @seq, @base, @created, 'imported', @now, @now, @manifest)
    ON CONFLICT(bundle_id) DO UPDATE SET state = 'imported', held_reason = NULL, held_file = NULL, imported_at = @now`).run({
    id: v.manifest.bundleId, ch: v.contentHash, mh: sha256Hex(manifestText), fp: v.signer.fingerprint, aid: v.signer.auditorId,
    seq: v.manifest.sequence, base: v.manifest.baseBundleId, created: v.manifest.createdAt, now, manifest: manifestText,
  });
  // Prepared once: a statement prepared per file holds native memory until a
  // collection, and a bundle lists tens of thousands of photos.
  const insPhoto = db.prepare('INSERT OR IGNORE INTO photos (sha256, size) VALUES (?, ?)');
  const insReport = db.prepare('INSERT OR IGNORE INTO reports (sha256, size, audit_id) VALUES (?, ?, ?)');
  for (const f of v.manifest.files) {
    if (f.path.startsWith('photos/')) insPhoto.run(f.sha256, f.size);
    if (f.path.startsWith('reports/')) insReport.run(f.sha256, f.size, reports.get(f.sha256) ?? null);
  }
  const insEvent = db.prepare('INSERT OR IGNORE INTO events (audit_id, seq, hash, prev_hash, body) VALUES (?, ?, ?, ?, ?)');
  const insVersion = db.prepare(`INSERT INTO audit_versions (audit_id, head_hash, event_count, revision, previous_id, status, site_name, fingerprint, bundle_id, doc)
    VALUES (@audit, @head, @count, @rev, @prev, @status, @site, @fp, @bundle, @doc)
    ON CONFLICT(audit_id, head_hash) DO UPDATE SET bundle_id = min(bundle_id, excluded.bundle_id),
      doc = CASE WHEN excluded.bundle_id < bundle_id THEN excluded.doc ELSE doc END,
      fingerprint = CASE WHEN excluded.bundle_id < bundle_id THEN excluded.fingerprint ELSE fingerprint END`);
  const touched: string[] = [];
  for (const doc of v.audits) {
    for (const e of doc.events.items) insEvent.run(doc.audit.id, e.seq, e.hash, e.prevHash, canonicalJson(e));
    insVersion.run({
      audit: doc.audit.id, head: headOf(doc), count: doc.events.fromSeq - 1 + doc.events.items.length, rev: doc.audit.revision,
      prev: doc.audit.previousId, status: doc.audit.status, site: doc.site.name, fp: v.signer.fingerprint, bundle: v.manifest.bundleId, doc: snapshot(doc),
    });
    touched.push(doc.audit.id);
  }
  for (const id of touched) recomputeAudit(db, id);
  return touched;
}

/**
 * Heads are versions no other version extends. One head: the audit is
 * current. More: the chains diverged, every head is kept and the audit is
 * flagged. The shown head is chosen by content (longest, then lowest hash),
 * never by arrival order.
 */
export function recomputeAudit(db: Db, auditId: string): void {
  const versions = db.prepare('SELECT head_hash, event_count FROM audit_versions WHERE audit_id = ?').all(auditId) as Array<{ head_hash: string; event_count: number }>;
  const prevOf = new Map<string, string>();
  for (const e of db.prepare('SELECT hash, prev_hash FROM events WHERE audit_id = ?').iterate(auditId) as IterableIterator<{ hash: string; prev_hash: string }>) prevOf.set(e.hash, e.prev_hash);
  // Walk each version's chain back once; any other version met on the way is extended by it.
  const extended = new Set<string>();
  const headSet = new Set(versions.map((v) => v.head_hash));
  for (const v of versions) {
    const seen = new Set<string>();
    for (let h = prevOf.get(v.head_hash); h && h !== GENESIS && !seen.has(h); h = prevOf.get(h)) {
      seen.add(h);
      if (headSet.has(h)) extended.add(h);
    }
  }
  const heads = versions.filter((v) => !extended.has(v.head_hash));
  heads.sort((a, b) => b.event_count - a.event_count || (a.head_hash < b.head_hash ? -1 : 1));
  const current = heads[0]!;
  db.prepare(`INSERT INTO audits (audit_id, current_head, heads, conflict) VALUES (?, ?, ?, ?)
    ON CONFLICT(audit_id) DO UPDATE SET current_head = excluded.current_head, heads = excluded.heads, conflict = excluded.conflict`)
    .run(auditId, current.head_hash, heads.length, heads.length > 1 ? 1 : 0);
}
