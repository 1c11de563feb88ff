// The main side of the one IPC channel: a call is dispatched only when it
// comes from the app's own top-level frame; the contract then validates it.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../handlers/dispatch';
import type { Envelope } from '../../shared/errors';
import { IPC_CHANNEL } from './bridge';
import { isTrustedSender } from './security';

export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function callFromFrame(frame: SenderFrame | null | undefined, op: unknown, input: unknown, dispatch: Dispatch): Promise<Envelope<unknown>> {
  if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
    return Promise.resolve({ ok: false, error: { code: 'rejected', message: "Fairsite answers only its own window." } });
  }
  return dispatch(op, input);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch): () => void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, op: unknown, input: unknown) =>
    callFromFrame(event.senderFrame, op, input, dispatch));
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
