// The core's own sentences on screen in Spanish (browser locale es-ES): a
// report's progress in the export panel, a bundle headquarters refused in
// the inbox (the verifier's detail too), an HQ configuration package refused
// in Settings, and an HQ database address refused in HQ settings. Each
// arrives from the core as a message and is said through i18next; the
// English the core also sends is not what the screen shows.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { harnessCall, shot } from './support';
import { addPhotos } from '../integration/bundle/laptop';

test.use({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });

let root: string;
let laptop: Harness;
let hq: Harness;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = mkdtempSync(join(tmpdir(), 'fairsite-e2e-core-texts-'));
  laptop = await createHarness({ dataDir: join(root, 'laptop'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  hq = await createHarness({ dataDir: join(root, 'hq'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  await harnessCall(laptop.url, 'install.choose', { role: 'laptop' });
  await harnessCall(laptop.url, 'profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana.reyes@example.org', auditorId: 'AUD-0042' });
  await harnessCall(hq.url, 'install.choose', { role: 'hq' });
});
test.afterAll(async () => {
  await laptop?.close();
  await hq?.close();
  rmSync(root, { recursive: true, force: true });
});

/**
 * Holds the report job's progress on screen: the first answer of jobs.get
 * that names a step is passed on, and the next polls wait until `release`
 * (the job itself runs on).
 * The step shown is the core's own, at a real moment of a real export.
 */
async function holdFirstStep(page: Page): Promise<{ step: Promise<{ key: string }>; release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((r) => { release = r; });
  let found: (k: { key: string }) => void = () => {};
  const step = new Promise<{ key: string }>((r) => { found = r; });
  let holding = false;
  await page.route('**/api/call', async (route) => {
    const body = route.request().postDataJSON() as { op: string };
    if (body.op !== 'jobs.get') return route.continue();
    if (holding) await released;
    const res = await route.fetch();
    const env = await res.json() as { ok: boolean; value?: { state: string; text?: { key: string } } };
    if (env.ok && env.value?.state === 'running' && env.value.text && !holding) {
      holding = true;
      found(env.value.text);
    }
    await route.fulfill({ response: res, json: env });
  });
  return { step, release };
}

test('the core\'s sentences in Spanish: report progress, a refused bundle, a refused HQ configuration', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('export progress: the step the core names, in Spanish', async () => {
    const { auditIds } = await harnessCall<{ auditIds: string[] }>(laptop.url, 'demo.create', {});
    const audits = await harnessCall<Array<{ id: string; status: string }>>(laptop.url, 'audits.list', {});
    const open = audits.find((a) => a.status !== 'finalized' && auditIds.includes(a.id))!;
    // Photos: the report must still be running when the panel polls (every 200 ms); it lays
    // out about 200 photos a second, so 12 or 40 could end before the first poll.
    await addPhotos(laptop.core, open.id, 150, 800, 600);
    const hold = await holdFirstStep(page);
    await page.goto(`${laptop.url}#/audit/${encodeURIComponent(open.id)}/summary`);
    await page.getByRole('button', { name: 'Exportar PDF borrador' }).click();
    let seen = false;
    const seenStep = hold.step.then((s) => { seen = true; return s; });
    // Fails at once, saying why, if the report ends before any poll found it at a step.
    const endedFirst = page.locator('.report-export__done').waitFor({ timeout: 60_000 }).then(
      () => { if (!seen) throw new Error('The report was made before any poll found it at a step: give it more photos.'); },
      () => undefined,
    );
    const step = await Promise.race([seenStep, endedFirst.then(() => seenStep)]);
    const progress = page.locator('.report-export__progress');
    await expect(progress).toBeVisible();
    // The core's English for the steps is never what the panel says.
    await expect(progress).not.toContainText(/Reading the audit|Cover|Summary|Non-compliances|Findings by section|Photo appendix|Laid out|Saving/);
    await expect(progress).toContainText(/Leyendo la auditoría|Portada|Resumen|No conformidades|Hallazgos por sección|Análisis y plan de acción|Firmas|Anexo fotográfico: \d+ de \d+|Maquetado|Guardando/);
    expect(step.key).toMatch(/^progress\./);
    await progress.scrollIntoViewIfNeeded();
    await shot(page, 'es-core-01-export-progress');
    hold.release();
    await expect(page.locator('.report-export__done')).toBeVisible({ timeout: 120_000 });
    await page.unroute('**/api/call');
  });

  await test.step('HQ inbox: a file that is no bundle, refused in Spanish', async () => {
    const notBundle = join(root, 'acta-reunion.fsb');
    writeFileSync(notBundle, 'Acta de la reunión de cierre.\n'.repeat(20));
    const { jobId } = await harnessCall<{ jobId: string }>(hq.url, 'hq.importInbox', { paths: [notBundle], source: 'picked' });
    for (let i = 0; i < 100; i++) {
      const job = await harnessCall<{ state: string }>(hq.url, 'jobs.get', { id: jobId });
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.goto(`${hq.url}#/hq/inbox`);
    const row = page.locator('tr[data-status="rejected"]').first();
    // The reason its code names, then the verifier's detail: a message too, said in Spanish, no English kept folded beside it.
    await expect(row).toContainText('No es un paquete de Fairsite. El archivo no es un paquete de Fairsite (no es un archivo zip).');
    await expect(row).not.toContainText('Detalles tal como se registraron (en inglés)');
    await expect(row).not.toContainText('not a zip archive');
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'es-core-02-hq-refused-bundle');
  });

  await test.step('Settings: an HQ configuration that is not one, refused in Spanish', async () => {
    await page.goto(`${laptop.url}#/settings`);
    const panel = page.getByRole('region', { name: 'Importar la configuración de la sede' });
    const file = join(root, 'config.fshq');
    writeFileSync(file, 'no es JSON');
    await page.locator('[data-testid="hq-config-drop"] input[type="file"]').setInputFiles(file);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Este archivo no es un paquete de configuración de la sede (no es JSON). Pida el archivo de nuevo a la sede. No se ha cambiado nada.');
    await expect(alert).not.toContainText('Nothing was changed');
    await panel.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'es-core-03-hq-config-refused');
  });

  await test.step('HQ settings: database addresses refused in Spanish, the password nowhere on screen', async () => {
    await page.goto(`${hq.url}#/hq/settings`);
    const panel = page.getByRole('region', { name: 'Base de datos' });
    await panel.getByRole('radio', { name: 'un servidor PostgreSQL' }).check();
    const save = panel.getByRole('button', { name: 'Probar la conexión y guardar' });
    await panel.getByLabel('Dirección del servidor').fill('mysql://sede@bd.ejemplo.org/fairsite');
    await save.click();
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('La dirección debe empezar por postgres:// o postgresql://. Escríbala como postgres://usuario@servidor:5432/basededatos');
    await expect(alert).not.toContainText('must start with');
    // No server answers on port 1: the core's reason in Spanish, the driver's own words as its parameter.
    await panel.getByLabel('Dirección del servidor').fill('postgres://sede@127.0.0.1:1/fairsite');
    await panel.getByLabel('Contraseña').fill('no-se-muestra-nunca');
    await save.click();
    await expect(alert).toContainText('No se pudo conectar con la base de datos PostgreSQL de la sede en postgres://sede:***@127.0.0.1:1/fairsite (connect ECONNREFUSED');
    await expect(alert).toContainText('No se guardó nada');
    await expect(alert).not.toContainText('could not be reached');
    await expect(page.getByText('no-se-muestra-nunca')).toHaveCount(0);
    await panel.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'es-core-04-hq-database-refused');
  });
  expect(errors).toEqual([]);
});
