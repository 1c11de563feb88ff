// Refusals a screen shows, made for real by the core (a finalized audit's
// actions, the upload address, a weak passphrase, photos that cannot be
// stored, a save that failed, HQ asked for what it does not hold): each
// carries its sentence as a message whose English is the error's message
// (what the command line prints), and the UI says it in Spanish and French,
// with no key, placeholder or English sentence left in it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rejection, seedAudit, tempDir, testCore, type TestCore } from './helpers/core-fixture';
import { makeHq } from '../bundle/hq';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import { envPassphraseBox, passphraseBox } from '../../../electron/core/keys/secret-box';
import { keyVault } from '../../../electron/core/keys/vault';
import { authHeaders } from '../../../electron/core/sync/endpoint';
import { decodePhoto } from '../../../electron/core/evidence/decode';
import { PartWriter } from '../../../electron/core/evidence/receive';
import { desktopDialogHandlers } from '../../../electron/handlers/dialog-handlers';
import { hqEvidenceFile, hqPhoto, hqReport } from '../../../electron/core/hq/read/files';
import { versionOf } from '../../../electron/core/hq/read/version';
import { getHqAudit } from '../../../electron/core/hq/read/audit-detail';
import { hqLabels } from '../../../electron/core/hq/read/labels';
import { checkFilter } from '../../../electron/core/hq/read/filter-values';
import { exportHq } from '../../../electron/core/hq/read/export';
import { handOver } from '../../../electron/core/hq/owners';
import type { Hq } from '../../../electron/core/hq/context';
import { coreEnglish } from '../../../shared/core-messages';
import { AppError } from '../../../shared/errors';
import { initI18n } from '../../../renderer/src/i18n';
import { describeError } from '../../../renderer/src/api/messages';
import { sayMessage } from '../../../renderer/src/i18n/messages';

const today = () => new Date().toISOString().slice(0, 10);
const caught = async (fn: () => unknown): Promise<AppError> => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('nothing was refused');
};

/** The refusal's English is its message said in English; in Spanish and French it is neither English nor a key. */
async function saidEverywhere(what: string, e: AppError): Promise<{ es: string; fr: string }> {
  expect(e.text, what).toBeDefined();
  expect(coreEnglish(e.text!), what).toBe(e.message);
  const out = { es: '', fr: '' };
  for (const lang of ['es', 'fr'] as const) {
    await initI18n().changeLanguage(lang);
    const m = describeError(e);
    expect(m.title, `${lang} ${what}`).not.toBe(e.message);
    expect(m.title, `${lang} ${what}`).not.toMatch(/\{\{|\b(action|trackStatus|sync|key|photo|upload|save|hqRead|handover|hqExport|hqCheck|problem|core)\.[a-zA-Z]/);
    for (const f of m.fields) expect(f.message, `${lang} ${what} ${f.path}`).not.toBe(e.fields!.find((g) => g.path === f.path)!.message);
    out[lang] = m.title;
  }
  await initI18n().changeLanguage('en');
  return out;
}

afterEach(async () => { await initI18n().changeLanguage('en'); });

describe("a finalized audit's corrective actions", () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    await createFullDemo(t.core);
  }, 90_000);
  afterAll(() => t.cleanup());

  it('a step the status cannot take names the statuses in the UI language', async () => {
    const auditId = (await t.call('audits.list', {})).find((a) => a.status === 'finalized')!.id;
    const tracks = await t.call('followup.actions', { auditId });
    const open = tracks.find((x) => x.status === 'open')!;
    const e = await rejection(t.call('followup.updateAction', { actionId: open.actionId, status: 'closed', date: today(), verifiedBy: 'Ana' }));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('An action that is open can move only to in progress or submitted.');
    expect(e.fields).toMatchObject([{ path: 'status', message: 'not allowed from the current status' }]);
    const said = await saidEverywhere('status move', e);
    expect(said.es).toBe('Desde el estado «abierta», una acción solo puede pasar a: en curso o enviada para verificación.');
    expect(said.fr).toBe('Depuis l’état « ouverte », une action ne peut passer qu’à : en cours ou soumise pour vérification.');
    const closed = tracks.find((x) => x.status === 'closed')!;
    const final = await rejection(t.call('followup.updateAction', { actionId: closed.actionId, status: 'in_progress', date: today() }));
    expect(final.message).toBe('This action is closed; a later audit raises a new finding if the issue comes back.');
    expect((await saidEverywhere('closed action', final)).es).toMatch(/^Esta acción está cerrada/);
  });
});

describe('the laptop', () => {
  let t: TestCore;
  let dir: string;
  beforeAll(async () => {
    t = await testCore();
    dir = tempDir('fs-said-');
  });
  afterAll(() => {
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a password over plain http, when saved and when sent', async () => {
    const saved = await rejection(t.call('sync.saveEndpoint', { kind: 'webdav', url: 'http://hq.example.org/up/', auth: 'basic', username: 'ana', secret: 'pw' }));
    expect(saved.message).toMatch(/would travel unencrypted over http:\/\/hq\.example\.org/);
    expect((await saidEverywhere('plain http saved', saved)).es).toContain('viajarían sin cifrar por http://hq.example.org');
    const sent = await caught(() => authHeaders({ kind: 'webdav', url: 'http://hq.example.org/up/', auth: 'bearer', username: '', secret: 't' }));
    await saidEverywhere('plain http sent', sent);
  });

  it('a weak passphrase, in Settings and for a new key on the command line', async () => {
    const vault = keyVault(passphraseBox('system box'), true);
    const weak = await caught(() => vault.usePassphrase(join(dir, 'keys'), 'short'));
    expect(weak.message).toMatch(/^This passphrase is too weak to protect the signing key: it has 5 characters; at least 12 are needed\./);
    expect(weak.fields).toMatchObject([{ path: 'passphrase', message: 'it has 5 characters; at least 12 are needed' }]);
    const said = await saidEverywhere('weak passphrase', weak);
    expect(said.es).toMatch(/^Esta frase de contraseña es demasiado débil .*: tiene 5 caracteres y se necesitan al menos 12\./);
    expect(said.fr).toMatch(/: elle compte 5 caractères, alors qu’il en faut au moins 12\./);
    // The notice that the keychain gives no real protection, beside the passphrase form.
    const notice = vault.protection(join(dir, 'keys'));
    expect(notice.notice).toMatch(/^No keyring \(GNOME Keyring or KWallet\) was found/);
    expect(coreEnglish(notice.noticeText!)).toBe(notice.notice);
    await initI18n().changeLanguage('es');
    expect(sayMessage(notice.noticeText!)).toMatch(/^No se encontró ningún llavero \(GNOME Keyring o KWallet\)/);
    await initI18n().changeLanguage('en');
    const cli = await caught(() => envPassphraseBox({ FAIRSITE_PASSPHRASE: 'Password2024!' }).checkNewSecret!());
    expect(cli.message).toMatch(/: it is a common password with digits or symbols added\. .* Set FAIRSITE_PASSPHRASE to it; no key was made\.$/);
    expect((await saidEverywhere('weak passphrase, command line', cli)).fr).toMatch(/mot de passe courant auquel on a ajouté des chiffres ou des symboles.*aucune clé n’a été créée\.$/);
  });

  it('photos that are not pictures Fairsite reads, and a photo over the size limit', async () => {
    const file = (name: string, bytes: Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const pdf = file('scan.pdf', Buffer.from('%PDF-1.4\n% not a photo\n'));
    const notPhoto = await caught(() => decodePhoto(pdf, 25));
    expect(notPhoto.message).toBe('This file is a PDF document, not a photo: nothing was stored. Add JPEG, PNG, WebP, TIFF or HEIC pictures.');
    expect((await saidEverywhere('a PDF', notPhoto)).es).toBe('Este archivo es un documento PDF, no una foto: no se guardó nada. Añada imágenes JPEG, PNG, WebP, TIFF o HEIC.');
    const bmp = file('old.bmp', Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]));
    await saidEverywhere('a BMP', await caught(() => decodePhoto(bmp, 62)));
    await saidEverywhere('an empty file', await caught(() => decodePhoto(file('empty.jpg', Buffer.alloc(0)), 0)));
    const cut = file('cut.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]));
    const damaged = await caught(() => decodePhoto(cut, 8));
    expect(damaged.message).toMatch(/^This JPEG file is damaged and cannot be read \(.+\): nothing was stored\./);
    await saidEverywhere('a damaged JPEG', damaged);

    const w = await PartWriter.create(join(dir, 'photos'), 3 * 1024 * 1024);
    const big = await caught(() => w.write(Buffer.alloc(3 * 1024 * 1024 + 1)));
    expect(big.message).toBe('This photo is larger than the limit of 3 MB: nothing was stored. Send a smaller copy from the camera or phone, or raise the limit in Settings.');
    expect((await saidEverywhere('too large', big)).fr).toBe('Cette photo dépasse la limite de 3 Mo : rien n’a été enregistré. Envoyez une copie plus petite depuis l’appareil photo ou le téléphone, ou relevez la limite dans les Paramètres.');
  });

  it('an upload refused by name, and chunks out of order', async () => {
    const { audit } = await seedAudit(t);
    const tooBig = await rejection(t.call('evidence.upload.start', { auditId: audit.id, name: 'IMG_0001.jpg', size: 10 * 1024 * 1024 * 1024 }));
    expect(tooBig.message).toMatch(/^"IMG_0001\.jpg": This photo is larger than the limit of \d+ MB/);
    expect((await saidEverywhere('upload too large', tooBig)).es).toMatch(/^«IMG_0001\.jpg»: Esta foto supera el límite de \d+ MB/);
    const { uploadId } = await t.call('evidence.upload.start', { auditId: audit.id, name: 'IMG_0002.jpg', size: 20 });
    const order = await rejection(t.call('evidence.upload.chunk', { uploadId, offset: 5, data: Buffer.from('abc').toString('base64') }));
    expect(order.message).toBe('Chunk at byte 5 arrived out of order (expected byte 0).');
    await saidEverywhere('chunk out of order', order);
    const rejected = await rejection(t.call('evidence.upload.chunk', { uploadId, offset: 0, data: Buffer.alloc(20, 0x41).toString('base64') }).then(() =>
      t.call('evidence.upload.finish', { uploadId, target: { kind: 'audit' }, caption: '' })));
    expect(rejected.message).toMatch(/^"IMG_0002\.jpg": This file is a text file, not a photo/);
    expect((await saidEverywhere('upload of a text file', rejected)).fr).toMatch(/^« IMG_0002\.jpg » : Ce fichier est un fichier texte, pas une photo/);
  });

  it('a save the disk did not take', async () => {
    const taken = join(dir, 'taken');
    mkdirSync(join(taken, 'inside'), { recursive: true });
    const titles: string[] = [];
    const native = {
      showSaveDialog: async (o: { title: string; filters: Array<{ name: string }> }) => { titles.push(`${o.title} (${o.filters[0]!.name})`); return { canceled: false, filePath: join(taken, 'inside') }; },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    };
    const e = await caught(() => desktopDialogHandlers(native, dir)['dialog.save']({ source: { kind: 'text', fileName: 'code.txt', text: 'x' } }, t.core));
    await caught(() => desktopDialogHandlers(native, dir)['dialog.save']({ source: { kind: 'text', fileName: 'code.txt', text: 'x' }, language: 'fr' }, t.core));
    expect(titles).toEqual(['Save as (Text)', 'Enregistrer sous (Texte)']);
    expect(e.code).toBe('storage');
    expect(e.message).toBe(`Not saved to ${join(taken, 'inside')}: the file could not be written. Choose another folder or drive.`);
    expect((await saidEverywhere('save', e)).es).toBe(`No se guardó en ${join(taken, 'inside')}: no se pudo escribir el archivo. Elija otra carpeta u otra unidad.`);
  });
});

describe('headquarters asked for what it does not hold', () => {
  let hq: Hq;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tempDir('fs-said-hq-'), 'r-'));
    hq = await makeHq(root);
  });
  afterAll(() => {
    hq.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('an audit, a version, a photo, a report, an evidence file', async () => {
    const sha = 'ab'.repeat(32);
    const cases: Array<[string, () => unknown]> = [
      ['audit', () => getHqAudit(hq.db, { auditId: 'AUD-NONE' })],
      ['labels', () => hqLabels(hq.db, { auditId: 'AUD-NONE', language: 'es' })],
      ['version', () => versionOf(hq.db, 'AUD-NONE')],
      ['photo', () => hqPhoto(hq, sha, 'thumb')],
      ['report', () => hqReport(hq, sha)],
      ['evidence', () => hqEvidenceFile(hq, sha)],
      ['hand-over', () => handOver(hq.db, { auditId: 'AUD-NONE', toFingerprint: 'abcd'.repeat(16), reason: 'moved' })],
    ];
    for (const [what, fn] of cases) {
      const e = await caught(fn);
      expect(e.code, what).toBe('not_found');
      await saidEverywhere(what, e);
    }
    expect((await saidEverywhere('version', await caught(() => versionOf(hq.db, 'AUD-NONE')))).es).toBe('La sede no tiene la auditoría AUD-NONE. Importe primero el paquete que la contiene.');
  });

  it('a filter naming values HQ does not know: each field, and the whole sentence', async () => {
    const e = await caught(() => checkFilter(hq.db, { client: 'Nobody Ltd', band: 'Z', from: '2026-05-01', to: '2026-01-01' }));
    expect(e.message).toBe('No audit at headquarters is for the client "Nobody Ltd". Choose a client from the list. No audit at headquarters was rated "Z". Choose a band from the list. The period ends (2026-01-01) before it starts (2026-05-01). Put the later date in "to".');
    expect(e.fields!.map((f) => f.path)).toEqual(['filter.client', 'filter.band', 'filter.to']);
    const said = await saidEverywhere('filter', e);
    expect(said.es).toBe('Ninguna auditoría de la sede es del cliente «Nobody Ltd». Elija un cliente de la lista. Ninguna auditoría de la sede obtuvo la banda «Z». Elija una banda de la lista. El período termina (2026-01-01) antes de empezar (2026-05-01). Ponga la fecha posterior en «Hasta».');
  });

  it('an export the disk did not take', async () => {
    const out = join(root, 'exports-here');
    mkdirSync(join(out, 'busy'), { recursive: true });
    const e = await caught(() => exportHq(hq, { what: 'audits', format: 'csv', filter: { includeSuperseded: false } }, { out }));
    expect(e.code).toBe('storage');
    expect(e.message).toBe(`The export was not written to ${out}: the file could not be written. Nothing was left behind; free space or choose another folder and export again.`);
    expect((await saidEverywhere('export', e)).fr).toContain('le fichier n’a pas pu être écrit');
  });
});
