// @vitest-environment jsdom
// The computed-check tables: verdicts change as the auditor types, using the
// same rules as the core (shared/checks.ts); numbers are read in the user's
// locale and impossible values are refused by the field, never clamped.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import { NumberLocale } from '../../../renderer/src/api/locale';
import { HoursTable } from '../../../renderer/src/walkthrough/HoursTable';
import { WageTable } from '../../../renderer/src/walkthrough/WageTable';
import { site } from './fixtures';

const LIMITS = { contracted: 48, total: 60, maxDaysWorked: 6 };

function Hours({ initial = [], readOnly = false, minSample = 1 }: { initial?: HoursRow[]; readOnly?: boolean; minSample?: number }) {
  const [rows, setRows] = useState<HoursRow[]>(initial);
  return (
    <>
      <HoursTable rows={rows} limits={LIMITS} minSample={minSample} readOnly={readOnly} onChange={(r) => setRows(r)} />
      <output data-testid="model">{JSON.stringify(rows)}</output>
    </>
  );
}

function Wages({ locale = 'en-US', hours }: { locale?: string; hours?: HoursRow[] }) {
  const [rows, setRows] = useState<WageRow[]>([]);
  return (
    <NumberLocale.Provider value={locale}>
      <WageTable rows={rows} site={site} hours={hours} minSample={1} readOnly={false} onChange={(r) => setRows(r)} />
      <output data-testid="model">{JSON.stringify(rows)}</output>
    </NumberLocale.Provider>
  );
}

const model = () => JSON.parse(screen.getByTestId('model').textContent ?? '[]') as Array<Record<string, unknown>>;
const retype = async (user: ReturnType<typeof userEvent.setup>, label: string, text: string) => {
  const el = screen.getByLabelText(label);
  await user.clear(el);
  if (text) await user.type(el, text);
  return el;
};

describe('hours sample table', () => {
  it('does not judge an empty new row, and asserts nothing about voluntary overtime', async () => {
    render(<Hours />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('Cannot check');
    expect(screen.getByText('1 sampled, 0 breaches')).toBeInTheDocument();
    expect(screen.getByTestId('hours-warnings')).toHaveTextContent('1 row is incomplete and not judged.');
    expect(screen.getByLabelText('Row 1 overtime voluntary')).toHaveValue('');
    expect(model()[0]).toMatchObject({ contracted: null, overtime: null, daysWorked: null, voluntary: null });
  });

  it('computes the total and flags a week above 60 hours as it is typed', async () => {
    render(<Hours />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    await retype(user, 'Row 1 contracted hours', '48');
    await retype(user, 'Row 1 overtime hours', '12');
    await retype(user, 'Row 1 days worked', '6');
    await user.selectOptions(screen.getByLabelText('Row 1 overtime voluntary'), 'yes');
    expect(screen.getByTestId('hours-total-1')).toHaveTextContent('60');
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('OK');
    await retype(user, 'Row 1 overtime hours', '13');
    expect(screen.getByTestId('hours-total-1')).toHaveTextContent('61');
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('Breach');
    expect(screen.getByText(/Row 1 \(W1\): 61 h worked in 7 days .* above the 60 h limit/)).toBeInTheDocument();
    expect(screen.getByText('1 sampled, 1 breach')).toBeInTheDocument();
  });

  it('refuses a 200-hour week and 9 days in 7 by the field instead of clamping them', async () => {
    render(<Hours />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    const contracted = await retype(user, 'Row 1 contracted hours', '200');
    expect(contracted).toHaveValue('200');
    expect(contracted).toHaveAttribute('aria-invalid', 'true');
    expect(contracted).toHaveAccessibleDescription(/At most 168 hours/);
    await retype(user, 'Row 1 contracted hours', '100');
    const overtime = await retype(user, 'Row 1 overtime hours', '100');
    expect(overtime).toHaveAccessibleDescription(/At most 68 hours/);
    const days = await retype(user, 'Row 1 days worked', '9');
    expect(days).toHaveValue('9');
    expect(days).toHaveAccessibleDescription('At most 7 days in 7');
    // Nothing refused reached the record: no 200, no 7 in place of 9.
    expect(model()[0]).toMatchObject({ contracted: 100, overtime: null, daysWorked: null });
    expect(screen.getByTestId('hours-verdict-1')).not.toHaveTextContent('Breach');
  });

  it('flags involuntary overtime and a seventh working day, and removes rows', async () => {
    render(<Hours />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    for (const n of [1, 2]) {
      await retype(user, `Row ${n} contracted hours`, '40');
      await retype(user, `Row ${n} overtime hours`, '0');
      await retype(user, `Row ${n} days worked`, '5');
    }
    await retype(user, 'Row 2 overtime hours', '2');
    await user.selectOptions(screen.getByLabelText('Row 2 overtime voluntary'), 'no');
    await retype(user, 'Row 2 days worked', '7');
    expect(screen.getByTestId('hours-verdict-2')).toHaveTextContent('Breach');
    expect(screen.getByText(/overtime was not voluntary/)).toBeInTheDocument();
    expect(screen.getByText(/worked 7 days in 7: no day off in 7/)).toBeInTheDocument();
    expect(screen.getByText('2 sampled, 1 breach')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove row 2' }));
    expect(screen.getByText('1 sampled, 0 breaches')).toBeInTheDocument();
    expect(screen.queryByTestId('hours-verdict-2')).toBeNull();
  });

  it('takes a 14-day record and flags more than six days in a row across the week boundary', async () => {
    render(<Hours initial={[{ worker: 'Ana', weekStart: '2026-11-02', contracted: 40, overtime: 0, daysWorked: 5, voluntary: null }]} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /row 1 14-day record/ }));
    const hours = [0, 0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0, 0, 0];
    for (const [i, h] of hours.entries()) await retype(user, `Row 1 day ${i + 1} hours`, String(h));
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('Breach');
    expect(screen.getByText(/worked 9 consecutive days \(2026-11-04 to 2026-11-12\) without a day off/)).toBeInTheDocument();
    expect(model()[0]?.days).toEqual(hours);
  });

  it('warns when the sample is smaller than the template asks', () => {
    render(<Hours minSample={10} initial={[{ worker: 'Ana', weekStart: '', contracted: 40, overtime: 0, daysWorked: 5, voluntary: null }]} />);
    expect(screen.getByTestId('hours-warnings')).toHaveTextContent('Only 1 worker sampled: the template asks for at least 10');
  });

  it('is read-only on a finalized audit', () => {
    render(<Hours readOnly initial={[{ worker: 'A', weekStart: '', contracted: 48, overtime: 20, daysWorked: 6, voluntary: true }]} />);
    expect(screen.getByLabelText('Row 1 contracted hours')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Add worker-week' })).toBeNull();
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('Breach');
  });
});

describe('wage table', () => {
  it('checks base pay against the legal minimum and the overtime premium, "18,500" read as 18500', async () => {
    render(<Wages />);
    const user = userEvent.setup();
    expect(screen.getByText('Legal minimum wage: 15,000 PHP per month; overtime ×1.25.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add worker' }));
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('Cannot check');
    expect(screen.getByLabelText('Row 1 pay period')).toHaveValue('month');
    await retype(user, 'Row 1 base pay', '14,000');
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('Breach');
    expect(screen.getByText(/below the legal minimum of 15,000 PHP per month/)).toBeInTheDocument();
    await retype(user, 'Row 1 base pay', '18,500');
    expect(model()[0]?.basePay).toBe(18500);
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('OK');
    // 16000 / 160 h = 100 per hour; 10 h overtime at ×1.25 is 1250 due.
    await retype(user, 'Row 1 base pay', '16000');
    await retype(user, 'Row 1 regular hours', '160');
    await retype(user, 'Row 1 overtime hours', '10');
    await retype(user, 'Row 1 overtime pay', '1000');
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('Breach');
    expect(screen.getByText(/overtime pay 1,000 PHP for 10 h is below the 1,250 PHP due/)).toBeInTheDocument();
    await retype(user, 'Row 1 overtime pay', '1,250');
    expect(within(screen.getByTestId('wage-verdict-1')).getByText('OK')).toBeInTheDocument();
  });

  it('refuses "-500" and "1e3" with a message by the field, and passes nothing on', async () => {
    render(<Wages />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker' }));
    const base = await retype(user, 'Row 1 base pay', '-500');
    expect(base).toHaveAccessibleDescription('Cannot be negative');
    expect(model()[0]?.basePay).toBeNull();
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('Cannot check');
    await retype(user, 'Row 1 base pay', '1e3');
    expect(base).toHaveAccessibleDescription(/without an exponent/);
    expect(model()[0]?.basePay).toBeNull();
  });

  it('reads numbers in the German way where that is the locale: "18.500" is 18500, "18,5" is 18.5', async () => {
    render(<Wages locale="de-DE" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker' }));
    await retype(user, 'Row 1 base pay', '18.500');
    await retype(user, 'Row 1 regular hours', '160,5');
    expect(model()[0]).toMatchObject({ basePay: 18500, regularHours: 160.5 });
  });

  it('computes unpaid time and the cross-check with the hours sample', async () => {
    const hours: HoursRow[] = [{ worker: 'W1', weekStart: '', contracted: 40, overtime: 6, daysWorked: 5, voluntary: true }];
    render(<Wages hours={hours} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker' }));
    await retype(user, 'Row 1 base pay', '16000');
    await retype(user, 'Row 1 regular hours', '160');
    await retype(user, 'Row 1 overtime hours', '0');
    await retype(user, 'Row 1 recorded hours', '170');
    expect(screen.getByText(/10 h on the time record were not paid: 170 h recorded, 160 h paid/)).toBeInTheDocument();
    expect(screen.getByText(/6 h overtime in the hours sample, but no overtime paid in the wage sample/)).toBeInTheDocument();
  });
});
