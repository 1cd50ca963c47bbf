/**
 * The renderer's only door to the main process. In Electron the preload has put `window.api` in place
 * (contextBridge); in the web harness (dev and tests only, 127.0.0.1) the same verbs go over fetch to
 * `/rpc/<channel>`, served by the same handler table.
 */
import { buildApi, type Api, type Transport } from '../../shared/api/client';
import type { Result } from '../../shared/api/result';

declare global {
  interface Window {
    api?: Api;
  }
}

async function fetchTransport(channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`./rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本机服务，请确认客户端正在运行后重试。' } };
  }
}

/** The preload's verbs (Electron) as a transport, so both paths go through the watch below. */
function bridgeTransport(bridge: Api): Transport {
  return (channel, input) => {
    const [group, verb] = channel.split('.') as [string, string];
    const verbs = (bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>)[
      group
    ];
    return (
      verbs?.[verb]?.(input) ??
      Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `未知的操作：${channel}` } })
    );
  };
}

/** Fired when the main process says the session is gone or locked: the sign-in gate asks auth.status again. */
export const SESSION_LOST_EVENT = 'yekuo:session-lost';

function watching(transport: Transport): Transport {
  return async (channel, input) => {
    const result = await transport(channel, input);
    if (!result.ok && result.error.code === 'UNAUTHENTICATED') window.dispatchEvent(new Event(SESSION_LOST_EVENT));
    return result;
  };
}

export const api: Api = buildApi(watching(window.api ? bridgeTransport(window.api) : fetchTransport));

/**
 * In Electron the shell prints (`documents.print`: preview, system print dialog, print log once it printed); in
 * the web harness there is no printer, so the file downloads and the clerk confirms that it was printed.
 */
export const printsInShell = window.api !== undefined;
