// A real PostgreSQL for the tests that need one: Debian's server binaries,
// a cluster made with initdb in a temporary folder, started with pg_ctl on
// a free loopback port (and a socket in that folder), stopped by pg_ctl
// (which signals the postmaster's PID) and the folder removed at the end.
// The server refuses to run as root, so the folder is handed to the
// postgres user and the binaries run through runuser; where that is not
// possible (not root) the tests are skipped with the reason printed.
import { execFileSync } from 'node:child_process';
import { chownSync, chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.FAIRSITE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgServer {
  url: string;
  port: number;
  dir: string;
  pid: number;
  stop(): void;
}

/** Why a real server cannot be started here, or null when it can. */
export function pgUnavailable(): string | null {
  if (!existsSync(join(BIN, 'pg_ctl'))) return `no PostgreSQL server binaries at ${BIN} (apt-get install postgresql)`;
  if (userInfo().uid !== 0) return 'PostgreSQL tests start the server through runuser as the postgres user, which needs root';
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    return 'there is no postgres user to run the server as';
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const asPostgres = (args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });

export async function startPg(): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fs-pg-'));
  chmodSync(dir, 0o700);
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  asPostgres([join(BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // Loopback only; fsync off: a test cluster is thrown away, durability is not what is tested.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  asPostgres([join(BIN, 'pg_ctl'), '-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', 'start']);
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, pid,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPostgres([join(BIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // pg_ctl could not stop it: signal the postmaster by its PID.
        try { process.kill(pid, 'SIGQUIT'); } catch { /* already gone */ }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server for one test file. */
export async function createDatabase(server: PgServer, name: string): Promise<string> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: server.url });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}
