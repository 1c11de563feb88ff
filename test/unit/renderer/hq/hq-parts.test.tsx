// @vitest-environment jsdom
// Small parts of HQ mode: its hash routes, dates shown as the day they are
// in any time zone, the hand-drawn charts (an image with its description and
// the same numbers as a table), and the enrolment QR code (three finder
// patterns where a scanner looks for them).
import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import QRCode from 'qrcode';
import { hqHref, parseHqRoute } from '../../../../renderer/src/hq/routes';
import { makeFormat } from '../../../../renderer/src/hq/format';
import { StackedBars } from '../../../../renderer/src/hq/Charts';
import { QrCode, qrPath } from '../../../../renderer/src/screens/QrCode';
import { toFilter } from '../../../../renderer/src/hq/AuditsScreen';

describe('HQ routes', () => {
  test('every route survives a round trip through its hash', () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    for (const r of [{ name: 'inbox' }, { name: 'dashboard' }, { name: 'tracker' }, { name: 'audit', auditId: id }, { name: 'diff', auditId: id }] as const) {
      expect(parseHqRoute(hqHref(r))).toEqual(r);
    }
    expect(parseHqRoute('#/audit/x')).toEqual({ name: 'inbox' });
  });
  test('the filter form narrows only by what was typed; a country is upper-cased', () => {
    expect(toFilter({ client: ' Acme ', country: 'ph', band: '', text: '   ' })).toEqual({ client: 'Acme', country: 'PH' });
  });
});

describe('format', () => {
  test('a calendar date is that day whatever the zone; numbers by the language', () => {
    expect(makeFormat('en').date('2026-10-05')).toBe('Oct 5, 2026');
    expect(makeFormat('fr').date('2026-10-05')).toBe('5 oct. 2026');
    expect(makeFormat('es').number(18500)).toBe('18.500');
  });
});

describe('charts', () => {
  test('a chart is an image described in words, with its numbers as a table', () => {
    render(<StackedBars title="Findings by clause" empty="none" series={[{ key: 'major', label: 'Major', color: '#b45309' }, { key: 'minor', label: 'Minor', color: '#5b6472' }]}
      rows={[{ label: 'ETI 5.1', values: { major: 2, minor: 1 } }, { label: 'ETI 6.2', values: { major: 1 } }]} />);
    const img = screen.getByRole('img', { name: /Findings by clause/ });
    expect(img.querySelector('desc')!.textContent).toBe('ETI 5.1: 3 (Major 2, Minor 1); ETI 6.2: 1 (Major 1)');
    expect(img.querySelectorAll('rect')).toHaveLength(3);
    const rows = within(screen.getByRole('table', { hidden: true })).getAllByRole('row', { hidden: true });
    expect(rows.map((r) => r.textContent)).toEqual(['CategoryMajorMinorTotal', 'ETI 5.121' + '3', 'ETI 6.210' + '1']);
  });
  test('no data: words, not an empty picture', () => {
    render(<StackedBars title="Overdue by site" empty="Nothing to show yet." series={[]} rows={[]} />);
    expect(screen.getByText('Nothing to show yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('enrolment QR code', () => {
  const code = 'Fairsite enrolment code\nName: Ana Reyes\nAuditor ID: AUD-0042\n-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA3ZrW9U8b3kq0mC7y8Yw1p9q9yq0d2jv8m7a8cYxWQ5E=\n-----END PUBLIC KEY-----\n';
  test('the SVG draws every dark module of the symbol, inside a four-module quiet zone', () => {
    const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' });
    const { size, d } = qrPath(code);
    expect(size).toBe(modules.size + 8);
    const dark = [...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => [Number(m[2]) - 4, Number(m[1]) - 4] as const);
    expect(dark.length).toBe(modules.data.reduce((n, b) => n + b, 0));
    // Finder patterns: the 7×7 ring corners at top left, top right and bottom left are dark.
    const on = new Set(dark.map(([r, c]) => `${r},${c}`));
    const n = modules.size;
    for (const [r, c] of [[0, 0], [0, 6], [6, 0], [0, n - 1], [6, n - 7], [n - 1, 0], [n - 7, 6]]) expect(on.has(`${r},${c}`), `${r},${c}`).toBe(true);
    expect(on.has('1,1')).toBe(false);
  });
  test('it is an image named for what it is', () => {
    render(<QrCode text={code} label="Enrolment code as a QR code" />);
    expect(screen.getByRole('img', { name: 'Enrolment code as a QR code' }).getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  });
});
