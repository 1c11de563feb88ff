// Evidence settings in the settings table: whether reports may print a
// photo's GPS position (off by default: a site's location is often
// sensitive), and the largest photo accepted.
import type { Core } from '../core';
import type { EvidenceSettings } from '../../../shared/domain/evidence';
import { record } from '../store/repos/record';
import { write } from '../store/write';

const KEY_GPS = 'evidence.reportShowsGps';
const KEY_MAX = 'evidence.maxPhotoMB';
export const DEFAULT_MAX_PHOTO_MB = 50;

const read = (core: Core, key: string): string | undefined =>
  (core.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

export function getEvidenceSettings(core: Core): EvidenceSettings {
  const max = Number(read(core, KEY_MAX));
  return {
    reportShowsGps: read(core, KEY_GPS) === 'true',
    maxPhotoMB: Number.isInteger(max) && max >= 1 ? max : DEFAULT_MAX_PHOTO_MB,
  };
}

export function saveEvidenceSettings(core: Core, next: EvidenceSettings): EvidenceSettings {
  return write(core, () => {
    const old = getEvidenceSettings(core);
    const put = core.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    put.run(KEY_GPS, String(next.reportShowsGps));
    put.run(KEY_MAX, String(next.maxPhotoMB));
    record(core, null, 'settings', 'evidence', 'update', old, next);
    return getEvidenceSettings(core);
  });
}

export const maxPhotoBytes = (core: Core): number => getEvidenceSettings(core).maxPhotoMB * 1024 * 1024;
