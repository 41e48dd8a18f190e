import { clockStatus, label, type Locale, type ServiceLevel, type ServiceState } from '@lianxin/core';
import type { Actor } from '../../access/actor.js';
import type { ServiceApplicationRow, ServiceItemRow, ServiceMaterialRow, ServiceObjectionRow } from '../../db/service-centre.tables.js';
import { applicationMay } from './service-centre.access.js';

/** The catalogue entry as the API shows it; `portalUrl` is what the poster's QR code opens. */
export function presentItem(row: ServiceItemRow, unitName: string, publicBaseUrl: string) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    level: row.level as ServiceLevel,
    unitId: row.unitId,
    unitName,
    materials: (JSON.parse(row.materials) as Array<{ name: string; example?: string | null }>).map((m) => ({ name: m.name, example: m.example ?? null })),
    conditions: row.conditions,
    limitDays: row.limitDays,
    limitUnit: row.limitUnit as 'working_days' | 'natural_days',
    fee: row.fee,
    proxyAllowed: row.proxyAllowed === 1,
    needsCollective: row.needsCollective === 1,
    publicityDays: row.publicityDays,
    quorumPercent: row.quorumPercent,
    voteRule: row.voteRule as 'simple' | 'two_thirds',
    active: row.active === 1,
    portalUrl: `${publicBaseUrl}/m/services/${encodeURIComponent(row.code)}`,
  };
}

const RUNNING: readonly string[] = ['submitted', 'received', 'supplemented', 'reviewing', 'committee'];

/** What the proxy brings back: the missing materials while they are requested, the result once decided. */
export function toBringBack(a: ServiceApplicationRow, missing: readonly { name: string; state: string }[], locale: Locale): string[] {
  const en = locale === 'en-US';
  if (a.state === 'materials_requested') return missing.map((m) => (en ? `${m.name} (${label('materialState', m.state, locale)})` : `${m.name}（${label('materialState', m.state, locale)}）`));
  if (a.state === 'approved') return [en ? 'The approval, to hand to the applicant' : '批准决定，送达申请人'];
  if (a.state === 'refused') return [en ? 'The refusal notice, to hand to the applicant' : '不予批准决定书，送达申请人'];
  return [];
}

export interface Names {
  item: Map<string, ServiceItemRow>;
  area: Map<string, string>;
  user: Map<string, string>;
}

/** An application as lists show it. */
export function presentApplication(a: ServiceApplicationRow, names: Names, missing: readonly { name: string; state: string }[], actor: Actor, now: Date) {
  const item = names.item.get(a.itemId)!;
  const running = RUNNING.includes(a.state) && a.dueAt && a.clockStartAt;
  const clock = running ? clockStatus(new Date(a.clockStartAt!), new Date(a.dueAt!), now) : null;
  return {
    id: a.id,
    number: a.number,
    itemId: a.itemId,
    itemName: item.name,
    level: item.level as ServiceLevel,
    channel: a.channel as 'window' | 'proxy' | 'portal',
    state: a.state as ServiceState,
    areaCode: a.areaCode,
    areaName: names.area.get(a.areaCode) ?? a.areaCode,
    applicantMasked: a.applicantMasked,
    phoneMasked: a.phoneMasked,
    proxyUserId: a.proxyUserId,
    proxyName: a.proxyUserId ? (names.user.get(a.proxyUserId) ?? null) : null,
    submittedAt: a.submittedAt,
    dueAt: a.dueAt,
    dueLevel: clock?.level ?? (a.overdueAtDecision === 1 ? 'red' : 'normal'),
    overdue: clock ? clock.level === 'red' : a.overdueAtDecision === 1,
    toBringBack: a.proxyUserId === actor.userId ? toBringBack(a, missing, actor.locale) : [],
    may: applicationMay(actor, a, item),
  };
}

export const presentObjection = (o: ServiceObjectionRow) => ({
  id: o.id,
  applicationId: o.applicationId,
  channel: o.channel as 'portal' | 'window',
  content: o.content,
  state: o.state as 'recorded' | 'investigating' | 'answered',
  finding: o.finding,
  upheld: o.upheld === null ? null : o.upheld === 1,
  answer: o.answer,
  createdAt: o.createdAt,
  answeredAt: o.answeredAt,
});

/** The material checklist with each photo named (never its path). */
export function presentMaterials(rows: ServiceMaterialRow[], files: Map<string, string>) {
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    state: m.state as 'present' | 'missing' | 'to_correct',
    note: m.note,
    photos: m.attachmentIds
      .split(',')
      .filter(Boolean)
      .map((id) => ({ id, fileName: files.get(id) ?? id })),
  }));
}
