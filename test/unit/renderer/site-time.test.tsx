// @vitest-environment jsdom
// Times on screen in the site's time zone, not this machine's: this test
// runs in New York while the site is in Manila (12 hours apart in May), so a
// time shown in the machine's zone reads "10:15 PM" the day before instead
// of "10:15 AM". Photos added and photos with the camera's offset, the
// interview log, and the consistency warning's photo time; in English and
// Spanish, the zone named; a site without a zone says UTC.
process.env.TZ = 'America/New_York';
import { afterAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { Envelope } from '../../../shared/errors';
import type { Photo } from '../../../shared/domain/evidence';
import { ClientProvider } from '../../../renderer/src/api/context';
import { AuditScopeProvider } from '../../../renderer/src/app/auditScope';
import { PhotoGrid } from '../../../renderer/src/evidence/PhotoGrid';
import { InterviewsPanel } from '../../../renderer/src/evidence/InterviewsPanel';
import { captureText } from '../../../renderer/src/evidence/files';
import { chooseLanguage } from '../../../renderer/src/i18n';
import { consistencyWarnings } from '../../../electron/core/report/consistency';

const AUDIT = '0193a0f0-0000-7000-8000-0000000000a1';
const MANILA = 'Asia/Manila';
// 02:15 UTC: 10:15 in Manila, 22:15 the evening before in New York.
const MOMENT = '2026-05-12T02:15:00.000Z';
const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });

const photo = (over: Partial<Photo>): Photo => ({
  id: '0193a0f0-0000-7000-8000-0000000000b1', auditId: AUDIT, sha256: 'a'.repeat(64), target: { kind: 'audit' }, itemId: null, caption: 'Fire exit',
  capturedAt: MOMENT, captureSource: 'added', originalName: 'exit.jpg', format: 'jpeg', bytes: 1, width: 1, height: 1, gps: null,
  annotatedSha256: null, annotation: null, createdAt: MOMENT, updatedAt: MOMENT, ...over,
} as Photo);

afterAll(async () => {
  await chooseLanguage('en');
  localStorage.clear();
});

describe("times in the site's zone", () => {
  it('runs where the machine zone differs from the site', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
    expect(new Date(MOMENT).getHours()).toBe(22);
  });

  it('a photo added, or taken by a camera that recorded its offset, shows in the site zone, named', async () => {
    await chooseLanguage('en');
    expect(captureText(photo({}), MANILA)).toBe('Added May 12, 2026, 10:15 AM (Asia/Manila time)');
    expect(captureText(photo({ captureSource: 'exif', capturedAt: '2026-05-12T11:15:00+09:00' }), MANILA)).toBe('May 12, 2026, 10:15 AM (Asia/Manila time)');
    // A camera clock without an offset is the site's local time as read: never shifted.
    expect(captureText(photo({ captureSource: 'exif', capturedAt: '2026-05-12T10:15:00' }), MANILA)).toBe('May 12, 2026, 10:15 AM');
    // A site recorded before zones: UTC, said so.
    expect(captureText(photo({}), undefined)).toBe('Added May 12, 2026, 2:15 AM (UTC time)');
    await chooseLanguage('es');
    expect(captureText(photo({}), MANILA)).toBe('Añadida el 12 may 2026, 10:15 (hora de Asia/Manila)');
  });

  it("the evidence screen's photo tiles read the zone from the audit's scope", async () => {
    await chooseLanguage('fr');
    render(<ClientProvider transport={async () => ok(null)}><AuditScopeProvider auditId={AUDIT} readOnly timeZone={MANILA}><PhotoGrid photos={[photo({})]} onOpen={() => undefined} onChanged={() => undefined} onDeleted={() => undefined} /></AuditScopeProvider></ClientProvider>);
    expect(screen.getByText('Ajoutée le 12 mai 2026, 10:15 (heure de Asia/Manila)')).toBeInTheDocument();
  });

  it('the interview log says when each interview was recorded, in the site zone', async () => {
    await chooseLanguage('en');
    const interview = { id: '0193a0f0-0000-7000-8000-0000000000c1', auditId: AUDIT, code: 'W-01', type: 'individual', role: 'Agent', language: 'Tagalog', consent: true, topics: ['pay'], notes: '', excerpts: [], createdAt: MOMENT, updatedAt: MOMENT };
    render(<ClientProvider transport={async () => ok([interview])}><AuditScopeProvider auditId={AUDIT} readOnly timeZone={MANILA}><InterviewsPanel /></AuditScopeProvider></ClientProvider>);
    const row = (await screen.findByRole('rowheader', { name: 'W-01' })).closest('tr')!;
    expect(screen.getByRole('columnheader', { name: 'Recorded' })).toBeInTheDocument();
    expect(within(row).getByText('May 12, 2026, 10:15 AM (Asia/Manila time)')).toHaveAttribute('datetime', MOMENT);
  });

  it("the consistency warning names the photo's time in the site zone, not UTC", () => {
    const input = { startDate: '2026-05-20', endDate: '2026-05-21', photos: [{ id: 'p1', ref: 'P1', caption: 'Exit', capturedAt: MOMENT }], signatures: [], methodology: [], interviewsLogged: 0, samples: [], hoursRows: [], wageRows: [], actions: [] };
    expect(consistencyWarnings({ ...input, timeZone: MANILA })[0]!.message).toBe('Photo P1 (Exit) was taken 2026-05-12 10:15 (Asia/Manila), outside the audit dates (2026-05-20 to 2026-05-21).');
    expect(consistencyWarnings(input)[0]!.message).toContain('taken 2026-05-12 02:15 (UTC)');
    // A camera clock without an offset is kept as read.
    expect(consistencyWarnings({ ...input, timeZone: MANILA, photos: [{ ...input.photos[0]!, capturedAt: '2026-05-12T10:15:00' }] })[0]!.message).toContain('taken 2026-05-12 10:15 (Asia/Manila)');
  });
});
