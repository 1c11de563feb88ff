// Bundles carrying action chains, made by the laptop's own follow-up and
// export code (as test/integration/followup/bundle-cycle.test.ts makes
// them): a full bundle with an action's first status and its evidence, an
// incremental one that only continues the chain HQ then holds, and one with
// a follow-up audit whose verifications extend the original's chain; and a
// forged copy of such a chain, its history rewritten with valid hashes and
// signed by the auditor's own key, so that only HQ's comparison with the
// chain it holds can refuse it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/core';
import { exportBundle } from '../../../electron/core/bundle/export';
import { actionRowOf, type ActionChainDoc } from '../../../electron/core/bundle/action-docs';
import { actionEventHash } from '../../../electron/core/followup/chain';
import { addClosureEvidence, listTracks, updateTrack } from '../../../electron/core/followup/tracks';
import { finalizeFollowUp, followUpView, startFollowUp, verifyFinding } from '../../../electron/core/followup/audits';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { forge, readParts } from '../bundle/forge';

const today = () => new Date().toISOString().slice(0, 10);

export interface CycleBundles {
  /** The finalized audit whose actions the chain updates. */
  auditId: string;
  /** In import order: full, chain only, follow-up. */
  files: string[];
}

export async function makeCycleBundles(core: Core, root: string, name: string): Promise<CycleBundles> {
  const auditId = (core.db.prepare("SELECT id FROM audits WHERE status = 'finalized' AND kind = 'full'").get() as { id: string }).id;
  const out = (i: number) => join(root, `${name}-${i}.fsb`);
  const send = async (i: number, full = false) => markAcked(core.db, (await exportBundle(core, { out: out(i), full })).bundleId);
  const actionId = listTracks(core, auditId).find((t) => t.status === 'open')!.actionId;
  updateTrack(core, { actionId, status: 'in_progress', date: today(), note: 'Contractor booked', verifiedBy: '' });
  addClosureEvidence(core, {
    actionId, name: 'exit-log.pdf', mediaType: 'application/pdf', data: Buffer.from('%PDF-1.4 exit log').toString('base64'), source: 'site_sent',
    receivedAt: today(), description: 'By email',
  });
  await send(1, true);
  updateTrack(core, { actionId, status: 'submitted', date: today(), note: 'Site says done', verifiedBy: '' });
  await send(2);
  const fu = startFollowUp(core, { auditId, mode: 'on_site', startDate: today(), endDate: today(), team: [], scope: '' });
  for (const [i, item] of followUpView(core, fu.id).items.entries()) {
    const verification = i === 0 ? 'closed' : i === 1 ? 'partially_closed' : 'not_closed';
    verifyFinding(core, { auditId: fu.id, findingId: item.findingId, verification, note: 'Seen on the floor', evidence: 'Photos 1-3' });
  }
  finalizeFollowUp(core, fu.id);
  await send(3);
  return { auditId, files: [out(1), out(2), out(3)] };
}

/** A full bundle whose chain for `auditId` has its first event rewritten, every hash after it recomputed; written to `file`. */
export async function forgeRewrittenChain(core: Core, auditId: string, root: string, file: string): Promise<void> {
  const track = listTracks(core, auditId).find((t) => t.status === 'not_closed' || t.status === 'open')!;
  updateTrack(core, { actionId: track.actionId, status: 'in_progress', date: today(), note: 'New contractor', verifiedBy: '' });
  const real = join(root, 'cycle-real.fsb');
  await exportBundle(core, { out: real, full: true });
  const path = `actions/${auditId}.json`;
  let doc: ActionChainDoc | null = null;
  const bytes = forge(await readParts(real), {
    signWith: loadSigningKey(core).privateKey,
    files: (files) => {
      const d = JSON.parse(files.get(path)!.toString('utf8')) as ActionChainDoc;
      d.items[0]!.new = d.items[0]!.new!.replace('Contractor booked', 'Closed long ago');
      let prev = d.prevHash;
      for (const e of d.items) {
        e.prevHash = prev;
        e.hash = actionEventHash(actionRowOf(d.auditId, e));
        prev = e.hash;
      }
      files.set(path, Buffer.from(JSON.stringify(d), 'utf8'));
      doc = d;
    },
    // The manifest summarises the forged chain truthfully.
    manifest: (m) => {
      const d = doc!;
      m.bundleId = crypto.randomUUID().replace(/^(.{14})./, '$17');
      m.baseBundleId = null;
      m.actionChains = [{ auditId, headHash: d.items.at(-1)!.hash, eventCount: d.fromSeq - 1 + d.items.length, fromSeq: d.fromSeq, path }];
    },
  });
  writeFileSync(file, bytes);
}
