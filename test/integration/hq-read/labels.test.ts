// hq.labels over a real organisation: the template HQ holds for an audit
// names its sections, prompts and choice options in the language asked for
// where the template has it, in its own language elsewhere; the dashboard
// (no audit) gets the names of every current audit's template; an audit HQ
// does not hold is refused by name.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOrg, type Org } from './org';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import type { Template } from '../../../shared/template/schema';

let root: string;
let org: Org;
const built = JSON.parse(readFileSync(join(process.cwd(), 'assets/templates/bpo-ethical-compliance.json'), 'utf8')) as Template;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hql-'));
  org = await makeOrg(root, { hqInB: true });
}, 120_000);
afterAll(() => {
  org.close();
  rmSync(root, { recursive: true, force: true });
});

const call = async (op: string, input: unknown) => {
  const r = await createDispatch(handlers, org.b.core)(op as never, input as never) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!r.ok) throw Object.assign(new Error(r.error!.message), { code: r.error!.code });
  return r.value as never;
};

describe('hq.labels', () => {
  test("one audit's choice options, prompts and section titles in Spanish and French, from the template's translations", async () => {
    const audits = await call('hq.audits', {}) as { rows: Array<{ auditId: string }> };
    const auditId = audits.rows[0]!.auditId;
    const choice = built.sections.flatMap((s) => s.items.map((i) => ({ s, i }))).find(({ i }) => i.kind === 'choice')!;
    const option = (choice.i as { options: Array<{ value: string; label: string }> }).options[0]!;
    for (const lang of ['es', 'fr'] as const) {
      const labels = await call('hq.labels', { auditId, language: lang }) as { languages: string[]; sections: Record<string, string>; items: Record<string, { prompt: string; options: Record<string, string> }> };
      const tr = built.translations![lang]!.sections![choice.s.id]!;
      expect(labels.languages).toEqual(['en', 'es', 'fr']);
      expect(labels.sections[choice.s.id]).toBe(tr.title);
      expect(labels.items[choice.i.id]!.prompt).toBe(tr.items![choice.i.id]!.prompt);
      expect(labels.items[choice.i.id]!.options[option.value]).toBe(tr.items![choice.i.id]!.options![option.value]);
      expect(labels.items[choice.i.id]!.options[option.value]).not.toBe(option.label);
    }
  });

  test("a language the template lacks falls back to the template's own; a regional tag reads its base language", async () => {
    const de = await call('hq.labels', { language: 'de' }) as { sections: Record<string, string>; items: Record<string, { options: Record<string, string> }> };
    for (const s of built.sections) expect(de.sections[s.id]).toBe(s.title);
    const mx = await call('hq.labels', { language: 'es-MX' }) as { sections: Record<string, string> };
    for (const s of built.sections) expect(mx.sections[s.id]).toBe(built.translations!.es!.sections![s.id]!.title);
  });

  test('an audit HQ does not hold is refused by name', async () => {
    await expect(call('hq.labels', { auditId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', language: 'es' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
