// Textos en español del cambio de la clave de configuración de la sede.
export default {
  'rotate.title': 'Clave de configuración',
  'rotate.lead': 'Cree una clave nueva para firmar los paquetes de configuración, por ejemplo cuando la anterior pueda haberse filtrado. Los paquetes que publique después irán firmados por la clave nueva y avalados por la anterior, así que los portátiles que confiaban en la clave anterior los aceptan. Un portátil que se saltó un cambio de clave solo acepta la nueva cuando su auditor escribe la huella nueva.',
  'rotate.button': 'Crear una clave de configuración nueva…',
  'rotate.confirmTitle': '¿Crear una clave de configuración nueva?',
  'rotate.confirmText': 'No se puede deshacer. Publique después un paquete de configuración nuevo y dé a los auditores la huella nueva.',
  'rotate.confirm': 'Crear una clave nueva',
  'rotate.cancel': 'Cancelar',
  'rotate.done': 'Clave de configuración nueva creada. Publique ahora un paquete nuevo; lleva el aval de la clave anterior.',
  'rotate.new': 'Huella de la clave nueva:',
  'rotate.previous': 'Huella de la clave anterior:',
};
