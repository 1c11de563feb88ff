// @vitest-environment jsdom
// HQ names what it stores by the template it holds, in the UI language:
// an audit's choice answers by their option labels (not the stored values),
// its prompts, and the dashboard's findings by section under the sections'
// titles (not their ids); the audit's times in the site's time zone, named,
// though HQ runs in another zone. A real laptop's bundle through the real dispatch.
process.env.TZ = 'Europe/London';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { AuditView } from '../../../../renderer/src/hq/AuditView';
import { DashboardScreen } from '../../../../renderer/src/hq/DashboardScreen';
import { chooseLanguage, initI18n } from '../../../../renderer/src/i18n';
import { answerText } from '../../../../renderer/src/hq/answerText';
import { makeFormat } from '../../../../renderer/src/hq/format';
import { createDispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';
import type { Template } from '../../../../shared/template/schema';
import type { HqAuditDetail } from '../../../../shared/domain/hq';
import { openCore, type Core } from '../../../../electron/core/core';
import { saveProfileWithKey } from '../../../../electron/core/profile-service';
import { createFullDemo } from '../../../../electron/core/demo/evidence';
import { enrolLaptop } from '../../../integration/bundle/hq';
import { exportBundle } from '../../../../electron/core/bundle/export';
import { importBundleFile } from '../../../../electron/core/hq/import';
import { openHq } from '../../../../electron/core/hq/context';
import { passphraseBox } from '../../../../electron/core/keys/secret-box';

// Under jsdom, import.meta.url is http://: HQ's catalogue reads the repository's assets folder instead.
vi.mock('../../../../electron/core/hq/read/templates', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../electron/core/hq/read/templates')>();
  return { ...real, builtInCatalogue: (dir?: string) => real.builtInCatalogue(dir ?? join(process.cwd(), 'assets')) };
});

let root: string;
let laptop: { core: Core; dir: string };
const built = JSON.parse(readFileSync(join(process.cwd(), 'assets/templates/bpo-ethical-compliance.json'), 'utf8')) as Template;
const sectionIds = built.sections.map((s) => s.id);
const es = built.translations!.es!;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqlab-'));
  // HQ in the laptop's own data folder (DATA/hq), where the app's hq.* operations find it.
  // The full demo: its finalized audit carries photos and both signatures.
  const dir = join(root, 'laptop');
  const core = await openCore({ dataDir: dir, secretBox: passphraseBox('laptop-test-passphrase'), assetsDir: join(process.cwd(), 'assets'), appVersion: '0.0.0-test' });
  laptop = { core, dir };
  saveProfileWithKey(core, { name: 'Asha Rao', organisation: 'Fairsite QA', email: 'qa@example.org', auditorId: 'AUD-001' });
  await createFullDemo(core);
  const hq = await openHq(join(laptop.dir, 'hq'), passphraseBox('hq-test-passphrase'));
  enrolLaptop(hq, laptop.core);
  const out = join(root, 'a.fsb');
  await exportBundle(laptop.core, { out, recipient: null });
  const r = await importBundleFile(hq, out);
  hq.close();
  if (r.status !== 'imported') throw new Error(r.message);
}, 120_000);
afterAll(async () => {
  await chooseLanguage('en');
  localStorage.clear();
  laptop?.core.close();
  rmSync(root, { recursive: true, force: true });
});

const transport = () => createDispatch(handlers, laptop.core);

describe('HQ in Spanish', () => {
  test("an audit's choice answers show the template's Spanish option labels, prompts in Spanish", async () => {
    await chooseLanguage('es');
    const audits = await transport()('hq.audits', {}) as { ok: true; value: { rows: Array<{ auditId: string; status: string }> } };
    const auditId = audits.value.rows.find((r) => r.status === 'finalized')!.auditId;
    const detail = (await transport()('hq.audit', { auditId }) as { ok: true; value: HqAuditDetail }).value;
    const choices = detail.answers.filter((a) => a.value?.kind === 'choice');
    expect(choices.length).toBeGreaterThan(0);

    render(<ClientProvider transport={transport()}><AuditView auditId={auditId} /></ClientProvider>);
    const table = await screen.findByRole('table', { name: /respuestas/, hidden: true });
    for (const c of choices) {
      const sectionId = built.sections.find((s) => s.items.some((i) => i.id === c.itemId))!.id;
      const tr = es.sections![sectionId]!.items![c.itemId]!;
      const stored = (c.value as { selected: string[] }).selected;
      const row = within(table).getAllByRole('row', { hidden: true }).find((r) => r.firstElementChild?.textContent === c.itemId)!;
      const cells = within(row).getAllByRole('cell', { hidden: true });
      await waitFor(() => expect(cells[2]!.textContent).toBe(stored.map((v) => tr.options![v]).join(', ')));
      expect(cells[1]!.textContent).toBe(tr.prompt);
      for (const v of stored) expect(cells[2]!.textContent).not.toContain(v);
    }
  });

  test("the audit view names the site's time zone and shows its times in it", async () => {
    await chooseLanguage('es');
    const audits = await transport()('hq.audits', {}) as { ok: true; value: { rows: Array<{ auditId: string; status: string }> } };
    const auditId = audits.value.rows.find((r) => r.status === 'finalized')!.auditId;
    const detail = (await transport()('hq.audit', { auditId }) as { ok: true; value: HqAuditDetail }).value;
    expect(detail.header.site.timeZone).toBe('Asia/Manila');
    expect(detail.signatures.length).toBeGreaterThan(0);
    render(<ClientProvider transport={transport()}><AuditView auditId={auditId} /></ClientProvider>);
    const zone = await screen.findByText('Zona horaria del centro');
    expect(zone.nextElementSibling!.textContent).toBe('Las horas están en la zona horaria del centro, Asia/Manila.');
    const manila = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Manila' });
    const london = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' });
    const signed = detail.signatures[0]!.signedAt;
    const signatures = document.getElementById('sign-h')!.closest('section')!;
    const item = within(signatures).getAllByRole('listitem').find((li) => li.textContent!.includes(detail.signatures[0]!.name))!;
    expect(item.textContent).toContain(`${manila.format(new Date(signed))} (hora de Asia/Manila)`);
    expect(item.textContent).not.toContain(london.format(new Date(signed)));
    // The signer's role in words, not its stored value.
    expect(signatures.textContent).toContain('(Representante del centro)');
    expect(signatures.textContent).not.toContain('site_rep');
  });

  test('the dashboard names sections by their Spanish titles, never by id', async () => {
    await chooseLanguage('es');
    render(<ClientProvider transport={transport()}><DashboardScreen /></ClientProvider>);
    const figure = (await screen.findAllByText('Hallazgos por sección de la lista'))[0]!.closest('figure')!;
    await waitFor(() => {
      const heads = within(figure).getAllByRole('rowheader', { hidden: true }).map((h) => h.textContent);
      expect(heads.length).toBeGreaterThan(0);
      for (const h of heads) expect(sectionIds).not.toContain(h);
      for (const h of heads) expect(Object.values(es.sections!).map((s) => s.title)).toContain(h);
    });
  });
});

describe('a choice answer as words (audit view and revision diff)', () => {
  test("each selected value by the template's label, listed the language's way; a value the template does not name stays as stored", async () => {
    await chooseLanguage('es');
    const t = initI18n().getFixedT('es', 'hq');
    const v = { kind: 'choice' as const, selected: ['biometric', 'manual', 'paper-v2'] };
    expect(answerText(v, t, makeFormat('es'), { biometric: 'Biométrico', manual: 'Manual' })).toBe('Biométrico, Manual y paper-v2');
    expect(answerText(v, t, makeFormat('es'))).toBe('biometric, manual y paper-v2');
  });
});
