// A real laptop for bundle tests: a data folder with a database, a profile
// (and so a signing key) and the demo audits.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { saveProfileWithKey } from '../../../electron/core/profile-service';
import { createDemo } from '../../../electron/core/demo/create';

export interface Laptop {
  core: Core;
  dir: string;
  auditIds: string[];
}

export async function makeLaptop(name = 'Asha Rao', auditorId = 'AUD-001', root?: string): Promise<Laptop> {
  const dir = mkdtempSync(join(root ?? tmpdir(), 'fs-laptop-'));
  const core = await openCore({ dataDir: dir, secretBox: passphraseBox('laptop-test-passphrase') });
  saveProfileWithKey(core, { name, organisation: 'Fairsite QA', email: 'qa@example.org', auditorId });
  const { auditIds } = createDemo(core);
  return { core, dir, auditIds };
}
