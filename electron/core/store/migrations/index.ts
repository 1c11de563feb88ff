// The ordered registry of schema steps. Append new steps at the end; never
// edit or reorder a landed one (databases in the field were built from it).
import type { Migration } from './types';
import { m001 } from './001-core';
import { m002 } from './002-signoffs';
import { m003 } from './003-sync';
import { m004 } from './004-evidence';
import { m005 } from './005-save-path-tables';
import { m006 } from './006-site-legal-profile';
import { m007 } from './007-report-profile';
import { m009 } from './009-report-files';
import { m011 } from './011-audit-list';
import { m012 } from './012-action-chain';
import { m013 } from './013-follow-up';
import { m014 } from './014-audit-counts';
import { m015 } from './015-bundle-action-chains';
import { m016 } from './016-site-time-zone';

export const migrations: Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m009,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
];

export type { Migration } from './types';
