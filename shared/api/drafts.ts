/** 受理草稿: the intake form's unsaved state, kept by the main process so a crash or power cut loses seconds. */
import { z } from 'zod';

/** Form state as the renderer keeps it; opaque to the main process, bounded in size. */
export const draftSaveSchema = z.object({
  draft: z.record(z.string(), z.unknown()).superRefine((value, context) => {
    // A structured clone over IPC can carry what JSON cannot (a BigInt, a cycle): refused, not thrown.
    let size: number;
    try {
      size = JSON.stringify(value).length;
    } catch {
      context.addIssue({ code: 'custom', message: '草稿含有无法保存的数据，未保存' });
      return;
    }
    if (size > 256 * 1024) context.addIssue({ code: 'custom', message: '草稿过大（超过 256 KB），未保存' });
  }),
});

export interface Draft {
  savedAt: string;
  draft: Record<string, unknown>;
}
