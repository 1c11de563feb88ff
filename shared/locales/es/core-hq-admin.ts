// Lo que dice la sede al traspasar una auditoría a la clave de otro auditor (ver en/core-hq-admin.ts).
export default {
  'hqAdmin.noAudit': 'La sede no tiene ninguna auditoría {{audit}}; no se cambió nada.',
  'hqAdmin.noKey': 'Ninguna clave inscrita tiene esa huella; inscriba primero al auditor que la recibe. No se cambió nada.',
  'hqAdmin.revokedKey': 'Esa clave fue revocada; no se le puede traspasar una auditoría. No se cambió nada.',
  'hqAdmin.sameKey': 'La auditoría {{audit}} ya pertenece a esa clave; no se cambió nada.',
};
