// Parent side of the crash test (used by the test suite and the benchmark):
// start a child that saves answers, SIGKILL it at a random moment, then
// check that every acknowledged answer is there and the file is sound.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { verifyChain } from '../../../../electron/core/store/events';
import { seedAudit, testCore } from './core-fixture';

export interface CrashSetup {
  dir: string;
  dataDir: string;
  auditId: string;
  items: string[];
}

export async function setupCrash(): Promise<CrashSetup> {
  const t = await testCore();
  const { audit } = await seedAudit(t, { sections: 2, itemsPerSection: 10 });
  t.core.close();
  const items = Array.from({ length: 20 }, (_, i) => `s${Math.floor(i / 10) + 1}.i${(i % 10) + 1}`);
  return { dir: t.dir, dataDir: join(t.dir, 'data'), auditId: audit.id, items };
}

export interface RoundResult {
  acks: number;
  killedAfterMs: number;
  phase: 'starting' | 'saving';
}

/** `command`: how to start crash-child (tsx in tests, a prebuilt bundle in the benchmark). */
export function crashRound(setup: CrashSetup, command: string[], start: number, acked: Map<string, number>, rng: () => number = Math.random): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, [...command.slice(1), setup.dataDir, setup.auditId, String(start), ...setup.items], { stdio: ['ignore', 'pipe', 'pipe'] });
    const t0 = Date.now();
    let buf = '';
    let acks = 0;
    let stderr = '';
    let killedAt = -1;
    let phase: RoundResult['phase'] = 'starting';
    const kill = () => {
      if (killedAt < 0) {
        killedAt = Date.now() - t0;
        child.kill('SIGKILL');
      }
    };
    // One round in five is killed at a random moment from spawn (possibly while opening the database).
    const early = rng() < 0.2;
    if (early) setTimeout(kill, Math.floor(rng() * 400));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready') {
          phase = 'saving';
          if (!early) setTimeout(kill, 5 + Math.floor(rng() * 250));
          continue;
        }
        const m = /^ack (\S+) (\d+)$/.exec(line);
        if (!m) continue;
        acks++;
        const n = Number(m[2]);
        if ((acked.get(m[1]!) ?? -1) < n) acked.set(m[1]!, n);
      }
    });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`crash child ended by itself (code ${code}): ${stderr.slice(0, 2000)}`));
      else resolve({ acks, killedAfterMs: killedAt, phase });
    });
  });
}

/** Problems found after a kill; empty when every acknowledged answer is there and the file and chains are sound. */
export function checkAfterCrash(setup: CrashSetup, acked: Map<string, number>): string[] {
  const db = new Database(join(setup.dataDir, 'fairsite.db'));
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const notes = new Map((db.prepare('SELECT item_id, note FROM responses WHERE audit_id = ?').all(setup.auditId) as Array<{ item_id: string; note: string }>)
      .map((r) => [r.item_id, Number(r.note.slice(1))]));
    for (const [item, n] of acked) {
      const stored = notes.get(item);
      // A later save may have committed before its ack was printed: stored ≥ acknowledged.
      if (stored === undefined || stored < n) problems.push(`${item}: acknowledged n${n}, stored ${stored === undefined ? 'nothing' : `n${stored}`}`);
    }
    for (const chain of [setup.auditId, null]) {
      const v = verifyChain(db, chain);
      if (!v.ok) problems.push(`chain ${chain ?? '(global)'}: ${v.reason}`);
    }
    return problems;
  } finally {
    db.close();
  }
}
