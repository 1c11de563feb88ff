// The two derivatives of every photo: a thumbnail for the UI and a JPEG for
// reports. sharp drops all metadata (EXIF, GPS, maker notes) unless asked to
// keep it, so the position stays in the original only.
import type { Sharp } from 'sharp';
import type { Derivative } from './layout';
import { DECODE_SECONDS } from './decode';

export const DERIVATIVE_SIZE: Record<Derivative, { px: number; quality: number }> = {
  thumb: { px: 320, quality: 78 },
  report: { px: 1600, quality: 85 },
};

export function derivativePipeline(upright: Sharp, kind: Derivative): Sharp {
  const { px, quality } = DERIVATIVE_SIZE[kind];
  return upright
    .resize(px, px, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality, mozjpeg: false })
    // A decode that runs this long is hostile or broken; it fails instead of holding a thread.
    .timeout({ seconds: DECODE_SECONDS });
}

export async function makeDerivatives(pipeline: () => Sharp): Promise<Record<Derivative, Buffer>> {
  const [thumb, report] = await Promise.all([
    derivativePipeline(pipeline(), 'thumb').toBuffer(),
    derivativePipeline(pipeline(), 'report').toBuffer(),
  ]);
  return { thumb, report };
}
