// Notes, documents and interviews as the auditor records them: a double
// click makes one record, notes are edited and deleted until finalize (each
// an event of the audit trail), and documents and interviews are linked to
// checklist items by picking them by number or words, never by typed ids.
import { test, expect } from '@playwright/test';
import { checkA11y, shot } from './support';
import { useSiteHarness } from './ui-support';

const h = useSiteHarness();

test('double-click "Add note" makes one note; it can be edited and deleted', async ({ page }) => {
  await page.goto(`${h.url}#/audit/${h.auditId}/evidence`);
  await page.getByLabel('New note', { exact: true }).fill('Opening meeting at 08:00 with the HR manager');
  await page.getByRole('button', { name: 'Add note' }).dblclick();
  const notes = page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  await expect(notes).toHaveCount(1);
  await page.waitForTimeout(300);
  expect((await h.call<{ notes: unknown[] }>('audits.get', { id: h.auditId })).notes).toHaveLength(1);

  await page.getByRole('button', { name: 'Edit note 1' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Opening meeting at 08:30 with the HR manager');
  await page.getByRole('button', { name: 'Save note' }).dblclick();
  await expect(notes).toHaveText([/08:30/]);

  await page.getByRole('button', { name: 'Delete note 1…' }).click();
  await shot(page, 'records-01-delete-note');
  await page.getByRole('group', { name: 'Delete note 1?' }).getByRole('button', { name: 'Delete note' }).click();
  await expect(page.getByText('No notes yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No notes yet.')).toBeVisible();
  const chain = await h.call<{ ok: boolean; events: number }>('audits.verifyChain', { id: h.auditId });
  expect(chain.ok).toBe(true);
});

test('documents and interviews link to items picked by number or words', async ({ page }) => {
  const auditId = await h.newAudit();
  await page.goto(`${h.url}#/audit/${auditId}/evidence`);

  const doc = page.getByRole('form', { name: 'New document' });
  await doc.getByLabel('Title').fill('Copies of ID cards, 10 agents');
  const find = doc.getByLabel('Find an item by number or words');
  await find.fill('s2.i2');
  await find.press('Enter');
  await expect(doc.getByRole('alert')).toHaveText('No item matches "s2.i2". Type an item number such as 2.2, or words of its question.');
  await find.fill('identity');
  await doc.getByRole('button', { name: /^Add 2\.2 Identity documents/ }).click();
  await find.fill('1.3');
  await find.press('Enter');
  const chosen = doc.getByRole('list', { name: 'Linked checklist items: chosen' });
  await expect(chosen.getByRole('listitem')).toHaveText([/2\.2 Identity documents/, /1\.3 Check number 1\.3/]);
  await doc.getByRole('button', { name: 'Remove 1.3 Check number 1.3' }).click();
  await expect(chosen.getByRole('listitem')).toHaveCount(1);
  await shot(page, 'records-02-document-picker');
  await doc.getByRole('button', { name: 'Add document' }).dblclick();
  await expect(page.getByRole('heading', { name: /Copies of ID cards/ })).toHaveCount(1);
  await expect(page.getByText('Items: 2.2 Identity documents')).toBeVisible();
  const docs = await h.call<Array<{ itemIds: string[] }>>('documents.list', { auditId });
  expect(docs.map((d) => d.itemIds)).toEqual([['s2.i2']]);

  await page.getByRole('button', { name: 'Record an interview' }).click();
  const form = page.getByRole('form', { name: 'New interview' });
  await form.getByLabel('Role or department').fill('Day shift agent');
  await form.getByLabel('Find an item by number or words').fill('2.2');
  await form.getByLabel('Find an item by number or words').press('Enter');
  await expect(form.getByRole('list', { name: 'Checklist items this interview raised: chosen' })).toContainText('2.2 Identity documents');
  await checkA11y(page, 'evidence view with item pickers');
  await shot(page, 'records-03-interview-picker');
  await form.getByRole('button', { name: 'Save interview' }).dblclick();
  await expect(page.getByRole('row', { name: /W-01/ })).toHaveCount(1);
  const list = await h.call<Array<{ findingsRaised: string[] }>>('interviews.list', { auditId });
  expect(list.map((i) => i.findingsRaised)).toEqual([['s2.i2']]);
});
