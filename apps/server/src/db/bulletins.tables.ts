/**
 * Row types of the bulletins tables (migration 2026120613): 定期通报 and the units each was
 * published to. `DB` in schema.ts extends this.
 */
import type { Generated, Selectable } from 'kysely';

export interface BulletinTables {
  bulletins: BulletinTable;
  bulletinRecipients: BulletinRecipientTable;
}

export interface BulletinTable {
  id: string;
  kind: string;
  periodKey: string;
  areaCode: string;
  periodFrom: string;
  periodTo: string;
  year: number;
  seq: number;
  issuer: string;
  minCases: number;
  sections: string;
  typical: Generated<string>;
  state: string;
  isPublic: Generated<number>;
  createdBy: string | null;
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}
export type BulletinRow = Selectable<BulletinTable>;

export interface BulletinRecipientTable {
  bulletinId: string;
  unitId: string;
}
