/**
 * Vitest global set-up: every temporary folder a run makes (test stores, bundles, CLI processes, harness servers,
 * Chromium profiles) goes under one folder of its own, removed when the run ends. A run leaves nothing behind in the
 * system's temp folder, even where a test keeps its folders for the next case.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-test-run-'));
  // Forked test workers and every process they start inherit the variable, and os.tmpdir() reads it on each call.
  process.env.TMPDIR = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
