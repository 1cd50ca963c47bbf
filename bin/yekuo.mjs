#!/usr/bin/env node
// Entry point of the `yekuo` command: loads the TypeScript sources through tsx (no build step needed after install).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
