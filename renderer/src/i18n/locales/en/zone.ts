// English (source) texts for moments shown in a site's time zone.
export default {
  'zone.at': '{{time}} ({{zone}} time)',
  'zone.siteZone': 'Times are in the site’s time zone, {{zone}}.',
  'zone.noZone': 'The site’s time zone was not recorded: times are in UTC.',
  'zone.label': 'Site time zone',
  'zone.recorded': 'Recorded',
  'zone.added': 'Added {{time}}',
} as const;
