// Synthetic ReportData of any size, with real JPEG photos and PNG
// signatures made by sharp, for layout tests and the benchmark.
import sharp from 'sharp';
import type { ReportData, ReportItem, ReportPhoto, ReportSection } from '../../../electron/core/report/types';

export const SCRIPT_SAMPLES = {
  vietnamese: 'Người lao động được trả lương đúng hạn',
  turkish: 'İşçiler fazla mesai ücretini aldı; ğüşıöç',
  polish: 'Zażółć gęślą jaźń — łódź Świętokrzyska',
  cyrillic: 'Работники получают зарплату вовремя',
  greek: 'Οι εργαζόμενοι πληρώνονται εγκαίρως',
};

const noiseCache = new Map<string, Buffer>();

export async function makePhoto(i: number, width = 1280, height = 960, quality = 80): Promise<Buffer> {
  const hue = (i * 47) % 360;
  const rects = Array.from({ length: 12 }, (_, k) => {
    const x = (i * 97 + k * 131) % width;
    const y = (i * 53 + k * 71) % height;
    return `<rect x="${x}" y="${y}" width="${120 + ((k * 37) % 200)}" height="${80 + ((k * 29) % 160)}" fill="hsl(${(hue + k * 30) % 360},55%,${35 + (k % 5) * 10}%)" opacity="0.8"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},40%,80%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},40%,30%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${rects}
    <text x="40" y="${height - 60}" font-size="72" font-family="DejaVu Sans" fill="white">Photo ${i + 1}</text></svg>`;
  // A little noise so the JPEG is photo-like in size, not a flat drawing (made once per size).
  const key = `${width}x${height}`;
  let noise = noiseCache.get(key);
  if (!noise) {
    noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 14 } } }).png().toBuffer();
    noiseCache.set(key, noise);
  }
  return sharp(Buffer.from(svg)).composite([{ input: noise, blend: 'overlay' }]).jpeg({ quality }).toBuffer();
}

export async function makeSignature(seed: number): Promise<Buffer> {
  const pts = Array.from({ length: 14 }, (_, k) => `${20 + k * 28},${60 + Math.round(Math.sin(k * 1.7 + seed) * 30)}`).join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="120"><polyline points="${pts}" fill="none" stroke="#102a5c" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export interface FixtureSize {
  items: number;
  findings: number;
  photos: number;
  sections?: number;
  hoursRows?: number;
  multilingual?: boolean;
  status?: ReportData['audit']['status'];
}

const SEV = ['critical', 'major', 'minor'] as const;

export async function makeReportData(size: FixtureSize): Promise<ReportData> {
  const nSections = size.sections ?? 7;
  const photos: ReportPhoto[] = [];
  for (let i = 0; i < size.photos; i++) {
    photos.push({
      id: `photo-${i}`,
      ref: `P${i + 1}`,
      caption: i % 5 === 0 ? `Fire exit ${i + 1}, ground floor — ${SCRIPT_SAMPLES.vietnamese}` : `Evidence photo ${i + 1}`,
      takenAt: `2026-11-28T${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`,
      sha256: (i.toString(16).padStart(4, '0') + 'ab'.repeat(30)).slice(0, 64),
      source: { bytes: await makePhoto(i) },
    });
  }
  const perSection = Math.ceil(size.items / nSections);
  const sections: ReportSection[] = [];
  const findings: ReportData['findings'] = [];
  let itemNo = 0;
  let photoNo = 0;
  for (let s = 0; s < nSections; s++) {
    const items: ReportItem[] = [];
    const title = `Section ${s + 1}: ${['Health and safety', 'Wages and benefits', 'Working hours', 'Labour practices', 'Data security', 'Environment', 'Grievance and transparency'][s % 7]}`;
    let nc = 0;
    const checked: ReportSection['checked'] = [];
    for (let k = 0; k < perSection && itemNo < size.items; k++, itemNo++) {
      const isFinding = findings.length < size.findings && itemNo % Math.max(1, Math.floor(size.items / Math.max(1, size.findings))) === 0;
      const itemPhotos: string[] = [];
      if (isFinding) {
        for (let p = 0; p < 2 && photoNo < size.photos; p++) itemPhotos.push(`photo-${photoNo++}`);
      }
      const severity = isFinding ? SEV[findings.length % 3] ?? 'minor' : null;
      const prompt = `Item ${itemNo + 1}: ${size.multilingual && k === 0 ? `${SCRIPT_SAMPLES.turkish} / ${SCRIPT_SAMPLES.polish}` : 'Are emergency exits unobstructed, signed and unlocked during working hours on every floor?'}`;
      if (isFinding) {
        nc++;
        findings.push({
          ref: `NC-${findings.length + 1}`,
          itemId: `item-${itemNo}`,
          sectionTitle: title,
          prompt,
          clauses: ['ETI 3.1', 'SMETA 3.2'],
          severity,
          zeroTolerance: findings.length === 0,
          summary: `Non-compliant: exit ${itemNo} blocked by stored boxes`,
          note: size.multilingual && findings.length === 1 ? `${SCRIPT_SAMPLES.cyrillic}. ${SCRIPT_SAMPLES.greek}.` : 'The rear exit of the second floor was locked with a padlock during the night shift; the key was held by security on the ground floor. '.repeat(1 + (findings.length % 3)),
          evidence: itemPhotos.map((p) => `P${Number(p.split('-')[1]) + 1}`).join(', '),
        });
      }
      checked.push({ prompt, answer: isFinding ? 'Non-compliant' : k % 4 === 2 ? 'Within the limits' : 'Compliant', tone: isFinding ? 'bad' : 'ok', reading: k % 4 === 2 ? `${60 + k} dB(A)` : '', note: k % 3 === 0 ? 'Seen on the floor walk with the facilities manager.' : '' });
      if (isFinding || k % 9 === 1) {
        items.push({
          id: `item-${itemNo}`,
          prompt,
          references: ['ETI 3.1', 'SMETA 3.2'],
          answer: isFinding ? 'Non-compliant' : 'Observation',
          tone: isFinding ? 'bad' : 'warn',
          severity,
          zeroTolerance: isFinding && findings.length === 1,
          note: isFinding ? 'Exit blocked; photos taken; manager informed at once.' : 'Drills are run twice a year; the last drill report was not signed.',
          photoIds: itemPhotos,
        });
      }
    }
    sections.push({ id: `s${s}`, title, percent: 100 - nc * 7, answered: perSection, total: perSection, nonCompliant: nc, items, notes: s === 0 ? ['Walk-through with the facilities manager on both floors.'] : [], checked, texts: s === 0 ? [{ prompt: 'Site overview', text: 'Three floors of a shared office tower; 850 agents on three shifts.' }] : [] });
  }
  const hoursRows = size.hoursRows ?? 30;
  return {
    audit: {
      id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      revision: 1,
      status: size.status ?? 'finalized',
      type: 'semi_announced',
      startDate: '2026-11-27',
      endDate: '2026-11-28',
      team: ['Ana Reyes', 'Nguyễn Thị Hương'],
      leadAuditor: 'Ana Reyes',
      scope: `All production floors and the back office; ${SCRIPT_SAMPLES.vietnamese}.`,
      finalizedAt: '2026-11-28T17:30:00.000Z',
      contentHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      timeOnSite: '2 days, 15 h 30 min',
      notes: ['Opening meeting with the site director and HR manager; floor walk on all three shifts.'],
      documentsReviewed: ['Payroll register, October 2026', 'Time records, 4 weeks', 'Fire drill log'],
      sampleSizes: [{ label: 'Payroll records', value: '25' }, { label: 'Time records (worker-weeks)', value: String(hoursRows) }, { label: 'Worker interviews', value: '12' }],
    },
    site: { name: 'Manila North Contact Centre', clients: ['Acme Telecom', 'Zeta Bank'], address: '12 Ayala Ave, Makati', country: 'PH', headcount: 850, shifts: 'Day 06–15, Swing 14–23, Night 22–07' },
    template: { name: 'BPO Ethical Audit', version: '1.0.0' },
    auditor: { name: 'Ana Reyes', organisation: 'Fair Audit Partners', email: 'ana@example.org', auditorId: 'AR-001' },
    score: { percent: 78.4, band: 'C', bandColor: '#d9a400', zeroTolerance: true, counts: { critical: findings.filter((f) => f.severity === 'critical').length, major: findings.filter((f) => f.severity === 'major').length, minor: findings.filter((f) => f.severity === 'minor').length }, answered: size.items, total: size.items },
    sections,
    findings,
    keyFindings: findings.slice(0, 5).map((f) => `${f.ref} ${f.summary}`),
    analysis: [
      {
        title: 'Working hours sample',
        basis: 'ETI 6: contracted ≤ 48 h, total ≤ 60 h in 7 days, at least one day off in 7.',
        columns: [{ label: 'Worker', width: 1.4 }, { label: 'Week of', width: 1.4 }, { label: 'Contracted h', width: 1.35, align: 'right' }, { label: 'Overtime h', width: 1.2, align: 'right' }, { label: 'Total h', width: 1, align: 'right' }, { label: 'Days', width: 0.8, align: 'right' }, { label: 'Verdict', width: 2.4 }],
        rows: Array.from({ length: hoursRows }, (_, r) => {
          const ot = (r * 7) % 20;
          const breach = 48 + ot > 60;
          return { cells: [`W-${String(r + 1).padStart(3, '0')}`, '2026-11-02', '48', String(ot), String(48 + ot), '6', breach ? `Total ${48 + ot} h > 60 h` : 'Within limits'], breach };
        }),
        summary: 'Breaches found in the sample.',
      },
    ],
    actions: findings.map((f, i) => ({ findingRef: f.ref, action: 'Remove the padlock, keep the exit clear and check it at the start of every shift.', owner: 'Facilities manager', dueDate: '2026-12-15', status: i % 4 === 0 ? 'closed' : 'open', verification: 'Photo of the exit and shift check log' })),
    interviews: { interviews: 12, individual: 9, group: 3, withConsent: 12, themes: [{ label: 'Unpaid pre-shift log-in time', count: 7 }, { label: 'Locked rear exit at night', count: 4 }], excerpts: [{ text: 'We must be logged in 15 minutes before the shift and that time is not paid.', code: 'W-07' }] },
    signoff: {
      auditor: { name: 'Ana Reyes', title: 'Lead auditor', signedAt: '2026-11-28T17:20:00.000Z', png: await makeSignature(1) },
      siteRep: { name: 'Đặng Văn Minh', title: 'Site director', signedAt: '2026-11-28T17:25:00.000Z', png: await makeSignature(2), hasAuthority: true },
    },
    photos,
    generatedAt: '2026-11-29T09:00:00.000Z',
  };
}
