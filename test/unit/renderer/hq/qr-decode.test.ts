// The enrolment QR code read back by a real decoder (zbarimg, from
// zbar-tools): what HQ scans off the laptop's screen is the enrolment code
// itself, byte for byte, with the same Settings shows as text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { qrPath } from '../../../../renderer/src/screens/QrCode';
import { enrolmentCode, parseEnrolmentCode } from '../../../../shared/enrolment';

function svgOf(text: string): string {
  const { size, d } = qrPath(text);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 6}" height="${size * 6}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

describe('enrolment QR code, decoded', () => {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'fairsite-qr-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('zbarimg reads back the exact enrolment code, which HQ parses to the same key and auditor', async () => {
    const code = enrolmentCode({
      name: 'Ana Reyes Dela Cruz', auditorId: 'AUD-0042', fingerprint: 'SHA256:3q2+7w8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0',
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA3ZrW9U8b3kq0mC7y8Yw1p9q9yq0d2jv8m7a8cYxWQ5E=\n-----END PUBLIC KEY-----\n',
    });
    const png = join(dir, 'code.png');
    writeFileSync(png, await sharp(Buffer.from(svgOf(code))).png().toBuffer());
    const read = execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', png]).toString('utf8');
    expect(read).toBe(code);
    expect(parseEnrolmentCode(read)).toEqual(parseEnrolmentCode(code));
  });
});
