// Evidence for the demo's finalized audit, so its report shows everything:
// photos attached to findings, documents reviewed, interviews with chosen
// excerpts, and both drawn signatures. Added before the audit is finalized,
// through the same services as real work.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Core } from '../core';
import { addPhotoFromFile } from '../evidence/ingest';
import { saveDocument } from '../evidence/documents';
import { saveInterview } from '../evidence/interviews';
import { listFindings } from '../store/repos/findings';
import { loadTemplate } from '../store/repos/templates';
import { getAudit } from '../store/repos/audits';
import { saveSignoff } from '../report/signoffs';
import { createDemo, DEMO_SITE_NAME } from './create';
import { listSites } from '../store/repos/sites';
import { finalizeAudit } from '../store/repos/lifecycle';
import { getProfile } from '../store/repos/profile';
import { saveProfileWithKey } from '../profile-service';
import { AppError } from '../../../shared/errors';
import { getCredentials, saveAuditProfile, saveCredentials } from '../store/repos/audit-profile';
import { DEMO_CREDENTIALS, DEMO_DECLARATION, DEMO_PROFILE } from './profile';
import { INTERVIEW_NOTE } from './texts';
import { saveNote } from '../store/repos/notes';

interface Scene {
  match: RegExp;
  caption: string;
  svg: (w: number, h: number) => string;
}

const wall = (w: number, h: number, color: string) => `<rect width="${w}" height="${h}" fill="${color}"/><rect y="${h * 0.78}" width="${w}" height="${h * 0.22}" fill="#8d8478"/>`;
const label = (x: number, y: number, text: string, size = 34, fill = '#1b1b1b') => `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-weight="bold" font-size="${Math.round(size * 0.85)}" fill="${fill}">${text}</text>`;

const SCENES: Scene[] = [
  {
    match: /evacuation|drill/i,
    caption: 'Evacuation drill log: last entry 11 months ago, night shift missing',
    svg: (w, h) => `${wall(w, h, '#d9d4c7')}<rect x="${w * 0.2}" y="${h * 0.1}" width="${w * 0.6}" height="${h * 0.62}" fill="#fbfaf5" stroke="#555" stroke-width="4"/>
      ${label(w * 0.25, h * 0.2, 'FIRE DRILL LOG 2025', 40)}${[0, 1, 2, 3, 4].map((i) => `<line x1="${w * 0.25}" y1="${h * (0.3 + i * 0.08)}" x2="${w * 0.75}" y2="${h * (0.3 + i * 0.08)}" stroke="#9a9a9a" stroke-width="3"/>`).join('')}
      ${label(w * 0.26, h * 0.29, '2025-06-14  Day shift  4 min 10 s', 26, '#333')}<circle cx="${w * 0.62}" cy="${h * 0.5}" r="${h * 0.12}" fill="none" stroke="#d32f2f" stroke-width="8"/>`,
  },
  {
    match: /unpaid|log-in|briefing/i,
    caption: 'Badge reader at the floor entrance: agents badge in at 05:40 for a 06:00 paid start',
    svg: (w, h) => `${wall(w, h, '#c9d6df')}<rect x="${w * 0.42}" y="${h * 0.25}" width="${w * 0.16}" height="${h * 0.3}" rx="14" fill="#263238"/><rect x="${w * 0.45}" y="${h * 0.29}" width="${w * 0.1}" height="${h * 0.08}" fill="#80cbc4"/>
      ${label(w * 0.455, h * 0.345, '05:40', 30, '#0b3d3a')}<circle cx="${w * 0.5}" cy="${h * 0.46}" r="${h * 0.045}" fill="#4caf50"/>${label(w * 0.08, h * 0.12, 'FLOOR 3 — AUTHORISED STAFF ONLY', 30)}`,
  },
  {
    match: /usb|endpoint/i,
    caption: 'Workstation HT-3-114: USB storage mounted without a device-control prompt',
    svg: (w, h) => `${wall(w, h, '#e3e0da')}<rect x="${w * 0.22}" y="${h * 0.12}" width="${w * 0.56}" height="${h * 0.46}" rx="10" fill="#212121"/><rect x="${w * 0.24}" y="${h * 0.15}" width="${w * 0.52}" height="${h * 0.4}" fill="#1565c0"/>
      ${label(w * 0.27, h * 0.27, 'Removable disk (E:) connected', 32, '#ffffff')}${label(w * 0.27, h * 0.35, 'KINGSTON 32 GB — open folder', 28, '#e3f2fd')}<rect x="${w * 0.8}" y="${h * 0.62}" width="${w * 0.06}" height="${h * 0.1}" fill="#455a64"/>`,
  },
  {
    match: /retaliation/i,
    caption: 'Notice board in the pantry: grievance procedure posted, no non-retaliation statement',
    svg: (w, h) => `${wall(w, h, '#efe6d8')}<rect x="${w * 0.12}" y="${h * 0.08}" width="${w * 0.76}" height="${h * 0.6}" fill="#b08150"/><rect x="${w * 0.17}" y="${h * 0.14}" width="${w * 0.3}" height="${h * 0.42}" fill="#fffdf3"/><rect x="${w * 0.53}" y="${h * 0.14}" width="${w * 0.3}" height="${h * 0.24}" fill="#fff3e0"/>
      ${label(w * 0.19, h * 0.21, 'GRIEVANCE PROCEDURE', 26)}${label(w * 0.55, h * 0.21, 'SHIFT BIDDING', 26)}`,
  },
  {
    match: /transport/i,
    caption: 'Shuttle timetable at the lobby: last trip 02:00',
    svg: (w, h) => `${wall(w, h, '#dfe7d8')}<rect x="${w * 0.25}" y="${h * 0.1}" width="${w * 0.5}" height="${h * 0.56}" fill="#ffffff" stroke="#2e7d32" stroke-width="6"/>${label(w * 0.3, h * 0.2, 'EMPLOYEE SHUTTLE', 36, '#2e7d32')}
      ${['22:00', '23:30', '01:00', '02:00'].map((t, i) => label(w * 0.33, h * (0.3 + i * 0.08), `${t}  IT Park → Talamban`, 28, '#222')).join('')}`,
  },
  {
    match: /contract|language/i,
    caption: 'Personnel files of agency agents: contract copy missing in 4 of 25',
    svg: (w, h) => `${wall(w, h, '#d7d2cc')}${[0, 1, 2, 3, 4, 5].map((i) => `<rect x="${w * (0.15 + i * 0.12)}" y="${h * 0.2}" width="${w * 0.1}" height="${h * 0.5}" fill="${['#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#e53935', '#00897b'][i]}"/>`).join('')}
      ${label(w * 0.15, h * 0.14, 'AGENCY STAFF — PERSONNEL FILES A–F', 32)}`,
  },
];

const GENERAL: Scene = {
  match: /./,
  caption: 'Production floor, Harbor Telecom queue, day shift',
  svg: (w, h) => `${wall(w, h, '#e8eaf0')}${[0, 1, 2, 3].map((i) => `<rect x="${w * (0.08 + i * 0.22)}" y="${h * 0.45}" width="${w * 0.18}" height="${h * 0.12}" fill="#90a4ae"/><rect x="${w * (0.11 + i * 0.22)}" y="${h * 0.3}" width="${w * 0.12}" height="${h * 0.13}" fill="#263238"/>`).join('')}`,
};

/** `takenAt` is the camera's clock, "2026:05:12 10:15:00" in Cebu time (+08:00), as a real photo of the audit days carries it. */
async function scenePhoto(scene: Scene, takenAt: string): Promise<Buffer> {
  const w = 1280;
  const h = 960;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${scene.svg(w, h)}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).withExif({ IFD0: { Make: 'Fairsite demo' }, IFD2: { DateTimeOriginal: takenAt, OffsetTimeOriginal: '+08:00' } } as never).toBuffer();
}

/** Camera time of the n-th demo photo: the first audit day from 09:30, 17 minutes apart. */
function cameraTime(day: string, n: number): string {
  const minutes = 9 * 60 + 30 + n * 17;
  return `${day.replace(/-/g, ':')} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}

async function signaturePng(seed: number): Promise<Buffer> {
  // A flowing pen stroke: a sum of waves, different for each signer.
  const pts: string[] = [];
  for (let x = 0; x <= 360; x += 4) {
    const y = 70 + Math.sin(x / (14 + seed * 3)) * 26 * Math.sin(x / 90 + seed) + Math.cos(x / (7 + seed)) * 8;
    pts.push(`${30 + x},${y.toFixed(1)}`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="140"><polyline points="${pts.join(' ')}" fill="none" stroke="#0d2a6b" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M ${60 + seed * 10} 110 q 120 ${-18 - seed * 4} 300 -6" fill="none" stroke="#0d2a6b" stroke-width="2.4" stroke-linecap="round"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function addDemoEvidence(core: Core, auditId: string): Promise<void> {
  const audit = getAudit(core.db, auditId);
  const t = loadTemplate(core, audit.templateId);
  const findings = listFindings(core.db, auditId);
  const dir = mkdtempSync(join(tmpdir(), 'fairsite-demo-'));
  try {
    let n = 0;
    const used = new Set<Scene>();
    for (const f of findings) {
      const prompt = t.items.get(f.itemId)?.item.prompt ?? '';
      // Each scene once: a second matching finding gets the general floor photo.
      const scene = SCENES.find((s) => !used.has(s) && s.match.test(prompt)) ?? (f.source === 'answer' ? GENERAL : null);
      if (!scene) continue;
      used.add(scene);
      const file = join(dir, `photo-${n++}.jpg`);
      writeFileSync(file, await scenePhoto(scene, cameraTime(audit.startDate, n)));
      await addPhotoFromFile(core, file, { auditId, target: { kind: 'finding', findingId: f.id }, caption: scene.caption, originalName: `IMG_20260512_${String(93000 + n * 417).padStart(6, '0')}.jpg` });
    }
    const floor = join(dir, 'floor.jpg');
    writeFileSync(floor, await scenePhoto(GENERAL, cameraTime(audit.startDate, n + 1)));
    await addPhotoFromFile(core, floor, { auditId, target: { kind: 'audit' }, caption: GENERAL.caption, originalName: 'IMG_20260512_101500.jpg' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const payrollItems = [...t.items.values()].filter((e) => e.item.kind === 'wage' || e.item.kind === 'hours').map((e) => e.item.id);
  saveDocument(core, { auditId, kind: 'payroll_sample', title: 'Payroll register, April 2026 (10 agents sampled)', notes: '', itemIds: payrollItems });
  saveDocument(core, { auditId, kind: 'time_records', title: 'Badge and log-in records, 4 weeks to 2026-05-10', notes: '', itemIds: payrollItems });
  saveDocument(core, { auditId, kind: 'policies', title: 'Employee handbook v7 (2025), grievance procedure', notes: '', itemIds: [] });
  saveDocument(core, { auditId, kind: 'contracts', title: 'Employment contracts of 25 sampled agents', notes: '', itemIds: [] });

  const interviews: Array<{ code: string; type: 'individual' | 'group'; topics: string[]; excerpt?: string }> = [
    { code: 'W-01', type: 'individual', topics: ['Unpaid pre-shift time'], excerpt: 'We badge in twenty minutes early for the briefing, but the pay starts at six.' },
    { code: 'W-02', type: 'individual', topics: ['Unpaid pre-shift time', 'Night transport'] },
    { code: 'W-03', type: 'individual', topics: ['Shift changes after complaints'], excerpt: 'After she complained about the roster she was moved to nights the next week.' },
    { code: 'W-04', type: 'individual', topics: ['Night transport'] },
    { code: 'W-05', type: 'individual', topics: ['Unpaid pre-shift time'] },
    { code: 'W-06', type: 'individual', topics: ['Training and career'] },
    { code: 'W-07', type: 'individual', topics: ['Shift changes after complaints'] },
    { code: 'W-08', type: 'individual', topics: ['Training and career'] },
    { code: 'G-01', type: 'group', topics: ['Unpaid pre-shift time', 'Night transport'] },
    { code: 'G-02', type: 'group', topics: ['Training and career'] },
  ];
  for (const iv of interviews) {
    saveInterview(core, {
      auditId, code: iv.code, type: iv.type, role: 'Agent', tenureBand: '', language: 'Cebuano', interviewer: 'Maria Santos', consent: true,
      topics: iv.topics, findingsRaised: [], notes: 'Private notes: not exported.',
      excerpts: iv.excerpt ? [{ text: iv.excerpt, include: true }, { text: 'Named the team leader concerned.', include: false }] : [],
    });
  }

  saveNote(core, { auditId, scope: 'audit', ref: '', body: INTERVIEW_NOTE });
  // Signed at the closing meeting, 17:30 in Cebu on the last audit day.
  const closing = `${audit.endDate}T09:30:00.000Z`;
  saveSignoff(core, { auditId, role: 'auditor', name: audit.leadAuditor || 'Maria Santos', title: 'Lead auditor', hasAuthority: false, pngBase64: (await signaturePng(1)).toString('base64') }, closing);
  saveSignoff(core, { auditId, role: 'site_rep', name: 'Ramon Villanueva', title: 'Site director', hasAuthority: true, pngBase64: (await signaturePng(2)).toString('base64') }, closing);
  saveAuditProfile(core, { auditId, site: DEMO_PROFILE, declaration: DEMO_DECLARATION });
  if (!getCredentials(core.db)) saveCredentials(core, DEMO_CREDENTIALS);
}

/** The demo with a finalized audit that has photos, documents, interviews and signatures. */
export async function createFullDemo(core: Core): Promise<{ auditIds: string[] }> {
  if (listSites(core.db).some((s) => s.name === DEMO_SITE_NAME)) return createDemo(core);
  const { auditIds } = createDemo(core, { finalize: false });
  // createDemo returns [in progress, finalized-to-be].
  const doneId = auditIds[1];
  if (!doneId) return { auditIds };
  if (!getProfile(core.db)) {
    // The command line has no first-run screen: give the demo an auditor so
    // `fairsite report` can sign. Without a passphrase the key cannot be
    // sealed; the demo stays usable and the report asks for a profile.
    try {
      saveProfileWithKey(core, { name: 'Maria Santos', organisation: 'Fairsite demo audits', email: 'maria.santos@example.org', auditorId: 'MS-DEMO' });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  const previousActor = core.actor;
  if (core.actor === 'unknown') core.actor = 'Maria Santos (demo)';
  try {
    await addDemoEvidence(core, doneId);
    finalizeAudit(core, doneId);
  } finally {
    core.actor = previousActor;
  }
  return { auditIds };
}
