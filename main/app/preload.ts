/**
 * Preload (sandboxed): exposes the named verbs of the API contract as `window.api` and nothing else —
 * no ipcRenderer, no generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/api/client';
import type { Result } from '../../shared/api/result';

const api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>);

contextBridge.exposeInMainWorld('api', api);
