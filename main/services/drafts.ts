/**
 * Intake drafts: one per user, in the database (table intake_drafts, migration 0011), so the personal data of a
 * half-typed form is encrypted with the database and survives a power cut like any committed row. Not a
 * business record: nothing is exported or audited until the application is saved. Drafts that older versions
 * kept in clear as `<dataDir>/drafts/<user>.json` are moved in on the first use, and the files removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Draft } from '../../shared/api/drafts';
import { deleteDraft, draftOf, putDraft, putDraftIfAbsent } from '../db/repositories/draftRepo';
import type { HandlerContext } from '../ipc/context';

const LEGACY_DRAFTS_DIR = 'drafts';

export function saveDraft(ctx: HandlerContext, draft: Record<string, unknown>, now: Date = new Date()): Draft {
  moveLegacyDraftFiles(ctx);
  const saved: Draft = { savedAt: now.toISOString(), draft };
  putDraft(ctx.db, ctx.session.userId, saved.savedAt, JSON.stringify(draft));
  return saved;
}

/** The user's draft, or null. */
export function loadDraft(ctx: HandlerContext): Draft | null {
  moveLegacyDraftFiles(ctx);
  const row = draftOf(ctx.db, ctx.session.userId);
  return row ? { savedAt: row.saved_at, draft: JSON.parse(row.draft_json) as Record<string, unknown> } : null;
}

export function discardDraft(ctx: HandlerContext): null {
  moveLegacyDraftFiles(ctx);
  deleteDraft(ctx.db, ctx.session.userId);
  return null;
}

/**
 * Moves clear-text draft files of older versions into the database and deletes them. The file name is the user
 * id (older versions folded anything but letters, digits, _ and - into _, which our ids never contain). A file
 * that is not a draft (cut short by a crash of old code) is deleted too: it counted as no draft before.
 */
function moveLegacyDraftFiles(ctx: HandlerContext): void {
  const dir = path.join(ctx.dataDir, LEGACY_DRAFTS_DIR);
  if (!fs.existsSync(dir)) return;
  const files = fs.readdirSync(dir);
  ctx.db.transaction(() => {
    for (const name of files.filter((f) => f.endsWith('.json'))) {
      const draft = parseLegacyDraft(path.join(dir, name));
      if (draft) putDraftIfAbsent(ctx.db, name.slice(0, -'.json'.length), draft.savedAt, JSON.stringify(draft.draft));
    }
  })();
  fs.rmSync(dir, { recursive: true, force: true });
}

function parseLegacyDraft(file: string): Draft | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Draft>;
    if (typeof parsed.savedAt !== 'string' || typeof parsed.draft !== 'object' || parsed.draft === null) return null;
    return { savedAt: parsed.savedAt, draft: parsed.draft };
  } catch {
    return null;
  }
}
