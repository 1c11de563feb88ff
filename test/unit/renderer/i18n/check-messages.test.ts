// The verdicts of the hours and wage checks and the consistency warnings
// travel as messages: every key the code can produce is in the English,
// Spanish and French catalogues (checks namespace), and the UI says them in
// its language with its number format, while the core keeps its English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consistencyWarnings, type ConsistencyInput } from '../../../../electron/core/report/consistency';
import { initI18n } from '../../../../renderer/src/i18n';
import { sayMessage } from '../../../../renderer/src/i18n/messages';
import { LANGUAGES, resources } from '../../../../renderer/src/i18n/resources';
import { hoursLimitsMessage, hoursVerdict, wageBasisMessage, wageVerdict, type WageSite } from '../../../../shared/checks';
import { LegalProfile } from '../../../../shared/domain/legal-profile';
import type { HoursRow, WageRow } from '../../../../shared/domain/response';
import { messageKeys, type Message } from '../../../../shared/messages';
import { ratingExplanationMessages } from '../../../../shared/rating-explanation';
import { severityCaps } from '../../../../shared/rating';
import { Template } from '../../../../shared/template/schema';
import { DEFAULT_BANDS } from '../../../../shared/scoring';

const root = join(__dirname, '../../../..');
const builtIn = Template.parse(JSON.parse(readFileSync(join(root, 'assets/templates/bpo-ethical-compliance.json'), 'utf8')));
const passFail = Template.parse(JSON.parse(readFileSync(join(root, 'test/fixtures/templates/pass-fail.json'), 'utf8')));
const FILES = ['shared/rating-explanation.ts', 'shared/rating.ts', 'shared/scoring.ts', 'shared/hours-check.ts', 'shared/wage-check.ts', 'shared/sample-verdict.ts', 'electron/core/report/consistency.ts', 'electron/core/report/consistency-load.ts'];
// The UI looks a message up in checks, then core (a refusal naming a check's warning is the core's).
const has = (lang: string, key: string) => {
  const ns = { ...resources[lang as 'en'].checks, ...resources[lang as 'en'].core } as Record<string, string>;
  return Boolean(ns[key] ?? ns[`${key}_other`]);
};

const week = (over: Partial<HoursRow> = {}): HoursRow => ({ worker: 'W1', weekStart: '2026-11-02', contracted: 48, overtime: 12, daysWorked: 6, voluntary: true, ...over });
const pay = (over: Partial<WageRow> = {}): WageRow => ({ worker: 'P1', period: 'month', basePay: 12000, regularHours: 160, overtimeHours: 10, overtimePay: 937.5, ...over });
const site = (legal: Record<string, unknown>): WageSite => ({ currency: 'PHP', legal: LegalProfile.parse(legal) });

/** Many verdicts at once, reaching every branch the tests below name. */
function produced(): Message[] {
  const strict = { regularHoursPerWeek: 40, maxHoursPerWeek: 50, maxHoursPerDay: 9, restDaysPerWeek: 1, twoDaysOffIn14: false };
  const hours = [
    hoursVerdict([week({ contracted: 50, overtime: 20, daysWorked: 7, voluntary: false }), week({ worker: '', contracted: null, overtime: null, daysWorked: null }), week({ overtime: 4, voluntary: null, contracted: null })], undefined, { minSample: 10 }),
    hoursVerdict([week({ days: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0] })], undefined, { legal: { ...strict, twoDaysOffIn14: true } }),
    hoursVerdict([week({ weekStart: '', days: [12, 12, 12, 12, 12, 12, 12] })], undefined, { legal: strict }),
    hoursVerdict([week({ daysWorked: 7 })], undefined, { legal: { ...strict, twoDaysOffIn14: true } }),
  ];
  const wage = [
    wageVerdict([pay({ basePay: 100 }), pay({ basePay: null }), pay({ overtimePay: null })], site({ minWage: 12000, overtimeRate: 1.25 }), { hours: [week({ worker: 'P1' })] }),
    wageVerdict([pay({ period: 'hour', basePay: 50, overtimePay: 10, recordedHours: 200, nightHours: 5, nightPay: 0 })], site({ minWage: 60, wagePeriod: 'hour', overtimeRate: 1.1, nightRate: 1.2 })),
    wageVerdict([pay({ period: 'day', basePay: 100, regularHours: 0, daysWorked: 0 })], site({ minWage: 12000 })),
    wageVerdict([pay({ period: 'hour', basePay: 50 })], site({ minWage: 500, wagePeriod: 'day' })),
    wageVerdict([pay({ basePay: 1 })], site({ minWage: null })),
    wageVerdict([pay({ period: 'week', basePay: 1, regularHours: 0, overtimeHours: 3, overtimePay: 1, nightHours: 2, nightPay: null })], site({ minWage: 12000, nightRate: 1.1 })),
  ];
  const consistency = consistencyWarnings({
    startDate: '2026-05-12', endDate: '2026-05-13',
    photos: [{ id: 'p', ref: 'P1', caption: '', capturedAt: '2026-01-01T10:00:00Z' }],
    signatures: [{ role: 'auditor', name: 'A', signedAt: '2026-06-01T10:00:00Z' }, { role: 'site_rep', name: 'B', signedAt: '2026-06-01T10:00:00Z' }],
    methodology: ['1 interview held', '3 interviews held'], interviewsLogged: 2,
    samples: [{ itemId: 'w', title: 'Wage sample', rows: 1, texts: [{ where: { key: 'consistency.itemNote' }, text: '4 workers sampled' }] }],
    hoursRows: [{ worker: 'N', overtime: 5 }], wageRows: [{ worker: 'N', overtimeHours: 0 }],
    actions: [{ findingRef: 'NC-1', findingKind: 'wage', action: 'Same' }, { findingRef: 'NC-2', findingKind: 'hours', action: 'Same' }],
  } satisfies ConsistencyInput);
  return [
    ...hours.flatMap((v) => [...v.reasonMessages, ...v.rows.flatMap((r) => r.messages)]),
    ...wage.flatMap((v) => [...v.reasonMessages, ...v.rows.flatMap((r) => r.messages)]),
    ...consistency.map((w) => w.text),
    hoursLimitsMessage({ contracted: 48, total: 60, maxDaysWorked: 6 }, { ...strict, twoDaysOffIn14: false }),
    hoursLimitsMessage({ contracted: 48, total: 60, maxDaysWorked: 6 }, { regularHoursPerWeek: null, maxHoursPerWeek: null, maxHoursPerDay: null, restDaysPerWeek: null, twoDaysOffIn14: true }),
    wageBasisMessage(site({ minWage: 12000, overtimeRate: 1.1, nightRate: 1.3 })),
    wageBasisMessage(site({ minWage: null })),
    ...ratingExplanationMessages(builtIn.rating, []),
    ...ratingExplanationMessages(passFail.rating, []),
    ...ratingExplanationMessages(undefined, DEFAULT_BANDS),
    ...severityCaps(builtIn.rating!, new Set(['critical', 'major', 'minor'] as const)).map((c) => c.text!),
  ];
}

afterEach(async () => { await initI18n().changeLanguage('en'); });

describe('check and consistency messages', () => {
  it('every key written in the checks and consistency code is in all three catalogues', () => {
    const keys = new Set<string>();
    for (const f of FILES) for (const m of readFileSync(join(root, f), 'utf8').matchAll(/msg\(\s*'([^']+)'/g)) keys.add(m[1]!);
    for (const p of ['hour', 'day', 'week', 'month']) keys.add(`wage.per.${p}`);
    for (const k of ['rating.capSeverity.critical', 'rating.capSeverity.major', 'rating.capSeverity.minor', 'rating.cap.critical', 'rating.cap.major', 'rating.cap.minor', 'hours.breach', 'wage.breach', 'hours.legalLimit', 'hours.limit', 'hours.noDayOff14', 'hours.oneDayOff14', 'hours.hLaw', 'hours.h', 'wage.etiWeek', 'wage.legalWeek', 'consistency.auditorSigned', 'consistency.siteRepSigned', 'wage.belowHourly', 'wage.belowUnit', 'wage.unpaidHours', 'wage.unpaidHoursWorth', 'wage.basisOvertime', 'wage.basisOvertimeEti', 'wage.basisMinNone', 'wage.basisMin', 'hours.noDayOff7', 'hours.moreDaysThan']) keys.add(k);
    expect(keys.size).toBeGreaterThan(60);
    for (const lang of LANGUAGES) expect([...keys].filter((k) => !has(lang, k)), lang).toEqual([]);
  });

  it('every message the checks actually produce has its text in all three languages', () => {
    const keys = new Set(produced().flatMap(messageKeys));
    expect(keys.size).toBeGreaterThan(45);
    for (const lang of LANGUAGES) expect([...keys].filter((k) => !has(lang, k)), lang).toEqual([]);
  });

  it('the core keeps its English sentences; the UI says the same verdict in Spanish and French, figures in their format', async () => {
    const v = wageVerdict([pay({ overtimePay: 937.49 })], site({ minWage: 12000, overtimeRate: 1.25 }), { minSample: 1 });
    expect(v.rows[0]!.reasons).toEqual(['overtime pay 937.49 PHP for 10 h is below the 937.5 PHP due (75 PHP × 1.25 × 10 h)']);
    await initI18n().changeLanguage('es');
    expect(sayMessage(v.rows[0]!.messages[0]!)).toBe('el pago de horas extra de 937,49 PHP por 10 h es inferior a los 937,5 PHP debidos (75 PHP × 1,25 × 10 h)');
    await initI18n().changeLanguage('fr');
    expect(sayMessage(v.reasonMessages[0]!)).toBe('1 relevés de paie échantillonnés sur 1 enfreignent les règles');
    const small = hoursVerdict([week()], undefined, { minSample: 10 });
    expect(sayMessage(small.warningMessages[0]!)).toBe('Seulement 1 travailleur échantillonné : le modèle en demande au moins 10, le résultat peut donc ne pas représenter l’effectif.');
  });

  it('leaves no English in Spanish or French: no produced message falls back to its English text', async () => {
    for (const lang of ['es', 'fr'] as const) {
      await initI18n().changeLanguage(lang);
      for (const m of produced()) {
        const said = sayMessage(m);
        await initI18n().changeLanguage('en');
        const english = sayMessage(m);
        await initI18n().changeLanguage(lang);
        expect(said, m.key).not.toBe(english);
      }
    }
  });
});
