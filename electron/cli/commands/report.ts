// `fairsite report`: the signed PDF report of a finalized audit (or a
// watermarked draft), made by the same report.export job the app runs.
import { copyFileSync, renameSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { waitForJob } from '../../../shared/contract/jobs';
import { flag } from '../args';
import { withCore, type Io } from '../io';
import type { Command } from './types';

/** Reads a line from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((done, fail) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          return done(value);
        }
        if (ch === '\u0003') {
          finish();
          return fail(new AppError('rejected', 'Cancelled.'));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function withPassphrase(io: Io, needed: boolean): Promise<Io> {
  if (!needed || io.env.FAIRSITE_PASSPHRASE) return io;
  if (!process.stdin.isTTY) {
    throw new AppError('rejected', 'The signing key is protected by a passphrase: set FAIRSITE_PASSPHRASE, or run in a terminal to be asked.');
  }
  const pass = await askHidden('Passphrase for the signing key: ');
  return { ...io, env: { ...io.env, FAIRSITE_PASSPHRASE: pass } };
}

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Another disk: copy, then remove the original.
    copyFileSync(from, to);
    unlinkSync(from);
  }
}

export const report: Command = {
  words: ['report'],
  usage: 'fairsite report --audit ID --out FILE.pdf [--draft] [--data DIR]',
  summary: 'Write the signed PDF report of a finalized audit (--draft: unsigned, watermarked)',
  async run(args, io) {
    const auditId = flag(args, 'audit');
    const out = flag(args, 'out');
    if (!auditId || !out) {
      io.err(`Usage: ${this.usage}`);
      return 2;
    }
    const draft = args.flags.has('draft');
    const ioWithPass = await withPassphrase(io, !draft);
    return withCore(args, ioWithPass, async (call) => {
      const { jobId } = await call('report.export', { auditId, draft });
      let shown = -1;
      const r = await waitForJob(call, 'report.export', jobId, {
        pollMs: 50,
        onProgress: (progress, message) => {
          const pct = Math.floor(progress * 10) * 10;
          if (pct === shown) return;
          io.err(`${String(pct).padStart(3)} %  ${message}`);
          shown = pct;
        },
      });
      const target = resolve(out);
      // A signed report stays in the data folder too: the next bundle carries it from there.
      if (r.signed) copyFileSync(r.path, target);
      else moveFile(r.path, target);
      io.out(`${r.signed ? 'Signed report' : 'Draft report (not signed)'}: ${target} (${r.pages} pages, ${(r.bytes / 1e6).toFixed(1)} MB)`);
      for (const w of r.warnings) io.err(`Warning: ${w}`);
      return 0;
    });
  },
};
