// English (source): the audit's fixed vocabulary, shared by every screen
// (answers, severities, pay periods, document kinds…).
export default {
  'answer.label': 'Answer',
  'answer.compliant': 'Compliant',
  'answer.non_compliant': 'Non-compliant',
  'answer.not_applicable': 'Not applicable',
  'answer.observation': 'Observation',
  'answer.good_practice': 'Good practice',
  'severity.critical': 'Critical',
  'severity.major': 'Major',
  'severity.minor': 'Minor',
  'period.hour': 'hour',
  'period.day': 'day',
  'period.week': 'week',
  'period.month': 'month',
} as const;
