// Migration 006 (site legal profile): the wage figures of sites made under
// schema 5 move into the profile, which the domain schema reads back whole.
import { describe, expect, it } from 'vitest';
import { LegalProfile } from '../../../../shared/domain/legal-profile';
import { siteFromRow } from '../../../../electron/core/store/repos/rows';
import { AUDIT, databaseAt, upTo } from './seed';

describe('006-site-legal-profile', () => {
  it('carries each site\'s minimum wage, its period and the overtime rate into the profile', () => {
    const db = databaseAt(5);
    db.prepare("UPDATE sites SET min_wage = 67.5 WHERE id = 's'").run();
    db.prepare("INSERT INTO sites (id, name, country, min_wage, min_wage_period, overtime_rate, currency, created_at, updated_at) VALUES ('m', 'Pune', 'IN', NULL, 'month', 2, 'INR', 'now', 'now')").run();
    expect(upTo(db, 6)).toBe(6);

    const rows = db.prepare('SELECT * FROM sites ORDER BY id').all() as Array<Record<string, unknown>>;
    const [monthly, hourly] = rows.map(siteFromRow);
    expect(hourly?.legal).toEqual(LegalProfile.parse({ wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 }));
    expect(monthly?.legal).toMatchObject({ wagePeriod: 'month', minWage: null, overtimeRate: 2, nightRate: null, sources: [] });
    expect(Object.keys(rows[0]!)).not.toContain('min_wage');
    // The audits that point at the sites are untouched.
    expect(db.prepare('SELECT id, site_id FROM audits').all()).toEqual([{ id: AUDIT, site_id: 's' }]);
  });

  it('refuses a profile that is not JSON', () => {
    const db = databaseAt(6);
    expect(() => db.prepare("UPDATE sites SET legal_profile = 'not json' WHERE id = 's'").run()).toThrow(/CHECK/);
    expect(db.prepare("SELECT legal_profile FROM sites WHERE id = 's'").pluck().get()).toBe('{}');
  });
});
