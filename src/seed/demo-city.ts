import type { Clock } from '../core/clock.ts';
import { conflict } from '../core/errors.ts';
import { inOneTransaction, type Db } from '../db/database.ts';
import { seedDemoCoordination } from './demo-coordination.ts';
import { seedDemoDocuments } from './demo-documents.ts';
import { seedDemoParticipation } from './demo-participation.ts';
import { seedDemoDuty } from './demo-duty.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoInterpretation } from './demo-interpretation.ts';
import { isEmpty, seedDemo } from './demo.ts';
import { seedDemoOpinion } from './demo-opinion.ts';
import { seedDemoSupervision } from './demo-supervision.ts';

/**
 * Loads the whole demo city (agencies, accounts, lists, items through their workflow, opinion cases) into an
 * empty database as one transaction: a first start killed half-way leaves an empty database,
 * and the next start loads the city again instead of refusing a half-filled one.
 */
export async function loadDemoCity(deps: { db: Db; clock: Clock; dataDir: string }): Promise<{ users: number; items: number }> {
  return inOneTransaction(deps.db, async (db) => {
    if (!(await isEmpty(db))) throw conflict('DATABASE_NOT_EMPTY', '数据库中已有机构，示例城市只能载入空数据库（the demo city loads only into an empty database）');
    const { users } = await seedDemo({ ...deps, db });
    let items = (await seedDemoDocuments({ ...deps, db })) + (await seedDemoParticipation({ ...deps, db })) + (await seedDemoInterpretation({ ...deps, db }));
    await seedDemoCoordination({ ...deps, db });
    await seedDemoDuty({ ...deps, db });
    await seedDemoReports({ ...deps, db });
    await seedDemoOpinion({ ...deps, db });
    items += await seedDemoSupervision({ ...deps, db });
    return { users, items };
  });
}
