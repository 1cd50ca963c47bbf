/**
 * Intake drafts live as one JSON file per user under `<dataDir>/drafts/`, not in the database: they are not
 * business records (nothing is exported or audited until the application is saved), and a file replaced
 * atomically (write, fsync, rename, fsync the folder) survives a power cut with either the old or the new draft.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Draft } from '../../shared/api/drafts';
import type { HandlerContext } from '../ipc/context';

function draftFile(ctx: HandlerContext): string {
  // User ids are ours (letters, digits, dashes); anything else is folded so it can never leave the folder.
  const safeId = ctx.session.userId.replace(/[^A-Za-z0-9_-]/g, '_');
  return path.join(ctx.dataDir, 'drafts', `${safeId}.json`);
}

export function saveDraft(ctx: HandlerContext, draft: Record<string, unknown>, now: Date = new Date()): Draft {
  const file = draftFile(ctx);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const saved: Draft = { savedAt: now.toISOString(), draft };
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(saved));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncFolder(dir);
  return saved;
}

/** The user's draft, or null. A file that is not a draft (e.g. cut short by a crash of old code) counts as none. */
export function loadDraft(ctx: HandlerContext): Draft | null {
  let text: string;
  try {
    text = fs.readFileSync(draftFile(ctx), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Draft>;
    if (typeof parsed.savedAt !== 'string' || typeof parsed.draft !== 'object' || parsed.draft === null) return null;
    return { savedAt: parsed.savedAt, draft: parsed.draft };
  } catch {
    return null;
  }
}

export function discardDraft(ctx: HandlerContext): null {
  fs.rmSync(draftFile(ctx), { force: true });
  return null;
}

function syncFolder(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
