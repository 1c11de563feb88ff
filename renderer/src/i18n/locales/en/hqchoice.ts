// English (source) texts of HQ settings saying what chose HQ's database server.
export default {
  'env.chosen': 'This server was chosen by the FAIRSITE_HQ_DB environment variable, not in these settings. Saving a choice here (the built-in database too) replaces it on this computer.',
};
