// Two auditors' laptops made by the laptop code, for the headquarters tests:
// Asha's demo (photos on the audit in progress, a signed report of the
// finalized one, which she then reopens, softens and finalizes again) and
// Ben's audit at Pune with an overdue corrective action. Each laptop's
// bundles and enrolment code are written as files, ready to be dropped.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addPhotos, makeLaptop, type Laptop } from '../integration/bundle/laptop';
import { auditPune } from '../integration/hq-read/org';
import { exportBundle } from '../../electron/core/bundle/export';
import { exportReport } from '../../electron/core/report/export';
import { finalizeAudit, reopenAudit } from '../../electron/core/store/repos/lifecycle';
import { saveResponse } from '../../electron/core/store/repos/responses';
import { createDispatch } from '../../electron/handlers/dispatch';
import { handlers } from '../../electron/handlers/index';
import type { Response } from '../../shared/domain/response';

export interface AuditorFiles {
  laptops: Laptop[];
  /** Bundle files: Asha's first, Asha's revision, Ben's. */
  bundles: string[];
  codes: string[];
  /** Asha's finalized audit (revision 1, with the signed PDF) and its revision 2. */
  rev1: string;
  rev2: string;
  photoAudit: string;
  close(): void;
}

async function codeFile(laptop: Laptop, out: string): Promise<string> {
  const env = await createDispatch(handlers, laptop.core)('profile.enrolmentCode', {});
  if (!env.ok) throw new Error(env.error.message);
  writeFileSync(out, (env.value as { code: string }).code);
  return out;
}

/** Lowers the first critical or major finding of `auditId` by one step: the report is weakened. */
function soften(laptop: Laptop, auditId: string): void {
  const core = laptop.core;
  const f = core.db.prepare("SELECT item_id, severity FROM findings WHERE audit_id = ? AND source = 'answer' AND severity IN ('critical', 'major') ORDER BY item_id LIMIT 1").get(auditId) as { item_id: string; severity: string };
  const r = core.db.prepare('SELECT value, note FROM responses WHERE audit_id = ? AND item_id = ?').get(auditId, f.item_id) as { value: string; note: string };
  saveResponse(core, { auditId, itemId: f.item_id, value: JSON.parse(r.value) as Response['value'], note: `${r.note} Lowered after the closing meeting.`, severity: f.severity === 'critical' ? 'major' : 'minor', zeroTolerance: false });
}

export async function makeAuditorFiles(root: string): Promise<AuditorFiles> {
  const asha = await makeLaptop('Asha Rao', 'AUD-001', root);
  const ben = await makeLaptop('Ben Okafor', 'AUD-002', root);
  const photoAudit = asha.auditIds[0]!;
  const rev1 = asha.auditIds[1]!;
  await addPhotos(asha.core, photoAudit, 2);
  await exportReport(asha.core, { auditId: rev1, draft: false });
  const a1 = join(root, 'asha-1.fsb');
  await exportBundle(asha.core, { out: a1, recipient: null });
  const rev2 = reopenAudit(asha.core, rev1).id;
  soften(asha, rev2);
  finalizeAudit(asha.core, rev2);
  const a2 = join(root, 'asha-2.fsb');
  await exportBundle(asha.core, { out: a2, recipient: null });
  auditPune(ben.core);
  const b1 = join(root, 'ben-1.fsb');
  await exportBundle(ben.core, { out: b1, recipient: null });
  return {
    laptops: [asha, ben], bundles: [a1, a2, b1],
    codes: [await codeFile(asha, join(root, 'fairsite-enrolment-AUD-001.txt')), await codeFile(ben, join(root, 'fairsite-enrolment-AUD-002.txt'))],
    rev1, rev2, photoAudit,
    close: () => { asha.core.close(); ben.core.close(); },
  };
}
