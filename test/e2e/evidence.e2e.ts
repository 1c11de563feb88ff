// Evidence in Chromium against the real core, on a harness of its own (a
// fresh data folder): photos added by the file picker and by drag and drop,
// shown, captioned, annotated, deleted; the state after a reload; a corrupt
// file's message; the viewer's keys; read-only once finalized.
import { test, expect, type Page } from '@playwright/test';
import { checkA11y, shot } from './support';
import { photo, thumbsLoaded, tiles, useEvidenceHarness } from './evidence-support';

const h = useEvidenceHarness();
const call = <T>(op: string, input: unknown) => h.call<T>(op, input);

async function dropFiles(page: Page, files: Array<{ name: string; bytes: Buffer }>) {
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: 'image/jpeg' }));
    return d;
  }, files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })));
  await page.dispatchEvent('[data-testid="photo-drop"]', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('[data-testid="photo-drop"]', 'drop', { dataTransfer: dt });
}

test('photos: add, show, caption, annotate, delete, reload; a corrupt file says why', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('file picker on a checklist item', async () => {
    await page.goto(`${h.url}#/audit/${h.auditId}/item/s1.i1`);
    await page.getByLabel('Add photos to this item').setInputFiles([
      { name: 'exit.jpg', mimeType: 'image/jpeg', buffer: photo('orientation-Landscape_6.jpg') },
      { name: 'camera.jpg', mimeType: 'image/jpeg', buffer: photo('camera-Canon_40D.jpg') },
    ]);
    await thumbsLoaded(page, 2);
    // EXIF orientation 6: stored sideways, shown upright.
    const size = await page.locator('.ev-tile img').first().evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]);
    expect(size).toEqual([320, 213]);
    await shot(page, 'evidence-01-item-photos');
  });

  await test.step('drag and drop of several photos at once on the Evidence view', async () => {
    await page.getByRole('link', { name: 'Evidence' }).click();
    await expect(page.getByRole('heading', { name: 'Photos' })).toBeVisible();
    await thumbsLoaded(page, 2);
    await dropFiles(page, [
      { name: 'gps.jpg', bytes: photo('gps-DSCN0010.jpg') },
      { name: 'portrait.jpg', bytes: photo('orientation-Portrait_6.jpg') },
      { name: 'landscape.jpg', bytes: photo('orientation-Landscape_3.jpg') },
    ]);
    await thumbsLoaded(page, 5);
    await checkA11y(page, 'evidence view');
  });

  await test.step('caption one', async () => {
    const caption = page.getByLabel('Caption for photo 1');
    await caption.fill('Fire exit blocked by boxes');
    await caption.press('Enter');
    await expect(tiles(page).first()).toContainText('Saved');
  });

  await test.step('viewer: arrows move, Esc closes', async () => {
    await page.getByRole('button', { name: /^Open photo 1:/ }).click();
    const viewer = page.getByRole('dialog');
    await expect(viewer.getByRole('heading', { name: 'Photo 1 of 5' })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(viewer.getByRole('heading', { name: 'Photo 2 of 5' })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(viewer.getByRole('heading', { name: 'Photo 5 of 5' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('annotate one', async () => {
    await page.getByRole('button', { name: /^Open photo 1:/ }).click();
    await page.getByRole('button', { name: 'Annotate…' }).click();
    await page.getByRole('button', { name: 'Rectangle', exact: true }).click();
    const canvas = page.getByTestId('annotate-canvas');
    await expect(canvas).toBeVisible();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByText('1 mark', { exact: true })).toBeVisible();
    await shot(page, 'evidence-02-annotate');
    await page.getByRole('button', { name: 'Save annotation' }).click();
    await expect(page.getByRole('button', { name: 'Show original' })).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(tiles(page).first().getByText('Annotated')).toBeVisible();
  });

  await test.step('delete one', async () => {
    await page.getByRole('button', { name: 'Delete photo 5' }).click();
    await tiles(page).nth(4).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(tiles(page)).toHaveCount(4);
  });

  await test.step('a corrupt file gets its message; the others are unaffected', async () => {
    const good = photo('orientation-Landscape_1.jpg');
    await page.getByLabel('Add photos to the audit').setInputFiles([{ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: good.subarray(0, good.length >> 1) }]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('One file was not added:');
    await expect(alert).toContainText('"broken.jpg": This JPEG file is damaged and cannot be decoded');
    await expect(tiles(page)).toHaveCount(4);
    await shot(page, 'evidence-03-corrupt');
  });

  await test.step('after a reload the state is as left', async () => {
    await page.reload();
    await thumbsLoaded(page, 4);
    await expect(page.getByLabel('Caption for photo 1')).toHaveValue('Fire exit blocked by boxes');
    await expect(tiles(page).first().getByText('Annotated')).toBeVisible();
    const list = await call<Array<{ originalName: string; caption: string; annotatedSha256: string | null }>>('evidence.list', { auditId: h.auditId });
    expect(list.map((p) => p.originalName)).toEqual(['exit.jpg', 'camera.jpg', 'gps.jpg', 'portrait.jpg']);
    expect(list[0]).toMatchObject({ caption: 'Fire exit blocked by boxes' });
    expect(list[0]!.annotatedSha256).toMatch(/^[0-9a-f]{64}$/);
    await page.goto(`${h.url}#/audit/${h.auditId}/item/s1.i1`);
    await thumbsLoaded(page, 2);
  });

  await test.step('a finalized audit shows its evidence read-only', async () => {
    for (let s = 1; s <= 3; s++) for (let i = 1; i <= 4; i++) await call('responses.save', { auditId: h.auditId, itemId: `s${s}.i${i}`, value: { kind: 'compliance', answer: 'compliant' } });
    // The fixture photos carry their cameras' dates (2008) or the day the test runs, not the audit days.
    for (const w of await call<Array<{ key: string }>>('consistency.list', { auditId: h.auditId })) {
      await call('consistency.acknowledge', { auditId: h.auditId, key: w.key, acknowledged: true, note: 'Test photos are not stamped on the audit days.' });
    }
    await call('audits.finalize', { id: h.auditId });
    await page.goto(`${h.url}#/audit/${h.auditId}/evidence`);
    await thumbsLoaded(page, 4);
    await expect(page.getByRole('button', { name: 'Choose photos…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Delete photo/ })).toHaveCount(0);
    await page.getByRole('button', { name: /^Open photo 1:/ }).click();
    await expect(page.getByRole('button', { name: 'Annotate…' })).toHaveCount(0);
    await shot(page, 'evidence-04-finalized');
  });

  expect(errors).toEqual([]);
});

test('notes, documents reviewed and a private interview on the Evidence view', async ({ page }) => {
  const t = await call<Array<{ id: string }>>('templates.list', {});
  const site = await call<Array<{ id: string }>>('sites.list', {});
  const audit = await call<{ id: string }>('audits.create', { siteId: site[0]!.id, templateId: t.find(Boolean)!.id, type: 'unannounced', startDate: '2026-11-03', endDate: '2026-11-03' });
  const templ = await call<{ template: { sections: Array<{ title: string; items: Array<{ id: string }> }> } }>('templates.get', { id: t.find(Boolean)!.id });
  await page.goto(`${h.url}#/audit/${audit.id}/evidence`);

  await page.getByLabel('New note', { exact: true }).fill('Walked the floor at 06:00\n- fire exit B blocked\n- no drinking water on floor 3');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.ev-text li')).toHaveText(['fire exit B blocked', 'no drinking water on floor 3']);
  const section = `Section: ${templ.template.sections[1]!.title}`;
  await page.getByLabel('Note on').selectOption({ label: section });
  await page.getByLabel('New note', { exact: true }).fill('Canteen seen at lunch, clean.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.ev-list__item').filter({ hasText: 'Canteen seen at lunch' }).locator('.chip')).toHaveText(section);

  const docForm = page.getByRole('form', { name: 'New document' });
  await docForm.getByLabel('Kind').selectOption('time_records');
  await docForm.getByLabel('Title').fill('Clock-in records, weeks 40 to 43');
  await docForm.getByLabel('Find an item by number or words').fill('1.1');
  await docForm.getByLabel('Find an item by number or words').press('Enter');
  await expect(docForm.getByRole('list', { name: 'Linked checklist items: chosen' })).toContainText('1.1');
  await docForm.getByRole('button', { name: 'Add document' }).click();
  await expect(page.getByRole('heading', { name: /Clock-in records, weeks 40 to 43/ })).toBeVisible();
  await page.getByLabel('Add photos of Clock-in records, weeks 40 to 43').setInputFiles([{ name: 'page1.jpg', mimeType: 'image/jpeg', buffer: photo('camera-Canon_40D.jpg') }]);
  await thumbsLoaded(page, 2);

  await page.getByRole('button', { name: 'Record an interview' }).click();
  const form = page.getByRole('form', { name: 'New interview' });
  await form.getByLabel('Code').fill('Maria Santos');
  await form.getByRole('button', { name: 'Save interview' }).click();
  // Named beside the field it is about, and nothing saved.
  await expect(form.getByLabel('Code')).toHaveAccessibleDescription('Use a code such as W-07, never a name');
  await expect(form.getByLabel('Code')).toHaveValue('MARIA SANTOS');
  await shot(page, 'evidence-04-interview-code-error');
  await form.getByLabel('Code').fill('W-07');
  await form.getByLabel('Role or department').fill('Night shift agent');
  await form.getByLabel('Topics (separated by commas)').fill('overtime, wages');
  await form.getByLabel(/The worker consented/).check();
  await form.getByLabel('Notes (private)').fill('Private: says the supervisor keeps passports.');
  await form.getByRole('button', { name: 'Add an excerpt' }).click();
  await form.getByLabel('Excerpt 1').fill('Overtime is not optional here.');
  await form.getByLabel('Include in the report').check();
  await form.getByRole('button', { name: 'Save interview' }).click();
  await expect(page.getByRole('row', { name: /W-07/ })).toContainText('Night shift agent');
  await checkA11y(page, 'evidence view with documents and interviews');
  await shot(page, 'evidence-05-documents-interviews');

  await page.reload();
  await expect(page.getByRole('row', { name: /W-07/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Clock-in records/ })).toBeVisible();
  await expect(page.locator('.ev-text li').first()).toHaveText('fire exit B blocked');

  await page.goto(`${h.url}#/settings`);
  await page.getByLabel(/Reports may show where a photo was taken/).check();
  await expect(page.getByText('Evidence settings saved.')).toBeVisible();
  expect(await call('evidence.settings.get', {})).toEqual({ reportShowsGps: true, maxPhotoMB: 50 });
});

