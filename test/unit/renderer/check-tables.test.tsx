// @vitest-environment jsdom
// The computed-check tables: verdicts change as the auditor types, using the
// same rules as the core (shared/checks.ts).
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import { HoursTable } from '../../../renderer/src/walkthrough/HoursTable';
import { WageTable } from '../../../renderer/src/walkthrough/WageTable';
import { site } from './fixtures';

const LIMITS = { contracted: 48, total: 60, maxDaysWorked: 6 };

function Hours({ initial = [], readOnly = false }: { initial?: HoursRow[]; readOnly?: boolean }) {
  const [rows, setRows] = useState<HoursRow[]>(initial);
  return <HoursTable rows={rows} limits={LIMITS} readOnly={readOnly} onChange={(r) => setRows(r)} />;
}

function Wages() {
  const [rows, setRows] = useState<WageRow[]>([]);
  return <WageTable rows={rows} site={site} readOnly={false} onChange={(r) => setRows(r)} />;
}

describe('hours sample table', () => {
  it('computes the total and flags a week above 60 hours as it is typed', async () => {
    render(<Hours />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    await user.type(screen.getByLabelText('Row 1 contracted hours'), '{Control>}a{/Control}48');
    await user.type(screen.getByLabelText('Row 1 overtime hours'), '{Control>}a{/Control}12');
    expect(screen.getByTestId('hours-total-1')).toHaveTextContent('60');
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('OK');
    await user.type(screen.getByLabelText('Row 1 overtime hours'), '{Control>}a{/Control}13');
    expect(screen.getByTestId('hours-total-1')).toHaveTextContent('61');
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('Breach');
    expect(screen.getByText(/Row 1 \(W1\): 61 h worked in 7 days .* above the 60 h limit/)).toBeInTheDocument();
    expect(screen.getByText('1 sampled, 1 breach')).toBeInTheDocument();
  });

  it('flags involuntary overtime and a seventh working day, and removes rows', async () => {
    render(<Hours />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    await user.type(screen.getByLabelText('Row 2 overtime hours'), '{Control>}a{/Control}2');
    await user.click(screen.getByLabelText('Row 2 overtime voluntary'));
    await user.type(screen.getByLabelText('Row 2 days worked'), '{Control>}a{/Control}7');
    expect(screen.getByTestId('hours-verdict-2')).toHaveTextContent('Breach');
    expect(screen.getByText(/overtime was not voluntary/)).toBeInTheDocument();
    expect(screen.getByText(/worked 7 days in 7: no day off in 7/)).toBeInTheDocument();
    expect(screen.getByText('2 sampled, 1 breach')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove row 2' }));
    expect(screen.getByText('1 sampled, 0 breaches')).toBeInTheDocument();
    expect(screen.queryByTestId('hours-verdict-2')).toBeNull();
  });

  it('keeps a half-typed number without passing it on', async () => {
    render(<Hours />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add worker-week' }));
    const days = screen.getByLabelText('Row 1 days worked');
    await user.type(days, '{Control>}a{/Control}5.5');
    expect(days).toHaveValue('5.5');
    expect(days).toHaveAttribute('aria-invalid', 'true');
  });

  it('is read-only on a finalized audit', () => {
    render(<Hours readOnly initial={[{ worker: 'A', weekStart: '', contracted: 48, overtime: 20, daysWorked: 6, voluntary: true }]} />);
    expect(screen.getByLabelText('Row 1 contracted hours')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Add worker-week' })).toBeNull();
    expect(screen.getByTestId('hours-verdict-1')).toHaveTextContent('Breach');
  });
});

describe('wage table', () => {
  it('checks base pay against the legal minimum and the overtime premium', async () => {
    render(<Wages />);
    const user = userEvent.setup();
    expect(screen.getByText('Legal minimum: 15000 PHP per month; overtime paid at ×1.25.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add worker' }));
    await user.type(screen.getByLabelText('Row 1 base pay'), '{Control>}a{/Control}14000');
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('Breach');
    expect(screen.getByText(/below the legal minimum of 15000 PHP/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Row 1 base pay'), '{Control>}a{/Control}16000');
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('OK');
    // 16000 / 160 h = 100 per hour; 10 h overtime at ×1.25 is 1250 due.
    await user.type(screen.getByLabelText('Row 1 regular hours'), '{Control>}a{/Control}160');
    await user.type(screen.getByLabelText('Row 1 overtime hours'), '{Control>}a{/Control}10');
    await user.type(screen.getByLabelText('Row 1 overtime pay'), '{Control>}a{/Control}1000');
    expect(screen.getByTestId('wage-verdict-1')).toHaveTextContent('Breach');
    expect(screen.getByText(/overtime pay 1000 PHP for 10 h is below the 1250 PHP due/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Row 1 overtime pay'), '{Control>}a{/Control}1250');
    expect(within(screen.getByTestId('wage-verdict-1')).getByText('OK')).toBeInTheDocument();
  });
});
