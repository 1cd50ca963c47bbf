import { cookieOf, postRpc } from './session';

/**
 * Calls the harness's handler table directly, for test set-up (the UI is exercised by the page objects), as
 * the user `startHarness` signed in (or the last `signInHttp` on that harness).
 */
export async function rpc<T>(baseUrl: string, channel: string, input: unknown): Promise<T> {
  const { result } = await postRpc<T>(baseUrl, cookieOf(baseUrl), channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Set-up: advances the application `number` through its plan until it stands in its ARCHIVE stage. */
export async function advanceToArchiveStage(baseUrl: string, number: string): Promise<void> {
  let { stage } = await rpc<{ stage: string }>(baseUrl, 'applications.get', { number });
  while (stage !== 'ARCHIVE') ({ stage } = await rpc<{ stage: string }>(baseUrl, 'applications.advance', { number }));
}
