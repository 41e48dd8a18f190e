import type { Actor } from '../../../access/actor.js';
import { DEMO_UNITS, DEMO_USERS } from './org.js';

/** A demo account as the services see a signed-in staff member (the demo seed acts through them). */
export function demoActor(username: string): Actor {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  const units = new Map(DEMO_UNITS.map((u) => [u.id, u]));
  return {
    userId: user.id,
    username,
    displayName: user.name,
    locale: 'zh-CN',
    grants: user.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: units.get(g.unitId)!.name, areaCode: units.get(g.unitId)!.areaCode })),
    sessionId: 'demo-seed',
    csrfToken: 'demo-seed',
  };
}
