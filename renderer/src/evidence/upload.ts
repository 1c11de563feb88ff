// Sending a photo to the core in chunks (base64 in the JSON of each call, so
// every transport's size cap holds whatever the photo's size). The core
// hashes the bytes as they arrive and checks the whole file at the end.
import type { Client } from '../../../shared/contract/client';
import type { Photo, PhotoTarget } from '../../../shared/domain/evidence';
import { initI18n } from '../i18n';

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error(initI18n().t('add.unreadable', { ns: 'evidence' })));
    r.readAsDataURL(blob);
  });
}

export interface UploadOutcome {
  photo: Photo;
  duplicate: boolean;
}

export async function uploadPhoto(
  client: Client, auditId: string, file: File, target: PhotoTarget, onBytes: (sent: number) => void, caption = '',
): Promise<UploadOutcome> {
  const { uploadId, chunkBytes } = await client.call('evidence.upload.start', { auditId, name: file.name || 'photo', size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const data = await base64Of(file.slice(offset, offset + chunkBytes));
      await client.call('evidence.upload.chunk', { uploadId, offset, data });
      onBytes(Math.min(file.size, offset + chunkBytes));
    }
    return await client.call('evidence.upload.finish', { uploadId, target, caption });
  } catch (err) {
    await client.call('evidence.upload.cancel', { uploadId }).catch(() => undefined);
    throw err;
  }
}
