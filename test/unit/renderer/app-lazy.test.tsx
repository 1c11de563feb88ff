// @vitest-environment jsdom
// The audits home comes with the app; every other screen is fetched the first
// time it is opened, and the auditor sees that it is opening meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { navigate } from '../../../renderer/src/app/router';
import type { AuditBrowse } from '../../../shared/domain/audit-list';
import { AUDIT_ID, ok, renderWith, scriptedTransport } from './fixtures';

const profile = { name: 'Ana Reyes', organisation: 'Fairsite', email: 'ana@example.org', auditorId: 'A-1' };
const browse: AuditBrowse = {
  groups: [
    { id: 'progress', count: 1, rows: [{ id: AUDIT_ID, siteName: 'Cebu IT Park Centre', clients: ['Acme'], country: 'PH', type: 'unannounced', templateName: 'Test checklist',
      startDate: '2026-11-29', status: 'in_progress', revision: 2, answered: 1234, total: 2000, findings: 1, sent: true, lastChange: '2026-11-29T08:00:00.000Z' }] },
    { id: 'finalized', count: 0, rows: [] },
    { id: 'sent', count: 0, rows: [] },
  ],
};

afterEach(() => navigate({ name: 'home' }));

describe('app start', () => {
  it('shows the audits home, then opens another screen from its own chunk with a visible wait', async () => {
    navigate({ name: 'home' });
    const { transport } = scriptedTransport((op) => {
      if (op === 'profile.get') return ok(profile);
      if (op === 'app.integrity') return ok({ state: 'ok', onOpen: 'full', checkedAt: null, problems: [], message: null });
      if (op === 'audits.browse') return ok(browse);
      return ok([]);
    });
    renderWith(transport, <App />);
    const group = await screen.findByRole('region', { name: /^In progress/ });
    const row = within(group).getByRole('link');
    // The row's numbers and date in the UI language, its texts from the home screen's catalogue.
    expect(row).toHaveTextContent('Cebu IT Park Centre · an earlier state is at headquarters');
    expect(row).toHaveTextContent('1,234/2,000 answered');
    expect(row).toHaveTextContent('1 finding');
    expect(row).toHaveTextContent('Nov 29, 2026');
    expect(row).toHaveTextContent('In progress · rev 2');
    expect(row).toHaveTextContent('Unannounced');

    act(() => navigate({ name: 'new' }));
    expect(screen.getByRole('status')).toHaveTextContent('Opening this screen…');
    expect(await screen.findByRole('heading', { name: 'New audit' }, { timeout: 25_000 })).toBeVisible();
  });
});
