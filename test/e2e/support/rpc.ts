import type { Result } from '../../../shared/api/result';

/** Calls the harness's handler table directly, for test set-up (the UI is exercised by the page objects). */
export async function rpc<T>(baseUrl: string, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}rpc/${channel}`, { method: 'POST', body: JSON.stringify(input) });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Set-up: advances the application `number` through its plan until it stands in its ARCHIVE stage. */
export async function advanceToArchiveStage(baseUrl: string, number: string): Promise<void> {
  let { stage } = await rpc<{ stage: string }>(baseUrl, 'applications.get', { number });
  while (stage !== 'ARCHIVE') ({ stage } = await rpc<{ stage: string }>(baseUrl, 'applications.advance', { number }));
}
