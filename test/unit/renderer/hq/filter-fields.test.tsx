// @vitest-environment jsdom
// HQ's audit filters as choices: each list holds what hq.filterOptions says
// HQ's audits carry (two look-alike sites told apart by their id, countries
// named in the UI language), nothing chosen narrows nothing, and a period
// that ends before it starts is said at once and not sent as a filter.
import { describe, expect, test } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { FilterFields, draftToFilter, periodError, type FilterDraft } from '../../../../renderer/src/hq/FilterFields';
import type { HqFilterOptions } from '../../../../shared/domain/hq';

const OPTIONS: HqFilterOptions = {
  clients: ['Acme Bank', 'Harbor Telecom'],
  countries: ['IN', 'PH'],
  sites: [
    { siteId: '0190a1b2-c3d4-7e5f-8a9b-0c1d11111111', name: 'Northwind, Cebu', country: 'PH' },
    { siteId: '0190a1b2-c3d4-7e5f-8a9b-0c1d22222222', name: 'Northwind, Cebu', country: 'PH' },
    { siteId: '0190a1b2-bbbb-7e5f-8a9b-0c1d2e3f4a5b', name: 'Meridian, Pune', country: 'IN' },
  ],
  auditors: [{ auditorId: 'AUD-001', name: 'Asha Rao' }],
  bands: ['A', 'C'],
};
const transport = async (op: string) => (op === 'hq.filterOptions' ? { ok: true as const, value: OPTIONS } : { ok: false as const, error: { code: 'internal' as const, message: op } });

function Harness({ onFilter }: { onFilter(f: ReturnType<typeof draftToFilter> | null): void }) {
  const [draft, setDraft] = useState<FilterDraft>({});
  return <FilterFields value={draft} idPrefix="t" onChange={(d) => { setDraft(d); onFilter(periodError(d) ? null : draftToFilter(d)); }} />;
}

describe('FilterFields', () => {
  test('choices from HQ\'s audits; a backwards period is said and not sent', async () => {
    const user = userEvent.setup();
    const sent: Array<ReturnType<typeof draftToFilter> | null> = [];
    render(<ClientProvider transport={transport}><Harness onFilter={(f) => sent.push(f)} /></ClientProvider>);
    const country = screen.getByLabelText('Country');
    await within(country).findByRole('option', { name: 'India (IN)' });
    expect(within(country).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any', 'India (IN)', 'Philippines (PH)']);
    expect(within(screen.getByLabelText('Site')).getAllByRole('option').map((o) => o.textContent))
      .toEqual(['Any', 'Northwind, Cebu · PH (11111111)', 'Northwind, Cebu · PH (22222222)', 'Meridian, Pune · IN']);
    expect(within(screen.getByLabelText('Auditor')).getByRole('option', { name: 'Asha Rao (AUD-001)' })).toBeInTheDocument();
    await user.selectOptions(country, 'PH');
    expect(sent.at(-1)).toEqual({ country: 'PH' });
    await user.type(screen.getByLabelText('Audits from'), '2026-11-01');
    await user.type(screen.getByLabelText('Audits to'), '2026-10-01');
    expect(screen.getByRole('alert')).toHaveTextContent('The period ends before it starts');
    expect(screen.getByLabelText('Audits to')).toHaveAttribute('aria-invalid', 'true');
    expect(sent.at(-1)).toBeNull();
    await user.clear(screen.getByLabelText('Audits to'));
    await user.type(screen.getByLabelText('Audits to'), '2026-12-01');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent.at(-1)).toEqual({ country: 'PH', from: '2026-11-01', to: '2026-12-01' });
  });
});
