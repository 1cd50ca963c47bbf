/**
 * The one API contract between renderer and main (GitHub Desktop's ipc-shared.ts habit).
 * Each channel names its input schema (parsed in main, never trusted) and its output type.
 * The preload and the web harness both derive `window.api.<group>.<verb>` from CHANNELS, so a channel
 * that is not listed here cannot be called.
 */
import { z } from 'zod';
import './zodLocale';

export interface SystemInfo {
  appName: string;
  version: string;
  schemaVersion: number;
  dataDir: string;
  hallCode: string | null;
  hallName: string | null;
  user: { id: string; name: string; role: string };
}

const noInput = z.object({}).strict();

export const channelInputs = {
  'system.info': noInput,
} as const;

export interface ChannelOutputs {
  'system.info': SystemInfo;
}

export type Channel = keyof typeof channelInputs & keyof ChannelOutputs;
export type ChannelInput<C extends Channel> = z.input<(typeof channelInputs)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

export const CHANNELS = Object.keys(channelInputs) as Channel[];
