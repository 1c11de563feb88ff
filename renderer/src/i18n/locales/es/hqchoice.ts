// Textos en español de los ajustes de la sede que dicen qué eligió el servidor de su base de datos.
export default {
  'env.chosen': 'Este servidor lo eligió la variable de entorno FAIRSITE_HQ_DB, no estos ajustes. Guardar una elección aquí (también la base de datos integrada) la sustituye en este equipo.',
};
