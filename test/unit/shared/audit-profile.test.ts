// The site and workforce profile refuses counts that cannot be true, with a
// message that says what to change, at the field concerned.
import { describe, expect, it } from 'vitest';
import { AuditProfileInput, CredentialsInput } from '../../../shared/domain/audit-profile';

const AUDIT = '01900000-0000-7000-8000-00000000a001';
const issues = (site: unknown) => {
  const r = AuditProfileInput.safeParse({ auditId: AUDIT, site });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('audit profile validation', () => {
  it('accepts a plausible workforce and fills defaults', () => {
    const r = AuditProfileInput.parse({ auditId: AUDIT, site: { legalEntity: 'Northwind Inc.', workforce: { headcount: 100, female: 60, male: 40, agency: 10, nightShift: 30, young: 0 } } });
    expect(r.site.workforce.permanent).toBeNull();
    expect(r.declaration).toEqual({ limitations: '', disclaimer: '', distribution: [] });
  });

  it('refuses negative and fractional counts', () => {
    expect(issues({ workforce: { headcount: -1 } })).toEqual(['site.workforce.headcount: enter a whole number of workers, 0 or more']);
    expect(issues({ workforce: { headcount: 10, migrant: 2.5 } })).toEqual(['site.workforce.migrant: enter a whole number of workers, 0 or more']);
  });

  it('refuses parts that add up to more than the headcount', () => {
    expect(issues({ workforce: { headcount: 100, female: 70, male: 40 } })).toEqual(['site.workforce.female: women, men and others add up to 110, more than the headcount of 100']);
    expect(issues({ workforce: { headcount: 100, permanent: 90, agency: 20 } })).toEqual(['site.workforce.permanent: the contract types add up to 110, more than the headcount of 100']);
    expect(issues({ workforce: { headcount: 100, nightShift: 101 } })).toEqual(['site.workforce.nightShift: 101 is more than the headcount of 100']);
    expect(issues({ workforce: { female: 3 } })).toEqual(['site.workforce.headcount: enter the headcount first: the groups below are parts of it']);
  });

  it('refuses an unknown field and a bad expiry date', () => {
    expect(issues({ floors: '3', colour: 'blue' }).length).toBe(1);
    expect(issues({ fireCertificateExpiry: '31/01/2027' })).toEqual(['site.fireCertificateExpiry: use a date such as 2026-11-29']);
  });

  it('asks for the number and the scheme of a credential', () => {
    expect(CredentialsInput.safeParse({ scheme: 'apsca' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['number']);
    expect(CredentialsInput.safeParse({ scheme: 'other', number: '12' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['otherScheme']);
    expect(CredentialsInput.parse({ scheme: 'none' })).toMatchObject({ scheme: 'none', number: '' });
  });
});
