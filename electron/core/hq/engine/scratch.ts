// The PostgreSQL engine applies a bundle with the SQLite engine's own code:
// the rows that code can read for that bundle (its audits' events,
// versions, owners and read-model rows, its base, the photos and reports it
// names) are copied from the server into a scratch in-memory SQLite with
// HQ's schema, the checks and the merge run there unchanged (the action
// chains' import and the facts the projection keeps too), and the rows
// they wrote are copied back by their keys, all inside one server
// transaction that holds the apply lock. One rule set, two engines.
import Database from 'better-sqlite3';
import { migrate, type Db } from '../../store/db';
import { headOf, photoFilesOf } from '../../bundle/content';
import type { VerifiedBundle } from '../../bundle/verify';
import { hqMigrations } from '../migrations';
import { rows, type PgConn } from './pg-sql';

type Row = Record<string, unknown>;

/** Every HQ table with its key, in the order the scratch is filled and emptied. */
export const KEYS: Record<string, string[]> = {
  settings: ['key'], auditors: ['fingerprint'], bundles: ['bundle_id'], audit_versions: ['audit_id', 'head_hash'], events: ['audit_id', 'hash'],
  audits: ['audit_id'], photos: ['sha256'], reports: ['sha256'], audit_owners: ['audit_id'], hq_audit: ['audit_id'],
  hq_audit_client: ['audit_id', 'client'], hq_answer: ['audit_id', 'item_id'], hq_finding: ['audit_id', 'finding_id'],
  hq_action: ['audit_id', 'action_id'], hq_signature: ['audit_id', 'role'], hq_fact: ['audit_id', 'entity', 'fact_id'],
  action_events: ['audit_id', 'seq'], hq_action_history: ['audit_id', 'seq'], hq_closure_evidence: ['audit_id', 'seq'],
  hq_action_closure: ['audit_id', 'action_id'], hq_finding_closure: ['audit_id', 'finding_id'], hq_follow_up: ['audit_id'],
};

/** Read-model tables with one audit's rows each, replaced whole when it is projected. */
export const AUDIT_ROWS = ['hq_audit_client', 'hq_answer', 'hq_finding', 'hq_action', 'hq_signature'];

let shared: Db | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** The process's scratch database, emptied. */
export function scratch(): Db {
  if (!shared) {
    shared = new Database(':memory:');
    migrate(shared, hqMigrations);
  }
  for (const t of Object.keys(KEYS)) shared.prepare(`DELETE FROM ${t}`).run();
  return shared;
}

/**
 * Runs `fn` with the scratch database to itself (it calls scratch(), once
 * per attempt of its transaction): imports running at once in one process
 * (the app's inbox and a drop) would otherwise empty it under each other
 * between the server's answers.
 */
export function withScratch<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn);
  queue = run.catch(() => {});
  return run;
}

export function insertRows(db: Db, table: string, list: Row[]): void {
  if (!list.length) return;
  const cols = Object.keys(list[0]!);
  const ins = db.prepare(`INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  for (const r of list) ins.run(...cols.map((c) => r[c]));
}

/** What a bundle's checks and merge can read, and which keys were there before. */
export interface Loaded {
  ids: string[];
  events: Set<string>;
  /** The audits whose action chains the bundle carries, and the history and evidence rows HQ held for them (`table audit seq`). */
  chains: string[];
  cycle: Set<string>;
}

/** The few facts of a bundle's audit documents the copy needs; the documents are read one at a time (they may be on disk). */
function factsOf(v: VerifiedBundle): { ids: string[]; previous: string[]; photos: string[]; reports: string[]; heads: Set<string> } {
  const out = { ids: [] as string[], previous: [] as string[], photos: [] as string[], reports: [] as string[], heads: new Set<string>() };
  for (const d of v.audits) {
    out.ids.push(d.audit.id);
    if (d.audit.previousId) out.previous.push(d.audit.previousId);
    out.photos.push(...photoFilesOf(d));
    out.reports.push(...d.reports.map((r) => r.sha256));
    out.heads.add(`${d.audit.id}:${headOf(d)}`);
  }
  out.ids = uniq(out.ids);
  return out;
}

const uniq = (xs: Array<string | null | undefined>): string[] => [...new Set(xs.filter((x): x is string => !!x))];

/** Copies the rows the bundle's checks and merge read from the server into the scratch database. */
export async function loadFor(c: PgConn, db: Db, v: VerifiedBundle, opts: { apply: boolean }): Promise<Loaded> {
  const f = factsOf(v);
  const ids = f.ids;
  const near = uniq([...ids, ...f.previous]);
  const chains = uniq(v.actionChains.map((x) => x.auditId));
  const owned = uniq([...near, ...chains]);
  const photos = uniq([...v.manifest.files.filter((x) => x.path.startsWith('photos/')).map((x) => x.sha256), ...f.photos]);
  const reports = uniq([...v.manifest.files.filter((x) => x.path.startsWith('reports/')).map((x) => x.sha256), ...f.reports]);
  const put = async (table: string, sql: string, params: unknown[]) => insertRows(db, table, await rows<Row>(c, sql, params));
  await put('audit_owners', 'SELECT * FROM audit_owners WHERE audit_id = ANY(?)', [owned]);
  await put('auditors', 'SELECT * FROM auditors WHERE fingerprint = ? OR fingerprint IN (SELECT fingerprint FROM audit_owners WHERE audit_id = ANY(?))', [v.signer.fingerprint, owned]);
  await put('bundles', 'SELECT * FROM bundles WHERE bundle_id = ANY(?)', [uniq([v.manifest.bundleId, v.manifest.baseBundleId])]);
  const events = await rows<Row>(c, 'SELECT * FROM events WHERE audit_id = ANY(?)', [ids]);
  insertRows(db, 'events', events);
  await put('photos', 'SELECT * FROM photos WHERE sha256 = ANY(?)', [photos]);
  await put('reports', 'SELECT * FROM reports WHERE sha256 = ANY(?)', [reports]);
  const loaded: Loaded = { ids, events: new Set(events.map((e) => `${e.audit_id as string}:${e.hash as string}`)), chains, cycle: new Set() };
  if (!opts.apply) {
    // The action chains' check: where each chain HQ holds ends (sequences and hashes; the bodies are never read) and the actions of
    // the audit's finalized version. The checks read no more.
    await put('action_events', "SELECT audit_id, seq, hash, prev_hash, '' AS body, bundle_id FROM action_events WHERE audit_id = ANY(?)", [chains]);
    await put('audit_versions', "SELECT * FROM audit_versions WHERE audit_id = ANY(?) AND status = 'finalized'", [chains]);
    return loaded;
  }
  // The merge and the projection read the versions and the read model too.
  await put('audits', 'SELECT * FROM audits WHERE audit_id = ANY(?)', [ids]);
  // A version's document is read only for the current head and the heads this bundle brings.
  const heads = [...f.heads];
  await put('audit_versions', `SELECT v.audit_id, v.head_hash, v.event_count, v.revision, v.previous_id, v.status, v.site_name, v.fingerprint, v.bundle_id,
      CASE WHEN v.head_hash = a.current_head OR v.audit_id || ':' || v.head_hash = ANY(?) THEN v.doc ELSE '' END AS doc
    FROM audit_versions v LEFT JOIN audits a ON a.audit_id = v.audit_id WHERE v.audit_id = ANY(?)`, [heads, ids]);
  // The projection reads the previous revision's root and re-roots and supersedes its neighbours.
  await put('hq_audit', 'SELECT * FROM hq_audit WHERE audit_id = ANY(?) OR previous_id = ANY(?) OR root_id = ANY(?)', [near, ids, ids]);
  // It rewrites its audits' facts and marks the previous revision's superseded.
  await put('hq_fact', 'SELECT * FROM hq_fact WHERE audit_id = ANY(?)', [uniq(f.previous)]);
  // The chains' import folds each action it touches from its whole history and evidence, and closes a finding by its plan (hq_action).
  for (const t of ['hq_action_history', 'hq_closure_evidence']) {
    const held = await rows<Row>(c, `SELECT * FROM ${t} WHERE audit_id = ANY(?)`, [chains]);
    insertRows(db, t, held);
    for (const r of held) loaded.cycle.add(`${t} ${r.audit_id as string} ${r.seq as number}`);
  }
  for (const t of ['hq_action_closure', 'hq_finding_closure', 'hq_action']) await put(t, `SELECT * FROM ${t} WHERE audit_id = ANY(?)`, [chains]);
  return loaded;
}

/** Inserts rows on the server in a few statements; on a key already there: replace the row, or leave it. */
export async function upsert(c: PgConn, table: string, list: Row[], onConflict: 'replace' | 'keep'): Promise<void> {
  if (!list.length) return;
  const cols = Object.keys(list[0]!);
  const key = KEYS[table]!;
  const set = cols.filter((x) => !key.includes(x)).map((x) => `${x} = excluded.${x}`).join(', ');
  const tail = onConflict === 'keep' || !set ? 'DO NOTHING' : `DO UPDATE SET ${set}`;
  const per = Math.max(1, Math.floor(30_000 / cols.length));
  for (let i = 0; i < list.length; i += per) {
    const chunk = list.slice(i, i + per);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${cols.map((x) => { params.push(r[x]); return `$${params.length}`; }).join(', ')})`).join(', ');
    await c.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values} ON CONFLICT (${key.join(', ')}) ${tail}`, params);
  }
}

/** Copies what the merge and the projection wrote in the scratch database back to the server, by key. */
export async function writeBack(c: PgConn, db: Db, v: VerifiedBundle, loaded: Loaded): Promise<void> {
  const { ids } = loaded;
  const inIds = `audit_id IN (${ids.map(() => '?').join(', ')})`;
  const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Row[];
  const shas = v.manifest.files.map((f) => f.sha256);
  await upsert(c, 'bundles', all('SELECT * FROM bundles WHERE bundle_id = ?', v.manifest.bundleId), 'replace');
  await upsert(c, 'photos', all('SELECT * FROM photos').filter((r) => shas.includes(r.sha256 as string)), 'keep');
  await upsert(c, 'reports', all('SELECT * FROM reports').filter((r) => shas.includes(r.sha256 as string)), 'keep');
  await writeCycle(c, db, loaded);
  if (!ids.length) return;
  await upsert(c, 'events', all(`SELECT * FROM events WHERE ${inIds}`, ...ids).filter((e) => !loaded.events.has(`${e.audit_id as string}:${e.hash as string}`)), 'keep');
  const heads = factsOf(v).heads;
  await upsert(c, 'audit_versions', all(`SELECT * FROM audit_versions WHERE ${inIds}`, ...ids).filter((r) => heads.has(`${r.audit_id as string}:${r.head_hash as string}`)), 'replace');
  await upsert(c, 'audits', all(`SELECT * FROM audits WHERE ${inIds}`, ...ids), 'replace');
  await upsert(c, 'audit_owners', all(`SELECT * FROM audit_owners WHERE ${inIds}`, ...ids), 'keep');
  await upsert(c, 'hq_audit', all('SELECT * FROM hq_audit'), 'replace');
  for (const t of AUDIT_ROWS) {
    await c.query(`DELETE FROM ${t} WHERE audit_id = ANY($1)`, [ids]);
    await upsert(c, t, all(`SELECT * FROM ${t} WHERE ${inIds}`, ...ids), 'keep');
  }
  // The facts of the audits projected and of the revisions they superseded (the only rows of hq_fact in the scratch), replaced whole.
  await c.query('DELETE FROM hq_fact WHERE audit_id = ANY($1)', [uniq([...ids, ...factsOf(v).previous])]);
  await upsert(c, 'hq_fact', all('SELECT * FROM hq_fact'), 'keep');
}

/**
 * The action chains' rows: events, history and evidence are written once
 * (INSERT OR IGNORE, keyed by audit and sequence), so only new ones go and a
 * key already there is kept; each action's closure is folded again, so it
 * replaces; the closed findings of each chain's audit are its set, replaced
 * whole; a follow-up's link, once made, is kept.
 */
async function writeCycle(c: PgConn, db: Db, loaded: Loaded): Promise<void> {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  await upsert(c, 'hq_follow_up', all('SELECT * FROM hq_follow_up'), 'keep');
  if (!loaded.chains.length) return;
  // The scratch holds no events HQ had when applying: these are the bundle's.
  await upsert(c, 'action_events', all('SELECT * FROM action_events'), 'keep');
  for (const t of ['hq_action_history', 'hq_closure_evidence']) {
    await upsert(c, t, all(`SELECT * FROM ${t}`).filter((r) => !loaded.cycle.has(`${t} ${r.audit_id as string} ${r.seq as number}`)), 'keep');
  }
  await upsert(c, 'hq_action_closure', all('SELECT * FROM hq_action_closure'), 'replace');
  await c.query('DELETE FROM hq_finding_closure WHERE audit_id = ANY($1)', [loaded.chains]);
  await upsert(c, 'hq_finding_closure', all('SELECT * FROM hq_finding_closure'), 'keep');
}
