import { z } from 'zod';

/** 营业厅编码: letters and digits, 2–12 characters; it prefixes every application and contract number. */
export const hallCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{2,12}$/, '营业厅编码应为 2–12 位大写字母或数字')
  .describe('营业厅编码');

export const hallInitSchema = z.object({
  code: hallCodeSchema,
  name: z.string().trim().min(1, '请填写营业厅名称').max(100).describe('营业厅名称'),
});

export interface HallInfo {
  code: string;
  name: string;
  createdAt: string;
}
