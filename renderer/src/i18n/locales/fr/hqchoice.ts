// Textes français des réglages du siège qui disent ce qui a choisi le serveur de sa base de données.
export default {
  'env.chosen': 'Ce serveur a été choisi par la variable d’environnement FAIRSITE_HQ_DB, et non dans ces réglages. Enregistrer un choix ici (la base de données intégrée aussi) la remplace sur cet ordinateur.',
};
