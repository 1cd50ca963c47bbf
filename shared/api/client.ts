/**
 * Builds `window.api` from the contract: `api.system.info()` calls channel `system.info`.
 * The transport is injected: Electron's preload passes ipcRenderer.invoke, the web harness passes fetch.
 */
import { CHANNELS, type Channel, type ChannelInput, type ChannelOutput } from './contract';
import type { Result } from './result';

type Split<C extends string> = C extends `${infer G}.${infer V}` ? [G, V] : never;
type Group<C extends Channel> = Split<C>[0];

export type Api = {
  [G in Group<Channel>]: {
    [C in Channel as Split<C>[0] extends G ? Split<C>[1] : never]: (
      input?: ChannelInput<C>,
    ) => Promise<Result<ChannelOutput<C>>>;
  };
};

export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

export function buildApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [group, verb] = channel.split('.') as [string, string];
    api[group] ??= {};
    api[group][verb] = (input?: unknown) => transport(channel, input ?? {});
  }
  return api as unknown as Api;
}
