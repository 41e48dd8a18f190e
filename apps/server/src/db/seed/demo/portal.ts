import { trackingSecretHash } from '../../../modules/cases/cases.tracking-secret.js';
import type { Services } from '../../../services.js';

/**
 * The 查询码 every demo case is given, so that a demonstration (and the browser tests) can track
 * any demo case on the portal with its tracking code. Demo data only: a real case's 查询码 is random.
 */
export const DEMO_TRACKING_SECRET = 'DEM02026';

/**
 * Demo data of the residents' portal: work phones for village cadres, printed on the contact
 * cards (民情联系卡), and the demo 查询码 of every demo case. The public board needs nothing of its
 * own: about 40 % of the demo's cases consent to publication, online submissions among them.
 */
export async function seedDemoPortal(services: Services): Promise<number> {
  const { db, cipher } = services;
  await db.transaction().execute(async (trx) => {
    for (const { caseId } of await trx.selectFrom('trackingSecrets').select('caseId').execute()) {
      await trx.updateTable('trackingSecrets').set({ secretHash: trackingSecretHash(cipher, caseId, DEMO_TRACKING_SECRET) }).where('caseId', '=', caseId).execute();
    }
  });
  const cadres = await db
    .selectFrom('userRoles')
    .innerJoin('units', 'units.id', 'userRoles.unitId')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select(['users.id'])
    .distinct()
    .where('units.kind', '=', 'village')
    .where('users.phoneEnc', 'is', null)
    .orderBy('users.id')
    .execute();
  // Fictional numbers in a block that reads as demo data (1397980xxxx).
  for (const [i, c] of cadres.entries()) {
    await db.updateTable('users').set({ phoneEnc: cipher.encrypt(`1397980${String(2000 + i).padStart(4, '0')}`) }).where('id', '=', c.id).execute();
  }
  return cadres.length;
}
