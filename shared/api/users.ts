import { z } from 'zod';
import { ROLES, type Role } from '../domain/codes';

/** Minimum 8 characters (issue 10); the upper bound keeps scrypt's input small. */
export const passwordSchema = z.string().min(8, '密码至少 8 位').max(128, '密码最多 128 位').describe('密码');

export const userCreateSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,32}$/, '工号应为 2–32 位字母、数字或 _.-')
    .describe('工号'),
  name: z.string().trim().min(1, '请填写姓名').max(64).describe('姓名'),
  role: z.enum(ROLES).describe('角色'),
  /** 初始密码 chosen by the administrator; the user must change it at the first sign-in. */
  password: passwordSchema.describe('初始密码').optional(),
});

/** 停用 / 启用 a user (never deleted: the audit trail names them). */
export const userSetActiveSchema = z
  .object({ id: userCreateSchema.shape.id, active: z.boolean().describe('是否启用') })
  .strict();

export interface UserInfo {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
}
