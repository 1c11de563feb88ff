// The renderer's only door to the app: window.fairsite.call(op, input).
// ipcRenderer itself is never exposed. The list of operation names is
// inlined at build time (build-shell.mjs) so the preload stays tiny.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

declare const __FAIRSITE_OPS__: readonly string[];

contextBridge.exposeInMainWorld(
  'fairsite',
  createBridge((channel, op, input) => ipcRenderer.invoke(channel, op, input), __FAIRSITE_OPS__),
);
