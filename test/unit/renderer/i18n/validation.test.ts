// Validation text by key and parameters, in the UI language: zod's checks in
// a form, the core's field errors, typed numbers. English stays the core's.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { initI18n } from '../../../../renderer/src/i18n';
import { fieldMessage, numberMessage, translatedIssue } from '../../../../renderer/src/i18n/validation';
import { parseNumber } from '../../../../shared/locale-number';
import { plainMessage } from '../../../../shared/zod-messages';

const first = (schema: z.ZodType, value: unknown, error: typeof plainMessage) => {
  const r = schema.safeParse(value, { error });
  return r.success ? undefined : r.error.issues[0]!.message;
};

afterEach(async () => { await initI18n().changeLanguage('en'); });

describe('validation messages in the UI language', () => {
  it('says a too-long text and a missing value in Spanish and French, and the core keeps English', async () => {
    const s = z.object({ name: z.string().max(40) });
    expect(first(s, { name: 'x'.repeat(41) }, plainMessage)).toBe('at most 40 characters');
    await initI18n().changeLanguage('es');
    expect(first(s, { name: 'x'.repeat(41) }, translatedIssue)).toBe('como máximo 40 caracteres');
    expect(first(s, {}, translatedIssue)).toBe('obligatorio');
    await initI18n().changeLanguage('fr');
    expect(first(s, { name: 'x'.repeat(41) }, translatedIssue)).toBe('40 caractères au maximum');
    expect(first(z.number().min(0), -1, translatedIssue)).toBe('ne peut pas être négatif');
  });

  it('translates a core field error by its key, and shows a keyless one as written', async () => {
    await initI18n().changeLanguage('es');
    expect(fieldMessage({ path: 'name', message: 'at most 1 character', key: 'textMax', params: { count: 1 } })).toBe('como máximo 1 carácter');
    expect(fieldMessage({ path: 'x', message: 'Pick a site first' })).toBe('Pick a site first');
  });

  it('says why a typed number is refused, with the separators of the number locale', async () => {
    await initI18n().changeLanguage('es');
    const p = parseNumber('1.50', 'es-ES');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(numberMessage(p)).toBe('Aquí no se lee como número: «.» separa los miles y «,» inicia los decimales (18.500,5)');
    expect(parseNumber('18.500,50', 'es-ES')).toEqual({ ok: true, value: 18500.5 });
    const h = parseNumber('200', 'es-ES', { max: 168, unit: 'horas' });
    if (!h.ok) expect(numberMessage(h)).toBe('Como máximo 168 horas');
  });
});
