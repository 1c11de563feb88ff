// Each site carries a legal profile (shared/domain/legal-profile.ts): wage
// period and minimum, overtime, night, rest-day and holiday premiums, regular
// and maximum hours, rest days, and the sources they come from. It is one
// JSON column, checked by the domain schema on every write, so a country's
// profile can grow a field without another rebuild. The three wage columns of
// schema 1 move into it: min_wage_period could only say hour or month, and
// the Philippines and India set daily minimum wages.
import type { Migration } from './types';

export const m006: Migration = {
  version: 6,
  name: 'site-legal-profile',
  up(db) {
    db.exec(`
      ALTER TABLE sites ADD COLUMN legal_profile TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(legal_profile));
      UPDATE sites SET legal_profile = json_object('wagePeriod', min_wage_period, 'minWage', min_wage, 'overtimeRate', overtime_rate);
      ALTER TABLE sites DROP COLUMN min_wage;
      ALTER TABLE sites DROP COLUMN min_wage_period;
      ALTER TABLE sites DROP COLUMN overtime_rate;
    `);
  },
};
