// A known amount of work for checking measurePeakRss: touches N MB after
// start-up, holds it briefly, frees it, then reports.
import { finish, markBaseline } from './peak-rss';

markBaseline();
const mb = Number(process.argv[2] ?? 0);
let held: Buffer | undefined = Buffer.alloc(mb * 1048576, 1);
await new Promise((r) => setTimeout(r, 30));
const bytes = held.length;
held = undefined;
finish({ bytes });
