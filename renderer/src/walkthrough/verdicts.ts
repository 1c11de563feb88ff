// The shared checks (the same code the core uses for findings) shaped for
// the live badges next to each row.
import { hoursVerdict, numberVerdict, wageVerdict, type CheckVerdict, type HoursLimits, type HoursOptions, type WageOptions, type WageSite } from '../../../shared/checks';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import type { TemplateItem } from '../../../shared/template/schema';
import { initI18n } from '../i18n';
import { localeFormat, numberLocaleFor } from '../i18n/format';
import { sayMessage } from '../i18n/messages';

export type Level = 'pass' | 'warn' | 'fail' | 'unknown';
export interface RowVerdict { level: Level; reasons: string[] }

export interface SampleVerdicts { rows: RowVerdict[]; warnings: string[] }

// The reasons in the UI language, from the checks' messages.
const shaped = (v: CheckVerdict): SampleVerdicts => ({ rows: v.rows.map((r) => ({ level: r.status, reasons: r.messages.map((m) => sayMessage(m)) })), warnings: v.warningMessages.map((m) => sayMessage(m)) });

export function hoursRowVerdicts(rows: readonly HoursRow[], limits: HoursLimits, opts: HoursOptions = {}): SampleVerdicts {
  return shaped(hoursVerdict(rows, limits, opts));
}

export function wageRowVerdicts(rows: readonly WageRow[], site: WageSite, opts: WageOptions = {}): SampleVerdicts {
  return shaped(wageVerdict(rows, site, opts));
}

type NumberItem = Extract<TemplateItem, { kind: 'number' }>;

export function numberItemVerdict(item: NumberItem, value: number): RowVerdict {
  const t = item.thresholds;
  // Said in the UI language, the figures in its number format.
  const i18n = initI18n();
  const f = localeFormat(i18n.language, numberLocaleFor(i18n.language));
  const say = (key: string, n: number) => i18n.t(key, { ns: 'walkthrough', value: f.number(n), unit: item.unit });
  const limits = [
    t.failBelow !== undefined && say('threshold.failBelow', t.failBelow),
    t.failAbove !== undefined && say('threshold.failAbove', t.failAbove),
    t.warnBelow !== undefined && say('threshold.warnBelow', t.warnBelow),
    t.warnAbove !== undefined && say('threshold.warnAbove', t.warnAbove),
  ].filter((x): x is string => Boolean(x));
  const level = numberVerdict(item, value);
  return { level, reasons: level === 'pass' ? [] : limits };
}
