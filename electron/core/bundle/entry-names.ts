// Entry names are the first thing an attacker controls. Each rule below has
// its own message so a rejected bundle says exactly which name was wrong.
import { reject } from './rejection';
import { msg } from '../../../shared/messages';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

const HEX64 = '[0-9a-f]{64}';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ALLOWED = new RegExp(`^(manifest\\.json|manifest\\.sig|audits/${UUID}\\.json|actions/${UUID}\\.json|photos/${HEX64}|closure/${HEX64}|reports/${HEX64}\\.pdf)$`);
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export const auditPath = (auditId: string): string => `audits/${auditId}.json`;
export const photoPath = (sha256: string): string => `photos/${sha256}`;
export const reportPath = (sha256: string): string => `reports/${sha256}.pdf`;
/** A file the site sent (or taken on site) as evidence that a corrective action was closed. */
export const closurePath = (sha256: string): string => `closure/${sha256}`;

export type EntryKind = 'manifest' | 'signature' | 'audit' | 'actions' | 'photo' | 'closure' | 'report';

export function kindOf(name: string): EntryKind {
  if (name === MANIFEST) return 'manifest';
  if (name === SIGNATURE) return 'signature';
  if (name.startsWith('audits/')) return 'audit';
  if (name.startsWith('actions/')) return 'actions';
  if (name.startsWith('photos/')) return 'photo';
  if (name.startsWith('closure/')) return 'closure';
  return 'report';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const hasControl = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Shown in messages: printable, bounded, never the raw bytes. */
export function displayName(name: string): string {
  const cleaned = [...name].map((c) => (hasControl(c) ? '?' : c)).join('');
  return JSON.stringify(cleaned.length > 120 ? `${cleaned.slice(0, 117)}...` : cleaned);
}

/** Decodes one raw zip entry name and refuses names that are unsafe anywhere. */
export function checkEntryName(raw: Buffer, utf8Flag: boolean): string {
  const ascii = raw.every((b) => b < 0x80);
  if (!ascii && !utf8Flag) reject('bad_entry_name', msg('bundle.nameNotUtf8Flag'));
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    return reject('bad_entry_name', msg('bundle.nameNotUtf8'));
  }
  const shown = displayName(name);
  if (name.length === 0) reject('bad_entry_name', msg('bundle.nameEmpty'));
  if (raw.length > 255) reject('bad_entry_name', msg('bundle.nameTooLong', { entry: shown }));
  if (hasControl(name)) reject('bad_entry_name', msg('bundle.nameControl', { entry: shown }));
  if (name.includes('\\')) reject('bad_entry_name', msg('bundle.nameBackslash', { entry: shown }));
  if (/^[A-Za-z]:/.test(name)) reject('bad_entry_name', msg('bundle.nameWindows', { entry: shown }));
  if (name.startsWith('/')) reject('bad_entry_name', msg('bundle.nameAbsolute', { entry: shown }));
  const parts = name.split('/');
  if (parts.some((p) => p === '..' || p === '.')) reject('bad_entry_name', msg('bundle.nameLeaves', { entry: shown }));
  if (parts.some((p) => p === '')) reject('bad_entry_name', msg('bundle.nameEmptySegment', { entry: shown }));
  if (parts.some((p) => RESERVED.has(p))) reject('bad_entry_name', msg('bundle.nameReserved', { entry: shown }));
  return name;
}

/** After the syntax and duplicate checks: only the paths the format defines. */
export function checkAllowed(name: string): void {
  if (!ALLOWED.test(name)) reject('unlisted_file', msg('bundle.entryNotAllowed', { entry: displayName(name) }));
}

/** Two names that a case-insensitive or normalising filesystem would merge. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
