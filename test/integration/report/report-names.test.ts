// Report files are named by audit id and revision (with the site and date as
// a readable prefix): sites whose names slug alike — any two non-Latin names,
// "Site, Cebu" and "Site Cebu!" — ending the same day never share a file, a
// signed report is never written over, and a bundle of audit F carries F's PDF
// found by its record.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { fixtureJson } from '../core/helpers/template-fixture';
import { saveProfileWithKey } from '../../../electron/core/profile-service';
import { exportBundle } from '../../../electron/core/bundle/export';
import { reportPath } from '../../../electron/core/bundle/entry-names';
import type { ReportExportResult } from '../../../shared/domain/report';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const SITES = ['深圳客服中心', 'ศูนย์บริการลูกค้ากรุงเทพ', 'Site, Cebu', 'Site Cebu!'];

describe('report file names and lookup', () => {
  let t: TestCore;
  const audits: string[] = [];
  const first: ReportExportResult[] = [];
  /** The hash of each audit's PDF taken right after its export. */
  const madeHash: string[] = [];

  const exportSigned = async (auditId: string): Promise<ReportExportResult> => {
    const { jobId } = await t.call('report.export', { auditId, draft: false });
    const job = await t.core.jobs.wait(jobId);
    if (job.state !== 'done') throw new Error(`job ${job.state}: ${job.error?.message}`);
    return job.result as ReportExportResult;
  };

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    saveProfileWithKey(t.core, { name: 'Ana Reyes', organisation: 'QA', email: 'ana@example.org', auditorId: 'AUD-1' });
    const template = await t.call('templates.import', { json: fixtureJson({ sections: 1, itemsPerSection: 2 }) });
    for (const name of SITES) {
      const site = await t.call('sites.create', { name, clients: [], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 } });
      const audit = await t.call('audits.create', { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
      for (const itemId of ['s1.i1', 's1.i2']) await t.call('responses.save', { auditId: audit.id, itemId, value: { kind: 'compliance', answer: 'compliant' } });
      await t.call('audits.finalize', { id: audit.id });
      audits.push(audit.id);
    }
    for (const id of audits) {
      const r = await exportSigned(id);
      first.push(r);
      madeHash.push(sha(r.path));
    }
  }, 120_000);
  afterAll(() => t.cleanup());

  it('gives every audit its own signed file, with the audit id, revision and a readable prefix', () => {
    expect(new Set(first.map((r) => r.name)).size).toBe(SITES.length);
    first.forEach((r, i) => {
      expect(r.signed).toBe(true);
      expect(r.name).toContain(`-2026-11-02-${audits[i]}-r1`);
      expect(existsSync(r.path)).toBe(true);
    });
    expect(first[2]!.name.startsWith('Site-Cebu-')).toBe(true);
    // Every file still holds the report written for it (none overwritten by a later one).
    expect(first.map((r) => sha(r.path))).toEqual(madeHash);
  });

  it('never writes over a signed report: a second export gets its own file', async () => {
    const before = sha(first[0]!.path);
    const again = await exportSigned(audits[0]!);
    expect(again.name).not.toBe(first[0]!.name);
    expect(sha(first[0]!.path)).toBe(before);
    madeHash[0] = sha(again.path); // the newest signed report is the one a bundle carries
  });

  it("a bundle of one audit carries that audit's PDF, found by its record", async () => {
    for (const i of [0, 1, 2, 3]) {
      const b = await exportBundle(t.core, { auditIds: [audits[i]!], out: join(t.dir, `b${i}.fsb`), recipient: null, full: true });
      const reports = b.manifest.files.filter((f) => f.path.startsWith('reports/')).map((f) => f.path);
      expect(reports).toEqual([reportPath(madeHash[i]!)]);
    }
  });
});
