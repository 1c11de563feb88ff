// Report texts of the audit details, the section headers and the action
// plan that were written inline in English, in English, Spanish and French
// (merged into strings.ts's tables like notes.ts).
export const DETAILS_EN = {
  'det.onSiteOne': '{days} on site ({start})',
  'det.onSiteRange': '{days} on site ({start} to {end})',
  'det.sampleItems': 'Checklist items answered',
  'det.sampleInterviews': 'Worker interviews',
  'det.sampleDocuments': 'Documents reviewed',
  'det.samplePhotos': 'Photos taken',
  'sections.scoreLine': 'Score {percent} · {answered} answered · {findings}',
  'capr.timescaleAgreed': '{timescale}. Agreed due date: {date}',
} as const;

type Keys = Record<keyof typeof DETAILS_EN, string>;

export const DETAILS_ES: Keys = {
  'det.onSiteOne': '{days} en el centro ({start})',
  'det.onSiteRange': '{days} en el centro (del {start} al {end})',
  'det.sampleItems': 'Puntos de la lista respondidos',
  'det.sampleInterviews': 'Entrevistas a trabajadores',
  'det.sampleDocuments': 'Documentos revisados',
  'det.samplePhotos': 'Fotos tomadas',
  'sections.scoreLine': 'Puntuación {percent} · {answered} respondidos · {findings}',
  'capr.timescaleAgreed': '{timescale}. Fecha límite acordada: {date}',
};

export const DETAILS_FR: Keys = {
  'det.onSiteOne': '{days} sur site ({start})',
  'det.onSiteRange': '{days} sur site (du {start} au {end})',
  'det.sampleItems': 'Points de la liste renseignés',
  'det.sampleInterviews': 'Entretiens avec les travailleurs',
  'det.sampleDocuments': 'Documents examinés',
  'det.samplePhotos': 'Photos prises',
  'sections.scoreLine': 'Score {percent} · {answered} renseignés · {findings}',
  'capr.timescaleAgreed': '{timescale}. Échéance convenue : {date}',
};
