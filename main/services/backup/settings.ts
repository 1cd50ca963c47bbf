/** 第二备份目录: a USB disk or a network share that receives a copy of every backup too. An audited setting. */
import path from 'node:path';
import { putSecondFolderSetting, secondFolderSetting } from '../../db/repositories/backupSettingRepo';
import type { Db } from '../../db/connection';
import type { HandlerContext } from '../../ipc/context';
import { AppError } from '../errors';
import { mutate } from '../mutation';

export function secondBackupFolder(db: Db): string | undefined {
  return secondFolderSetting(db);
}

/** Sets (an absolute folder) or clears (null) the second backup folder. */
export function setSecondBackupFolder(ctx: HandlerContext, folder: string | null): string | null {
  if (folder !== null && !path.isAbsolute(folder)) {
    throw new AppError(
      'BAD_INPUT',
      `第二备份目录必须是完整路径（如 E:\\营业厅备份 或 /media/usb/备份），收到：${folder}`,
    );
  }
  const before = secondFolderSetting(ctx.db) ?? null;
  return mutate(ctx, ({ db, changeSeq }) => {
    putSecondFolderSetting(db, folder, changeSeq);
    return {
      result: folder,
      audit: {
        action: 'settings.backupSecondFolder',
        entity: 'settings',
        entityId: 'backup.secondFolder',
        diff: { secondFolder: { before, after: folder } },
      },
    };
  });
}
