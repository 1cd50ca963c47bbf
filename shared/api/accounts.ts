/** 户号 lookup for changes to an existing service (增容, 减容, 暂停, 过户, 销户 …). */
import { z } from 'zod';
import type { ApplicationInput } from '../domain/application';

export const accountLookupSchema = z.object({
  accountNo: z
    .string()
    .trim()
    .regex(/^\d{10}(\d{3})?$/, '户号应为 10 位或 13 位数字'),
});

/** What the form prefills: the customer, the site and the service as the hall's last record of it left it. */
export interface AccountLookup {
  accountNo: string;
  /** The application the prefill comes from (the newest archived one, else the newest of any status). */
  sourceNumber: string;
  customer: ApplicationInput['customer'];
  site: ApplicationInput['site'];
  existing: NonNullable<ApplicationInput['existing']>;
  /** Open applications on the account: a new one would be refused (R-CHG-01). */
  openApplications: string[];
}
