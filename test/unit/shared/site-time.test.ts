// Times that matter on site are shown in the site's zone, the zone named.
import { describe, expect, it } from 'vitest';
import { siteTime } from '../../../shared/site-time';

describe('siteTime', () => {
  it('shows an instant in the site\'s zone, named, in the reader\'s language', () => {
    expect(siteTime('2026-05-12T02:15:00.000Z', 'Asia/Manila', 'en')).toBe('May 12, 2026, 10:15 AM (Asia/Manila)');
    expect(siteTime('2026-05-12T02:15:00.000Z', 'America/Bogota', 'es')).toBe('11 may 2026, 21:15 (America/Bogota)');
  });
  it('shows UTC, named, for a site recorded before zones', () => {
    expect(siteTime('2026-05-12T02:15:00.000Z', '', 'fr')).toBe('12 mai 2026, 02:15 (UTC)');
  });
  it('shows a camera\'s wall-clock time as read', () => {
    expect(siteTime('2026-05-12T10:15:00', 'Asia/Manila', 'en')).toBe('May 12, 2026, 10:15 AM (Asia/Manila)');
  });
});
