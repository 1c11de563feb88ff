// `fairsite bundle …`: export a signed bundle, verify one, and the outbox
// (list, send, mark delivered by hand) with its settings.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForJob } from '../../../shared/contract/jobs';
import { formatBytes as mb } from '../../../shared/format-bytes';
import { DATA, flag } from '../args';
import { requirePassphrase } from '../passphrase';
import { dataDirOf, withCore, type Io } from '../io';
import type { Command } from './types';
import { exportBundle } from '../../core/bundle/export';
import { verifyBundle, type SignerState } from '../../core/bundle/verify';
import { BundleRejected } from '../../core/bundle/rejection';
import { hqPaths, openHq } from '../../core/hq/context';
import { enrolmentOf, signerState } from '../../core/hq/enrol';
import { hqIdentities } from '../../core/hq/keys';
import { envPassphraseBox } from '../../core/keys/secret-box';


export const bundleExport: Command = {
  words: ['bundle', 'export'],
  summary: 'Write a signed (and, once HQ\'s key is set, encrypted) sync bundle',
  options: {
    audit: { type: 'string', value: 'ID[,ID…]', help: 'the audits to carry (fairsite audits list shows the ids)' },
    all: { type: 'boolean', help: 'every audit' },
    out: { type: 'string', value: 'FILE', help: 'where the bundle file goes', required: true },
    full: { type: 'boolean', help: 'a full bundle, not incremental to the last one HQ acknowledged' },
    'no-encrypt': { type: 'boolean', help: 'do not encrypt, even when HQ\'s key is set' },
    data: DATA,
  },
  oneOf: ['audit', 'all'],
  async run(args, io) {
    const audit = flag(args, 'audit');
    const out = flag(args, 'out')!;
    const withPass = await requirePassphrase(io, 'Bundles are signed with your key');
    // Written to the file the user names, not into the outbox: bundle.export (the app's) does the latter.
    return withCore(args, withPass, async (_call, core) => {
      const r = await exportBundle(core, {
        out, auditIds: audit ? audit.split(',').map((s) => s.trim()).filter(Boolean) : [], full: args.flags.has('full'),
        ...(args.flags.has('no-encrypt') ? { recipient: null } : {}),
      });
      io.out(`Bundle ${r.bundleId}: ${r.path}`);
      io.out(`  ${r.audits} audit(s), ${r.photos} photo/report file(s), ${mb(r.size)}, ${r.encrypted ? 'encrypted to HQ' : 'not encrypted (no HQ key set)'}, ${r.baseBundleId ? `incremental to ${r.baseBundleId}` : 'full'}`);
      // Corrective actions after finalize travel on their own chain, with the evidence files the site sent.
      if (r.actionUpdates) io.out(`  ${r.actionUpdates} action update(s) for ${r.actionAudits} audit(s), ${r.closureFiles} closure evidence file(s)`);
      io.out(`  SHA-256 ${r.contentHash}`);
      return 0;
    });
  },
};

const stateWords: Record<SignerState, string> = { enrolled: 'enrolled at this HQ', revoked: 'REVOKED at this HQ', unknown: 'NOT enrolled at this HQ' };

export const bundleVerify: Command = {
  words: ['bundle', 'verify'],
  summary: 'Check a bundle: format, every hash, the signature; name the signer (enrolled or unknown with --data)',
  options: { data: { type: 'string', value: 'HQ_DIR', help: 'an HQ data folder: also check that the signer is enrolled there' } },
  positionals: { names: ['FILE'], min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    // Reads the file and, when given, an HQ folder without opening a laptop core: there is no contract operation for it.
    // Only an existing HQ is consulted; verify never creates one.
    const dir = flag(args, 'data') || io.env.FAIRSITE_DATA ? dataDirOf(args, io) : null;
    const hq = dir && existsSync(hqPaths(dir).database) ? await openHq(dir, envPassphraseBox(io.env)) : null;
    const staging = mkdtempSync(join(tmpdir(), 'fairsite-verify-'));
    try {
      const v = await verifyBundle(file, {
        staging, extract: false,
        identities: hq ? hqIdentities(hq) : [],
        ...(hq ? { signerState: (fp: string) => signerState(hq.db, fp), enrolment: (fp: string) => enrolmentOf(hq.db, fp) } : {}),
      });
      const m = v.manifest;
      io.out(`Valid bundle ${m.bundleId} (format ${m.formatVersion}), ${mb(v.size)}${v.encrypted ? ', encrypted' : ''}`);
      // Who signed is who HQ enrolled the key as; without an HQ, only what the manifest claims.
      const who = hq && v.signer.state !== 'unknown' ? `${v.signer.name} (${v.signer.auditorId})` : `${m.auditor.name} (${m.auditor.id}) as the manifest claims`;
      io.out(`  Signed by ${who}, key ${m.auditor.fingerprint.match(/.{4}/g)!.join(' ')}: ${hq ? stateWords[v.signer.state] : 'enrolment not checked (give --data HQ_DIR)'}`);
      io.out(`  Created ${m.createdAt}; ${m.baseBundleId ? `incremental to ${m.baseBundleId}` : 'full'}; ${m.audits.length} audit(s), ${m.files.length} file(s), every hash checked`);
      for (const a of m.audits) io.out(`  audit ${a.id} r${a.revision} ${a.status}, events ${a.fromSeq}–${a.eventCount}`);
      if (hq && v.signer.state !== 'enrolled') {
        io.err(`Rejected: the signer is ${stateWords[v.signer.state]}.`);
        return 1;
      }
      return 0;
    } catch (e) {
      if (e instanceof BundleRejected) {
        io.err(`Rejected (${e.reason}): ${e.message}`);
        return 1;
      }
      throw e;
    } finally {
      rmSync(staging, { recursive: true, force: true });
      hq?.close();
    }
  },
};

function outboxLine(io: Io, i: { sequence: number; bundleId: string; state: string; progress: number; size: number; error: string | null; ackedAt: string | null }): void {
  const st = i.state === 'uploading' ? `uploading ${Math.round(i.progress * 100)} %` : i.state;
  io.out(`#${i.sequence}  ${st.padEnd(14)} ${mb(i.size).padStart(10)}  ${i.bundleId}${i.ackedAt ? '  (HQ has it)' : ''}${i.error ? `\n      ${i.error}` : ''}`);
}

export const bundleList: Command = {
  words: ['bundle', 'list'],
  summary: 'The outbox: every bundle made here and its upload state',
  options: { data: DATA },
  async run(args, io) {
    return withCore(args, io, async (call) => {
      const items = await call('outbox.list', {});
      if (!items.length) io.out('The outbox is empty.');
      for (const i of items) outboxLine(io, i);
      return 0;
    });
  },
};

export const bundleSend: Command = {
  words: ['bundle', 'send'],
  summary: 'Upload every bundle not yet sent to the configured HQ address, now',
  options: { data: DATA },
  async run(args, io) {
    return withCore(args, io, async (call) => {
      const { jobId } = await call('outbox.sendNow', {});
      await waitForJob(call, 'outbox.sendNow', jobId, { pollMs: 100 });
      const items = await call('outbox.list', {});
      for (const i of items) outboxLine(io, i);
      return items.some((i) => i.state === 'failed') ? 1 : 0;
    });
  },
};

export const bundleAck: Command = {
  words: ['bundle', 'delivered'],
  summary: 'Record that HQ has a bundle carried by hand (USB); the next bundle is incremental to it',
  options: { data: DATA },
  positionals: { names: ['BUNDLE_ID'], min: 1, max: 1 },
  async run(args, io) {
    const id = args.positionals[0]!;
    return withCore(args, io, async (call) => {
      outboxLine(io, await call('outbox.markDelivered', { bundleId: id }));
      return 0;
    });
  },
};

export const bundleSettings: Command = {
  words: ['bundle', 'settings'],
  summary: 'Set HQ\'s encryption key and upload address (the password or token comes from FAIRSITE_SYNC_SECRET)',
  options: {
    recipient: { type: 'string', value: 'age1…|none', help: "HQ's public encryption key (none: stop encrypting)" },
    url: { type: 'string', value: 'URL', help: 'the upload address' },
    kind: { type: 'string', value: 'webdav|presigned', help: 'how uploads reach HQ (default webdav)' },
    auth: { type: 'string', value: 'none|basic|bearer', help: 'how the upload signs in (default basic)' },
    user: { type: 'string', value: 'NAME', help: 'the user name for basic sign-in' },
    data: DATA,
  },
  async run(args, io) {
    return withCore(args, io, async (call) => {
      const recipient = flag(args, 'recipient');
      if (recipient) await call('sync.setHqKey', { recipient: recipient === 'none' ? null : recipient });
      const url = flag(args, 'url');
      if (url) {
        await call('sync.saveEndpoint', {
          url, kind: (flag(args, 'kind') ?? 'webdav') as 'webdav', auth: (flag(args, 'auth') ?? 'basic') as 'basic',
          username: flag(args, 'user') ?? '', secret: io.env.FAIRSITE_SYNC_SECRET ?? '',
        });
      }
      const s = await call('sync.settings', {});
      io.out(`HQ key: ${s.hqRecipient ?? 'none (bundles are not encrypted)'}`);
      io.out(s.endpoint ? `Upload: ${s.endpoint.kind} ${s.endpoint.url} (${s.endpoint.auth}${s.endpoint.username ? ` as ${s.endpoint.username}` : ''}${s.endpoint.hasSecret ? ', secret stored encrypted' : ''})` : 'Upload: not set');
      return 0;
    });
  },
};
