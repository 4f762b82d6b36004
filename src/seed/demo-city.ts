import type { Clock } from '../core/clock.ts';
import { conflict } from '../core/errors.ts';
import { inOneTransaction, type Db } from '../db/database.ts';
import { seedDemoDocuments } from './demo-documents.ts';
import { isEmpty, seedDemo } from './demo.ts';
import { seedDemoSupervision } from './demo-supervision.ts';

/**
 * Loads the whole demo city (agencies, accounts, lists, items through their workflow) into an
 * empty database as one transaction: a first start killed half-way leaves an empty database,
 * and the next start loads the city again instead of refusing a half-filled one.
 */
export async function loadDemoCity(deps: { db: Db; clock: Clock; dataDir: string }): Promise<{ users: number; items: number }> {
  return inOneTransaction(deps.db, async (db) => {
    if (!(await isEmpty(db))) throw conflict('DATABASE_NOT_EMPTY', '数据库中已有机构，示例城市只能载入空数据库（the demo city loads only into an empty database）');
    const { users } = await seedDemo({ ...deps, db });
    const items = await seedDemoDocuments({ ...deps, db });
    const supervision = await seedDemoSupervision({ ...deps, db });
    return { users: users + supervision.users, items: items + supervision.items };
  });
}
