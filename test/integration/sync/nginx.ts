// A real nginx with its WebDAV module, configured in a temp folder, bound to
// 127.0.0.1 on a free port, run as our child (no daemon, no master process,
// so its PID is the whole server) and stopped by that PID.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export interface Nginx {
  url: string;
  port: number;
  davDir: string;
  pid: number;
  kill(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tryOnce = () => {
      const c = net.connect(port, '127.0.0.1');
      c.once('connect', () => { c.destroy(); resolve(); });
      c.once('error', () => {
        c.destroy();
        if (Date.now() > until) reject(new Error(`nginx did not start on ${port}`));
        else setTimeout(tryOnce, 50);
      });
    };
    tryOnce();
  });
}

export async function startNginx(dir: string, o: { user: string; password: string; maxBodyMb: number; port?: number }): Promise<Nginx> {
  const port = o.port ?? (await freePort());
  const davDir = join(dir, 'www', 'hq', 'inbox');
  for (const d of ['www/hq/inbox', 'www/s3', 'tmp/body', 'tmp/proxy', 'tmp/fastcgi', 'tmp/uwsgi', 'tmp/scgi', 'logs']) mkdirSync(join(dir, d), { recursive: true });
  execFileSync('htpasswd', ['-b', '-c', join(dir, 'htpasswd'), o.user, o.password], { stdio: 'ignore' });
  writeFileSync(join(dir, 'nginx.conf'), `
load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    client_max_body_size ${o.maxBodyMb}m;
    location /hq/ {
      dav_methods PUT DELETE MKCOL COPY MOVE;
      dav_ext_methods PROPFIND OPTIONS;
      create_full_put_path on;
      dav_access user:rw;
      auth_basic "Fairsite HQ";
      auth_basic_user_file ${dir}/htpasswd;
    }
    # Stands in for an object store behind presigned URLs: the signature is
    # in the query string, which nginx ignores.
    location /s3/ {
      dav_methods PUT;
      create_full_put_path on;
    }
  }
}
`);
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`nginx exited (${code}): ${err}`))));
    await Promise.race([waitForPort(port), exited]);
    child.removeAllListeners('exit');
  };
  await launch();
  const server: Nginx = {
    url: `http://127.0.0.1:${port}/hq/inbox/`,
    port,
    davDir,
    get pid() { return child.pid!; },
    kill: (signal = 'SIGTERM') => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(child.pid!, signal);
    }),
    restart: async () => {
      await server.kill();
      await launch();
    },
  };
  return server;
}
