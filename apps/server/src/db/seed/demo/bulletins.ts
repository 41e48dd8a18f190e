import { addLocalDays, localDate } from '@lianxin/core';
import type { Services } from '../../../services.js';
import { demoActor } from './actors.js';

/**
 * The demo's accountability decisions and one published bulletin: the supervisor has
 * confirmed the overdue records older than 30 days (every third one withdrawn after checking),
 * the newer ones still wait as proposed; the monthly bulletin of the month before last is
 * published to the county's units and on the portal.
 */
export async function seedDemoBulletins(services: Services, end: Date): Promise<void> {
  const { db } = services;
  // The county's supervisor (群众工作中心), as the services see them.
  const actor = demoActor('supervisor');

  const older = await db
    .selectFrom('accountabilityRecords')
    .select('id')
    .where('state', '=', 'proposed')
    .where('createdAt', '<', new Date(end.getTime() - 30 * 86_400_000).toISOString())
    .orderBy('createdAt')
    .execute();
  for (const [i, r] of older.entries()) {
    const withdrawn = i % 3 === 2;
    await services.accountability.decide(actor, r.id, withdrawn ? { decision: 'withdrawn', reason: '经核实，系交办信息有误所致，不予追究。' } : { decision: 'confirmed', reason: '经核实，超期属实。' });
  }

  const monthBeforeLast = addLocalDays(`${localDate(end).slice(0, 7)}-01`, -32).slice(0, 7);
  const bulletin = await services.bulletins.generate(actor, { kind: 'monthly', period: monthBeforeLast }, 'zh-CN');
  await services.bulletins.publish(actor, bulletin.id, { public: true }, 'zh-CN');
}
