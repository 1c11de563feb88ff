// Where photo files live in the data folder. Content-addressed: the name is
// the SHA-256 of the original's bytes, fanned out by its first two hex digits
// (DATA/photos/ab/abcdef….jpg), with the derivatives beside it.
import { join } from 'node:path';

export type Derivative = 'thumb' | 'report';
export const DERIVATIVES: readonly Derivative[] = ['thumb', 'report'];

/** Uploads arrive here, hashed as they come, before they are checked. */
export const incomingDir = (photosDir: string): string => join(photosDir, 'incoming');
export const shardDir = (photosDir: string, sha256: string): string => join(photosDir, sha256.slice(0, 2));
export const originalPath = (photosDir: string, sha256: string, ext: string): string => join(shardDir(photosDir, sha256), `${sha256}.${ext}`);
export const derivativePath = (photosDir: string, sha256: string, kind: Derivative): string => join(shardDir(photosDir, sha256), `${sha256}.${kind}.jpg`);

const NAME = /^([0-9a-f]{64})\.(?:(thumb|report)\.jpg|([a-z0-9]{2,5}))$/;

/** Parses a file name of the store; null for anything else (temporary files included). */
export function parseStoredName(name: string): { sha256: string; derivative: Derivative | null } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { sha256: m[1]!, derivative: (m[2] as Derivative | undefined) ?? null };
}

export const TEMP_SUFFIX = '.tmp';
export const PART_SUFFIX = '.part';
