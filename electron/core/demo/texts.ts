// What an auditor at a Cebu contact centre would plausibly write. Matched
// to template items by words in their prompts, so the demo reads true
// whatever the exact wording of the built-in checklist.
import type { Severity } from '../../../shared/template/schema';

export interface DemoIssue {
  match: RegExp;
  severity: Severity;
  note: string;
  action: string;
  owner: string;
}

export const DEMO_ISSUES: DemoIssue[] = [
  {
    match: /fire|exit|evacuat/i, severity: 'critical',
    note: 'Level 4 east fire exit partly blocked by stacked spare chairs; the exit sign above it was not lit during the night-shift walk-through.',
    action: 'Clear the east exit corridor, repair the exit sign, and add the corridor to the daily facilities checklist.', owner: 'Facilities manager, R. Villanueva',
  },
  {
    match: /headset|acoustic/i, severity: 'major',
    note: 'Headsets are shared between shifts on the Harbor Telecom floor; no personal ear cushions and no cleaning log since August.',
    action: 'Issue personal ear cushions to every agent, start a cleaning log per hot desk, and check acoustic limiters on all headsets.', owner: 'Operations manager, A. Dizon',
  },
  {
    match: /clean desk|clear screen|paper|written/i, severity: 'major',
    note: 'Sticky notes with customer account numbers found on 3 of 40 workstations checked in the Lumen Health queue.',
    action: 'Remove paper from the PCI floor, brief team leaders, and run weekly clean-desk spot checks with results posted.', owner: 'Information security officer, K. Tan',
  },
  {
    match: /phone|mobile|personal device/i, severity: 'major',
    note: 'Two agents had personal phones at the desk on the PCI floor; lockers at the entrance were full on the night shift.',
    action: 'Add 60 lockers at the floor entrance and enforce the no-phones rule at the badge gate.', owner: 'Site director, M. Fernandez',
  },
  {
    match: /transport|night|commut/i, severity: 'minor',
    note: 'The company shuttle stops at 02:00; agents finishing at 07:00 on weekends travel home on their own.',
    action: 'Extend the shuttle service to the 07:00 shift end on weekends and publish the timetable in the pantry.', owner: 'HR manager, L. Gonzaga',
  },
  {
    match: /contract|written terms|employment terms/i, severity: 'minor',
    note: '4 of 25 sampled agents had no signed copy of their employment contract; all four joined through the staffing agency.',
    action: 'Give every agency agent a signed contract copy in English or Cebuano and keep the acknowledgement on file.', owner: 'HR manager, L. Gonzaga',
  },
];

export const GENERIC_ISSUE = {
  severity: 'minor' as Severity,
  note: 'Practice seen on the floor does not match the written procedure; team leaders were not aware of the requirement.',
  action: 'Brief team leaders on the procedure, correct the practice, and keep records showing the change.',
  owner: 'Quality manager, J. Ramos',
};

export const CHECK_ACTION = {
  action: 'Pay the shortfall to the workers concerned with the next payroll and correct the payroll rule that caused it.',
  owner: 'Payroll supervisor, C. Uy',
};

export const AUDIT_NOTES = [
  'Opening meeting with the site director, HR manager and two team leaders. Floor walk on all three shifts, including the 22:00 night shift.',
  '12 worker interviews held in private in the training room (8 individual, 2 groups of 2), in English and Cebuano.',
];

export const TEXT_ANSWER = 'Reviewed on site with the HR manager; records seen for the last three months.';
