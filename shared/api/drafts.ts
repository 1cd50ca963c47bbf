/** 受理草稿: the intake form's unsaved state, kept by the main process so a crash or power cut loses seconds. */
import { z } from 'zod';

/** Form state as the renderer keeps it; opaque to the main process, bounded in size. */
export const draftSaveSchema = z.object({
  draft: z
    .record(z.string(), z.unknown())
    .refine((value) => JSON.stringify(value).length <= 256 * 1024, '草稿过大（超过 256 KB），未保存'),
});

export interface Draft {
  savedAt: string;
  draft: Record<string, unknown>;
}
