// What an auditor at a Cebu contact centre would plausibly write. Matched
// to template items by words in their prompts, so the demo reads true
// whatever the exact wording of the built-in checklist.
import type { Severity } from '../../../shared/template/schema';

export interface DemoIssue {
  /** The built-in template's item; `match` finds a similar item in other templates. */
  itemId: string;
  match: RegExp;
  severity: Severity;
  note: string;
  action: string;
  owner: string;
}

export const DEMO_ISSUES: DemoIssue[] = [
  {
    itemId: 'hs.evacuation-drills', match: /evacuation|drill/i, severity: 'major',
    note: 'The last evacuation drill was 11 months ago and did not include the night shift; 3 of 8 agents asked did not know the assembly point.',
    action: 'Hold a drill on each of the three shifts, then every six months, and record attendance and evacuation times.', owner: 'Facilities manager, R. Villanueva',
  },
  {
    itemId: 'wh.unpaid-time', match: /unpaid|log-in|briefing/i, severity: 'major',
    note: 'The 15-minute pre-shift briefing and system log-in time are not paid: agents badge in at 05:40 for a 06:00 paid start.',
    action: 'Pay the briefing and log-in time from the badge-in time, with back pay for the last 12 months.', owner: 'Payroll supervisor, C. Uy',
  },
  {
    itemId: 'sec.endpoint-usb', match: /usb|endpoint/i, severity: 'major',
    note: 'USB storage was not blocked on 2 of 10 workstations tested in the Harbor Telecom queue (re-imaged machines missed the policy).',
    action: 'Apply the device-control policy to all re-imaged machines and add a USB test to the re-imaging checklist.', owner: 'Information security officer, K. Tan',
  },
  {
    itemId: 'grv.non-retaliation', match: /retaliation/i, severity: 'major',
    note: 'No written non-retaliation policy. Two interviewed agents said colleagues who complained about schedules were moved to the night shift.',
    action: 'Adopt and post a non-retaliation policy, brief team leaders, and review shift changes made after grievances since January.', owner: 'HR manager, L. Gonzaga',
  },
  {
    itemId: 'hs.night-transport', match: /transport/i, severity: 'minor',
    note: 'The company shuttle stops at 02:00; agents finishing at 07:00 on weekends travel home on their own.',
    action: 'Extend the shuttle service to the 07:00 shift end on weekends and publish the timetable in the pantry.', owner: 'HR manager, L. Gonzaga',
  },
  {
    itemId: 'mgt.worker-communication', match: /contract|language/i, severity: 'minor',
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
