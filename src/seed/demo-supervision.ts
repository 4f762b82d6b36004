import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { createUser, grantRole } from '../modules/org/org.service.ts';
import { DEMO_PASSWORD } from './demo.ts';

/**
 * The city's disclosure office (市政务公开办) for supervision: an `office` grant at the
 * city-level agency reaches every agency, so this account sees the whole city's dashboard,
 * runs spot checks and the year-end assessment (SUP-1, SUP-2).
 */
export const CITY_OFFICE = { username: 'szf.office', name: '林督查', phone: '13800000004' };

export async function seedCityOffice(deps: { db: Db; clock: Clock }): Promise<number> {
  const city = await deps.db.selectFrom('agencies').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
  const unit = await deps.db.selectFrom('units').select('id').where('agency_id', '=', city.id).orderBy('created_at').executeTakeFirstOrThrow();
  const user = await createUser(deps, null, {
    username: CITY_OFFICE.username, name: CITY_OFFICE.name, agencyId: city.id, unitId: unit.id, phone: CITY_OFFICE.phone, email: `${CITY_OFFICE.username}@example.gov.cn`, password: DEMO_PASSWORD,
  });
  await grantRole(deps, null, user.id, city.id, 'office');
  return 1;
}
