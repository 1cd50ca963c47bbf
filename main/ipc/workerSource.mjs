// Loads the services worker from its TypeScript source through tsx, as bin/yekuo.mjs does for the CLI
// (Node 20 ignores `--import` in a worker's execArgv). The Electron bundle uses its compiled worker instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
