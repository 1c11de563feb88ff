// Templates: stored once per content hash, imported only when valid, and
// the built-in checklist installed on open without duplicates.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { fixtureJson, fixtureTemplate } from './helpers/template-fixture';
import { rejection, tempDir, testCore, type TestCore } from './helpers/core-fixture';

const assets = fileURLToPath(new URL('../../../assets/', import.meta.url));
let t: TestCore | null = null;
afterEach(() => { t?.cleanup(); t = null; });

describe('templates', () => {
  it('imports a valid template once, however its JSON is laid out', async () => {
    t = await testCore();
    const a = await t.call('templates.import', { json: fixtureJson() });
    expect(a).toMatchObject({ key: 'fixture', version: '1.0.0', sections: 3, items: 12, builtIn: false });
    const b = await t.call('templates.import', { json: JSON.stringify(fixtureTemplate(), null, 4) });
    expect(b.id).toBe(a.id);
    const got = await t.call('templates.get', { id: a.id });
    expect(got.template.sections[0]!.items[0]!.rules.requireNoteOn).toEqual(['non_compliant']); // defaults applied and stored
    expect(await t.call('templates.list', {})).toHaveLength(1);
  });

  it('rejects an invalid template with every error by path, storing nothing', async () => {
    t = await testCore();
    const bad = fixtureTemplate() as unknown as { sections: Array<{ items: Array<Record<string, unknown>> }> };
    bad.sections[2]!.items[1]!.kind = 'slider';
    bad.sections[0]!.items[3]!.references = [];
    const e = await rejection(t.call('templates.import', { json: JSON.stringify(bad) }));
    expect(e.code).toBe('rejected');
    const paths = e.fields!.map((f) => f.path);
    expect(paths).toContain('sections[2].items[1].kind');
    expect(paths).toContain('sections[0].items[3].references');
    expect(await t.call('templates.list', {})).toEqual([]);
    const counts = t.core.db.prepare("SELECT count(*) AS n FROM events WHERE entity = 'template'").get();
    expect(counts).toEqual({ n: 0 });
  });

  it('refuses a changed template under an existing version', async () => {
    t = await testCore();
    await t.call('templates.import', { json: fixtureJson() });
    const e = await rejection(t.call('templates.import', { json: fixtureJson({ itemsPerSection: 5 }) }));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/new version number/);
    const next = await t.call('templates.import', { json: fixtureJson({ itemsPerSection: 5, version: '1.1.0' }) });
    expect(next.items).toBe(15);
  });

  it('installs the built-in template on open, once', async () => {
    const dir = tempDir();
    t = await testCore(dir, { assetsDir: assets });
    const list = await t.call('templates.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ key: 'bpo-ethical-compliance', builtIn: true });
    expect(list[0]!.sections).toBeGreaterThanOrEqual(7);
    expect(list[0]!.items).toBeGreaterThanOrEqual(80);
    t.core.close();
    const again = await openCore({ dataDir: t.core.dataDir, secretBox: passphraseBox('x'), assetsDir: assets });
    expect(again.db.prepare('SELECT count(*) AS n FROM templates').get()).toEqual({ n: 1 });
    again.close();
  });
});
