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

/** Set-up: accepts `record` as the signed-in user and moves it on `moves` stages; returns its number. */
export async function createAndAdvance(baseUrl: string, record: unknown, moves: number): Promise<string> {
  const { number } = await rpc<{ number: string }>(baseUrl, 'applications.create', { record });
  for (let move = 0; move < moves; move++) await rpc(baseUrl, 'applications.advance', { number });
  return number;
}

/** Set-up: the service as the hall last built it — `record` accepted, carried through and archived. */
export async function archivedApplication(baseUrl: string, record: unknown): Promise<string> {
  const { number } = await rpc<{ number: string }>(baseUrl, 'applications.create', { record });
  await advanceToArchiveStage(baseUrl, number);
  await rpc(baseUrl, 'applications.archive', { number });
  return number;
}
