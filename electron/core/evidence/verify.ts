// `verify evidence`: reads back every stored photo file and signed report and
// compares it with the hash it was stored under, so the auditor learns which
// files are damaged or missing before a bundle export fails on one.
import { createReadStream, existsSync } from 'node:fs';
import { sha256Stream } from '../sha256';
import { join } from 'node:path';
import type { Core } from '../core';
import { originalPath } from './layout';

export interface EvidenceProblem {
  kind: 'photo' | 'report';
  /** The photo's SHA-256, or the report's file name. */
  id: string;
  file: string;
  problem: 'damaged' | 'missing';
}

export interface EvidenceCheck {
  checked: number;
  problems: EvidenceProblem[];
}

async function fileSha256(file: string): Promise<string> {
  const hash = sha256Stream();
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function check(file: string, sha256: string): Promise<'damaged' | 'missing' | null> {
  if (!existsSync(file)) return 'missing';
  try {
    return (await fileSha256(file)) === sha256 ? null : 'damaged';
  } catch {
    return 'damaged';
  }
}

export async function verifyEvidence(core: Core): Promise<EvidenceCheck> {
  const problems: EvidenceProblem[] = [];
  let checked = 0;
  const photos = core.db.prepare('SELECT sha256, ext FROM photo_files ORDER BY sha256').all() as Array<{ sha256: string; ext: string }>;
  for (const p of photos) {
    const file = originalPath(core.paths.photos, p.sha256, p.ext);
    const problem = await check(file, p.sha256);
    checked++;
    if (problem) problems.push({ kind: 'photo', id: p.sha256, file, problem });
  }
  const reports = core.db.prepare('SELECT name, sha256 FROM report_files WHERE signed = 1 ORDER BY name').all() as Array<{ name: string; sha256: string }>;
  for (const r of reports) {
    const file = join(core.paths.reports, r.name);
    const problem = await check(file, r.sha256);
    checked++;
    if (problem) problems.push({ kind: 'report', id: r.name, file, problem });
  }
  return { checked, problems };
}
