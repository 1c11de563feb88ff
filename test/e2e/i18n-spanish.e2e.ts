// The auditor's day in Spanish (browser locale es-ES): first run, a site
// whose legal minimum is typed "18.500,50" (read as 18500.5), an audit,
// the walkthrough with a wage typed the Spanish way, finalize and export.
// Then the main screens in Spanish and in French, as screenshots.
// Screens owned elsewhere (first run, new audit frame, summary, finalize,
// export) are reached by their own, still English, texts.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { fixtureTemplate } from '../integration/core/helpers/template-fixture';
import { harnessCall, shot } from './support';

test.use({ locale: 'es-ES' });

let h: Harness;
let dir: string;
const call = <T>(op: string, input: unknown) => harnessCall<T>(h.url, op, input);

// A short checklist: one wage sample, two compliance items.
function checklist(): string {
  const t = fixtureTemplate({ key: 'es-e2e', sections: 1, itemsPerSection: 3 });
  const s1 = t.sections[0]!;
  s1.items[0] = { ...s1.items[0]!, prompt: 'Wages meet the legal minimum', kind: 'wage' } as typeof s1.items[number];
  return JSON.stringify(t);
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-es-'));
  h = await createHarness({ dataDir: dir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
});
test.afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const active = (page: Page) => page.locator('.card--active');

test('first run to an exported report in Spanish, numbers read the Spanish way', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let auditId = '';

  await test.step('first run: the profile form and the navigation in Spanish', async () => {
    await page.goto(h.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.getByRole('button', { name: 'El portátil de un auditor' }).click();
    await page.getByLabel('Nombre completo').fill('Ana Reyes');
    await page.getByLabel('Organización').fill('Fair Labour Assurance');
    await page.getByLabel('Correo electrónico').fill('ana@example.org');
    await page.getByLabel('ID de auditor').fill('AUD-0042');
    await page.getByRole('button', { name: 'Guardar y crear mi clave de firma' }).click();
    await page.getByRole('button', { name: 'Continuar a las auditorías' }).click();
    await expect(page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Nueva auditoría' })).toBeVisible();
    await call('templates.import', { json: checklist() });
  });

  await test.step('new site: "18.500,50" is eighteen thousand five hundred and a half', async () => {
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Nueva auditoría' }).click();
    const site = page.getByRole('form', { name: 'Nuevo centro' });
    await site.getByLabel('Nombre del centro').fill('Centro de contacto Medellín');
    await site.getByLabel('Cliente(s)').fill('Acme');
    await site.getByLabel('Dirección').fill('Carrera 43A, Medellín');
    await site.getByLabel('Buscar: país').fill('colombia');
    await expect(site.getByLabel('País', { exact: true })).toHaveValue('CO');
    await site.getByLabel('Número de trabajadores').fill('1.200');
    await site.getByLabel('Periodo salarial').selectOption('month');
    // The English way is refused, with the reason in Spanish.
    await site.getByLabel('Salario mínimo legal').fill('18,500.50');
    await expect(site.getByText('Escriba los decimales después de «,» solo con cifras (18.500,5)')).toBeVisible();
    await site.getByLabel('Salario mínimo legal').fill('18.500,50');
    await site.getByLabel('Recargo de horas extra').fill('1,25');
    await site.getByLabel('Moneda', { exact: true }).selectOption('COP');
    await shot(page, 'es-01-new-site');
    await site.getByRole('button', { name: 'Guardar el centro' }).click();
    await expect(page.getByText('Centro «Centro de contacto Medellín» guardado y seleccionado abajo.')).toBeVisible();
    const [saved] = await call<Array<{ headcount: number; legal: { minWage: number; overtimeRate: number } }>>('sites.list', {});
    expect(saved!.legal.minWage).toBe(18500.5);
    expect(saved!.legal.overtimeRate).toBe(1.25);
    expect(saved!.headcount).toBe(1200);
  });

  await test.step('new audit and its site profile', async () => {
    const audit = page.getByRole('form', { name: 'Nueva auditoría' });
    const option = audit.getByLabel('Plantilla de lista de verificación').locator('option', { hasText: 'es-e2e' });
    await audit.getByLabel('Plantilla de lista de verificación').selectOption({ label: (await option.textContent())! });
    await expect(option).toHaveText('Fixture es-e2e v1.0.0 (3 puntos)');
    await audit.getByLabel('No anunciada').check();
    await audit.getByRole('button', { name: 'Crear la auditoría y empezar' }).click();
    const profile = page.getByRole('form', { name: 'Perfil del centro y de la plantilla' });
    await expect(profile.getByLabel('Trabajadores en el centro (plantilla)')).toHaveValue('1200');
    await profile.getByRole('button', { name: 'Guardar y empezar el recorrido' }).click();
    await expect(page.getByRole('heading', { name: '1. Section 1' })).toBeVisible();
    auditId = /#\/audit\/([^/]+)/.exec(page.url())![1]!;
  });

  await test.step('walkthrough: the wage typed "18.500,50", then the rest answered from the keyboard', async () => {
    await expect(active(page)).toHaveAttribute('data-item-id', 's1.i1');
    await active(page).getByRole('button', { name: 'Añadir trabajador' }).click();
    await active(page).getByLabel('Fila 1: salario base').fill('18.500,50');
    await active(page).getByLabel('Fila 1: horas ordinarias').fill('173');
    await active(page).getByLabel('Fila 1: horas extra').fill('0');
    await active(page).getByLabel('Fila 1: pago de horas extra').fill('0');
    await expect(page.getByTestId('wage-verdict-1')).toContainText('Correcto');
    await expect(page.locator('.save')).toHaveText('Guardado');
    await shot(page, 'es-02-walkthrough');
    const detail = await call<{ responses: Array<{ itemId: string; value: { rows: Array<{ basePay: number }> } }> }>('audits.get', { id: auditId });
    expect(detail.responses.find((r) => r.itemId === 's1.i1')!.value.rows[0]!.basePay).toBe(18500.5);
    await page.keyboard.press('Escape');
    for (const id of ['s1.i2', 's1.i3']) {
      await page.keyboard.press('j');
      await expect(active(page)).toHaveAttribute('data-item-id', id);
      await page.keyboard.press('1');
      await expect(active(page).getByRole('button', { name: /Cumple/ })).toHaveAttribute('aria-pressed', 'true');
    }
    await expect(page.locator('.save')).toHaveText('Guardado');
    // Shown back the Spanish way after a reload.
    await page.goto(`${h.url}#/audit/${auditId}/item/s1.i1`);
    await expect(active(page).getByLabel('Fila 1: salario base')).toHaveValue('18.500,5');
  });

  await test.step('summary: consistency checks acknowledged in Spanish, finalize', async () => {
    await page.getByRole('link', { name: 'Resumen y cierre' }).click();
    const checks = page.getByRole('region', { name: 'Comprobaciones de coherencia' });
    await expect(checks).toBeVisible();
    for (let guard = 0; guard < 10; guard++) {
      const field = checks.getByLabel('Por qué el registro es correcto tal como está').first();
      if (!(await field.count())) break;
      await field.fill('Comprobado en el centro con la dirección.');
      await checks.getByRole('button', { name: 'Reconocer' }).first().click();
      await expect(checks.getByLabel('Por qué el registro es correcto tal como está')).toHaveCount(Math.max(0, (await checks.getByLabel('Por qué el registro es correcto tal como está').count())));
    }
    await shot(page, 'es-03-summary');
    await page.getByRole('button', { name: 'Finalizar la auditoría…' }).click();
    await page.getByRole('button', { name: 'Finalizar y bloquear' }).click();
    await expect(page.getByText('Finalizada: solo lectura.')).toBeVisible();
  });

  await test.step('export the signed report', async () => {
    await page.getByRole('button', { name: 'Exportar PDF' }).click();
    await expect(page.locator('.report-export__done')).toContainText('Informe firmado guardado.', { timeout: 120_000 });
    await shot(page, 'es-04-exported');
  });

  await test.step('main screens in Spanish, then in French', async () => {
    for (const lang of ['es', 'fr'] as const) {
      if (lang === 'fr') {
        await page.goto(`${h.url}#/settings`);
        await page.getByLabel('Idioma de la aplicación').selectOption('fr');
        await expect(page.getByRole('heading', { name: 'Langue' })).toBeVisible();
      }
      await page.goto(`${h.url}#/audit/${auditId}/item/s1.i1`);
      await expect(active(page)).toBeVisible();
      await shot(page, `${lang}-10-walkthrough`);
      await page.goto(`${h.url}#/audit/${auditId}/evidence`);
      await expect(page.locator('.ev-page')).toBeVisible();
      await shot(page, `${lang}-11-evidence`);
      await page.goto(`${h.url}#/audit/${auditId}/summary`);
      await expect(page.locator('.report-panel')).toBeVisible();
      await shot(page, `${lang}-12-summary`);
      await page.goto(`${h.url}#/settings`);
      await expect(page.locator('.language-panel')).toBeVisible();
      await shot(page, `${lang}-13-settings`);
      await page.goto(`${h.url}#/new`);
      await expect(page.locator('form.form').first()).toBeVisible();
      await shot(page, `${lang}-14-new-audit`);
    }
    // The French choice is kept: a new start opens in French.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Nouvel audit' })).toBeVisible();
  });
  expect(errors).toEqual([]);
});
