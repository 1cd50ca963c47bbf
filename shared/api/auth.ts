/** Sign-in, passwords and the first start: inputs (parsed in main) and what the renderer is told. */
import { z } from 'zod';
import type { Role } from '../domain/codes';
import { documentSettingsSchema } from './documents';
import { hallInitSchema } from './hall';
import { passwordSchema, userCreateSchema } from './users';

/** At sign-in the length rule is not repeated: a wrong password is simply wrong. */
const typedPasswordSchema = z.string().min(1, '请填写密码').max(128, '密码最多 128 位').describe('密码');

export const staffNoSchema = userCreateSchema.shape.id;

export const authInputs = {
  signIn: z.object({ id: staffNoSchema, password: typedPasswordSchema }).strict(),
  changePassword: z
    .object({ current: typedPasswordSchema.describe('当前密码'), next: passwordSchema.describe('新密码') })
    .strict(),
  unlock: z.object({ password: typedPasswordSchema }).strict(),
  resetPassword: z.object({ id: staffNoSchema, password: passwordSchema.describe('临时密码') }).strict(),
  /** 首次启动 wizard: hall (unless the folder has one), first administrator, 文书抬头, demo data or not. */
  firstRun: z
    .object({
      hall: hallInitSchema.strict().optional(),
      admin: z.object({ id: staffNoSchema, name: userCreateSchema.shape.name, password: passwordSchema }).strict(),
      documents: documentSettingsSchema.pick({ utilityName: true, address: true, phone: true, hotline: true }).strict(),
      demo: z.boolean().describe('载入演示数据'),
    })
    .strict(),
  idleLock: z
    .object({
      minutes: z.number().int().min(1, '至少 1 分钟').max(120, '最多 120 分钟').describe('无操作锁屏时间（分钟）'),
    })
    .strict(),
};

export type FirstRunInput = z.output<typeof authInputs.firstRun>;

/** The signed-in user as the renderer sees it (never trusted back: the main process keeps its own copy). */
export interface SignedInUser {
  id: string;
  name: string;
  role: Role;
  /** After an administrator's reset: nothing but a password change is allowed until it is done. */
  mustChangePassword: boolean;
  /** Idle lock: nothing but unlock (same user's password), 换班 or status until unlocked. */
  locked: boolean;
}

export interface AuthStatus {
  /** False on a data folder without users: the renderer shows the first-run wizard. */
  hasUsers: boolean;
  /** The folder's hall, if it has one (the wizard then only asks for the administrator and 文书抬头). */
  hall: { code: string; name: string } | null;
  user: SignedInUser | null;
  /** Minutes without input before the screen locks (系统设置; default 10). */
  idleLockMinutes: number;
  /** The data folder cannot be written: the app opened for reading only (the window says so). */
  readOnly: boolean;
}
