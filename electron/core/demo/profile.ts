// The demo site's profile and the demo auditor's declaration, as an auditor
// at a Cebu contact centre would record them.
import type { AuditDeclaration, CredentialsInput, SiteProfile } from '../../../shared/domain/audit-profile';

export const DEMO_PROFILE: SiteProfile = {
  legalEntity: 'Northwind Customer Solutions Philippines, Inc. (SEC reg. CS201512345)',
  address: 'Tower 2, Cebu IT Park, Lahug, Cebu City 6000, Philippines',
  floors: 'Floors 3 to 5 of 12',
  building: 'Twelve-storey office tower, built 2014; two fire stairs, sprinklers on every floor',
  sharedBuilding: true,
  fireCertificate: 'Fire Safety Inspection Certificate FSIC-R7-2026-0412, Bureau of Fire Protection, Cebu City',
  fireCertificateExpiry: '2027-01-31',
  services: 'Inbound customer care and technical support by voice and chat; back-office claims processing',
  clients: 'Harbor Telecom (voice, chat), Lumen Health Insurance (claims back office)',
  workforce: {
    headcount: 1150, female: 644, male: 498, otherGender: 8,
    permanent: 862, fixedTerm: 96, agency: 172, trainee: 20,
    migrant: 0, nightShift: 410, young: 0,
  },
};

export const DEMO_DECLARATION: AuditDeclaration = {
  limitations: 'The night shift was observed for three hours (22:00 to 01:00). Payroll records of the staffing agency were seen for the 5 sampled agency agents only; the agency office was not visited.',
  disclaimer: '',
  distribution: ['Ramon Villanueva, Site director, Northwind Customer Solutions', 'Supplier compliance, Harbor Telecom', 'Vendor management, Lumen Health Insurance', 'Fairsite demo audits (file copy)'],
};

export const DEMO_CREDENTIALS: CredentialsInput = {
  scheme: 'apsca',
  number: '21700000 (demo)',
  otherScheme: '',
  independence: 'I have no financial, family or employment link with Northwind Customer Solutions, its owners or its clients, and received no payment, gift or hospitality from the site beyond lunch in the staff canteen.',
};
