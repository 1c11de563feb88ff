// Dialogs hold the keyboard: with the photo viewer or the annotation editor
// open, the walkthrough's keys (answers, moves, the note) change nothing
// behind them, focus stays inside and comes back where it was; and the
// "needs evidence" warning goes as soon as a photo is attached.
import { test, expect, type Page } from '@playwright/test';
import { checkA11y, shot } from './support';
import { photo, thumbsLoaded } from './evidence-support';
import { useSiteHarness } from './ui-support';

const h = useSiteHarness();
const active = (page: Page) => page.locator('li.card--active');
const answer = (page: Page, label: string) => active(page).getByRole('group', { name: 'Answer' }).getByRole('button', { name: new RegExp(label) });

async function stored(auditId: string, itemId: string) {
  const d = await h.call<{ responses: Array<{ itemId: string; value: unknown; note: string }> }>('audits.get', { id: auditId });
  return d.responses.find((r) => r.itemId === itemId) ?? null;
}
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

test('keys pressed while a dialog is open never answer, move or write behind it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}#/audit/${h.auditId}/item/s2.i2`);
  await expect(active(page)).toHaveAttribute('data-item-id', 's2.i2');

  await test.step('the auditor answers item 2.2 and adds a photo', async () => {
    await answer(page, 'Compliant').first().click();
    await expect(page.locator('.save')).toHaveText('Saved');
    await page.getByLabel('Add photos to this item').setInputFiles([{ name: 'ids.jpg', mimeType: 'image/jpeg', buffer: photo('camera-Canon_40D.jpg') }]);
    await thumbsLoaded(page, 1);
  });

  await test.step('viewer open: 3, k, j, ], n and typing do nothing behind it', async () => {
    await page.getByRole('button', { name: /^Open photo 1/ }).click();
    const viewer = page.getByRole('dialog');
    await expect(viewer.getByRole('heading', { name: 'Photo 1 of 1' })).toBeVisible();
    await expect(viewer).toContainText('Item 2.2 Identity documents');
    expect(await focusInDialog(page)).toBe(true);
    await shot(page, 'dialogs-01-viewer-names-item');
    await page.keyboard.press('3');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    await page.keyboard.press(']');
    await page.keyboard.press('n');
    await page.keyboard.type('wrong place');
    // Focus dropped on the page itself (a click on empty space): still nothing.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('3');
    await page.keyboard.press('k');
    await page.keyboard.press('n');
    await page.keyboard.type('still wrong');
    await expect(viewer.getByRole('heading', { name: 'Photo 1 of 1' })).toBeVisible();
    await expect(answer(page, 'Compliant').first()).toHaveAttribute('aria-pressed', 'true');
    await expect(answer(page, 'Not applicable')).toHaveAttribute('aria-pressed', 'false');
    expect(page.url()).toContain('/item/s2.i2');
  });

  await test.step('Tab stays inside the viewer', async () => {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog(page)).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog(page)).toBe(true);
  });

  await test.step('annotation editor: keys keep the unsaved marks, Esc asks first', async () => {
    await page.getByRole('button', { name: 'Annotate…' }).click();
    const editor = page.getByRole('dialog', { name: 'Annotate photo' });
    await expect(editor).toBeVisible();
    await editor.getByRole('button', { name: 'Rectangle', exact: true }).click();
    const canvas = page.getByTestId('annotate-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await expect(editor.getByText('1 mark', { exact: true })).toBeVisible();
    for (const k of ['k', 'j', '3', 'n', 'ArrowLeft']) await page.keyboard.press(k);
    await page.keyboard.type('abc');
    await expect(editor.getByText('1 mark', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(editor.getByText('Discard this mark? It is not saved yet.')).toBeVisible();
    await shot(page, 'dialogs-02-annotator-discard');
    await checkA11y(page, 'annotation editor asking before discarding');
    await editor.getByRole('button', { name: 'Keep drawing' }).click();
    await expect(editor.getByText('1 mark', { exact: true })).toBeVisible();
    await editor.getByRole('button', { name: 'Save annotation' }).click();
    await expect(editor).toHaveCount(0);
  });

  await test.step('after annotating, Esc closes the viewer as it says; focus back on the photo', async () => {
    const viewer = page.getByRole('dialog');
    await expect(viewer.getByRole('button', { name: 'Show original' })).toBeVisible();
    expect(await focusInDialog(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Open photo 1/ })).toBeFocused();
  });

  await test.step('the help dialog holds the keys too', async () => {
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('3');
    await page.keyboard.press('j');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(answer(page, 'Compliant').first()).toHaveAttribute('aria-pressed', 'true');
  });

  await test.step('what was stored: the answer and an empty note, on every item', async () => {
    const r = await stored(h.auditId, 's2.i2');
    expect(r).toMatchObject({ value: { kind: 'compliance', answer: 'compliant' }, note: '' });
    const d = await h.call<{ responses: Array<{ itemId: string; note: string }> }>('audits.get', { id: h.auditId });
    expect(d.responses.map((x) => [x.itemId, x.note])).toEqual([['s2.i2', '']]);
    const list = await h.call<Array<{ annotation: unknown[] | null }>>('evidence.list', { auditId: h.auditId });
    expect(list[0]!.annotation).toHaveLength(1);
  });
  expect(errors).toEqual([]);
});

test('"needs evidence" goes as soon as a photo is attached', async ({ page }) => {
  const auditId = await h.newAudit();
  await page.goto(`${h.url}#/audit/${auditId}/item/s2.i2`);
  await expect(active(page)).toHaveAttribute('data-item-id', 's2.i2');
  await answer(page, 'Non-compliant').click();
  const warning = active(page).getByText('This answer needs evidence: attach at least one photo');
  await expect(warning).toBeVisible();
  await page.getByLabel('Add photos to this item').setInputFiles([{ name: 'ids.jpg', mimeType: 'image/jpeg', buffer: photo('camera-Canon_40D.jpg') }]);
  await thumbsLoaded(page, 1);
  await expect(warning).toHaveCount(0);
  await shot(page, 'dialogs-03-evidence-attached');
  await page.getByRole('button', { name: /^Delete photo 1/ }).click();
  await active(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(warning).toBeVisible();
});
