// One measured bundle operation in its own process (see lib/peak-rss.ts):
//   export   DATA_DIR PASSPHRASE AUDIT_ID OUT [RECIPIENT]
//   export-all DATA_DIR PASSPHRASE OUT     (a full bundle of every audit, unencrypted)
//   verify   FILE HQ_DIR PASSPHRASE        (the laptop-side `bundle verify`: nothing extracted)
//   import   HQ_DIR PASSPHRASE FILE...     (HQ import, one file after another)
//   import-list HQ_DIR PASSPHRASE LIST     (the same, file names one a line in LIST)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { exportBundle } from '../../electron/core/bundle/export';
import { verifyBundle } from '../../electron/core/bundle/verify';
import { openHq } from '../../electron/core/hq/context';
import { hqIdentities } from '../../electron/core/hq/keys';
import { enrolmentOf } from '../../electron/core/hq/enrol';
import { importBundleFile } from '../../electron/core/hq/import';
import { measureSelf } from './lib/peak-rss';

const [mode, ...args] = process.argv.slice(2) as [string, ...string[]];

async function importAll(dir: string, pass: string, files: string[]): Promise<Record<string, unknown>> {
  const hq = await openHq(dir, passphraseBox(pass));
  const counts: Record<string, number> = {};
  let failure = '';
  for (const f of files) {
    const r = await importBundleFile(hq, f);
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    if (r.status !== 'imported' && r.status !== 'already_imported' && !failure) failure = `${f}: ${r.message}`;
  }
  hq.close();
  return { counts, failure };
}

await measureSelf(async () => {
  if (mode === 'export') {
    const [dataDir, pass, auditId, out, recipient] = args as [string, string, string, string, string | undefined];
    const core = await openCore({ dataDir, secretBox: passphraseBox(pass) });
    const r = await exportBundle(core, { auditIds: [auditId], out, recipient: recipient ?? null, full: true });
    core.close();
    return { bundleId: r.bundleId, size: r.size, photos: r.photos, encrypted: r.encrypted, contentHash: r.contentHash };
  }
  if (mode === 'export-all') {
    const [dataDir, pass, out] = args as [string, string, string];
    const core = await openCore({ dataDir, secretBox: passphraseBox(pass) });
    const r = await exportBundle(core, { out, recipient: null, full: true });
    core.close();
    return { bundleId: r.bundleId, size: r.size, audits: r.audits, photos: r.photos };
  }
  if (mode === 'verify') {
    const [file, dir, pass] = args as [string, string, string];
    const hq = await openHq(dir, passphraseBox(pass));
    const staging = mkdtempSync(join(tmpdir(), 'fairsite-verify-'));
    try {
      const v = await verifyBundle(file, { staging, extract: false, identities: hqIdentities(hq), enrolment: (fp) => enrolmentOf(hq.db, fp) });
      return { files: v.manifest.files.length, signer: v.signer.state };
    } finally {
      rmSync(staging, { recursive: true, force: true });
      hq.close();
    }
  }
  if (mode === 'import') {
    const [dir, pass, ...files] = args as [string, string, ...string[]];
    return importAll(dir, pass, files);
  }
  if (mode === 'import-list') {
    const [dir, pass, list] = args as [string, string, string];
    return importAll(dir, pass, readFileSync(list, 'utf8').split('\n').filter(Boolean));
  }
  throw new Error(`unknown mode ${mode}`);
});
