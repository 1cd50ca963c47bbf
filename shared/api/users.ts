import { z } from 'zod';
import { ROLES, type Role } from '../domain/codes';

export const userCreateSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,32}$/, '工号应为 2–32 位字母、数字或 _.-')
    .describe('工号'),
  name: z.string().trim().min(1, '请填写姓名').max(64).describe('姓名'),
  role: z.enum(ROLES).describe('角色'),
});

export interface UserInfo {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
}
