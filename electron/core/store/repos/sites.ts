import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { Site, SiteInput } from '../../../../shared/domain/site';
import { uuidv7 } from '../../../../shared/ids';
import type { Db } from '../db';
import { record } from './record';
import { canonicalJson } from '../../../../shared/canonical-json';
import { siteFromRow } from './rows';
import { nowIso } from '../clock';
import { write } from '../write';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

export function listSites(db: Db): Site[] {
  return (stmt(db, 'SELECT * FROM sites ORDER BY name COLLATE NOCASE, id').all() as Array<Record<string, unknown>>).map(siteFromRow);
}

export function getSite(db: Db, id: string): Site {
  const r = stmt(db, 'SELECT * FROM sites WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw refusal('not_found', msg('site.missing'));
  return siteFromRow(r);
}

const cols = (s: SiteInput) => ({
  name: s.name, clients: JSON.stringify(s.clients), address: s.address, country: s.country, headcount: s.headcount,
  shifts: s.shifts, currency: s.currency, legal_profile: canonicalJson(s.legal), time_zone: s.timeZone ?? '',
});

export function createSite(core: Core, input: SiteInput): Site {
  return write(core, () => {
    const id = uuidv7();
    const now = nowIso();
    stmt(core.db, `INSERT INTO sites (id, name, clients, address, country, headcount, shifts, currency, legal_profile, time_zone, created_at, updated_at)
      VALUES (@id, @name, @clients, @address, @country, @headcount, @shifts, @currency, @legal_profile, @time_zone, @now, @now)`)
      .run({ id, now, ...cols(input) });
    const site = getSite(core.db, id);
    record(core, null, 'site', id, 'create', null, site);
    return site;
  });
}

export function updateSite(core: Core, id: string, input: SiteInput): Site {
  return write(core, () => {
    const old = getSite(core.db, id);
    stmt(core.db, `UPDATE sites SET name = @name, clients = @clients, address = @address, country = @country, headcount = @headcount,
      shifts = @shifts, currency = @currency, legal_profile = @legal_profile, time_zone = @time_zone,
      updated_at = @now WHERE id = @id`).run({ id, now: nowIso(), ...cols(input) });
    const site = getSite(core.db, id);
    record(core, null, 'site', id, 'update', old, site);
    return site;
  });
}
