import type { Answer, PendingSurveys } from '@lianxin/core';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** Where a queued record stands: waiting for signal, being sent, refused, in conflict, or synced. */
export type QueueState = 'waiting' | 'syncing' | 'failed' | 'conflict' | 'done';

interface QueueBase {
  /** Local id (a UUID), also the order key together with createdAt. */
  id: string;
  /** The cadre who recorded it: a shared phone shows each cadre only their own queue. */
  userId: string;
  createdAt: string;
  state: QueueState;
  /** The Idempotency-Key sent with every attempt: a retry never writes twice on the server. */
  key: string;
  /** What the cadre reads in the queue (the household address or the place). */
  label: string;
  attempts: number;
  error?: string;
  syncedAt?: string;
}

/** A photo taken offline: its bytes wait in the `photos` store; its own key makes its upload idempotent. */
export interface QueuedPhoto {
  localId: string;
  name: string;
  key: string;
  /** The attachment id once uploaded (kept so a retry of the visit does not upload it again). */
  uploadedId?: string;
}

/** A visit recorded offline: the body of POST /api/visits without the photos not yet uploaded. */
export interface QueuedVisit extends QueueBase {
  kind: 'visit';
  body: Record<string, unknown> & { photoIds: string[]; problems: Array<{ text: string; categoryCode?: string; householdId?: string }> };
  photos: QueuedPhoto[];
  result?: { visitId: string; problems: Array<{ id: string; seq: number }> };
}

/** A problem of a queued visit to turn into a case once the visit is synced. */
export interface QueuedCase extends QueueBase {
  kind: 'case';
  visitItemId: string;
  problemSeq: number;
  body: { kind: 'help'; categoryCode?: string };
  result?: { caseId: string; code: string };
}

/** A household edit made offline against the version the cadre had read. */
export interface QueuedHousehold extends QueueBase {
  kind: 'household';
  householdId: string;
  baseVersion: number;
  /** The fields as the cadre read them (to show what changed). */
  base: Record<string, unknown>;
  /** Only the fields the cadre changed. */
  changes: Record<string, unknown>;
  /** The version on the server when the edit met a conflict. */
  theirs?: { version: number; values: Record<string, unknown> };
}

/**
 * A household's answers to a survey given on a visit without signal: sent once its visit is on the
 * server (with the visit's id), or at once when the visit was saved online (`visitId`).
 */
export interface QueuedSurvey extends QueueBase {
  kind: 'survey';
  /** The queued visit it was answered on (local id), when that visit waits too. */
  visitItemId?: string;
  /** The visit's id on the server, when the visit was saved online. */
  visitId?: string;
  surveyId: string;
  householdId: string;
  answers: Answer[];
}

export type QueueItem = QueuedVisit | QueuedCase | QueuedHousehold | QueuedSurvey;

/** A household of the cadre's villages kept for offline lookup (masked as the API answers it). */
export interface OfflineHousehold {
  id: string;
  userId: string;
  address: string;
  headName: string;
  areaCode: string;
  tags: string[];
}

/** A campaign with the targets the cadre may read, kept for offline reading. */
export interface OfflineCampaign {
  id: string;
  userId: string;
  name: string;
  areaCode: string;
  targets: Array<{ householdId: string; address: string; headName: string; areaName: string; visitedAt: string | null; cadreName: string | null }>;
}

/** An open survey reaching the cadre's areas, kept to answer with households on visits without signal. */
export interface OfflineSurvey {
  id: string;
  userId: string;
  title: string;
  areaCode: string;
  /** The household tags it is for (none: every household of its area). */
  tags: string[];
  opensOn: string;
  closesOn: string;
  questions: PendingSurveys['items'][number]['questions'];
}

interface OfflineSchema extends DBSchema {
  queue: { key: string; value: QueueItem; indexes: { byUser: string } };
  photos: { key: string; value: { localId: string; blob: Blob; name: string } };
  households: { key: string; value: OfflineHousehold; indexes: { byUser: string } };
  campaigns: { key: string; value: OfflineCampaign; indexes: { byUser: string } };
  surveys: { key: string; value: OfflineSurvey; indexes: { byUser: string } };
  meta: { key: string; value: { key: string; value: unknown } };
}

let opened: Promise<IDBPDatabase<OfflineSchema>> | undefined;

/** The phone's offline store (IndexedDB `lianxin-offline`). */
export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>('lianxin-offline', 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('queue', { keyPath: 'id' }).createIndex('byUser', 'userId');
        db.createObjectStore('photos', { keyPath: 'localId' });
        db.createObjectStore('households', { keyPath: 'id' }).createIndex('byUser', 'userId');
        db.createObjectStore('campaigns', { keyPath: 'id' }).createIndex('byUser', 'userId');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      // Version 2: open surveys, to answer with a household on a visit without signal.
      if (oldVersion < 2) db.createObjectStore('surveys', { keyPath: 'id' }).createIndex('byUser', 'userId');
    },
  });
  return opened;
}
