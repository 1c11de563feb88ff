import { fileURLToPath } from 'node:url';
import { measurePeakRss } from '../../bench/lib/peak-rss';

const probe = fileURLToPath(new URL('../../bench/lib/peak-rss-probe.ts', import.meta.url));

describe('measurePeakRss', () => {
  it('sees memory that a child touched and freed before it ended, above its start-up baseline', async () => {
    const small = await measurePeakRss(probe, ['0']);
    const big = await measurePeakRss(probe, ['160']);
    expect(big.result).toEqual({ bytes: 160 * 1048576 });
    expect(big.baselineMB).toBeGreaterThan(20);
    // The 160 MB was freed before finish(): only a high-water mark can show it.
    expect(big.workMB).toBeGreaterThan(150);
    expect(big.workMB).toBeLessThan(230);
    expect(big.peakMB - small.peakMB).toBeGreaterThan(140);
    expect(big.samples).toBeGreaterThan(0);
  });

  it('measureSelf in the child reports the same peak, the work\'s own time, and the Buffer memory it held', async () => {
    const m = await measurePeakRss(probe, ['96', 'self']);
    expect(m.result).toEqual({ bytes: 96 * 1048576 });
    expect(m.workMB).toBeGreaterThan(85);
    expect(m.work?.ms).toBeGreaterThanOrEqual(55);
    expect(m.work!.ms).toBeLessThan(m.wallMs);
    // The buffer lives outside the JS heap: the sampler sees it there.
    expect(m.work?.externalMB).toBeGreaterThan(90);
  });

  it("is the child's own peak, not its parent's: a large measuring process does not raise a small child's figure", async () => {
    // Touched, so it is resident in this process when the child is forked.
    const held = Buffer.alloc(400 * 1048576, 1);
    const small = await measurePeakRss(probe, ['0']);
    expect(held.length).toBe(400 * 1048576);
    expect(small.peakMB).toBeLessThan(200);
  });

  it('rejects when the child fails instead of reporting nothing', async () => {
    await expect(measurePeakRss(fileURLToPath(import.meta.url).replace(/\.test\.ts$/, '-missing.ts'))).rejects.toThrow(/exited with/);
  });
});
