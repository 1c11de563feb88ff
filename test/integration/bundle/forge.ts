// Forging bundles from a real one: take its files, change what a test needs,
// re-sign the manifest and re-seal the archive with a chosen key.
import { readFileSync } from 'node:fs';
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import yauzl from 'yauzl';
import { signManifest } from '../../../electron/core/bundle/signature';
import { buildZip, type RawEntry } from './raw-zip';
import type { AuditDoc } from '../../../electron/core/bundle/content';

export interface Parts {
  files: Map<string, Buffer>;
  manifest: Record<string, unknown>;
}

export function readParts(file: string): Promise<Parts> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(readFileSync(file), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => { files.set(e.fileName, Buffer.concat(chunks)); zip.readEntry(); });
        });
      });
      zip.on('end', () => {
        const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
        files.delete('manifest.json');
        files.delete('manifest.sig');
        resolve({ files, manifest });
      });
      zip.readEntry();
    });
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface ForgeOptions {
  /** Edit the content files (before the manifest lists them). */
  files?: (files: Map<string, Buffer>) => void;
  /** Edit the manifest after its file list is computed. */
  manifest?: (m: Record<string, unknown>) => void;
  /** Rewrite the manifest's JSON text (after `manifest`), before it is signed. */
  manifestText?: (json: string) => string;
  /** Raw manifest bytes instead of JSON of the object. */
  manifestBytes?: Buffer;
  /** Edit the raw zip entries (names, modes, sizes, extras). */
  entries?: (e: RawEntry[]) => RawEntry[];
  signWith: KeyObject;
  sealWith?: KeyObject | null;
  omitSignature?: boolean;
  signature?: Buffer;
}

export function forge(parts: Parts, o: ForgeOptions): Buffer {
  const files = new Map(parts.files);
  o.files?.(files);
  const m = structuredClone(parts.manifest);
  m.files = [...files].map(([path, data]) => ({ path, sha256: sha(data), size: data.length }));
  o.manifest?.(m);
  const json = JSON.stringify(m);
  const mBytes = o.manifestBytes ?? Buffer.from(o.manifestText ? o.manifestText(json) : json, 'utf8');
  let entries: RawEntry[] = [...files].map(([name, data]) => ({ name, data, method: name.endsWith('.json') ? 8 : 0 }));
  entries.push({ name: 'manifest.json', data: mBytes, method: 8 });
  if (!o.omitSignature) {
    const sig = o.signature ?? Buffer.from(signManifest(mBytes, o.signWith).toString('base64') + '\n');
    entries.push({ name: 'manifest.sig', data: sig });
  }
  if (o.entries) entries = o.entries(entries);
  return buildZip(entries, o.sealWith === undefined ? o.signWith : o.sealWith);
}

/** Puts another key's public half in the manifest (the key that will sign it). */
export function claimKey(m: Record<string, unknown>, key: KeyObject): void {
  const raw = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  const auditor = m.auditor as Record<string, string>;
  auditor.publicKey = raw.toString('base64');
  auditor.fingerprint = sha(raw);
}

/** Edits one audit document (parsed JSON) in place. */
export function editDoc(files: Map<string, Buffer>, auditId: string, fn: (doc: AuditDoc) => void): void {
  const name = `audits/${auditId}.json`;
  const doc = JSON.parse(files.get(name)!.toString('utf8')) as AuditDoc;
  fn(doc);
  files.set(name, Buffer.from(JSON.stringify(doc), 'utf8'));
}
