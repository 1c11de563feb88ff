// A known amount of work for checking measurePeakRss: touches N MB after
// start-up, holds it briefly, frees it, then reports; with `self` as second
// argument, through measureSelf (which also times the work and samples the
// Buffer memory it held).
import { finish, markBaseline, measureSelf } from './peak-rss';

const mb = Number(process.argv[2] ?? 0);

async function work(): Promise<{ bytes: number }> {
  let held: Buffer | undefined = Buffer.alloc(mb * 1048576, 1);
  await new Promise((r) => setTimeout(r, 60));
  const bytes = held.length;
  held = undefined;
  return { bytes };
}

if (process.argv[3] === 'self') {
  await measureSelf(work);
} else {
  markBaseline();
  finish(await work());
}
