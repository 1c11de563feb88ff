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
import { inlined, jsonText, quoted, together, type PgConn } from './pg-sql';

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

interface Facts {
  ids: string[];
  previous: string[];
  photos: string[];
  reports: string[];
  heads: Set<string>;
  /** Each audit's first event in the bundle (the greatest, should it carry two versions). */
  fromSeq: Record<string, number>;
}

const factsSeen = new WeakMap<VerifiedBundle, Facts>();

/**
 * The few facts of a bundle's audit documents the copy needs, gathered once
 * per bundle: the documents are read one at a time, those past the kept
 * budget from disk again on every pass (audit-docs.ts), and the check, the
 * apply and the write-back each need these.
 */
function factsOf(v: VerifiedBundle): Facts {
  const seen = factsSeen.get(v);
  if (seen) return seen;
  const out: Facts = { ids: [], previous: [], photos: [], reports: [], heads: new Set(), fromSeq: {} };
  for (const d of v.audits) {
    out.ids.push(d.audit.id);
    if (d.audit.previousId) out.previous.push(d.audit.previousId);
    out.photos.push(...photoFilesOf(d));
    out.reports.push(...d.reports.map((r) => r.sha256));
    out.heads.add(`${d.audit.id}:${headOf(d)}`);
    out.fromSeq[d.audit.id] = Math.max(out.fromSeq[d.audit.id] ?? 0, d.events.fromSeq);
  }
  out.ids = uniq(out.ids);
  factsSeen.set(v, out);
  return out;
}

const uniq = (xs: Array<string | null | undefined>): string[] => [...new Set(xs.filter((x): x is string => !!x))];

/** What a bundle reads: one statement per table (its parameters written in), all sent in one message. */
export interface Reads {
  statements: string[];
  tables: string[];
  ids: string[];
  chains: string[];
}

/** The statements reading the rows the bundle's checks (or, with `apply`, its merge) read. */
export function readsFor(v: VerifiedBundle, opts: { apply: boolean }): Reads {
  const f = factsOf(v);
  const ids = f.ids;
  const near = uniq([...ids, ...f.previous]);
  const chains = uniq(v.actionChains.map((x) => x.auditId));
  const owned = uniq([...near, ...chains]);
  const photos = uniq([...v.manifest.files.filter((x) => x.path.startsWith('photos/')).map((x) => x.sha256), ...f.photos]);
  const reports = uniq([...v.manifest.files.filter((x) => x.path.startsWith('reports/')).map((x) => x.sha256), ...f.reports]);
  const out: Reads = { statements: [], tables: [], ids, chains };
  const put = (table: string, sql: string, params: unknown[]) => {
    out.tables.push(table);
    out.statements.push(inlined(sql, params));
  };
  put('audit_owners', 'SELECT * FROM audit_owners WHERE audit_id = ANY(?)', [owned]);
  put('auditors', 'SELECT * FROM auditors WHERE fingerprint = ? OR fingerprint IN (SELECT fingerprint FROM audit_owners WHERE audit_id = ANY(?))', [v.signer.fingerprint, owned]);
  // The bundle itself too: the apply finds there whether another importer applied it first.
  put('bundles', 'SELECT * FROM bundles WHERE bundle_id = ANY(?)', [uniq([v.manifest.bundleId, v.manifest.baseBundleId])]);
  put('photos', 'SELECT * FROM photos WHERE sha256 = ANY(?)', [photos]);
  put('reports', 'SELECT * FROM reports WHERE sha256 = ANY(?)', [reports]);
  if (!opts.apply) {
    // The checks read only the events before each document's first (its dependency, and the chain its records are folded from):
    // none for a document that starts its chain, as a full bundle's do. Found through the key's index by audit (a join with the list
    // would be planned as a scan of the whole table), each audit's first sequence looked up in a JSON object.
    const later = ids.filter((id) => f.fromSeq[id]! > 1);
    put('events', 'SELECT * FROM events WHERE audit_id = ANY(?) AND seq < (?::jsonb ->> audit_id)::int', [later, JSON.stringify(f.fromSeq)]);
    // The action chains' check: where each chain HQ holds ends (sequences and hashes; the bodies are never read) and the actions of
    // the audit's finalized version. The checks read no more.
    put('action_events', "SELECT audit_id, seq, hash, prev_hash, '' AS body, bundle_id FROM action_events WHERE audit_id = ANY(?)", [chains]);
    put('audit_versions', "SELECT * FROM audit_versions WHERE audit_id = ANY(?) AND status = 'finalized'", [chains]);
    return out;
  }
  // The merge walks every event's link and the projection folds the current chain.
  put('events', 'SELECT * FROM events WHERE audit_id = ANY(?)', [ids]);
  // The merge and the projection read the versions and the read model too.
  put('audits', 'SELECT * FROM audits WHERE audit_id = ANY(?)', [ids]);
  // A version's document is read only for the current head and the heads this bundle brings.
  put('audit_versions', `SELECT v.audit_id, v.head_hash, v.event_count, v.revision, v.previous_id, v.status, v.site_name, v.fingerprint, v.bundle_id,
      CASE WHEN v.head_hash = a.current_head OR v.audit_id || ':' || v.head_hash = ANY(?) THEN v.doc ELSE '' END AS doc
    FROM audit_versions v LEFT JOIN audits a ON a.audit_id = v.audit_id WHERE v.audit_id = ANY(?)`, [[...f.heads], ids]);
  // The projection reads the previous revision's root and re-roots and supersedes its neighbours.
  put('hq_audit', 'SELECT * FROM hq_audit WHERE audit_id = ANY(?) OR previous_id = ANY(?) OR root_id = ANY(?)', [near, ids, ids]);
  // It rewrites its audits' facts and marks the previous revision's superseded.
  put('hq_fact', 'SELECT * FROM hq_fact WHERE audit_id = ANY(?)', [uniq(f.previous)]);
  // The chains' import folds each action it touches from its whole history and evidence, and closes a finding by its plan (hq_action).
  for (const t of ['hq_action_history', 'hq_closure_evidence', 'hq_action_closure', 'hq_finding_closure', 'hq_action']) put(t, `SELECT * FROM ${t} WHERE audit_id = ANY(?)`, [chains]);
  return out;
}

/** Fills the scratch database with what the reads returned; notes which keys were there before. */
export function loadInto(db: Db, reads: Reads, results: Array<{ rows: Row[] }>): Loaded {
  const loaded: Loaded = { ids: reads.ids, events: new Set(), chains: reads.chains, cycle: new Set() };
  for (const [i, table] of reads.tables.entries()) {
    const list = results[i]!.rows;
    insertRows(db, table, list);
    if (table === 'events') for (const e of list) loaded.events.add(`${e.audit_id as string}:${e.hash as string}`);
    if (table === 'hq_action_history' || table === 'hq_closure_evidence') for (const r of list) loaded.cycle.add(`${table} ${r.audit_id as string} ${r.seq as number}`);
  }
  return loaded;
}

/** Copies the rows the bundle's checks (or merge) read from the server into the scratch database, in one round trip. */
export async function loadFor(c: PgConn, db: Db, v: VerifiedBundle, opts: { apply: boolean }): Promise<Loaded> {
  const reads = readsFor(v, opts);
  return loadInto(db, reads, await together(c, reads.statements));
}

/** The statement writing `list` into `table` from JSON rows (`data`: a parameter or a quoted() literal); on a key already there: replace the row, or leave it. */
function upsertSql(table: string, list: Row[], onConflict: 'replace' | 'keep', data: string): string {
  const cols = Object.keys(list[0]!);
  const key = KEYS[table]!;
  const set = cols.filter((x) => !key.includes(x)).map((x) => `${x} = excluded.${x}`).join(', ');
  const tail = onConflict === 'keep' || !set ? 'DO NOTHING' : `DO UPDATE SET ${set}`;
  return `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM json_populate_recordset(NULL::${table}, ${data}) ON CONFLICT (${key.join(', ')}) ${tail}`;
}

/** Inserts rows on the server in one statement, their data one JSON parameter; on a key already there: replace the row, or leave it. */
export async function upsert(c: PgConn, table: string, list: Row[], onConflict: 'replace' | 'keep'): Promise<void> {
  if (list.length) await c.query(upsertSql(table, list, onConflict, '$1::json'), [jsonText(list)]);
}

/** The statements writing back (run with the transaction's COMMIT, so their data is in them). */
class Writes {
  readonly sql: string[] = [];
  upsert(table: string, list: Row[], onConflict: 'replace' | 'keep'): void {
    if (list.length) this.sql.push(upsertSql(table, list, onConflict, `${quoted(jsonText(list))}::json`));
  }
  delete(table: string, auditIds: string[]): void {
    // An array computed once (ARRAY(…)), so the audit's rows are found through the key's index, whatever the table's size.
    if (auditIds.length) this.sql.push(`DELETE FROM ${table} WHERE audit_id = ANY(ARRAY(SELECT json_array_elements_text(${quoted(jsonText(auditIds))}::json)))`);
  }
}

/** The statements copying what the merge and the projection wrote in the scratch database back to the server, by key. */
export function writeBack(db: Db, v: VerifiedBundle, loaded: Loaded): string[] {
  const w = new Writes();
  const { ids } = loaded;
  const inIds = `audit_id IN (${ids.map(() => '?').join(', ')})`;
  const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Row[];
  const shas = v.manifest.files.map((f) => f.sha256);
  w.upsert('bundles', all('SELECT * FROM bundles WHERE bundle_id = ?', v.manifest.bundleId), 'replace');
  w.upsert('photos', all('SELECT * FROM photos').filter((r) => shas.includes(r.sha256 as string)), 'keep');
  w.upsert('reports', all('SELECT * FROM reports').filter((r) => shas.includes(r.sha256 as string)), 'keep');
  writeCycle(w, db, loaded);
  if (!ids.length) return w.sql;
  w.upsert('events', all(`SELECT * FROM events WHERE ${inIds}`, ...ids).filter((e) => !loaded.events.has(`${e.audit_id as string}:${e.hash as string}`)), 'keep');
  const heads = factsOf(v).heads;
  w.upsert('audit_versions', all(`SELECT * FROM audit_versions WHERE ${inIds}`, ...ids).filter((r) => heads.has(`${r.audit_id as string}:${r.head_hash as string}`)), 'replace');
  w.upsert('audits', all(`SELECT * FROM audits WHERE ${inIds}`, ...ids), 'replace');
  w.upsert('audit_owners', all(`SELECT * FROM audit_owners WHERE ${inIds}`, ...ids), 'keep');
  w.upsert('hq_audit', all('SELECT * FROM hq_audit'), 'replace');
  for (const t of AUDIT_ROWS) {
    w.delete(t, ids);
    w.upsert(t, all(`SELECT * FROM ${t} WHERE ${inIds}`, ...ids), 'keep');
  }
  // The facts of the audits projected and of the revisions they superseded (the only rows of hq_fact in the scratch), replaced whole.
  w.delete('hq_fact', uniq([...ids, ...factsOf(v).previous]));
  w.upsert('hq_fact', all('SELECT * FROM hq_fact'), 'keep');
  return w.sql;
}

/**
 * The action chains' rows: events, history and evidence are written once
 * (INSERT OR IGNORE, keyed by audit and sequence), so only new ones go and a
 * key already there is kept; each action's closure is folded again, so it
 * replaces; the closed findings of each chain's audit are its set, replaced
 * whole; a follow-up's link, once made, is kept.
 */
function writeCycle(w: Writes, db: Db, loaded: Loaded): void {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  w.upsert('hq_follow_up', all('SELECT * FROM hq_follow_up'), 'keep');
  if (!loaded.chains.length) return;
  // The scratch holds no events HQ had when applying: these are the bundle's.
  w.upsert('action_events', all('SELECT * FROM action_events'), 'keep');
  for (const t of ['hq_action_history', 'hq_closure_evidence']) {
    w.upsert(t, all(`SELECT * FROM ${t}`).filter((r) => !loaded.cycle.has(`${t} ${r.audit_id as string} ${r.seq as number}`)), 'keep');
  }
  w.upsert('hq_action_closure', all('SELECT * FROM hq_action_closure'), 'replace');
  w.delete('hq_finding_closure', loaded.chains);
  w.upsert('hq_finding_closure', all('SELECT * FROM hq_finding_closure'), 'keep');
}
