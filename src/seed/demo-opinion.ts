import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { actOnCase, registerCase } from '../modules/opinion/opinion.service.ts';

type Deps = { db: Db; clock: Clock; dataDir: string };

const minutesAgo = (clock: Clock, n: number) => new Date(clock().getTime() - n * 60_000).toISOString();

/**
 * Two opinion cases of the bureau, made through the real workflow: a major one on its hour
 * clocks, reported upward and transferred to the unit that answers for it; a general one just
 * registered from the hotline.
 */
export async function seedDemoOpinion(deps: Deps): Promise<void> {
  const user = await deps.db.selectFrom('users').select('id').where('username', '=', 'rsj.opinion').executeTakeFirstOrThrow();
  const lead = (await loadActor(deps.db, user.id, '127.0.0.1'))!;
  const major = await registerCase(deps, lead, {
    title: '网传某人力资源公司拖欠务工人员工资', source: 'weibo', link: 'https://weibo.example.com/status/2026120401', happenedAt: minutesAgo(deps.clock, 40), foundAt: minutesAgo(deps.clock, 30),
    summary: '微博用户发帖称某人力资源服务公司拖欠数十名务工人员工资，配有现场视频，转发量较快上升。', riskLevel: 'major',
  });
  await actOnCase(deps, lead, major.case.id, 'assess', { riskLevel: 'major', analysis: '涉及农民工工资支付，关注度高，易引发群体性事件。', handlingPlan: '劳动关系科立即核查，5小时内发布权威信息，必要时召开新闻发布会。' });
  await actOnCase(deps, lead, major.case.id, 'report_upward', { to: '市委网信办、市政府办公室' });
  const unit = await deps.db.selectFrom('units').select('id').where('agency_id', '=', major.case.agencyId).where('name', '=', '劳动关系科').executeTakeFirstOrThrow();
  await actOnCase(deps, lead, major.case.id, 'transfer', { unitId: unit.id, note: '请立即核查并起草回应信息。' });
  await registerCase(deps, lead, {
    title: '热线反映失业保险金到账较慢', source: 'hotline', link: '12345工单 示例-0172', happenedAt: minutesAgo(deps.clock, 300), foundAt: minutesAgo(deps.clock, 290),
    summary: '市民致电12345热线，反映申领失业保险金后到账较慢，询问办理进度。', riskLevel: 'general',
  });
}
