// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { CountryLegalProfile, EMPTY_LEGAL_PROFILE } from '../../../shared/domain/legal-profile';
import { SiteInput } from '../../../shared/domain/site';
import userEvent from '@testing-library/user-event';
import { ProfileForm } from '../../../renderer/src/forms/ProfileForm';
import { SiteForm } from '../../../renderer/src/forms/SiteForm';
import { AuditForm } from '../../../renderer/src/forms/AuditForm';
import { ActionForm } from '../../../renderer/src/forms/ActionForm';
import { SiteProfileForm } from '../../../renderer/src/forms/SiteProfileForm';
import { fail, ok, renderWith, scriptedTransport, site, SITE_ID, TEMPLATE_ID } from './fixtures';

const FINDING_ID = '0193a0f0-0000-7000-8000-0000000000f1';

describe('profile form', () => {
  it('shows a message by each invalid field and sends nothing', async () => {
    const { transport, calls } = scriptedTransport(() => ok(null));
    renderWith(transport, <ProfileForm initial={null} submitLabel="Save" onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'nope');
    await user.type(screen.getByLabelText('Auditor ID'), 'has space');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter an email address such as name@example.org')).toBeInTheDocument();
    expect(screen.getByText('Letters, digits, ".", "_" or "-" only')).toBeInTheDocument();
    expect(screen.getAllByText('Required')).toHaveLength(2);
    expect(screen.getByLabelText('Full name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Required');
    expect(calls).toHaveLength(0);
  });

  it('puts a field error from the core next to that field', async () => {
    const { transport, calls } = scriptedTransport(() => fail('invalid_input', 'Invalid input', [{ path: 'auditorId', message: 'already used on this computer' }]));
    const onSaved = vi.fn();
    renderWith(transport, <ProfileForm initial={null} submitLabel="Save" onSaved={onSaved} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Full name'), 'Ana Reyes');
    await user.type(screen.getByLabelText('Organisation'), 'FLA');
    await user.type(screen.getByLabelText('Email'), 'ana@example.org');
    await user.type(screen.getByLabelText('Auditor ID'), 'AUD-1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Already used on this computer')).toBeInTheDocument();
    expect(screen.getByLabelText('Auditor ID')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toEqual([{ op: 'profile.save', input: { name: 'Ana Reyes', organisation: 'FLA', email: 'ana@example.org', auditorId: 'AUD-1' } }]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says what to do when the core cannot store the profile', async () => {
    const { transport } = scriptedTransport(() => fail('storage', 'The database is read-only.'));
    renderWith(transport, <ProfileForm initial={{ name: 'A', organisation: 'B', email: 'a@example.org', auditorId: 'X1', keyFingerprint: 'ab', createdAt: '' }} submitLabel="Save" onSaved={vi.fn()} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/The database is read-only\. Your data could not be read or written\. Check free disk space/);
  });
});

describe('site form', () => {
  const ph = CountryLegalProfile.parse(JSON.parse(readFileSync('assets/legal-profiles/PH.json', 'utf8')));

  it('validates country, currency, wage, overtime rate and headcount by the field', async () => {
    const { transport, calls } = scriptedTransport(() => ok(null));
    renderWith(transport, <SiteForm onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Legal minimum wage'), '0');
    await user.clear(screen.getByLabelText('Overtime rate'));
    await user.type(screen.getByLabelText('Overtime rate'), '0.5');
    await user.type(screen.getByLabelText('Headcount'), '12.5');
    await user.click(screen.getByRole('button', { name: 'Save site' }));
    expect(await screen.findByText('Choose a country from the list')).toBeInTheDocument();
    expect(screen.getByText('Choose a currency from the list')).toBeInTheDocument();
    expect(screen.getByText('At least 1')).toBeInTheDocument();
    expect(screen.getByText('Whole number only')).toBeInTheDocument();
    expect(screen.getByLabelText('Site name')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  it('refuses "-500" and "1e3" as a minimum wage with a message by the field, and sends nothing', async () => {
    const { transport, calls } = scriptedTransport(() => ok(site));
    renderWith(transport, <SiteForm onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Site name'), 'Manila North');
    await user.selectOptions(screen.getByLabelText('Country'), 'PH');
    await user.selectOptions(screen.getByLabelText('Currency'), 'PHP');
    const wage = screen.getByLabelText('Legal minimum wage');
    await user.type(wage, '-500');
    expect(wage).toHaveAccessibleDescription(expect.stringContaining('Cannot be negative'));
    await user.click(screen.getByRole('button', { name: 'Save site' }));
    expect(await screen.findByText(/Some numbers could not be read/)).toBeInTheDocument();
    await user.clear(wage);
    await user.type(wage, '1e3');
    expect(screen.getByText(/without an exponent/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('finds the country and currency by name and sends the codes, with "18,500" read as 18500', async () => {
    const { transport, calls } = scriptedTransport(() => ok(site));
    const onSaved = vi.fn();
    renderWith(transport, <SiteForm onSaved={onSaved} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Site name'), 'Manila North');
    await user.type(screen.getByLabelText('Client(s)'), 'Acme, Globex ');
    await user.type(screen.getByLabelText('Search country'), 'philipp');
    const country = screen.getByLabelText('Country');
    expect(within(country).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose…', 'Philippines (PH)']);
    await user.type(screen.getByLabelText('Search currency'), 'philippine peso');
    expect(screen.getByLabelText('Currency')).toHaveValue('PHP');
    await user.selectOptions(country, 'PH');
    await user.type(screen.getByLabelText('Legal minimum wage'), '18,500');
    await user.click(screen.getByRole('button', { name: 'Save site' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(site));
    expect(calls[0]).toEqual({ op: 'sites.create', input: {
      name: 'Manila North', clients: ['Acme', 'Globex'], address: '', country: 'PH', headcount: null, shifts: '', currency: 'PHP',
      // A new site starts in the laptop's own time zone.
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      legal: { ...EMPTY_LEGAL_PROFILE, minWage: 18500 },
    } });
  });

  it('starts a new site in the laptop\'s zone; refuses a zone Intl does not know, keeps one it knows', () => {
    const { transport } = scriptedTransport(() => ok(site));
    renderWith(transport, <SiteForm onSaved={vi.fn()} />);
    expect(screen.getByLabelText('Time zone')).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const bad = SiteInput.safeParse({ name: 'S', country: 'PH', currency: 'PHP', timeZone: 'Mars/Olympus' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['timeZone', 'choose a time zone from the list, such as Asia/Manila']]);
    expect(SiteInput.safeParse({ name: 'S', country: 'PH', currency: 'PHP', timeZone: 'Asia/Manila' }).success).toBe(true);
    expect(SiteInput.safeParse({ name: 'S', country: 'PH', currency: 'PHP', timeZone: 'Mars/Olympus' }).success).toBe(false);
  });

  it('fills the legal profile from the bundled country profile, every value still editable', async () => {
    const { transport, calls } = scriptedTransport(() => ok(site));
    renderWith(transport, <SiteForm countryProfiles={[ph]} onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Site name'), 'Cebu');
    await user.selectOptions(screen.getByLabelText('Country'), 'PH');
    await user.click(screen.getByRole('button', { name: 'Fill from the Philippines profile' }));
    expect(screen.getByLabelText('Night work rate')).toHaveValue('1.1');
    expect(screen.getByLabelText('Currency')).toHaveValue('PHP');
    expect(screen.getByText(/Labor Code Art. 83/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Legal minimum wage'), '695');
    await user.clear(screen.getByLabelText('Rest-day rate'));
    await user.type(screen.getByLabelText('Rest-day rate'), '1.5');
    await user.click(screen.getByRole('button', { name: 'Save site' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect((calls[0]?.input as { legal: unknown }).legal).toEqual({ ...ph.profile, minWage: 695, restDayRate: 1.5 });
  });
});

describe('audit form', () => {
  const templates = [{ id: TEMPLATE_ID, key: 't', version: '1.0.0', name: 'Checklist', hash: 'h', sections: 2, items: 5, builtIn: true }];
  it('requires a site and an end date on or after the start', async () => {
    const { transport, calls } = scriptedTransport(() => ok(null));
    renderWith(transport, <AuditForm sites={[site]} templates={templates} onCreated={vi.fn()} />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Start date'));
    await user.type(screen.getByLabelText('Start date'), '2026-12-02');
    await user.clear(screen.getByLabelText('End date'));
    await user.type(screen.getByLabelText('End date'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Create audit and start' }));
    expect(await screen.findByText('Choose a site, or create one above')).toBeInTheDocument();
    expect(screen.getByText('Must be on or after the start date')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('creates the audit with the team split into names', async () => {
    const { transport, calls } = scriptedTransport(() => ok({ id: 'x' }));
    const onCreated = vi.fn();
    renderWith(transport, <AuditForm sites={[site]} templates={templates} selectedSiteId={SITE_ID} onCreated={onCreated} />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Unannounced'));
    await user.type(screen.getByLabelText('Audit team'), 'Ana Reyes, Ben Cruz');
    await user.click(screen.getByRole('button', { name: 'Create audit and start' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(calls[0]?.input).toMatchObject({ siteId: SITE_ID, templateId: TEMPLATE_ID, type: 'unannounced', team: ['Ana Reyes', 'Ben Cruz'] });
  });
});

describe('corrective action form', () => {
  it('requires action, owner and a due date', async () => {
    const { transport, calls } = scriptedTransport(() => ok(null));
    renderWith(transport, <ActionForm findingId={FINDING_ID} onSaved={vi.fn()} onCancel={vi.fn()} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save action' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(screen.getByText('Use a date such as 2026-11-29')).toBeInTheDocument();
    expect(screen.getByLabelText('Owner at the site')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  it('a collaborative action asks for a progress review date instead of a due date, and sends no due date', async () => {
    const { transport, calls } = scriptedTransport((_op, input) => ok({ ...(input as object), id: FINDING_ID, auditId: FINDING_ID, createdAt: '', updatedAt: '' }));
    const onSaved = vi.fn();
    renderWith(transport, <ActionForm findingId={FINDING_ID} onSaved={onSaved} onCancel={vi.fn()} endDate="2026-11-30" severity="major" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Corrective action'), 'Join the industry dialogue on living wages');
    await user.type(screen.getByLabelText('Owner at the site'), 'HR manager');
    await user.click(screen.getByLabelText('Collaborative action required'));
    expect(screen.queryByLabelText('Due date')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    expect(await screen.findByText('Use a date such as 2026-11-29')).toBeTruthy();
    expect(calls).toEqual([]);
    await user.type(screen.getByLabelText('Progress review date'), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]?.input).toMatchObject({ collaborative: true, reviewDate: '2027-03-01', dueDate: '' });
  });

  it('saves status, verification and every CAPR field', async () => {
    const { transport, calls } = scriptedTransport((_op, input) => ok({ ...(input as object), id: FINDING_ID, auditId: FINDING_ID, createdAt: '', updatedAt: '' }));
    const onSaved = vi.fn();
    renderWith(transport, <ActionForm findingId={FINDING_ID} onSaved={onSaved} onCancel={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Corrective action'), 'Pay the overtime premium owed');
    await user.type(screen.getByLabelText('Owner at the site'), 'HR manager');
    await user.type(screen.getByLabelText('Due date'), '2027-01-31');
    await user.selectOptions(screen.getByLabelText('Status'), 'closed');
    await user.type(screen.getByLabelText('Objective evidence'), 'Pay slips of 3 agents');
    await user.type(screen.getByLabelText('Root cause'), 'Wrong payroll rule');
    await user.type(screen.getByLabelText('Preventive action'), 'Monthly payroll review');
    await user.selectOptions(screen.getByLabelText('Timescale'), '30_days');
    await user.selectOptions(screen.getByLabelText('Verification method'), 'desk_review');
    await user.type(screen.getByLabelText('Verification notes'), 'Payroll for 3 months');
    await user.type(screen.getByLabelText("Site's comments"), 'Paid in June');
    await user.selectOptions(screen.getByLabelText("Site's acceptance"), 'disputed');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]).toEqual({ op: 'actions.save', input: {
      findingId: FINDING_ID, action: 'Pay the overtime premium owed', owner: 'HR manager', dueDate: '2027-01-31', status: 'closed', verification: 'Payroll for 3 months',
      objectiveEvidence: 'Pay slips of 3 agents', rootCause: 'Wrong payroll rule', preventiveAction: 'Monthly payroll review', timescale: '30_days',
      verificationMethod: 'desk_review', siteComments: 'Paid in June', siteAcceptance: 'disputed', collaborative: false, reviewDate: '',
    } });
  });

  it('proposes the due date and timescale of the finding\'s severity', () => {
    const { transport } = scriptedTransport(() => ok(null));
    renderWith(transport, <ActionForm findingId={FINDING_ID} severity="critical" endDate="2026-05-13" evidence="Exit padlocked" onSaved={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.getByLabelText('Due date')).toHaveValue('2026-06-12');
    expect(screen.getByLabelText('Timescale')).toHaveTextContent('Default for the severity: Immediate (within 30 days)');
    expect(screen.getByLabelText('Objective evidence')).toHaveValue('Exit padlocked');
  });
});

describe('site and workforce profile form', () => {
  const AUDIT = '0193a0f0-0000-7000-8000-0000000000a1';
  const initial = {
    auditId: AUDIT, updatedAt: null,
    site: { legalEntity: '', address: '12 Ayala Ave', floors: '', building: '', sharedBuilding: null, fireCertificate: '', fireCertificateExpiry: '', services: '', clients: 'Client A',
      workforce: { headcount: 100, female: null, male: null, otherGender: null, permanent: null, fixedTerm: null, agency: null, trainee: null, migrant: null, nightShift: null, young: null } },
    declaration: { limitations: '', disclaimer: '', distribution: [] },
  };

  it('says plainly which count is wrong and sends nothing', async () => {
    const { transport, calls } = scriptedTransport(() => ok(null));
    renderWith(transport, <SiteProfileForm initial={initial} onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Women'), '70');
    await user.type(screen.getByLabelText('Men'), '40');
    await user.type(screen.getByLabelText('Migrant workers'), '-2');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Enter a whole number of workers, 0 or more')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Migrant workers'));
    await user.type(screen.getByLabelText('Migrant workers'), '2');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Women, men and others add up to 110, more than the headcount of 100')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    // Corrected, it goes through.
    await user.clear(screen.getByLabelText('Men'));
    await user.type(screen.getByLabelText('Men'), '30');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(calls).toHaveLength(1));
  });

  it('saves counts as numbers, the building as yes or no and one recipient per line', async () => {
    const { transport, calls } = scriptedTransport((_op, input) => ok({ ...(input as object), updatedAt: 'now' }));
    const onSaved = vi.fn();
    renderWith(transport, <SiteProfileForm initial={initial} onSaved={onSaved} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Legal entity'), 'Northwind Inc.');
    await user.selectOptions(screen.getByLabelText('Shared building'), 'yes');
    await user.type(screen.getByLabelText('Agency workers'), '12');
    await user.type(screen.getByLabelText('Distribution list'), 'Site director{enter}Client A compliance');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]?.input).toMatchObject({ auditId: AUDIT, site: { legalEntity: 'Northwind Inc.', sharedBuilding: true, clients: 'Client A', workforce: { headcount: 100, agency: 12, migrant: null } }, declaration: { distribution: ['Site director', 'Client A compliance'] } });
  });
});
