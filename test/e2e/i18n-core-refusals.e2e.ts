// Refusals the core sends as messages, on screen in Spanish (browser locale
// es-ES): a file added as a photo that is a PDF, and an upload address that
// would send a password over plain http (the form shows it at its field). The English the core also sends is
// not what the screen shows.
import { test, expect } from '@playwright/test';
import { shot } from './support';
import { useEvidenceHarness } from './evidence-support';

test.use({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });

const h = useEvidenceHarness();

test('refusals of the laptop in Spanish: a PDF added as a photo, a password over plain http', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('evidence: a PDF is not a photo', async () => {
    await page.goto(`${h.url}#/audit/${h.auditId}/evidence`);
    await page.getByLabel('Añadir fotos a la auditoría').setInputFiles([{ name: 'acta-cierre.pdf', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4\n% acta de la reunión de cierre\n') }]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('«acta-cierre.pdf»: Este archivo es un documento PDF, no una foto: no se guardó nada. Añada imágenes JPEG, PNG, WebP, TIFF o HEIC.');
    await expect(alert).not.toContainText('not a photo');
    await shot(page, 'es-refusal-01-pdf-as-photo');
  });

  await test.step('sync settings: a password over plain http', async () => {
    await page.goto(`${h.url}#/sync`);
    const form = page.getByRole('form', { name: 'Dirección' });
    await form.getByLabel('Dirección').fill('http://sede.ejemplo.org/subidas/');
    await form.getByLabel('Usuario').fill('ana');
    await form.getByLabel('Contraseña').fill('no-se-muestra');
    await form.getByRole('button', { name: 'Guardar dirección de subida' }).click();
    // The form names the field the core refused, in the field's own words.
    await expect(form.getByText(/^debe ser https:\/\/ cuando se envía una contraseña o un token$/i)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/must be https|would travel unencrypted/);
    await form.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'es-refusal-02-plain-http');
  });
  expect(errors).toEqual([]);
});
