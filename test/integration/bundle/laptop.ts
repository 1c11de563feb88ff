// A real laptop for bundle tests: a data folder with a database, a profile
// (and so a signing key) and the demo audits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { addPhotoFromFile } from '../../../electron/core/evidence/ingest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { openCore, type Core } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { saveProfileWithKey } from '../../../electron/core/profile-service';
import { createDemo } from '../../../electron/core/demo/create';
import { saveResponse } from '../../../electron/core/store/repos/responses';

// Node's URL explicitly: under jsdom the global URL is the DOM's.
const ASSETS = fileURLToPath(new NodeURL('../../../assets/', import.meta.url));

export interface Laptop {
  core: Core;
  dir: string;
  auditIds: string[];
}

export async function makeLaptop(name = 'Asha Rao', auditorId = 'AUD-001', root?: string): Promise<Laptop> {
  const dir = mkdtempSync(join(root ?? tmpdir(), 'fs-laptop-'));
  const core = await openCore({ dataDir: dir, secretBox: passphraseBox('laptop-test-passphrase'), assetsDir: ASSETS, appVersion: '0.0.0-test' });
  saveProfileWithKey(core, { name, organisation: 'Fairsite QA', email: 'qa@example.org', auditorId });
  const { auditIds } = createDemo(core);
  return { core, dir, auditIds };
}

/** Changes one text answer of an editable audit: one new event. */
export function changeOneAnswer(core: Core, text: string): string {
  const r = core.db.prepare(`SELECT r.audit_id, r.item_id, r.value FROM responses r JOIN audits a ON a.id = r.audit_id
    WHERE a.status != 'finalized' AND r.value LIKE '%"kind":"text"%' ORDER BY r.audit_id, r.item_id LIMIT 1`).get() as { audit_id: string; item_id: string } | undefined;
  if (!r) throw new Error('the demo has no editable text answer');
  saveResponse(core, { auditId: r.audit_id, itemId: r.item_id, value: { kind: 'text', text }, note: '', severity: null, zeroTolerance: false });
  return r.audit_id;
}

/** Adds real JPEG photos (random noise, so each is distinct) through the evidence store. */
export async function addPhotos(core: Core, auditId: string, count: number, width = 320, height = 240): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fs-photos-'));
  const shas: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const raw = randomBytes(width * height * 3);
      const file = join(dir, `p${i}.jpg`);
      writeFileSync(file, await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());
      const r = await addPhotoFromFile(core, file, { auditId, target: { kind: 'audit' }, caption: `Photo ${i + 1}`, originalName: `p${i}.jpg` });
      shas.push(r.photo.sha256);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return shas;
}

export function editableAuditId(core: Core): string {
  return (core.db.prepare("SELECT id FROM audits WHERE status != 'finalized' ORDER BY id LIMIT 1").get() as { id: string }).id;
}
