// A site's IANA time zone ("Asia/Manila"): the times that matter on site
// (interviews, photos, the audit's start and end) are shown in it, with the
// zone named. A site recorded before has none ('') and its times stay in
// UTC, named so, until the auditor sets the zone in the site form.
import type { Migration } from './types';

export const m016: Migration = {
  version: 16,
  name: 'site-time-zone',
  up(db) {
    db.exec(`ALTER TABLE sites ADD COLUMN time_zone TEXT NOT NULL DEFAULT ''`);
  },
};
