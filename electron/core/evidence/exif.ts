// What Fairsite reads from EXIF: when the picture was taken and where.
// A broken EXIF block is not a reason to refuse a photo whose pixels
// decode; it only means the time added stands in for the capture time.
import exifReader from 'exif-reader';

export interface ExifFacts {
  /** Camera clock, "YYYY-MM-DDTHH:MM:SS", with "+HH:MM" when the camera recorded its offset. */
  takenAt: string | null;
  gps: { lat: number; lon: number; alt: number | null } | null;
}

const NONE: ExifFacts = { takenAt: null, gps: null };

function dms(v: unknown, ref: unknown, negative: string): number | null {
  if (!Array.isArray(v) || v.length < 3 || !v.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [d, m, s] = v as [number, number, number];
  const deg = d + m / 60 + s / 3600;
  return typeof ref === 'string' && ref.trim().toUpperCase() === negative ? -deg : deg;
}

function readGps(g: Record<string, unknown> | undefined): ExifFacts['gps'] {
  if (!g) return null;
  const lat = dms(g.GPSLatitude, g.GPSLatitudeRef, 'S');
  const lon = dms(g.GPSLongitude, g.GPSLongitudeRef, 'W');
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const altRaw = g.GPSAltitude;
  const alt = typeof altRaw === 'number' && Number.isFinite(altRaw) ? (g.GPSAltitudeRef === 1 ? -altRaw : altRaw) : null;
  return { lat: Math.round(lat * 1e7) / 1e7, lon: Math.round(lon * 1e7) / 1e7, alt };
}

function readTakenAt(photo: Record<string, unknown> | undefined): string | null {
  const d = photo?.DateTimeOriginal;
  // exif-reader reads the camera's wall clock as if it were UTC.
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  if (year < 1990 || year > 2100) return null; // unset camera clocks
  const offset = photo?.OffsetTimeOriginal;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '';
  return d.toISOString().slice(0, 19) + zone;
}

export function readExif(buf: Buffer | undefined): ExifFacts {
  if (!buf || buf.length < 8) return NONE;
  try {
    const e = exifReader(buf) as { Photo?: Record<string, unknown>; GPSInfo?: Record<string, unknown> };
    return { takenAt: readTakenAt(e.Photo), gps: readGps(e.GPSInfo) };
  } catch {
    return NONE;
  }
}
