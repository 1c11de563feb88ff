// Drawn signatures of the closing meeting (table signoffs, migration 002).
// Saving is an event in the audit's chain, and is refused once finalized.
import type { Core } from '../core';
import type { Signoff, SignoffInput } from '../../../shared/domain/report';
import { editableAudit, getAudit, touchAudit } from '../store/repos/audits';
import { record } from '../store/repos/record';
import { nowIso } from '../store/clock';
import { write } from '../store/write';
import { sha256Hex } from '../sha256';
import { fieldText, refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_PNG = 1_500_000;

type Row = { audit_id: string; role: Signoff['role']; name: string; title: string; has_authority: number; png: Buffer; png_sha256: string; signed_at: string };

function fromRow(r: Row): Signoff {
  return { auditId: r.audit_id, role: r.role, name: r.name, title: r.title, hasAuthority: r.has_authority === 1, pngBase64: r.png.toString('base64'), pngSha256: r.png_sha256, signedAt: r.signed_at };
}

/** PNG width and height from the IHDR chunk, or null when it is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function listSignoffs(core: Core, auditId: string): Signoff[] {
  getAudit(core.db, auditId);
  return (core.db.prepare('SELECT * FROM signoffs WHERE audit_id = ? ORDER BY role').all(auditId) as Row[]).map(fromRow);
}

/** `signedAt` is for records made after the fact (the demo's past closing meeting); the app signs now. */
export function saveSignoff(core: Core, input: SignoffInput, signedAt: string = nowIso()): Signoff {
  const png = Buffer.from(input.pngBase64, 'base64');
  const size = pngSize(png);
  if (!size) throw refusal('invalid_input', msg('signoff.notPng'), [fieldText('pngBase64', msg('problem.notPng'))]);
  if (png.length > MAX_PNG) throw refusal('invalid_input', msg('signoff.tooLarge'), [fieldText('pngBase64', msg('problem.png15'))]);
  if (size.width < 20 || size.height < 10 || size.width > 4000 || size.height > 2000) {
    throw refusal('invalid_input', msg('signoff.badSize'), [{ path: 'pngBase64', message: `${size.width}×${size.height} px is not a signature` }]);
  }
  if (input.role === 'auditor' && input.hasAuthority) {
    throw refusal('invalid_input', msg('signoff.authority'), [fieldText('hasAuthority', msg('problem.representative'))]);
  }
  const sha = sha256Hex(png);
  return write(core, () => {
    editableAudit(core.db, input.auditId);
    const old = core.db.prepare('SELECT * FROM signoffs WHERE audit_id = ? AND role = ?').get(input.auditId, input.role) as Row | undefined;
    const now = signedAt;
    core.db
      .prepare(`INSERT INTO signoffs (audit_id, role, name, title, has_authority, png, png_sha256, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (audit_id, role) DO UPDATE SET name = excluded.name, title = excluded.title, has_authority = excluded.has_authority,
        png = excluded.png, png_sha256 = excluded.png_sha256, signed_at = excluded.signed_at`)
      .run(input.auditId, input.role, input.name, input.title, input.hasAuthority ? 1 : 0, png, sha, now);
    const meta = (r: { name: string; title: string; hasAuthority: boolean; pngSha256: string }) => ({ name: r.name, title: r.title, hasAuthority: r.hasAuthority, pngSha256: r.pngSha256 });
    record(core, input.auditId, 'signoff', `${input.auditId}:${input.role}`, 'sign', old ? meta(fromRow(old)) : null, meta({ ...input, pngSha256: sha }));
    touchAudit(core.db, input.auditId);
    const saved = core.db.prepare('SELECT * FROM signoffs WHERE audit_id = ? AND role = ?').get(input.auditId, input.role) as Row;
    return fromRow(saved);
  });
}
