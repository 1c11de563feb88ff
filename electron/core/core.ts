// The core: one open database in one data folder, plus what every service
// needs (paths, the key box, who is acting, the job registry). Plain Node:
// the Electron shell, the command line, the web harness and the tests all
// open it the same way.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openDatabaseChecked, type Db } from './store/db';
import { optimize } from './store/optimize';
import { checkInBackground, type IntegrityState } from './store/integrity';
import { dataPaths, type DataPaths } from './paths';
import type { SecretBox } from './keys/secret-box';
import type { KeyVault } from './keys/vault';
import { JobRegistry } from './jobs';
import { installBuiltInTemplates, type LoadedTemplate } from './store/repos/templates';
import { getProfile } from './store/repos/profile';
import { preparePrivateDataDir, tightenTree } from './private-files';
import { getSetting, setSetting } from './sync/settings';
import type { Uploads } from './evidence/uploads';
import type { Hq } from './hq/context';
import type { SendSummary } from './sync/outbox';

const PRIVATE_SETTING = 'files.private';

export interface Core {
  db: Db;
  dataDir: string;
  paths: DataPaths;
  secretBox: SecretBox;
  /** The desktop app's key vault (safeStorage, or a passphrase when it is weak); absent elsewhere. */
  keyVault?: KeyVault;
  /** Who the events name: the profile's auditor, until then "unknown". */
  actor: string;
  appVersion: string;
  assetsDir: string;
  schemaVersion: number;
  jobs: JobRegistry;
  /** The last photo-store sweep queued on this core (see evidence/sweep-on-open.ts). */
  photoSweeps: Promise<void>;
  /** Parsed templates by id (templates are immutable once stored). */
  templateCache: Map<string, LoadedTemplate>;
  /** The database's integrity: checked in full on open (small files) or in the background (app.integrity). */
  integrity: IntegrityState;
  /** Settles when the background check is over (at once when there is none). */
  integrityCheck: Promise<IntegrityState>;
  /** Photo uploads in progress (evidence/uploads.ts, from the first one on); closing the core drops them and their .part files. */
  uploads: Uploads | null;
  /** Photo hashes whose files this core is writing: the sweep leaves them alone (evidence/files.ts). */
  filesInFlight: Map<string, number>;
  /** HQ's own database in DATA/hq, opened on first use (hq/service.ts) and closed with the core. */
  hq: Promise<Hq> | null;
  /** The outbox upload in progress (sync/outbox.ts): a second send on this core joins it. */
  outboxRun: Promise<SendSummary> | null;
  /** Runs `fn` when the core closes (at once if it is closed already): for state opened later, such as HQ's database. */
  onClose(fn: () => void): void;
  close(): void;
}

export interface OpenCoreOptions {
  dataDir: string;
  secretBox: SecretBox;
  /** The desktop app passes its vault here (it is also the secretBox). */
  keyVault?: KeyVault;
  /** Folder holding templates/ (the packaged app passes its resources path). */
  assetsDir?: string;
  appVersion?: string;
  /** How long after opening the background integrity check starts (the window is up by then). */
  integrityCheckDelayMs?: number;
  /** Passed to openDatabase: files above this size get the bounded check on open. */
  fullCheckMaxBytes?: number;
}

const repoRoot = (): string => fileURLToPath(new URL('../../', import.meta.url));

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function openCore(opts: OpenCoreOptions): Promise<Core> {
  const paths = dataPaths(opts.dataDir);
  preparePrivateDataDir(paths.dataDir, paths.database);
  const { db, fullCheckDue } = await openDatabaseChecked({ file: paths.database, backupDir: paths.backups, fullCheckMaxBytes: opts.fullCheckMaxBytes });
  const integrity: IntegrityState = fullCheckDue
    ? { state: 'checking', onOpen: 'bounded', checkedAt: null, problems: [] }
    : { state: 'ok', onOpen: 'full', checkedAt: new Date().toISOString(), problems: [] };
  const check = fullCheckDue ? checkInBackground(paths.database, db, integrity, opts.integrityCheckDelayMs ?? 1500) : null;
  const closers: Array<() => void> = [];
  let closed = false;
  const core: Core = {
    db,
    dataDir: paths.dataDir,
    paths,
    secretBox: opts.secretBox,
    ...(opts.keyVault ? { keyVault: opts.keyVault } : {}),
    actor: 'unknown',
    appVersion: opts.appVersion ?? readVersion(),
    assetsDir: opts.assetsDir ?? join(repoRoot(), 'assets'),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    jobs: new JobRegistry(),
    photoSweeps: Promise.resolve(),
    templateCache: new Map(),
    integrity,
    integrityCheck: check?.done ?? Promise.resolve(integrity),
    uploads: null,
    filesInFlight: new Map(),
    hq: null,
    outboxRun: null,
    onClose: (fn) => {
      if (closed) fn();
      else closers.push(fn);
    },
    close: () => {
      check?.stop();
      if (closed) return;
      closed = true;
      for (const fn of closers.splice(0)) {
        try { fn(); } catch { /* the database below still has to close */ }
      }
      if (!db.open) return;
      // Statistics for the next start, from what this session's queries saw (not on a damaged file).
      if (integrity.state === 'ok') {
        try { optimize(db); } catch { /* closing matters more than statistics */ }
      }
      db.close();
    },
  };
  try {
    // Files left readable by others (by versions before this rule) are fixed once.
    if (getSetting(core, PRIVATE_SETTING) !== '1') {
      tightenTree(paths.dataDir);
      setSetting(core, PRIVATE_SETTING, '1');
    }
    core.actor = actorOf(getProfile(db));
    installBuiltInTemplates(core);
  } catch (err) {
    core.close();
    throw err;
  }
  return core;
}

export function actorOf(p: { name: string; auditorId: string } | null): string {
  return p ? `${p.name} (${p.auditorId})` : 'unknown';
}
