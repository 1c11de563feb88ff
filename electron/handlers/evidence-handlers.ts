// Handlers of the evidence operations: one call into the evidence core each.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { evidenceOps } from '../../shared/contract/evidence-ops';
import { cancelUpload, finishUpload, startUpload, uploadChunk } from '../core/evidence/uploads';
import { deletePhoto, listPhotos, updateCaption } from '../core/evidence/photos';
import { annotatePhoto } from '../core/evidence/annotate';
import { getEvidenceSettings, saveEvidenceSettings } from '../core/evidence/settings';
import { sweepNow } from '../core/evidence/sweep-on-open';
import { deleteDocument, listDocuments, saveDocument } from '../core/evidence/documents';
import { deleteInterview, listInterviews, saveInterview } from '../core/evidence/interviews';
import { editableAudit } from '../core/store/repos/audits';
import { verifyEvidence } from '../core/evidence/verify';

type EvidenceHandlers = { [K in keyof typeof evidenceOps]: Handler<K, Core> };

export const evidenceHandlers: EvidenceHandlers = {
  'evidence.upload.start': (input, core) => {
    editableAudit(core.db, input.auditId);
    return startUpload(core, input);
  },
  'evidence.upload.chunk': (input, core) => uploadChunk(core, input),
  'evidence.upload.finish': (input, core) => finishUpload(core, input),
  'evidence.upload.cancel': ({ uploadId }, core) => cancelUpload(core, uploadId),

  'evidence.list': ({ auditId }, core) => listPhotos(core, auditId),
  'evidence.caption': ({ id, caption }, core) => updateCaption(core, id, caption),
  'evidence.annotate': ({ id, shapes }, core) => annotatePhoto(core, id, shapes),
  'evidence.delete': ({ id }, core) => deletePhoto(core, id),
  'evidence.settings.get': (_i, core) => getEvidenceSettings(core),
  'evidence.settings.save': (input, core) => saveEvidenceSettings(core, input),
  'evidence.sweep': async (_i, core) => {
    const r = await sweepNow(core);
    return { removed: r.removed.length, missing: r.missing };
  },
  'evidence.verify': (_i, core) => verifyEvidence(core),

  'documents.list': ({ auditId }, core) => listDocuments(core, auditId),
  'documents.save': (input, core) => saveDocument(core, input),
  'documents.delete': ({ id }, core) => deleteDocument(core, id),

  'interviews.list': ({ auditId }, core) => listInterviews(core, auditId),
  'interviews.save': (input, core) => saveInterview(core, input),
  'interviews.delete': ({ id }, core) => deleteInterview(core, id),
};
