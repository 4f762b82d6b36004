import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { sendRequest } from '../modules/coordination/coordination.service.ts';

/**
 * One pending coordination request (COORD-1): 人社局's office asks 医保局 to confirm how its
 * draft on unemployment benefit states the medical insurance of the unemployed.
 */
export async function seedDemoCoordination(deps: { db: Db; clock: Clock }): Promise<void> {
  const office = await deps.db.selectFrom('users').select('id').where('username', '=', 'rsj.office').executeTakeFirstOrThrow();
  const item = await deps.db.selectFrom('items').select('id').where('title', '=', '关于调整失业保险金标准的通知（征求意见稿）').executeTakeFirstOrThrow();
  const ybj = await deps.db.selectFrom('agencies').select('id').where('code', '=', 'YBJ').executeTakeFirstOrThrow();
  await sendRequest(deps, (await loadActor(deps.db, office.id, '127.0.0.1'))!, {
    subjectType: 'item', subjectId: item.id, answeringAgencyId: ybj.id, channel: 'platform', urgent: false,
    matter: '失业人员领取失业保险金期间参加职工基本医疗保险及其费用支付的表述',
    ourWording: '失业人员在领取失业保险金期间，参加职工基本医疗保险并享受相应待遇，应缴纳的基本医疗保险费从失业保险基金中支付，个人不缴纳。',
  });
}
