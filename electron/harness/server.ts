// The web harness: the same core and handlers as the Electron shell, over
// HTTP on 127.0.0.1. Tests call createHarness({ dataDir, port: 0 }).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackgroundSweep } from '../core/evidence/sweep-on-open';
import { openCore, type Core } from '../core/core';
import type { SecretBox } from '../core/keys/secret-box';
import { createDispatch } from '../handlers/dispatch';
import { handlers } from '../handlers/index';
import { startHttp } from './http';
import { photoFileReply } from '../core/evidence/serve';

export const DEFAULT_RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface HarnessOptions {
  dataDir: string;
  secretBox: SecretBox;
  port?: number;
  rendererRoot?: string;
  maxBodyBytes?: number;
  onInternalError?: (op: string, err: unknown) => void;
}

export interface Harness {
  url: string;
  port: number;
  core: Core;
  close(): Promise<void>;
}

export async function createHarness(opts: HarnessOptions): Promise<Harness> {
  const core = await openCore({ dataDir: opts.dataDir, secretBox: opts.secretBox });
  startBackgroundSweep(core);
  try {
    const dispatch = createDispatch(handlers, core, opts.onInternalError);
    const http = await startHttp({
      dispatch,
      rendererRoot: opts.rendererRoot ?? DEFAULT_RENDERER_ROOT,
      port: opts.port ?? 0,
      maxBodyBytes: opts.maxBodyBytes,
      files: (name) => photoFileReply(core, name),
    });
    return {
      url: http.url,
      port: http.port,
      core,
      close: async () => {
        await http.close();
        core.close();
      },
    };
  } catch (err) {
    core.close();
    throw err;
  }
}

export const rendererIndex = (root = DEFAULT_RENDERER_ROOT): string => join(root, 'index.html');
