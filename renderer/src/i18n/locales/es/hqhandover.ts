// Textos en español del traspaso de una auditoría a otro auditor en la sede.
export default {
  'open': 'Traspasar a…',
  'formLabel': 'Traspasar esta auditoría',
  'lead': 'La auditoría y sus revisiones posteriores pasarán a pertenecer al auditor que elija: desde entonces solo el portátil de ese auditor podrá enviarla. El motivo queda en el registro de la sede.',
  'nobody': 'Ningún otro auditor inscrito puede recibir esta auditoría. Inscriba primero al auditor que la recibe.',
  'to': 'Auditor que la recibe',
  'choose': 'Elija un auditor',
  'option': '{{name}} ({{auditorId}}), clave {{key}}…',
  'reason': 'Motivo',
  'reasonHint': 'Por ejemplo: el auditor dejó la organización, o el centro pasó a otra región.',
  'submit': 'Traspasar…',
  'cancel': 'Cancelar',
  'confirmTitle': '¿Traspasar la auditoría de {{site}} a {{name}}?',
  'confirmText': 'A partir de ahora solo {{name}} ({{auditorId}}) podrá enviar esta auditoría y sus revisiones posteriores; los paquetes del auditor anterior con ella serán rechazados.',
  'confirmReason': 'Motivo: {{reason}}',
  'confirm': 'Traspasar',
  'done': 'La auditoría pertenece ahora a {{name}} ({{auditorId}}).',
};
