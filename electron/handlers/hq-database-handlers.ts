// Handlers of HQ's database setting. A PostgreSQL address is checked, the
// server connected to with it and HQ's tables made there if the database is
// empty, before anything is saved; then HQ is opened again on it and the
// screens' replica filled. The password is sealed and never sent back.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { hqDatabaseOps } from '../../shared/contract/hq-database-ops';
import type { HqDatabase } from '../../shared/domain/hq-database';
import { installRole } from '../core/install-role';
import type { Hq } from '../core/hq/context';
import { closeAppHq, hqFor } from '../core/hq/service';
import { ensureWatcher, setWatchFolder } from '../core/hq/inbox/service';
import { checkPgUrl, hqDatabaseInfo, keptPassword, saveHqDatabase, withPassword } from '../core/hq/engine/db-setting';
import { openPgStore } from '../core/hq/engine/pg-store';
import { explainPg } from '../core/hq/engine/app-hq';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type HqDatabaseHandlers = { [K in keyof typeof hqDatabaseOps]: Handler<K, Core> };

function infoOf(core: Core, hq: Hq): HqDatabase {
  const d = hqDatabaseInfo(core);
  const st = hq.replica?.status();
  return {
    engine: st ? 'postgres' : 'sqlite', url: st ? (d.url ?? st.where) : null, hasPassword: !!st && d.hasPassword, folder: hq.paths.dir,
    asOf: st?.asOf ?? null, error: st?.error ?? null, errorText: st?.errorText ?? null, refreshing: st?.refreshing ?? false, dataVersion: st?.version ?? null,
    fromEnvironment: d.fromEnvironment && !!st,
  };
}

const WATCH_SETTING = 'inbox.watchFolder';

/** HQ opened again on the database the settings now name; the watched folder (a path on this machine) stays watched. */
async function reopen(core: Core): Promise<Hq> {
  const old = await core.hq?.catch(() => null);
  const watched = old?.db.open ? (old.db.prepare('SELECT value FROM settings WHERE key = ?').get(WATCH_SETTING) as { value: string } | undefined)?.value ?? null : null;
  await closeAppHq(core);
  const hq = await hqFor(core);
  await hq.replica?.refresh();
  if (watched) {
    try {
      setWatchFolder(hq, watched);
    } catch {
      // The folder is gone: the inbox says so, and the person chooses another.
    }
  }
  ensureWatcher(hq);
  return hq;
}

export const hqDatabaseHandlers: HqDatabaseHandlers = {
  'hq.database': async (_i, core) => infoOf(core, await hqFor(core)),
  'hq.setDatabase': async ({ url, password }, core) => {
    if (installRole(core) !== 'hq') throw refusal('conflict', msg('pg.laptop'));
    if (url === null) {
      saveHqDatabase(core, null, '');
      return infoOf(core, await reopen(core));
    }
    const checked = checkPgUrl(url);
    const secret = password || checked.password || keptPassword(core, checked.url);
    const full = withPassword(checked.url, secret);
    // Tested before it is saved: connected to, and HQ's tables made in an empty database (or brought to this app's version).
    try {
      const store = await openPgStore(full, { create: true });
      await store.close();
    } catch (e) {
      throw explainPg(full, e);
    }
    saveHqDatabase(core, checked.url, secret);
    return infoOf(core, await reopen(core));
  },
  'hq.refreshReplica': async (_i, core) => {
    const hq = await hqFor(core);
    await hq.replica?.refresh();
    return infoOf(core, hq);
  },
};
