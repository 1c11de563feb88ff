// A small organisation for HQ read tests, made by the laptop code: two
// auditors' laptops with the demo (a finalized audit with a signed report and
// photos, one in progress), the second also auditing a site in India with a
// zero-tolerance critical finding, bundled and imported into one HQ.
import { join } from 'node:path';
import { addPhotos, makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { exportReport } from '../../../electron/core/report/export';
import { createSite } from '../../../electron/core/store/repos/sites';
import { createAudit } from '../../../electron/core/store/repos/audits';
import { listTemplates, loadTemplate } from '../../../electron/core/store/repos/templates';
import { saveResponse } from '../../../electron/core/store/repos/responses';
import { saveAction } from '../../../electron/core/store/repos/actions';
import { openHq, type Hq } from '../../../electron/core/hq/context';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import type { Core } from '../../../electron/core/core';

/** Overdue is judged against this day in every test (the demo's actions fall due in mid-2026). */
export const AS_OF = '2026-11-30';

export interface Org {
  a: Laptop;
  b: Laptop;
  hq: Hq;
  /** B's audit of the Pune site. */
  pune: string;
  photos: string[];
  close(): void;
}

/** An audit in progress at a second site: one critical zero-tolerance finding (action overdue), one minor (action not yet due). */
export function auditPune(core: Core): string {
  const t = loadTemplate(core, listTemplates(core.db).find((x) => x.builtIn)!.id);
  const site = createSite(core, {
    name: 'Meridian Data Services, Pune', clients: ['Acme Bank'], address: '', country: 'IN', headcount: 400, shifts: '', currency: 'INR',
    legal: { wagePeriod: 'month', minWage: 12000, overtimeRate: 2 } as never,
  });
  const audit = createAudit(core, { siteId: site.id, templateId: t.info.id, type: 'unannounced', startDate: '2026-10-05', endDate: '2026-10-06', team: [], scope: 'Night shift.' }, 'Ben Okafor');
  const compliance = [...t.items.values()].filter((e) => e.item.kind === 'compliance').slice(0, 2);
  const [critical, minor] = compliance as [typeof compliance[number], typeof compliance[number]];
  const f1 = saveResponse(core, { auditId: audit.id, itemId: critical.item.id, value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Exit door chained during the night shift.', severity: 'critical', zeroTolerance: true }).finding!;
  const f2 = saveResponse(core, { auditId: audit.id, itemId: minor.item.id, value: { kind: 'compliance', answer: 'non_compliant' }, note: '=HYPERLINK("http://example.invalid")', severity: 'minor', zeroTolerance: false }).finding!;
  saveAction(core, { findingId: f1.id, action: 'Unchain the exit and check it every shift', owner: 'Site facilities manager', dueDate: '2026-10-07' });
  saveAction(core, { findingId: f2.id, action: 'Post the policy, in Marathi too', owner: 'HR lead', dueDate: '2027-01-31' });
  return audit.id;
}

/** `hqInB`: HQ lives in laptop B's data folder (DATA/hq), where the app's HQ operations find it. */
export async function makeOrg(root: string, opts: { hqInB?: boolean } = {}): Promise<Org> {
  const a = await makeLaptop('Asha Rao', 'AUD-001', root);
  const b = await makeLaptop('Ben Okafor', 'AUD-002', root);
  const pune = auditPune(b.core);
  const photos = await addPhotos(a.core, a.auditIds[0]!, 2);
  await exportReport(a.core, { auditId: a.auditIds[1]!, draft: false });
  const hq = opts.hqInB ? await openHq(join(b.dir, 'hq'), passphraseBox('hq-test-passphrase')) : await makeHq(root);
  enrolLaptop(hq, a.core);
  enrolLaptop(hq, b.core);
  for (const [name, l] of [['a', a], ['b', b]] as const) {
    const out = join(root, `${name}.fsb`);
    await exportBundle(l.core, { out, recipient: null });
    const r = await importBundleFile(hq, out);
    if (r.status !== 'imported') throw new Error(r.message);
  }
  return { a, b, hq, pune, photos, close: () => { hq.close(); a.core.close(); b.core.close(); } };
}

/** Open actions past AS_OF on a laptop: the oracle the tracker and dashboard are checked against. */
export function overdueOnLaptop(core: Core, asOf = AS_OF): number {
  return (core.db.prepare("SELECT count(*) AS n FROM corrective_actions WHERE status != 'closed' AND due_date < ?").get(asOf) as { n: number }).n;
}
