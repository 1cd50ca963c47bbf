/** 供电方案 versions crossing the API: drafting, approval and the change record (REFERENCE.md §6.3). */
import { z } from 'zod';
import { supplySchemeSchema, type SupplyScheme } from '../domain/scheme';

const number = z.string().trim().min(1, '请填写申请编号').max(40).describe('申请编号');

export const schemeInputs = {
  list: z.object({ number }).strict(),
  saveDraft: z
    .object({
      number,
      content: supplySchemeSchema,
      /** Required when an approved version exists: why the approved scheme changes. */
      reason: z.string().trim().max(512).optional().describe('变更理由'),
    })
    .strict(),
  approve: z.object({ number, version: z.number().int().min(1).describe('方案版本') }).strict(),
};

export type SchemeStatus = 'draft' | 'approved' | 'superseded';

export interface SchemeVersion {
  version: number;
  status: SchemeStatus;
  content: SupplyScheme;
  changeReason: string | null;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}
