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
  /** The rest of the CAPR line, as agreed at the closing meeting. */
  capr?: DemoCapr;
}

export interface DemoCapr {
  objectiveEvidence: string;
  rootCause: string;
  preventiveAction: string;
  verificationMethod: 'document' | 'follow_up_visit' | 'desk_review';
  siteComments: string;
  siteAcceptance: 'accepted' | 'disputed';
}

export const DEMO_ISSUES: DemoIssue[] = [
  {
    itemId: 'hs.evacuation-drills', match: /evacuation|drill/i, severity: 'major',
    note: 'The last evacuation drill was 11 months ago and did not include the night shift; 3 of 8 agents asked did not know the assembly point.',
    action: 'Hold a drill on each of the three shifts, then every six months, and record attendance and evacuation times.', owner: 'Facilities manager, R. Villanueva',
    capr: { objectiveEvidence: 'Drill log: last entry 2025-06-14, day shift only; 3 of 8 agents asked could not name the assembly point.', rootCause: 'Drills were planned by the day-shift facilities team only; nobody owned the night and swing shifts.', preventiveAction: 'Put drills for every shift in the facilities calendar with a named owner per shift; HR checks the log each quarter.', verificationMethod: 'follow_up_visit', siteComments: 'Drills on the swing and night shifts will be held in June with the building administrator.', siteAcceptance: 'accepted' },
  },
  {
    itemId: 'wh.unpaid-time', match: /unpaid|log-in|briefing/i, severity: 'major',
    note: 'The 15-minute pre-shift briefing and system log-in time are not paid: agents badge in at 05:40 for a 06:00 paid start.',
    action: 'Pay the briefing and log-in time from the badge-in time, with back pay for the last 12 months.', owner: 'Payroll supervisor, C. Uy',
    capr: { objectiveEvidence: 'Badge records of 5 sampled agents: badge-in 05:38 to 05:44 for a 06:00 paid start, 20 working days each; interviews W-01, W-02, W-05.', rootCause: 'The payroll system starts paid time at the scheduled shift start, not at log-in; the briefing was added later without changing the rule.', preventiveAction: 'Pay from the first system log-in; any new pre-shift activity is reviewed by payroll before it starts.', verificationMethod: 'document', siteComments: 'Back pay will be paid in two instalments, June and July payroll.', siteAcceptance: 'accepted' },
  },
  {
    itemId: 'sec.endpoint-usb', match: /usb|endpoint/i, severity: 'major',
    note: 'USB storage was not blocked on 2 of 10 workstations tested in the Harbor Telecom queue (re-imaged machines missed the policy).',
    action: 'Apply the device-control policy to all re-imaged machines and add a USB test to the re-imaging checklist.', owner: 'Information security officer, K. Tan',
    capr: { objectiveEvidence: 'Test on 10 workstations in the Harbor Telecom queue: USB storage mounted on HT-3-114 and HT-3-121 (photo).', rootCause: 'Machines re-imaged after a hardware fault were not re-enrolled in the device-control policy group.', preventiveAction: 'Add enrolment in the device-control group to the re-imaging checklist; weekly report of machines outside the group.', verificationMethod: 'desk_review', siteComments: '', siteAcceptance: 'accepted' },
  },
  {
    itemId: 'grv.non-retaliation', match: /retaliation/i, severity: 'major',
    note: 'No written non-retaliation policy. Two interviewed agents said colleagues who complained about schedules were moved to the night shift.',
    action: 'Adopt and post a non-retaliation policy, brief team leaders, and review shift changes made after grievances since January.', owner: 'HR manager, L. Gonzaga',
    capr: { objectiveEvidence: 'No written non-retaliation policy in the handbook (v7, 2025); interviews W-03 and W-07; roster changes of two agents in February.', rootCause: 'The grievance procedure was copied from a template that had no non-retaliation clause; team leaders are not trained on it.', preventiveAction: 'Non-retaliation in the team-leader training; HR reviews every shift change within 3 months of a grievance.', verificationMethod: 'follow_up_visit', siteComments: 'The site disagrees that the shift moves were retaliation: both agents had asked for nights in 2025. It will still adopt the policy.', siteAcceptance: 'disputed' },
  },
  {
    itemId: 'hs.night-transport', match: /transport/i, severity: 'minor',
    note: 'The company shuttle stops at 02:00; agents finishing at 07:00 on weekends travel home on their own.',
    action: 'Extend the shuttle service to the 07:00 shift end on weekends and publish the timetable in the pantry.', owner: 'HR manager, L. Gonzaga',
    capr: { objectiveEvidence: 'Shuttle timetable at the lobby (last trip 02:00); interviews W-02, W-04, G-01.', rootCause: 'The shuttle contract was written for weekday shifts only.', preventiveAction: 'Review the shuttle timetable whenever the shift pattern changes.', verificationMethod: 'document', siteComments: '', siteAcceptance: 'accepted' },
  },
  {
    itemId: 'mgt.worker-communication', match: /contract|language/i, severity: 'minor',
    note: '4 of 25 sampled agents had no signed copy of their employment contract; all four joined through the staffing agency.',
    action: 'Give every agency agent a signed contract copy in English or Cebuano and keep the acknowledgement on file.', owner: 'HR manager, L. Gonzaga',
    capr: { objectiveEvidence: 'Personnel files of 25 agents: 4 agency agents without a signed contract copy.', rootCause: 'The staffing agency keeps the signed copies; the site never asked for its own.', preventiveAction: 'Agency onboarding checklist requires the signed copy before the first shift.', verificationMethod: 'document', siteComments: '', siteAcceptance: 'accepted' },
  },
];

export const GENERIC_ISSUE = {
  severity: 'minor' as Severity,
  note: 'Practice seen on the floor does not match the written procedure; team leaders were not aware of the requirement.',
  action: 'Brief team leaders on the procedure, correct the practice, and keep records showing the change.',
  owner: 'Quality manager, J. Ramos',
};

// Computed breaches each get the action their kind needs (a copied action is a consistency warning).
export const CHECK_ACTIONS: Record<'wage' | 'hours', { action: string; owner: string; capr: DemoCapr }> = {
  wage: {
    action: 'Pay the overtime shortfall to the workers concerned with the next payroll and correct the overtime rate in the payroll rule.',
    owner: 'Payroll supervisor, C. Uy',
    capr: { objectiveEvidence: 'Pay sample, April 2026: agent B-233 paid 8 overtime hours at the base rate instead of ×1.25.', rootCause: 'A manual payroll override for agents moved between client queues kept the base rate for overtime.', preventiveAction: 'Remove manual overtime overrides; monthly payroll exception report reviewed by the finance manager.', verificationMethod: 'document', siteComments: '', siteAcceptance: 'accepted' },
  },
  hours: {
    action: 'Limit weekly overtime so total hours stay within 60 and give every agent one day off in seven; roster changes approved by the operations manager.',
    owner: 'Workforce manager, P. Lim',
    capr: { objectiveEvidence: 'Hours sample, week of 2026-04-27: agent N-311 worked 63 hours over 7 days with no day off.', rootCause: 'Night-shift absences were covered by asking the same volunteers for extra shifts; the rostering tool does not warn at 60 hours.', preventiveAction: 'Turn on the rostering tool\'s 60-hour and rest-day warnings; weekly hours report to the operations manager.', verificationMethod: 'follow_up_visit', siteComments: 'The site will hire 12 more night-shift agents by August.', siteAcceptance: 'accepted' },
  },
};

export const AUDIT_NOTES = [
  'Opening meeting with the site director, HR manager and two team leaders. Floor walk on all three shifts, including the 22:00 night shift.',
];

export const TEXT_ANSWER = 'Reviewed on site with the HR manager; records seen for the last three months.';

export const GOOD_PRACTICE = {
  itemId: 'hs.acoustic-shock', match: /acoustic|headset/i,
  note: 'Every headset has an acoustic shock limiter, checked monthly by IT; incidents are logged and the agent is seen by the clinic nurse the same shift. Agents in two interviews named it as a reason they feel safe on calls.',
};

/** Written with the interview log it describes (the plain demo has no interviews to count). */
export const INTERVIEW_NOTE = '10 worker interviews held in private in the training room (8 individual, 2 groups), in English and Cebuano.';
