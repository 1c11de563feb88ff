// The bundled country legal profiles (assets/legal-profiles/*.json), read
// and checked against the schema each time: a handful of small files, asked
// for when the site form opens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CountryLegalProfile } from '../../shared/domain/legal-profile';
import type { Core } from './core';

export function listCountryProfiles(core: Pick<Core, 'assetsDir'>): CountryLegalProfile[] {
  const dir = join(core.assetsDir, 'legal-profiles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => CountryLegalProfile.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}
