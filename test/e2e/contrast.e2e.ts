// Every interactive state readable at WCAG AA (4.5:1 for text): answer
// buttons selected and hovered, focused, disabled in a finalized audit;
// filter and toggle buttons pressed and hovered; primary, plain, quiet and
// danger buttons hovered and disabled; navigation and tabs hovered.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { contrastOf } from './contrast-support';
import { shot } from './support';
import { useSiteHarness } from './ui-support';

const h = useSiteHarness();
const AA = 4.5;

type State = 'rest' | 'hover' | 'focus';
const measured: string[] = [];

async function check(page: Page, what: string, el: Locator, states: State[] = ['rest', 'hover', 'focus']) {
  for (const s of states) {
    await page.mouse.move(0, 799);
    if (s === 'hover') await el.hover();
    if (s === 'focus') { await el.focus(); }
    const c = await contrastOf(el);
    measured.push(`${what} [${s}]: ${c.ratio} (${c.fg} on ${c.bg})`);
    expect.soft(c.ratio, `${what} [${s}]: ${c.fg} on ${c.bg}`).toBeGreaterThanOrEqual(AA);
    if (s === 'focus') await el.blur();
  }
}

test('every interactive state is readable at WCAG AA', async ({ page }) => {
  const auditId = await h.newAudit();
  await page.goto(`${h.url}#/audit/${auditId}/item/s1.i1`);
  const answers = page.locator('li.card--active').getByRole('group', { name: 'Answer' }).getByRole('button');
  await expect(answers).toHaveCount(5);

  await test.step('answer buttons: not selected, selected, selected and hovered', async () => {
    for (let i = 0; i < 5; i++) {
      const b = answers.nth(i);
      const name = (await b.textContent())!.trim();
      await check(page, `answer "${name}" not selected`, b);
      await b.click();
      await expect(b).toHaveAttribute('aria-pressed', 'true');
      await check(page, `answer "${name}" selected`, b);
      if (i === 4) { await b.hover(); await shot(page, 'contrast-01-selected-answer-hover'); }
    }
  });

  await test.step('filters, shortcuts button, sections, tabs, top bar', async () => {
    const filters = page.getByRole('group', { name: 'Show' }).getByRole('button');
    await check(page, 'filter pressed', filters.first());
    await check(page, 'filter not pressed', filters.nth(1));
    await check(page, 'shortcuts button (quiet)', page.getByRole('button', { name: 'Keyboard shortcuts' }));
    await check(page, 'section in the list', page.locator('.sections__btn').nth(1).locator('.sections__title'));
    await check(page, 'current section', page.locator('.sections__btn--on .sections__title'));
    await check(page, 'audit tab', page.getByRole('link', { name: 'Evidence' }));
    await check(page, 'current audit tab', page.getByRole('link', { name: 'Walkthrough' }));
    await check(page, 'top bar link', page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }));
    await check(page, 'item head (collapsed card)', page.locator('li.card--collapsed .card__prompt').first(), ['rest', 'hover']);
  });

  await test.step('evidence: buttons plain, primary, quiet, disabled, pressed', async () => {
    await page.getByRole('link', { name: 'Evidence' }).click();
    const add = page.getByRole('button', { name: 'Add note' });
    await expect(add).toBeDisabled();
    await check(page, 'primary button disabled', add, ['rest', 'hover']);
    await page.getByLabel('New note', { exact: true }).fill('x');
    await check(page, 'primary button', add);
    await check(page, 'plain button', page.getByRole('button', { name: 'Choose photos…' }).first());
    
    const photosOf = page.getByRole('group', { name: 'Show photos of' }).getByRole('button');
    await check(page, 'photo filter pressed', photosOf.first());
    await check(page, 'photo filter not pressed', photosOf.nth(1));
    await add.click();
    await check(page, 'quiet button', page.getByRole('button', { name: 'Edit note 1' }));
    await page.getByRole('button', { name: 'Delete note 1…' }).click();
    await check(page, 'danger button', page.getByRole('button', { name: 'Delete note', exact: true }));
  });

  await test.step('a finalized audit: answers disabled, the chosen one still readable', async () => {
    for (let s = 1; s <= 3; s++) for (let i = 1; i <= 4; i++) await h.call('responses.save', { auditId, itemId: `s${s}.i${i}`, value: { kind: 'compliance', answer: 'compliant' } });
    await h.call('audits.finalize', { id: auditId });
    await page.goto(`${h.url}#/audit/${auditId}/item/s1.i1`);
    await expect(answers.first()).toBeDisabled();
    await check(page, 'answer selected, disabled', answers.first(), ['rest', 'hover']);
    await check(page, 'answer not selected, disabled', answers.nth(1), ['rest', 'hover']);
    await shot(page, 'contrast-02-finalized-answers');
  });

  console.log(measured.join('\n'));
});
