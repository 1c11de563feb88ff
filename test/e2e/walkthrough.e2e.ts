// The auditor's day, in Chromium against the real core: first run, a site
// and an audit, answers in several sections, reload, findings and a
// corrective action, finalize, and an edit refused afterwards.
import { test, expect, type Page } from '@playwright/test';
import { api, baseUrl, checkA11y, firstRun, screen, shot, waitSaved } from './support';

const activeCard = (page: Page) => page.locator('li.card--active');

async function openItem(page: Page, auditId: string, itemId: string) {
  await page.goto(`${baseUrl()}#/audit/${auditId}/item/${itemId}`);
  await expect(activeCard(page)).toHaveAttribute('data-item-id', itemId);
}

function auditIdOf(page: Page): string {
  const m = /#\/audit\/([0-9a-f-]{36})/.exec(page.url());
  if (!m?.[1]) throw new Error(`no audit id in ${page.url()}`);
  return m[1];
}

test('first run to a finalized, read-only audit', async ({ page }) => {
  // The whole day of an audit in one test: every item of the built-in checklist
  // (124 in 2.0.0) answered from the keyboard, the site profile, the CAPR and a
  // consistency warning.
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} @ ${m.location().url}`); });

  await test.step('first run: profile, validation, signing key', async () => {
    await page.goto(baseUrl());
    await firstRun(page, 'laptop');
    await screen(page, '01-first-run');
    await page.getByRole('button', { name: 'Save and create my signing key' }).click();
    await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Auditor ID').fill('bad id!');
    await page.getByRole('button', { name: 'Save and create my signing key' }).click();
    await expect(page.getByText('Enter an email address such as name@example.org')).toBeVisible();
    await screen(page, '02-first-run-errors');
    await page.getByLabel('Full name').fill('Ana Reyes');
    await page.getByLabel('Organisation').fill('Fair Labour Assurance');
    await page.getByLabel('Email').fill('ana.reyes@example.org');
    await page.getByLabel('Auditor ID').fill('AUD-0042');
    await page.getByRole('button', { name: 'Save and create my signing key' }).click();
    await expect(page.getByRole('heading', { name: 'Your signing key is ready' })).toBeVisible();
    await expect(page.getByTestId('fingerprint')).not.toBeEmpty();
    await screen(page, '03-first-run-key');
    await page.getByRole('button', { name: 'Continue to audits' }).click();
  });

  await test.step('home: empty state', async () => {
    await expect(page.getByRole('heading', { name: 'No audits yet' })).toBeVisible();
    await screen(page, '04-home-empty');
  });

  await test.step('new audit: a site, then the audit', async () => {
    await page.getByRole('main').getByRole('link', { name: 'New audit' }).click();
    const site = page.getByRole('form', { name: 'New site' });
    await site.getByRole('button', { name: 'Save site' }).click();
    await expect(site.getByText('Choose a country from the list')).toBeVisible();
    await screen(page, '05-new-audit-site-errors');
    await site.getByLabel('Site name').fill('Manila North Contact Centre');
    await site.getByLabel('Client(s)').fill('Acme Telecom, Globex Bank');
    await site.getByLabel('Address').fill('12 Ayala Avenue, Makati City');
    await site.getByLabel('Search country').fill('philippines');
    await expect(site.getByLabel('Country', { exact: true })).toHaveValue('PH');
    await site.getByLabel('Headcount').fill('850');
    await site.getByLabel('Shifts').fill('3 shifts, 24/7');
    await site.getByLabel('Legal minimum wage').fill('15000');
    await site.getByLabel('Wage period').selectOption('month');
    await site.getByLabel('Overtime rate').fill('1.25');
    await site.getByLabel('Currency', { exact: true }).selectOption('PHP');
    await site.getByRole('button', { name: 'Save site' }).click();
    await expect(page.getByText('Site “Manila North Contact Centre” saved and selected below.')).toBeVisible();
    const audit = page.getByRole('form', { name: 'New audit' });
    await expect(audit.getByLabel('Site')).toHaveValue(/[0-9a-f-]{36}/);
    await audit.getByLabel('Checklist template').selectOption({ index: 1 });
    await audit.getByLabel('Unannounced').check();
    await audit.getByLabel('Start date').fill('2026-11-30');
    await audit.getByLabel('End date').fill('2026-11-29');
    await audit.getByLabel('Audit team').fill('Ana Reyes, Ben Cruz');
    await audit.getByRole('button', { name: 'Create audit and start' }).click();
    await expect(audit.getByText('Must be on or after the start date')).toBeVisible();
    await screen(page, '06-new-audit-errors');
    await audit.getByLabel('End date').fill('2026-12-01');
    await audit.getByRole('button', { name: 'Create audit and start' }).click();
    // The site and workforce profile follows, checked as typed.
    const profile = page.getByRole('form', { name: 'Site and workforce profile' });
    await expect(profile.getByLabel('Workers on site (headcount)')).toHaveValue('850');
    await profile.getByLabel('Legal entity').fill('Manila North Contact Solutions, Inc.');
    await profile.getByLabel('Shared building').selectOption('yes');
    await profile.getByLabel('Agency workers').fill('120');
    await profile.getByLabel('Night-shift workers').fill('900');
    await profile.getByRole('button', { name: 'Save and start the walkthrough' }).click();
    await expect(profile.getByText('900 is more than the headcount of 850')).toBeVisible();
    await screen(page, '06b-site-profile-errors');
    await profile.getByLabel('Night-shift workers').fill('300');
    await profile.getByRole('button', { name: 'Save and start the walkthrough' }).click();
    await expect(page.getByRole('heading', { name: '1. Management and transparency' })).toBeVisible();
  });

  const auditId = auditIdOf(page);

  await test.step('walkthrough: answers in three sections', async () => {
    await screen(page, '07-walkthrough');
    // Keyboard: next item, answer compliant.
    await page.keyboard.press('j');
    await expect(activeCard(page)).toHaveAttribute('data-item-id', 'mgt.social-policy');
    await page.keyboard.press('1');
    await expect(activeCard(page).getByRole('button', { name: /Compliant/ }).first()).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('j');
    await expect(activeCard(page)).toHaveAttribute('data-item-id', 'mgt.responsible-person');
    await activeCard(page).getByRole('button', { name: /Non-compliant/ }).click();
    // The template grades the item: the non-compliance starts at its default severity.
    await expect(activeCard(page).getByLabel('Major')).toBeChecked();
    await expect(activeCard(page).getByText('The template grades this item Major.', { exact: false })).toBeVisible();
    await page.keyboard.press('n');
    await expect(activeCard(page).getByLabel(/^Note/)).toBeFocused();
    await page.keyboard.type('No named manager; the HR lead says compliance is "shared" and nobody signs the policy.');
    await waitSaved(page);
    await screen(page, '08-non-compliance');

    // Wages and hours: an hours sample that breaks 60 h.
    await page.getByRole('navigation', { name: 'Checklist sections' }).getByRole('button', { name: /Wages and working hours/ }).click();
    await activeCard(page).press('Escape');
    await page.keyboard.press('j');
    await expect(activeCard(page)).toHaveAttribute('data-item-id', 'wh.hours-sample');
    const card = activeCard(page);
    await card.getByRole('button', { name: 'Add worker-week' }).click();
    await card.getByLabel('Row 1 contracted hours').fill('48');
    await card.getByLabel('Row 1 overtime hours').fill('16');
    await card.getByLabel('Row 1 days worked').fill('6');
    await expect(card.getByTestId('hours-total-1')).toHaveText('64');
    await expect(card.getByTestId('hours-verdict-1')).toContainText('Breach');
    await card.getByRole('button', { name: 'Add worker-week' }).click();
    await card.getByLabel('Row 2 contracted hours').fill('40');
    await card.getByLabel('Row 2 overtime hours').fill('4');
    await card.getByLabel('Row 2 days worked').fill('5');
    await card.getByLabel('Row 2 overtime voluntary').selectOption('yes');
    await expect(card.getByTestId('hours-verdict-2')).toContainText('OK');
    await expect(card.getByText('2 sampled, 1 breach')).toBeVisible();
    await waitSaved(page);
    await screen(page, '09-hours-sample');

    // Health and safety: a compliant answer.
    await page.getByRole('navigation', { name: 'Checklist sections' }).getByRole('button', { name: /Health and safety/ }).click();
    await page.keyboard.press('1');
    await waitSaved(page);
  });

  await test.step('reload: everything is still there', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: '4. Health and safety' })).toBeVisible();
    await expect(activeCard(page).getByRole('button', { name: /Compliant/ }).first()).toHaveAttribute('aria-pressed', 'true');
    const nav = page.getByRole('navigation', { name: 'Checklist sections' });
    await expect(nav.getByRole('button', { name: /Management and transparency/ })).toContainText('2/17');
    await expect(nav.getByRole('button', { name: /Management and transparency/ })).toContainText('1 finding');
    await expect(nav.getByRole('button', { name: /Wages and working hours/ })).toContainText('1 finding');
    await openItem(page, auditId, 'mgt.responsible-person');
    await expect(activeCard(page).getByRole('button', { name: /Non-compliant/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(activeCard(page).getByLabel('Major')).toBeChecked();
    await expect(activeCard(page).getByLabel(/^Note/)).toHaveValue(/nobody signs the policy/);
    await openItem(page, auditId, 'wh.hours-sample');
    await expect(activeCard(page).getByTestId('hours-total-1')).toHaveText('64');
    await expect(activeCard(page).getByTestId('hours-verdict-1')).toContainText('Breach');
  });

  await test.step('findings: both listed; a corrective action', async () => {
    await page.getByRole('link', { name: /Findings \(2\)/ }).click();
    await expect(page.getByRole('heading', { name: 'Findings and corrective actions' })).toBeVisible();
    const list = page.locator('li.finding');
    await expect(list).toHaveCount(2);
    await expect(list.filter({ hasText: 'named senior manager' })).toContainText('Major');
    await expect(list.filter({ hasText: 'Working-hours sample' })).toBeVisible();
    await screen(page, '10-findings');
    const nc = list.filter({ hasText: 'named senior manager' });
    await nc.getByRole('button', { name: 'Add corrective action' }).click();
    const form = nc.getByRole('form', { name: 'New corrective action' });
    await form.getByRole('button', { name: 'Save action' }).click();
    await expect(form.getByLabel('Owner at the site')).toHaveAttribute('aria-invalid', 'true');
    // A major finding: 60 days from the last audit day by default.
    await expect(form.getByLabel('Due date')).toHaveValue('2027-01-30');
    await expect(form.getByLabel('Timescale')).toContainText('Default for the severity: 60 days');
    await screen(page, '11-cap-errors');
    await form.getByLabel('Corrective action').fill('Appoint a named senior manager for social compliance and publish the appointment.');
    await form.getByLabel('Owner at the site').fill('Maria Santos, Site Director');
    await form.getByLabel('Due date').fill('2027-01-31');
    await form.getByLabel('Status').selectOption('in_progress');
    await form.getByLabel('Root cause').fill('Social compliance was nobody’s job after the HR manager left.');
    await form.getByLabel('Preventive action').fill('The role is in the site director’s objectives and reviewed each year.');
    await form.getByLabel('Verification method').selectOption('document');
    await form.getByLabel('Verification notes').fill('Signed appointment letter and updated organigram');
    await form.getByLabel("Site's acceptance").selectOption('accepted');
    await form.getByRole('button', { name: 'Save action' }).click();
    await expect(nc.locator('.cap__item')).toContainText('Maria Santos, Site Director');
    await expect(nc.locator('.cap__item')).toContainText('In progress');
    await expect(nc.locator('.cap__item')).toContainText('Root cause: Social compliance was nobody’s job');
    await expect(nc.locator('.cap__item')).toContainText('Accepted by the site');
    await screen(page, '12-cap-saved');
  });

  await test.step('summary: blockers before finalizing', async () => {
    await page.getByRole('link', { name: 'Summary and finalize' }).click();
    await expect(page.getByRole('heading', { name: /items block finalizing/ })).toBeVisible();
    await screen(page, '13-summary-blockers');
    await page.getByRole('button', { name: 'Finalize audit…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'This audit cannot be finalized yet' })).toBeVisible();
    await screen(page, '14-finalize-missing');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  await test.step('answer the rest from the keyboard', async () => {
    await openItem(page, auditId, 'mgt.site-overview');
    await page.getByRole('button', { name: 'Unanswered only' }).click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await screen(page, '15-shortcuts');
    await page.keyboard.press('Escape');
    for (let guard = 0; guard < 200; guard++) {
      const card = activeCard(page);
      const id = await card.getAttribute('data-item-id');
      const kind = await card.getAttribute('data-kind');
      if (kind === 'compliance') {
        await page.keyboard.press('1');
        await expect(card.getByRole('button', { name: /Compliant/ }).first()).toHaveAttribute('aria-pressed', 'true');
      } else if (kind === 'number') {
        const value = id === 'hs.noise-level' ? '55' : id === 'hs.lighting' ? '520' : '23';
        await card.getByRole('textbox', { name: /^Value in/ }).fill(value);
        await expect(card.locator('.verdict')).toContainText('OK');
      } else if (kind === 'choice') {
        await card.locator('fieldset.choice input').first().check();
      } else if (kind === 'wage') {
        await card.getByRole('button', { name: 'Add worker' }).click();
        // W1 of the hours sample, paid for 8 overtime hours at the premium (18000 / 173 × 1.25 × 8 = 1040.46).
        await expect(card.getByLabel('Row 1 worker')).toHaveValue('W1');
        await card.getByLabel('Row 1 base pay').fill('18000');
        await card.getByLabel('Row 1 regular hours').fill('173');
        await card.getByLabel('Row 1 overtime hours').fill('8');
        await card.getByLabel('Row 1 overtime pay').fill('1100');
        await expect(card.getByTestId('wage-verdict-1')).toContainText('OK');
      } else if (kind === 'text') {
        await card.getByRole('textbox', { name: 'Answer' }).fill('Recorded on site.');
      }
      if (await page.evaluate(() => document.activeElement !== document.body)) await page.keyboard.press('Escape');
      await page.keyboard.press('j');
      // The last unanswered item: j has nowhere to go.
      if ((await activeCard(page).getAttribute('data-item-id')) === id) break;
    }
    await waitSaved(page);
    await expect(page.locator('.sections__meta').filter({ hasText: /\d+\/\d+/ }).first()).toBeVisible();
  });

  await test.step('finalize', async () => {
    await page.getByRole('link', { name: 'Summary and finalize' }).click();
    await expect(page.getByRole('heading', { name: 'No item blocks finalizing' })).toBeVisible();
    await screen(page, '16-summary-ready');
    // The hours sample shows more overtime in one week than the pay sample pays for the month: acknowledged with a reason.
    const checks = page.getByRole('region', { name: 'Consistency checks' });
    await expect(checks).toContainText('Worker W1 has 16 overtime hours in one week of the hours sample but 8 overtime hours in the pay sample.');
    await checks.getByLabel('Why the record is right as it is').fill('W1 was paid the other 8 overtime hours in the following pay period (payslip seen).');
    await screen(page, '16b-consistency-warning');
    await checks.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(checks).toContainText('Every warning is acknowledged; the reasons are printed in the report.');
    await page.getByRole('button', { name: 'Finalize audit…' }).click();
    await expect(page.getByRole('dialog', { name: 'Finalize this audit?' })).toBeVisible();
    await screen(page, '17-finalize-confirm');
    await page.getByRole('button', { name: 'Finalize and lock' }).click();
    await expect(page.getByText('Finalized — read-only.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reopen as new revision' })).toBeVisible();
    await screen(page, '18-summary-finalized');
  });

  await test.step('an edit attempt is refused', async () => {
    await openItem(page, auditId, 'mgt.responsible-person');
    await expect(page.getByText('Finalized — read-only.')).toBeVisible();
    const compliant = activeCard(page).getByRole('button', { name: /Compliant/ }).first();
    await expect(compliant).toBeDisabled();
    await expect(activeCard(page).getByLabel(/^Note/)).toBeDisabled();
    await page.keyboard.press('1');
    await expect(activeCard(page).getByRole('button', { name: /Non-compliant/ })).toHaveAttribute('aria-pressed', 'true');
    await screen(page, '19-walkthrough-finalized');
    // The core refuses too, whatever the UI does.
    const res = await api(page, 'responses.save', { auditId, itemId: 'mgt.responsible-person', value: { kind: 'compliance', answer: 'compliant' }, note: '' });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('locked');
    await page.reload();
    await expect(activeCard(page).getByRole('button', { name: /Non-compliant/ })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('link', { name: /Findings/ }).click();
    await expect(page.getByRole('button', { name: 'Add corrective action' })).toHaveCount(0);
  });

  await test.step('evidence screen of the finalized audit', async () => {
    await page.getByRole('link', { name: 'Evidence' }).click();
    await expect(page.getByText('Finalized — read-only.')).toBeVisible();
    await screen(page, '20-evidence');
  });

  await test.step('home: groups, search, filters; settings; large screens', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
    await expect(page.getByRole('heading', { name: /^Finalized/ })).toBeVisible();
    await screen(page, '21-home');
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('Globex');
    await expect(page.locator('.audit-row')).toHaveCount(1);
    await search.fill('no such site');
    await expect(page.getByText('No audits match these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('From').fill('2027-01-01');
    await expect(page.getByText('No audits match these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page.locator('.audit-row')).toHaveCount(1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByText('Data folder')).toBeVisible();
    await expect(page.getByTestId('data-dir')).toContainText('fairsite-e2e-');
    await screen(page, '22-settings');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
    await expect(page.getByRole('heading', { name: /^Finalized/ })).toBeVisible();
    await shot(page, '23-home-1920');
    await openItem(page, auditId, 'wh.hours-sample');
    await shot(page, '24-walkthrough-1920');
    await checkA11y(page, 'walkthrough at 1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('reopen as a new revision: editable again, the first stays locked', async () => {
    await page.getByRole('link', { name: 'Summary and finalize' }).click();
    await page.getByRole('button', { name: 'Reopen as new revision' }).click();
    await expect(page.getByText(/revision 2/)).toBeVisible();
    await expect(page.getByText('Finalized — read-only.')).toHaveCount(0);
    const rev2 = auditIdOf(page);
    expect(rev2).not.toBe(auditId);
    await openItem(page, rev2, 'mgt.responsible-person');
    await expect(activeCard(page).getByRole('button', { name: /Non-compliant/ })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('1');
    await waitSaved(page);
    await expect(activeCard(page).getByRole('button', { name: /Compliant/ }).first()).toHaveAttribute('aria-pressed', 'true');
    await openItem(page, auditId, 'mgt.responsible-person');
    await expect(activeCard(page).getByRole('button', { name: /Non-compliant/ })).toHaveAttribute('aria-pressed', 'true');
  });

  await test.step('open the demo audit', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
    await page.getByRole('button', { name: 'Open demo audit' }).click();
    await expect(page.getByRole('navigation', { name: 'Checklist sections' })).toBeVisible();
    await expect(page.locator('li.card--active')).toBeVisible();
    await screen(page, '25-demo-walkthrough');
    await page.getByRole('link', { name: 'Summary and finalize' }).click();
    await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
    await expect(page.locator('.band__letter')).not.toBeEmpty();
    await screen(page, '26-demo-summary');
    await page.getByRole('link', { name: /Findings/ }).click();
    await expect(page.getByRole('heading', { name: 'Findings and corrective actions' })).toBeVisible();
    await screen(page, '27-demo-findings');
  });

  expect(errors).toEqual([]);
});
