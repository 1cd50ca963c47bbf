import type { Db } from '../connection';
import { prepared } from '../statements';

export interface CustomerFields {
  kind: string;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
}

/**
 * Finds the customer by document type and number, creating it or refreshing its name and phone with the latest
 * application's values. Returns the customer id.
 */
export function upsertCustomer(db: Db, c: CustomerFields, at: string, changeSeq: number): number {
  return prepared<unknown[], { id: number }>(
    db,
    `INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at, change_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id_type, id_number) DO UPDATE SET
       kind = excluded.kind, name = excluded.name, phone = excluded.phone,
       updated_at = excluded.updated_at, change_seq = excluded.change_seq
     RETURNING id`,
  ).get(c.kind, c.name, c.idType, c.idNumber, c.phone, at, at, changeSeq)!.id;
}

export function findCustomerId(db: Db, idType: string, idNumber: string): number | undefined {
  return prepared<[string, string], { id: number }>(
    db,
    'SELECT id FROM customers WHERE id_type = ? AND id_number = ?',
  ).get(idType, idNumber)?.id;
}
