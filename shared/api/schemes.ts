/** 供电方案 versions crossing the API: drafting, approval and the change record (REFERENCE.md §6.3). */
import { z } from 'zod';
import { supplySchemeSchema, type SupplyScheme } from '../domain/scheme';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
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
  /** R-GATE-04: the one extension of the approved version, on the customer's written request (supervisor). */
  extend: z
    .object({
      number,
      version: z.number().int().min(1).describe('方案版本'),
      until: isoDate.describe('延期至'),
      requestedOn: isoDate.describe('客户申请日期'),
      reason: z.string().trim().min(1, '请填写延期理由').max(512).describe('延期理由'),
    })
    .strict(),
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
  /** Display names of createdBy / approvedBy where known (schemes.list); the screens show these, not the ids. */
  createdByName?: string;
  approvedByName?: string;
  /** 有效期至: the last valid day in force (the reply date plus the validity, or the extension). */
  validUntil: string;
  /** Set when the approved version was extended (R-GATE-04). */
  extendedUntil: string | null;
}
