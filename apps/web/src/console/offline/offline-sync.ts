import { ApiError, callFresh, callOnce, upload } from '../../api/client';
import type { QueuedCase, QueuedHousehold, QueuedSurvey, QueuedVisit, QueueItem } from './offline-db';
import { isNetworkError } from './network';
import { householdValues } from './offline-logic';
import { dropPhoto, listQueue, photoBlob, putItem } from './offline-queue';

/** What one sync did. */
export interface SyncReport {
  synced: number;
  /** The signal went away (or the session ended) before everything was sent. */
  interrupted: boolean;
}

/** Thrown to stop a sync: no network, or the session ended (the items stay waiting). */
class Interrupted extends Error {}

let running: Promise<SyncReport> | null = null;

/**
 * Sends the cadre's waiting items, oldest first, each with its Idempotency-Key: photos, then the
 * visit, then the cases of its problems and the survey answers given on it; household edits meet the current version and a conflict
 * waits for the cadre. A lost answer (signal gone mid-request) leaves the item waiting; its retry
 * carries the same key, so the server answers the first result and writes nothing twice. One sync
 * runs at a time.
 */
export function syncQueue(userId: string): Promise<SyncReport> {
  running ??= run(userId).finally(() => {
    running = null;
  });
  return running;
}

async function run(userId: string): Promise<SyncReport> {
  let synced = 0;
  const items = await listQueue(userId);
  const visits = new Map(items.filter((i): i is QueuedVisit => i.kind === 'visit').map((v) => [v.id, v]));
  for (const item of items) {
    if (item.state !== 'waiting' && item.state !== 'syncing') continue;
    try {
      const sent = await send(item, visits);
      if (sent) synced++;
    } catch (error) {
      if (error instanceof Interrupted) return { synced, interrupted: true };
      throw error;
    }
  }
  return { synced, interrupted: false };
}

/** Sends one item; false when it must wait (a case whose visit is not on the server yet). */
async function send(item: QueueItem, visits: Map<string, QueuedVisit>): Promise<boolean> {
  if ((item.kind === 'case' || (item.kind === 'survey' && item.visitItemId)) && !visits.get(item.visitItemId!)?.result) return false;
  await putItem({ ...item, state: 'syncing', attempts: item.attempts + 1 });
  try {
    const done =
      item.kind === 'visit'
        ? await sendVisit(item)
        : item.kind === 'case'
          ? await sendCase(item, visits.get(item.visitItemId)!)
          : item.kind === 'survey'
            ? await sendSurvey(item, item.visitItemId ? visits.get(item.visitItemId)!.result!.visitId : item.visitId)
            : await sendHousehold(item);
    if (done.kind === 'visit') visits.set(done.id, done);
    await putItem(done);
    return done.state === 'done';
  } catch (error) {
    if (isNetworkError(error) || (error instanceof ApiError && (error.status === 401 || error.status >= 500 || error.code === 'error.idempotency_pending'))) {
      await putItem({ ...(await latest(item)), state: 'waiting', error: error instanceof ApiError ? error.title : undefined });
      throw new Interrupted();
    }
    await putItem({ ...(await latest(item)), state: 'failed', error: error instanceof ApiError ? error.title : String(error) });
    return false;
  }
}

/** The item as stored now (a visit keeps the ids of photos already uploaded). */
async function latest<T extends QueueItem>(item: T): Promise<T> {
  return ((await listQueue(item.userId)).find((i) => i.id === item.id) as T | undefined) ?? item;
}

async function sendVisit(item: QueuedVisit): Promise<QueuedVisit> {
  let current = item;
  for (const photo of item.photos) {
    if (photo.uploadedId) continue;
    const kept = await photoBlob(photo.localId);
    if (!kept) throw new Error(`photo ${photo.name} is missing on this device`);
    const saved = await upload('POST /api/attachments', kept.blob, kept.name, undefined, photo.key);
    current = { ...current, photos: current.photos.map((p) => (p.localId === photo.localId ? { ...p, uploadedId: saved.id } : p)) };
    await putItem({ ...current, state: 'syncing' });
  }
  const photoIds = [...item.body.photoIds, ...current.photos.map((p) => p.uploadedId!)];
  const visit = await callOnce('POST /api/visits', item.key, { body: { ...item.body, photoIds } as never });
  for (const photo of current.photos) await dropPhoto(photo.localId);
  return { ...current, state: 'done', error: undefined, syncedAt: new Date().toISOString(), result: { visitId: visit.id, problems: visit.problems.map((p) => ({ id: p.id, seq: p.seq })) } };
}

async function sendCase(item: QueuedCase, visit: QueuedVisit): Promise<QueuedCase> {
  const problem = visit.result!.problems.find((p) => p.seq === item.problemSeq);
  if (!problem) throw new Error('problem not found');
  const converted = await callOnce('POST /api/visits/:id/problems/:problemId/case', item.key, { params: { id: visit.result!.visitId, problemId: problem.id }, body: item.body });
  return { ...item, state: 'done', error: undefined, syncedAt: new Date().toISOString(), result: { caseId: converted.case.id, code: converted.case.code } };
}

/** A survey refused (closed, or answered meanwhile by the household itself) stays in the queue, failed, with the reason. */
async function sendSurvey(item: QueuedSurvey, visitId: string | undefined): Promise<QueuedSurvey> {
  await callOnce('POST /api/surveys/:id/answers', item.key, { params: { id: item.surveyId }, body: { householdId: item.householdId, answers: item.answers, visitId } });
  return { ...item, state: 'done', error: undefined, syncedAt: new Date().toISOString() };
}

async function sendHousehold(item: QueuedHousehold): Promise<QueuedHousehold> {
  try {
    await callOnce('PATCH /api/households/:id', item.key, { params: { id: item.householdId }, body: { ...item.changes, version: item.baseVersion } as never });
    return { ...item, state: 'done', error: undefined, syncedAt: new Date().toISOString() };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    // Edited meanwhile: keep both versions for the cadre to resolve; nothing is lost.
    // The server's version itself: a cached copy (the signal just back) would hide the other's change.
    const current = await callFresh('GET /api/households/:id', { params: { id: item.householdId } });
    return { ...item, state: 'conflict', error: error.title, theirs: { version: current.version, values: householdValues(current as never) } };
  }
}
