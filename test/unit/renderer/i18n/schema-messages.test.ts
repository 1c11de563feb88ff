// A schema's own messages travel by key: the core says them in English and
// returns the key with the field error; the UI says the same key in its
// language, in a form (zod in the renderer) and for a core error alike.
// Every key a schema of shared/domain or shared/contract names is in all
// three catalogues.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../../electron/handlers/dispatch';
import { initI18n } from '../../../../renderer/src/i18n';
import { resources, LANGUAGES } from '../../../../renderer/src/i18n/resources';
import { fieldMessage, schemaMessage } from '../../../../renderer/src/i18n/validation';
import { ENGLISH_SCHEMA, setSchemaTranslator, schemaText } from '../../../../shared/schema-messages';
import { renderWith } from '../../../../shared/messages';
import { SiteInput } from '../../../../shared/domain/site';
import { AuditProfileInput } from '../../../../shared/domain/audit-profile';
import { HoursRow } from '../../../../shared/domain/response';
import { plainMessage, ENGLISH_VALIDATION } from '../../../../shared/zod-messages';

const root = join(__dirname, '../../../..');
const sources = (dir: string): string[] => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(root, dir, f), 'utf8'));

const english = (key: string, params?: Record<string, number>) => renderWith({ ...ENGLISH_VALIDATION, ...ENGLISH_SCHEMA }, params ? { key, params } : { key });

afterEach(async () => {
  setSchemaTranslator(english);
  await initI18n().changeLanguage('en');
});

describe('schema-own messages', () => {
  it('leave no English text in the schemas of shared/domain and shared/contract', () => {
    const texts = [...sources('shared/domain'), ...sources('shared/contract')].join('\n');
    // A string literal given to a zod check or custom issue as its message.
    const literal = /\.(?:min|max|regex|int|positive|refine|length)\([^()]*?,\s*['`"][a-z]|message:\s*['`"]/g;
    expect(texts.match(literal) ?? []).toEqual([]);
  });

  it('name only keys that every language translates', () => {
    const used = new Set<string>();
    const texts = [...sources('shared/domain'), ...sources('shared/contract')].join('\n');
    for (const m of texts.matchAll(/(?:says|customIssue)\('([^']+)'/g)) used.add(m[1]!);
    for (const m of texts.matchAll(/key: '(schema\.[^']+)'/g)) used.add(m[1]!);
    for (const w of ['overtime', 'night', 'restDay', 'holiday']) used.add(`schema.rateMin.${w}`);
    expect(used.size).toBeGreaterThan(30);
    for (const lang of LANGUAGES) {
      const ns = resources[lang].validation as Record<string, string>;
      const missing = [...used].filter((k) => !ns[k]);
      expect(missing, lang).toEqual([]);
    }
    // And every English schema text has its translations (nothing kept only in English).
    for (const lang of LANGUAGES) for (const k of Object.keys(ENGLISH_SCHEMA)) expect((resources[lang].validation as Record<string, string>)[k], `${lang} ${k}`).toBeTruthy();
  });

  it('reach the core\'s field errors as key and parameters, with English text', () => {
    const r = SiteInput.safeParse({ name: 'Site', country: 'XX', city: 'C', currency: 'USD' }, { error: plainMessage, reportInput: true });
    expect(r.success).toBe(false);
    const f = fieldErrors(r.error!).find((e) => e.path === 'country');
    expect(f).toEqual({ path: 'country', message: 'choose a country from the list', key: 'schema.country' });

    const h = HoursRow.safeParse({ worker: 'A', weekStart: '', contracted: 48, overtime: 130, daysWorked: 6, voluntary: true }, { error: plainMessage, reportInput: true });
    expect(h.success).toBe(false);
    const fields = fieldErrors(h.error!);
    expect(fields).toContainEqual({ path: 'overtime', message: 'contracted and overtime hours together cannot exceed 168 in 7 days', key: 'schema.weekHours', params: { max: 168 } });
  });

  it('are said in the UI language for a core error and in a form', async () => {
    await initI18n().changeLanguage('es');
    expect(fieldMessage({ path: 'overtime', message: 'x', key: 'schema.weekHours', params: { max: 168 } })).toBe('las horas contratadas y las extra juntas no pueden superar 168 en 7 días');
    setSchemaTranslator(schemaMessage);
    const profile = AuditProfileInput.safeParse({ auditId: '6f1c1b8e-2b7a-4c1e-9d4a-3c2b1a0f9e8d', site: { workforce: { headcount: 10, female: 8, male: 7 } } });
    expect(profile.success).toBe(false);
    expect(profile.error!.issues.map((i) => i.message)).toContain('mujeres, hombres y otros suman 15, más que la plantilla total de 10');
    await initI18n().changeLanguage('fr');
    expect(schemaText('atMost', { max: 1_000_000 })).toBe('ne peut pas dépasser 1\u202f000\u202f000');
  });
});
