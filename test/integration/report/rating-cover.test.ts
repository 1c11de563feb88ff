// The demo's finalized audit under the built-in scheme: its grave findings
// (retaliation against complainants, unpaid pre-shift time for every agent,
// an overtime premium of 1.0) keep it below B, and the cover says why.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import type { ReportExportResult } from '../../../shared/domain/report';
import { pagesText } from './tools';

describe('rating on the demo report cover', () => {
  let t: TestCore;
  let finalizedId: string;
  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    await createFullDemo(t.core);
    finalizedId = (await t.call('audits.list', {})).find((a) => a.status === 'finalized')!.id;
  });
  afterAll(() => t.cleanup());

  it('rates the finalized demo audit C, capped by its major findings, though 94 % of answers comply', async () => {
    const s = await t.call('audits.score', { id: finalizedId });
    expect(s.band.band).toBe('C');
    expect(s.caps?.map((c) => c.reason)).toContain('a major finding caps the overall grade at C');
    expect(s.sections.find((x) => x.sectionId === 'grievance-ethics')?.caps?.[0]?.reason).toMatch(/^key item not met: A written non-retaliation policy/);
    expect(s.percent).toBeGreaterThan(90);
  });

  it('prints the grade, what capped it, how it was rated and the severity definitions on the cover', async () => {
    const { jobId } = await t.call('report.export', { auditId: finalizedId, draft: true });
    const job = await t.core.jobs.wait(jobId);
    expect(job.state).toBe('done');
    const cover = pagesText((job.result as ReportExportResult).path)[0]!.replace(/\s+/g, ' ');
    for (const expected of [
      'RATING', 'Compliance 93 %', 'The areas give C; the grade is capped at C because a major finding caps the overall grade at C.',
      'How this audit was rated', 'Rated by the amfori BSCI-style A–E scheme.', 'Severity', "Critical: A breach that puts workers' life, liberty or basic rights at immediate risk",
    ]) expect(cover).toContain(expected);
    expect(cover).not.toContain('ZERO-TOLERANCE');
  });
});
