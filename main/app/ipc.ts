import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { isTrustedUrl } from '../security/trustedUrl';

export type Backend = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Registers one ipcMain handler per contract channel. Messages from frames that are not our renderer are
 * refused (GitHub Desktop's ipc-main.ts habit).
 */
export function registerIpc(backend: Backend, rendererIndexUrl: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(senderUrl, rendererIndexUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求。' } };
      }
      return backend(channel, input);
    });
  }
}
