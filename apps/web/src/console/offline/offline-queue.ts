import { useCallback, useEffect, useState } from 'react';
import { offlineDb, type QueuedCase, type QueuedHousehold, type QueuedSurvey, type QueuedVisit, type QueueItem } from './offline-db';
import { countsOf } from './offline-logic';

const changes = new EventTarget();
/** Tells every open view of the queue (badge, queue page) that it changed. */
export const queueChanged = () => changes.dispatchEvent(new Event('change'));

const now = () => new Date().toISOString();
const uuid = () => crypto.randomUUID();

/** The cadre's queue, oldest first (the order it syncs in). */
export async function listQueue(userId: string): Promise<QueueItem[]> {
  const items = await (await offlineDb()).getAllFromIndex('queue', 'byUser', userId);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function putItem(item: QueueItem): Promise<void> {
  await (await offlineDb()).put('queue', item);
  queueChanged();
}

/** Queues a visit with the photos taken offline (their bytes kept on the phone until uploaded). */
export async function queueVisit(userId: string, label: string, body: QueuedVisit['body'], photos: Array<{ blob: Blob; name: string }>): Promise<QueuedVisit> {
  const db = await offlineDb();
  const kept = photos.map((p) => ({ localId: uuid(), name: p.name, key: uuid(), blob: p.blob }));
  const item: QueuedVisit = {
    id: uuid(),
    userId,
    createdAt: now(),
    state: 'waiting',
    key: uuid(),
    label,
    attempts: 0,
    kind: 'visit',
    body,
    photos: kept.map(({ localId, name, key }) => ({ localId, name, key })),
  };
  const tx = db.transaction(['queue', 'photos'], 'readwrite');
  await Promise.all([...kept.map((p) => tx.objectStore('photos').put({ localId: p.localId, blob: p.blob, name: p.name })), tx.objectStore('queue').put(item), tx.done]);
  queueChanged();
  return item;
}

/** Queues turning problem `seq` of a queued visit into a case (sent once the visit is on the server). */
export async function queueCase(visit: QueuedVisit, seq: number): Promise<QueuedCase> {
  const problem = visit.body.problems[seq - 1];
  const item: QueuedCase = {
    id: uuid(),
    userId: visit.userId,
    createdAt: now(),
    state: 'waiting',
    key: uuid(),
    label: problem?.text ?? '',
    attempts: 0,
    kind: 'case',
    visitItemId: visit.id,
    problemSeq: seq,
    body: { kind: 'help', categoryCode: problem?.categoryCode },
  };
  await putItem(item);
  return item;
}

/**
 * Queues a household's answers to a survey given on a visit: after the queued visit (`visit`), or
 * with the id of a visit already on the server (and the key its lost first attempt carried).
 */
export async function queueSurveyAnswers(userId: string, on: { visit: QueuedVisit } | { visitId: string }, { key = uuid(), ...input }: Pick<QueuedSurvey, 'surveyId' | 'householdId' | 'answers' | 'label'> & { key?: string }): Promise<QueuedSurvey> {
  const item: QueuedSurvey = { id: uuid(), userId, createdAt: now(), state: 'waiting', key, attempts: 0, kind: 'survey', ...('visit' in on ? { visitItemId: on.visit.id } : { visitId: on.visitId }), ...input };
  await putItem(item);
  return item;
}

/** Queues a household edit made offline against the version read. */
export async function queueHouseholdEdit(userId: string, input: Pick<QueuedHousehold, 'householdId' | 'baseVersion' | 'base' | 'changes' | 'label'>): Promise<QueuedHousehold> {
  const item: QueuedHousehold = { id: uuid(), userId, createdAt: now(), state: 'waiting', key: uuid(), attempts: 0, kind: 'household', ...input };
  await putItem(item);
  return item;
}

/** Removes an item (and the photos it kept); a case or survey answers waiting on a removed visit go with it. */
export async function removeItem(item: QueueItem): Promise<void> {
  const db = await offlineDb();
  const dependants = item.kind === 'visit' ? (await listQueue(item.userId)).filter((i) => (i.kind === 'case' || i.kind === 'survey') && i.visitItemId === item.id && i.state !== 'done') : [];
  const tx = db.transaction(['queue', 'photos'], 'readwrite');
  const photos = item.kind === 'visit' ? item.photos.map((p) => tx.objectStore('photos').delete(p.localId)) : [];
  await Promise.all([...photos, tx.objectStore('queue').delete(item.id), ...dependants.map((d) => tx.objectStore('queue').delete(d.id)), tx.done]);
  queueChanged();
}

/** The photo bytes kept for a queued visit. */
export async function photoBlob(localId: string) {
  return (await offlineDb()).get('photos', localId);
}

export async function dropPhoto(localId: string) {
  await (await offlineDb()).delete('photos', localId);
}

/** The cadre's queue, kept current as it changes (for the queue page and the header badge). */
export function useQueue(userId: string) {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [ready, setReady] = useState(false);
  const reload = useCallback(() => {
    void listQueue(userId).then(
      (list) => {
        setItems(list);
        setReady(true);
      },
      () => setReady(true),
    );
  }, [userId]);
  useEffect(() => {
    reload();
    changes.addEventListener('change', reload);
    return () => changes.removeEventListener('change', reload);
  }, [reload]);
  return { items, ready, counts: countsOf(items), reload };
}
