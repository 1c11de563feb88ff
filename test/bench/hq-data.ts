// An organisation's bundles for the HQ bench, made by the real laptop code:
// several auditors' laptops, each with sites across countries and clients,
// audits on the built-in template with every item answered (a few
// non-compliant, so findings follow), corrective actions (many past due),
// 90 % finalized, a few with photos; an incremental bundle after every few
// audits (acknowledged, as an upload would be) and, for some laptops, a full
// bundle at the end. Made once per size in /tmp and reused.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { LegalProfile } from '../../shared/domain/legal-profile';
import { openCore, type Core } from '../../electron/core/core';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { saveProfileWithKey } from '../../electron/core/profile-service';
import { loadSigningKey } from '../../electron/core/keys/signing-key';
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

export interface HqSpec {
  auditors: number;
  audits: number;
  /** An incremental bundle after every this many audits (10 unless said). */
  bundleEvery?: number;
}

export interface HqDataset {
  dir: string;
  auditors: Array<{ auditorId: string; name: string; publicKey: string }>;
  /** In arrival order: round robin over the laptops, each laptop's bundles in sequence. */
  bundles: string[];
  answers: number;
  audits: number;
}

const BUNDLE_EVERY = 10;
const BREACHES = 6;
const ACTIONS = 4;
const PHOTO_EVERY = 50;

const CITIES = [['Cebu', 'PH'], ['Manila', 'PH'], ['Bangalore', 'IN'], ['Pune', 'IN'], ['Nairobi', 'KE'], ['Cairo', 'EG'], ['Bogotá', 'CO'], ['Kraków', 'PL'], ['Tunis', 'TN'], ['Hanoi', 'VN']] as const;
const CLIENTS = ['Harbor Telecom', 'Lumen Health Insurance', 'Northgate Bank', 'Orbit Retail', 'Sable Airlines', 'Vega Energy', 'Kite Logistics', 'Juniper Media'];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The size the HQ benches use: BENCH_HQ_AUDITS audits from BENCH_HQ_AUDITORS laptops, a bundle every BENCH_HQ_BUNDLE_EVERY audits (1 gives the issue's 10,000 bundles from 500 auditors with 10000 and 500). */
export const hqSpecFromEnv = (): HqSpec => ({
  audits: Number(process.env.BENCH_HQ_AUDITS ?? 2000),
  auditors: Number(process.env.BENCH_HQ_AUDITORS ?? 20),
  bundleEvery: Number(process.env.BENCH_HQ_BUNDLE_EVERY ?? BUNDLE_EVERY),
});

export const hqDatasetDir = (s: HqSpec) => `/tmp/fairsite-hqbench-${s.audits}-${s.auditors}${(s.bundleEvery ?? BUNDLE_EVERY) === BUNDLE_EVERY ? '' : `-every${s.bundleEvery}`}`;

function answerAll(core: Core, auditId: string, items: TemplateItem[], breaches: Set<string>, a: number): number {
  for (const [i, item] of items.entries()) {
    const failing = breaches.has(item.id);
    const value = demoValue(item, failing);
    const outcome = value.kind === 'compliance' ? value.answer : failing ? 'non_compliant' : 'compliant';
    const needsNote = item.rules.requireNoteOn.includes(outcome);
    const needsSeverity = item.rules.requireSeverityOn.includes(outcome);
    saveResponse(core, {
      auditId, itemId: item.id, value,
      note: needsNote || failing ? 'Checked against payroll and time records for the sampled agents.' : '',
      severity: needsSeverity || failing ? (failing ? (['critical', 'major', 'minor'] as const)[(i + a) % 3]! : 'major') : null,
      zeroTolerance: failing && (a + i) % 97 === 0,
    });
  }
  return items.length;
}

async function smallJpeg(file: string, n: number): Promise<void> {
  const raw = Buffer.alloc(64 * 48 * 3, n & 255);
  for (let b = 0; b < 32; b++) raw.fill((n >> b) & 1 ? 255 : 0, b * 3, b * 3 + 3);
  writeFileSync(file, await sharp(raw, { raw: { width: 64, height: 48, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());
}

async function laptop(spec: HqSpec, dir: string, l: number, audits: number, log: (s: string) => void): Promise<{ answers: number; auditor: HqDataset['auditors'][number] }> {
  const core = await openCore({ dataDir: join(dir, `laptop-${l}`), secretBox: passphraseBox(`hq-bench-${l}`) });
  const auditorId = `AUD-${String(l + 1).padStart(4, '0')}`;
  const name = `Auditor ${l + 1}`;
  let answers = 0;
  try {
    saveProfileWithKey(core, { name, organisation: 'Fairsite Bench', email: `a${l}@example.org`, auditorId });
    const info = listTemplates(core.db).find((t) => t.builtIn)!;
    const items = [...loadTemplate(core, info.id).items.values()].map((e) => e.item);
    const canFail = items.filter((i) => i.kind === 'compliance' && !i.rules.requireEvidenceOn.includes('non_compliant'));
    const siteCount = Math.max(1, Math.round(audits / 4));
    const sites = core.db.transaction(() => Array.from({ length: siteCount }, (_, i) => {
      const [city, country] = CITIES[(l + i) % CITIES.length]!;
      return createSite(core, {
        name: `${['Northwind', 'Bluebay', 'Meridian', 'Crescent', 'Summit'][i % 5]} ${['Contact Centre', 'Back Office', 'Data Hub'][(i + l) % 3]} ${city} ${l + 1}-${i + 1}`,
        clients: [CLIENTS[(i + l) % CLIENTS.length]!, CLIENTS[(i * 3 + l + 1) % CLIENTS.length]!], address: `${i + 1} Park Avenue, ${city}`,
        country, headcount: 200 + (i % 40) * 25, shifts: 'Three shifts', currency: 'PHP',
        legal: LegalProfile.parse({ wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 }),
      });
    })).immediate();
    const first = new Date('2024-01-08T00:00:00Z').getTime();
    const span = 3 * 365 * 86_400_000;
    const bundles = join(dir, 'bundles');
    let seq = 0;
    for (let a = 0; a < audits; a++) {
      const start = new Date(first + Math.floor(((a + l / spec.auditors) * span) / audits));
      const site = sites[a % sites.length]!;
      const breaches = new Set(Array.from({ length: BREACHES }, (_, k) => canFail[(a * 11 + k * 17 + l * 5) % canFail.length]!.id));
      const audit = core.db.transaction(() => {
        const au = createAudit(core, { siteId: site.id, templateId: info.id, type: a % 3 ? 'announced' : 'unannounced', startDate: isoDay(start), endDate: isoDay(new Date(start.getTime() + 86_400_000)), team: [name], scope: 'Full site.' });
        answers += answerAll(core, au.id, items, breaches, a + l);
        const findings = core.db.prepare('SELECT id FROM findings WHERE audit_id = ? ORDER BY id').all(au.id) as Array<{ id: string }>;
        findings.slice(0, ACTIONS).forEach((f, i) => saveAction(core, {
          findingId: f.id, action: `Fix the cause of nonconformity ${i + 1} and show the evidence at the follow-up visit.`, owner: ['Site manager', 'HR lead', 'Facilities manager'][i % 3]!,
          dueDate: isoDay(new Date(start.getTime() + (30 + i * 30) * 86_400_000)), status: (['open', 'in_progress', 'closed', 'open'] as const)[(i + a) % 4], verification: '',
        }));
        saveNote(core, { auditId: au.id, scope: 'audit', ref: '', body: `Walked the floor at ${site.name} with the site representative.` });
        return au;
      }).immediate();
      const photos = (a + l) % PHOTO_EVERY === 0;
      if (photos) {
        for (let p = 0; p < 2; p++) {
          const file = join(dir, `scratch-${l}-${a}-${p}.jpg`);
          await smallJpeg(file, l * 100_000 + a * 2 + p);
          await addPhotoFromFile(core, file, { auditId: audit.id, target: { kind: 'audit' }, caption: `Photo ${p + 1}`, originalName: `IMG_${p}.jpg` });
          rmSync(file, { force: true });
        }
      }
      // Audits with photos stay in progress: the test photos are stamped today, outside the audit's dates (a consistency warning).
      if (a % 10 !== 9 && !photos) finalizeAudit(core, audit.id);
      if ((a + 1) % (spec.bundleEvery ?? BUNDLE_EVERY) === 0 || a === audits - 1) {
        const b = await exportBundle(core, { recipient: null, out: join(bundles, `${String(l).padStart(4, '0')}-${String(seq++).padStart(4, '0')}.fsb`) });
        markAcked(core.db, b.bundleId);
      }
    }
    // Some laptops send everything again in one full bundle, as after a restore.
    if (l % 5 === 0) await exportBundle(core, { recipient: null, full: true, out: join(bundles, `${String(l).padStart(4, '0')}-${String(seq++).padStart(4, '0')}.fsb`) });
    const key = loadSigningKey(core);
    log(`  laptop ${l + 1}/${spec.auditors}: ${audits} audits`);
    return { answers, auditor: { auditorId, name, publicKey: key.publicKeyRaw.toString('base64') } };
  } finally {
    core.close();
    // The laptop's own folder is not needed once its bundles are written.
    rmSync(join(dir, `laptop-${l}`), { recursive: true, force: true });
  }
}

export async function ensureHqDataset(spec: HqSpec, log: (s: string) => void): Promise<{ data: HqDataset; madeMs: number }> {
  const dir = hqDatasetDir(spec);
  const ready = join(dir, 'READY');
  if (existsSync(ready)) return { data: JSON.parse(readFileSync(ready, 'utf8')) as HqDataset, madeMs: 0 };
  const t0 = performance.now();
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(join(building, 'bundles'), { recursive: true });
  const auditors: HqDataset['auditors'] = [];
  let answers = 0;
  for (let l = 0; l < spec.auditors; l++) {
    const per = Math.floor(spec.audits / spec.auditors) + (l < spec.audits % spec.auditors ? 1 : 0);
    const r = await laptop(spec, building, l, per, log);
    auditors.push(r.auditor);
    answers += r.answers;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  const byLaptop = new Map<string, string[]>();
  for (const f of readdirSync(join(dir, 'bundles')).sort()) byLaptop.set(f.slice(0, 4), [...(byLaptop.get(f.slice(0, 4)) ?? []), f]);
  const bundles: string[] = [];
  for (let round = 0; bundles.length < [...byLaptop.values()].reduce((n, l) => n + l.length, 0); round++) {
    for (const list of byLaptop.values()) if (list[round]) bundles.push(join(dir, 'bundles', list[round]!));
  }
  const data: HqDataset = { dir, auditors, bundles, answers, audits: spec.audits };
  writeFileSync(ready, JSON.stringify(data));
  return { data, madeMs: performance.now() - t0 };
}
