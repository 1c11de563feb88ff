// Headquarters with three enrolled auditors (Asha, Ben, Carl) and Asha's
// bundle imported, through the real core: the set-up of the hand-over tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { makeLaptop, type Laptop } from '../../../integration/bundle/laptop';
import { enrolLaptop } from '../../../integration/bundle/hq';
import { openCore, type Core } from '../../../../electron/core/core';
import { hqFor } from '../../../../electron/core/hq/service';
import { importBundleFile } from '../../../../electron/core/hq/import';
import { exportBundle } from '../../../../electron/core/bundle/export';
import { loadSigningKey } from '../../../../electron/core/keys/signing-key';
import { passphraseBox } from '../../../../electron/core/keys/secret-box';
import type { Hq } from '../../../../electron/core/hq/context';

export interface HandoverHq {
  laptops: [Laptop, Laptop, Laptop];
  /** The HQ installation's core (what the screens' dispatch runs on). */
  core: Core;
  hq: Hq;
  /** One of Asha's audits, at HQ. */
  auditId: string;
  close(): void;
}

/** A key's fingerprint as HQ stores it. */
export const fingerprintOf = (l: Laptop): string => loadSigningKey(l.core).fingerprint.replace(/ /g, '');

export async function handoverHq(prefix: string, opts: { revokeCarl?: boolean } = {}): Promise<HandoverHq> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const laptops: HandoverHq['laptops'] = [await makeLaptop('Asha Rao', 'AUD-001', root), await makeLaptop('Ben Okafor', 'AUD-002', root), await makeLaptop('Carl Mendes', 'AUD-003', root)];
  const core = await openCore({ dataDir: join(root, 'hq-install'), secretBox: passphraseBox('hq-ui-test-passphrase'), assetsDir: join(process.cwd(), 'assets'), appVersion: '0.0.0-test' });
  const hq = await hqFor(core);
  for (const l of laptops) enrolLaptop(hq, l.core);
  if (opts.revokeCarl) await hq.store.revoke(fingerprintOf(laptops[2]));
  const file = join(root, 'asha.fsb');
  await exportBundle(laptops[0].core, { out: file, recipient: null });
  expect((await importBundleFile(hq, file)).status).toBe('imported');
  return {
    laptops, core, hq, auditId: laptops[0].auditIds[1]!,
    close() {
      core.close();
      for (const l of laptops) l.core.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
