// The HQ configuration package end to end on real folders: headquarters
// publishes (its age key, the upload address, a template), a laptop imports
// it through the dispatch and ends with HQ's key, address and template; a
// package changed after signing, signed by another HQ or by a key other than
// the one HQ gave, or not a package at all is refused and changes nothing;
// templates are versioned like built-in ones (a changed checklist under an
// old version number refused, a new version installed beside the old);
// fetched from a URL on 127.0.0.1 (a redirect refused); and the command line.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { makeHq } from '../bundle/hq';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { publishHqConfig } from '../../../electron/core/hqconfig/publish';
import { recipientOf } from '../../../electron/core/bundle/age';
import { loadHqIdentity } from '../../../electron/core/hq/keys';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';
import type { Hq } from '../../../electron/core/hq/context';
import type { AppErrorData } from '../../../shared/errors';
import type { Message } from '../../../shared/messages';
import { coreEnglish } from '../../../shared/core-messages';
import type { HqConfigApplied } from '../../../shared/domain/hq-config';

const BUILT_IN = JSON.parse(readFileSync(join(process.cwd(), 'assets/templates/bpo-ethical-compliance.json'), 'utf8')) as Record<string, unknown>;
/** HQ's own checklist: the built-in one under HQ's key and a version, its name changed when its content is. */
const template = (version: string, name = 'Acme BPO checklist') => JSON.stringify({ ...BUILT_IN, key: 'acme-bpo', version, name });
const UPLOAD = { kind: 'webdav' as const, url: 'https://hq.example.org/dav/inbox' };

let root: string;
let hq: Hq;
let other: Hq;
let laptop: Laptop;
let server: Server;
let base: string;
const served = new Map<string, { status: number; body: string; location?: string }>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqcfg-'));
  hq = await makeHq(root);
  other = await makeHq(root);
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  server = createServer((req, res) => {
    const r = served.get(req.url ?? '') ?? { status: 404, body: 'no' };
    res.writeHead(r.status, r.location ? { location: r.location } : { 'content-type': 'application/json' });
    res.end(r.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  hq.close();
  other.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

const call = async (op: string, input: unknown) => createDispatch(handlers, laptop.core)(op, input);
const ok = async <T,>(op: string, input: unknown): Promise<T> => {
  const env = await call(op, input);
  if (!env.ok) throw new Error(`${op}: ${env.error.message}`);
  return env.value as T;
};
const refused = async (op: string, input: unknown): Promise<AppErrorData> => {
  const env = await call(op, input);
  if (env.ok) throw new Error(`${op} was accepted`);
  return env.error;
};
/** What an import may change on the laptop: its settings, templates and event log. */
const state = () => ({
  settings: laptop.core.db.prepare('SELECT key, value FROM settings ORDER BY key').all(),
  templates: laptop.core.db.prepare('SELECT id, key, version, hash FROM templates ORDER BY id').all(),
  events: laptop.core.db.prepare('SELECT count(*) AS n FROM events').get(),
});

describe('HQ configuration package', () => {
  let first: Awaited<ReturnType<typeof publishHqConfig>>;

  test('round trip: HQ publishes, the laptop imports its key, upload address and template', async () => {
    first = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [template('1.0.0')] }, new Date('2026-11-01T09:00:00Z'));
    expect(first.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const applied = await ok<HqConfigApplied>('hqConfig.import', { text: first.text, expectFingerprint: first.fingerprint.toUpperCase().replace(/ /g, '') });
    const recipient = await recipientOf(loadHqIdentity(hq));
    expect(applied).toMatchObject({ organisation: 'Acme Compliance', fingerprint: first.fingerprint, hqRecipient: recipient, upload: { kind: 'webdav', url: `${UPLOAD.url}/` } });
    expect(applied.templates).toEqual([{ key: 'acme-bpo', version: '1.0.0', name: 'Acme BPO checklist', installed: true }]);
    const s = await ok<{ endpoint: { url: string; auth: string }; hqRecipient: string }>('sync.settings', {});
    expect(s).toMatchObject({ hqRecipient: recipient, endpoint: { url: `${UPLOAD.url}/`, auth: 'none' } });
    const templates = await ok<Array<{ key: string; version: string; builtIn: boolean }>>('templates.list', {});
    expect(templates.filter((t) => t.key === 'acme-bpo')).toMatchObject([{ version: '1.0.0', builtIn: false }]);
    expect((await ok<{ imported: HqConfigApplied }>('hqConfig.status', {})).imported.fingerprint).toBe(first.fingerprint);
    // The same package again changes nothing new.
    expect((await ok<HqConfigApplied>('hqConfig.import', { text: first.text })).templates[0]!.installed).toBe(false);
  });

  test('tampered, wrong signer, wrong expected key, older and malformed packages are refused and change nothing', async () => {
    const before = state();
    const pkg = JSON.parse(first.text) as { body: { upload: { url: string }; hqRecipient: string; templates: Array<{ name: string }> }; signature: { value: string } };
    const tampered = [
      { ...pkg, body: { ...pkg.body, upload: { ...pkg.body.upload, url: 'https://attacker.example.net/inbox' } } },
      { ...pkg, body: { ...pkg.body, templates: [{ ...pkg.body.templates[0]!, name: 'Softer checklist' }] } },
      { ...pkg, signature: { ...pkg.signature, value: Buffer.alloc(64, 7).toString('base64') } },
    ];
    for (const t of tampered) {
      const e = await refused('hqConfig.import', { text: JSON.stringify(t) });
      expect(e.code).toBe('rejected');
      expect(e.message).toMatch(/changed after HQ signed it.*Nothing was changed\./);
      // The refusal travels as its message for the UI; the English is that message said in English.
      expect(e.text).toEqual({ key: 'hqConfig.refused', params: { reason: { key: 'hqConfig.badSignature' } } });
      expect(coreEnglish(e.text!)).toBe(e.message);
    }
    // Re-spaced but unchanged: the signature covers the content, not the layout.
    expect((await ok<HqConfigApplied>('hqConfig.import', { text: JSON.stringify(pkg) })).fingerprint).toBe(first.fingerprint);

    const stranger = await publishHqConfig(other, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [] }, new Date('2026-11-02T09:00:00Z'));
    const wrong = await refused('hqConfig.import', { text: stranger.text });
    expect(wrong.message).toContain(`not by the HQ whose configuration this laptop took before (${first.fingerprint})`);
    expect(wrong.text?.params?.reason).toEqual({ key: 'hqConfig.notTrustedKey', params: { fingerprint: stranger.fingerprint, trusted: first.fingerprint } });
    expect((await refused('hqConfig.import', { text: first.text, expectFingerprint: stranger.fingerprint })).message).toContain('not by the key HQ gave you');
    const older = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [] }, new Date('2026-10-01T09:00:00Z'));
    expect((await refused('hqConfig.import', { text: older.text })).message).toContain('older than the one already imported');
    for (const text of ['not json at all', '{}', first.text.slice(0, first.text.length / 2), JSON.stringify({ ...pkg, formatVersion: 2 })]) {
      const e = await refused('hqConfig.import', { text });
      expect(e.code, text.slice(0, 20)).toBe('rejected');
      expect(e.message).toMatch(/not an HQ configuration package.*Nothing was changed\./);
      expect((e.text?.params?.reason as Message).key).toMatch(/^hqConfig\.(notJson|unreadable)$/);
      expect(coreEnglish(e.text!)).toBe(e.message);
    }
    expect(state()).toEqual(before);
  });

  test('templates are versioned like built-in ones: changed content under an old version refused whole, a new version installed beside the old', async () => {
    const before = state();
    const changed = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: { kind: 'webdav', url: 'https://hq.example.org/dav/other' }, templates: [template('1.0.0', 'Acme BPO checklist (changed)')] }, new Date('2026-11-03T09:00:00Z'));
    const e = await refused('hqConfig.import', { text: changed.text });
    expect(e.message).toMatch(/version 1\.0\.0 is already installed.*new version number.*Nothing was changed\./);
    expect(e.text?.params?.reason).toEqual({ key: 'template.versionTaken', params: { key: 'acme-bpo', version: '1.0.0' } });
    // Not even the new upload address was kept.
    expect(state()).toEqual(before);

    const next = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [template('1.0.0'), template('1.1.0', 'Acme BPO checklist 1.1')] }, new Date('2026-11-04T09:00:00Z'));
    const applied = await ok<HqConfigApplied>('hqConfig.import', { text: next.text });
    expect(applied.templates.map((t) => [t.version, t.installed])).toEqual([['1.0.0', false], ['1.1.0', true]]);
    const versions = (await ok<Array<{ key: string; version: string; id: string }>>('templates.list', {})).filter((t) => t.key === 'acme-bpo');
    expect(versions.map((t) => t.version).sort()).toEqual(['1.0.0', '1.1.0']);
    expect(versions.find((t) => t.version === '1.0.0')!.id).toBe((before.templates as Array<{ key: string; version: string; id: string }>).find((t) => t.key === 'acme-bpo')!.id);
  });

  test('HQ refuses to sign an invalid template or one version twice', async () => {
    await expect(publishHqConfig(hq, { organisation: '', upload: UPLOAD, templates: ['{"key": "x"}'] })).rejects.toThrow(/Template 1 has \d+ problems?; nothing was published/);
    await expect(publishHqConfig(hq, { organisation: '', upload: UPLOAD, templates: [template('2.0.0'), template('2.0.0')] })).rejects.toThrow(/given twice/);
  });

  test('from a URL on this computer: fetched from that address only; a redirect, an error status and plain http elsewhere are refused', async () => {
    const latest = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [] }, new Date('2026-11-05T09:00:00Z'));
    served.set('/config.fshq', { status: 200, body: latest.text });
    served.set('/moved', { status: 302, body: '', location: `${base}/config.fshq` });
    expect((await ok<HqConfigApplied>('hqConfig.importUrl', { url: `${base}/config.fshq` })).issuedAt).toBe('2026-11-05T09:00:00.000Z');
    const before = state();
    expect((await refused('hqConfig.importUrl', { url: `${base}/moved` })).message).toMatch(/redirect elsewhere, which is refused/);
    expect((await refused('hqConfig.importUrl', { url: `${base}/missing` })).message).toMatch(/answered 404/);
    expect((await refused('hqConfig.importUrl', { url: 'http://hq.example.org/config.fshq' })).code).toBe('invalid_input');
    expect(state()).toEqual(before);
  });
});

describe('command line', () => {
  const io = (env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const x: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env: { FAIRSITE_PASSPHRASE: 'hq-test-passphrase', ...env } };
    return { io: x, out, err };
  };

  test('fairsite hq publish-config, then fairsite config import on a fresh laptop; a tampered file exits 1 with the reason', async () => {
    const hqDir = join(root, 'cli-hq');
    const tpl = join(root, 'acme.json');
    writeFileSync(tpl, template('3.0.0', 'Acme BPO checklist 3'));
    const file = join(root, 'hq.fshq');
    const p = io();
    expect(await main(['hq', 'publish-config', '--data', hqDir, '--upload', 'https://hq.example.org/dav/inbox', '--organisation', 'Acme', '--out', file, tpl], p.io), p.err.join('\n')).toBe(0);
    expect(p.out[1]).toMatch(/^Signed by HQ's configuration key [0-9a-f ]+: give laptops/);
    const fresh = await makeLaptop('Ben Okafor', 'AUD-002', root);
    const dir = fresh.dir;
    fresh.core.close();
    const laptopEnv = { FAIRSITE_PASSPHRASE: 'laptop-test-passphrase' };
    const l = io(laptopEnv);
    expect(await main(['config', 'import', '--data', dir, file], l.io), l.err.join('\n')).toBe(0);
    expect(l.out.join('\n')).toMatch(/Template Acme BPO checklist 3 \(acme-bpo 3\.0\.0\): installed/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('https://hq.example.org/dav/inbox', 'https://evil.example.net/inbox'));
    const t = io(laptopEnv);
    expect(await main(['config', 'import', '--data', dir, file], t.io)).toBe(1);
    expect(t.err.join('\n')).toMatch(/changed after HQ signed it/);
  }, 60_000);
});
