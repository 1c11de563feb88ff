// The five-year laptop: a data folder made with the real core, as an
// auditor's work accumulates. Sites, audits on the built-in template with
// every item answered (a few non-compliant, so findings follow), corrective
// actions, notes, small real JPEGs through the photo ingest path, 90 % of
// the audits finalized, and a bundle sent and acknowledged after every 50
// audits (the newest in progress too, as they were when the bundle went).
// Made once per size and reused: the folder is only read by the measures.
import { LegalProfile } from '../../shared/domain/legal-profile';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { openCore, type Core } from '../../electron/core/core';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { saveProfileWithKey } from '../../electron/core/profile-service';
import { listTemplates, loadTemplate } from '../../electron/core/store/repos/templates';
import { createSite } from '../../electron/core/store/repos/sites';
import { createAudit } from '../../electron/core/store/repos/audits';
import { saveResponse } from '../../electron/core/store/repos/responses';
import { saveAction } from '../../electron/core/store/repos/actions';
import { saveNote } from '../../electron/core/store/repos/notes';
import { finalizeAudit } from '../../electron/core/store/repos/lifecycle';
import { addPhotoFromFile } from '../../electron/core/evidence/ingest';
import { exportBundle } from '../../electron/core/bundle/export';
import { markAcked } from '../../electron/core/sync/outbox-store';
import { demoValue } from '../../electron/core/demo/answers';
import type { TemplateItem } from '../../shared/template/schema';

export const LAPTOP_PASSPHRASE = 'laptop-bench';
export const SITES_PER_AUDIT = 0.15;
export const NOTES_PER_AUDIT = 20;
export const ACTIONS_PER_AUDIT = 3;
export const BREACHES_PER_AUDIT = 5;
export const BUNDLE_EVERY = 50;

export interface LaptopSpec {
  audits: number;
  photosPerAudit: number;
}

export const datasetDir = (s: LaptopSpec) => `/tmp/fairsite-laptop-${s.audits}`;

const CITIES = [['Cebu', 'PH'], ['Manila', 'PH'], ['Davao', 'PH'], ['Bangalore', 'IN'], ['Pune', 'IN'], ['Hyderabad', 'IN'], ['Nairobi', 'KE'], ['Cairo', 'EG'], ['Bogotá', 'CO'], ['Kraków', 'PL']] as const;
const CLIENTS = ['Harbor Telecom', 'Lumen Health Insurance', 'Northgate Bank', 'Orbit Retail', 'Sable Airlines', 'Vega Energy', 'Kite Logistics', 'Juniper Media'];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A small, unique, real JPEG (a gradient with the photo's number drawn into its pixels). */
async function smallJpeg(file: string, n: number): Promise<void> {
  const W = 96;
  const H = 72;
  const raw = Buffer.alloc(W * H * 3);
  for (let i = 0; i < W * H; i++) {
    raw[i * 3] = (i % W) * 2 + (n & 31);
    raw[i * 3 + 1] = Math.floor(i / W) * 3 + ((n >> 5) & 31);
    raw[i * 3 + 2] = ((n >> 10) * 13 + i) & 255;
  }
  // 32 bits of the photo number in the first row: every file differs.
  for (let b = 0; b < 32; b++) raw.fill((n >> b) & 1 ? 255 : 0, b * 3, b * 3 + 3);
  writeFileSync(file, await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());
}

function answerAll(core: Core, auditId: string, items: TemplateItem[], breaches: Set<string>): void {
  for (const item of items) {
    const failing = breaches.has(item.id);
    const value = demoValue(item, failing);
    const outcome = value.kind === 'compliance' ? value.answer : failing ? 'non_compliant' : 'compliant';
    const needsNote = item.rules.requireNoteOn.includes(outcome);
    const needsSeverity = item.rules.requireSeverityOn.includes(outcome);
    saveResponse(core, {
      auditId, itemId: item.id, value,
      note: needsNote || failing ? 'Checked against payroll and time records for the sampled agents.' : '',
      severity: needsSeverity || failing ? (failing ? (['critical', 'major', 'minor'] as const)[items.indexOf(item) % 3]! : 'major') : null,
      zeroTolerance: false,
    });
  }
}

/** Makes the folder if it is not there yet; returns how long it took (0 when reused). */
export async function ensureLaptop(spec: LaptopSpec, log: (s: string) => void): Promise<number> {
  const dir = datasetDir(spec);
  if (existsSync(join(dir, 'READY'))) return 0;
  const t0 = performance.now();
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  const core = await openCore({ dataDir: building, secretBox: passphraseBox(LAPTOP_PASSPHRASE) });
  const scratch = join(building, 'scratch');
  mkdirSync(scratch, { recursive: true });
  try {
    saveProfileWithKey(core, { name: 'Maria Santos', organisation: 'Fairsite Bench', email: 'maria@example.org', auditorId: 'AUD-0001' });
    const info = listTemplates(core.db).find((t) => t.builtIn)!;
    const t = loadTemplate(core, info.id);
    const items = [...t.items.values()].map((e) => e.item);
    const canFail = items.filter((i) => (i.kind === 'compliance') && !i.rules.requireEvidenceOn.includes('non_compliant'));
    const siteCount = Math.max(1, Math.round(spec.audits * SITES_PER_AUDIT));
    const sites = core.db.transaction(() => Array.from({ length: siteCount }, (_, i) => {
      const [city, country] = CITIES[i % CITIES.length]!;
      return createSite(core, {
        name: `${['Northwind', 'Bluebay', 'Meridian', 'Crescent', 'Summit'][i % 5]} ${['Contact Centre', 'Back Office', 'Data Hub'][i % 3]} ${city} ${i + 1}`,
        clients: [CLIENTS[i % CLIENTS.length]!, CLIENTS[(i * 3 + 1) % CLIENTS.length]!], address: `${i + 1} Park Avenue, ${city}`,
        country, headcount: 200 + (i % 40) * 25, shifts: 'Three shifts', currency: 'PHP',
        legal: LegalProfile.parse({ wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 }),
      });
    })).immediate();
    const first = new Date('2021-12-01T00:00:00Z').getTime();
    const span = 5 * 365 * 86_400_000;
    const finalizedCount = Math.round(spec.audits * 0.9);
    let photoNo = 0;
    for (let a = 0; a < spec.audits; a++) {
      const start = new Date(first + Math.floor((a * span) / spec.audits));
      const site = sites[(a * 7) % sites.length]!;
      const breaches = new Set(Array.from({ length: BREACHES_PER_AUDIT }, (_, k) => canFail[(a * 11 + k * 17) % canFail.length]!.id));
      const audit = core.db.transaction(() => {
        const au = createAudit(core, { siteId: site.id, templateId: info.id, type: a % 3 ? 'announced' : 'unannounced', startDate: isoDay(start), endDate: isoDay(new Date(start.getTime() + 86_400_000)), team: ['Maria Santos'], scope: 'Full site: client floors, back office, canteen.' });
        answerAll(core, au.id, items, breaches);
        const findings = core.db.prepare('SELECT id FROM findings WHERE audit_id = ? ORDER BY id').all(au.id) as Array<{ id: string }>;
        findings.slice(0, ACTIONS_PER_AUDIT).forEach((f, i) => saveAction(core, {
          findingId: f.id, action: 'Fix the cause and show the evidence at the follow-up visit.', owner: 'Site manager',
          dueDate: isoDay(new Date(start.getTime() + 60 * 86_400_000)), status: i ? 'open' : 'in_progress', verification: '',
        }));
        for (let n = 0; n < NOTES_PER_AUDIT; n++) saveNote(core, { auditId: au.id, scope: 'audit', ref: '', body: `Observation ${n + 1} at ${site.name}: walked the floor with the site representative.` });
        return au;
      }).immediate();
      // Four uploads at a time, as when a card of photos is added at once.
      const photoJobs = Array.from({ length: spec.photosPerAudit }, (_, p) => ({ p, n: photoNo++ }));
      await Promise.all(Array.from({ length: 4 }, async () => {
        for (let job = photoJobs.shift(); job; job = photoJobs.shift()) {
          const file = join(scratch, `IMG_${job.n}.jpg`);
          await smallJpeg(file, job.n);
          const item = items[(job.p * 5) % items.length]!;
          await addPhotoFromFile(core, file, { auditId: audit.id, target: { kind: 'item', itemId: item.id }, caption: `Photo ${job.p + 1}`, originalName: `IMG_${job.p}.jpg` });
          rmSync(file, { force: true });
        }
      }));
      if (a < finalizedCount) finalizeAudit(core, audit.id);
      if ((a + 1) % BUNDLE_EVERY === 0 || a === spec.audits - 1) {
        const b = await exportBundle(core, { recipient: null });
        markAcked(core.db, b.bundleId);
        rmSync(b.path, { force: true });
        log(`  ${a + 1}/${spec.audits} audits, ${photoNo} photos, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    }
  } finally {
    core.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  writeFileSync(join(dir, 'READY'), JSON.stringify(spec));
  return performance.now() - t0;
}
