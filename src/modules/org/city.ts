import type { Tx } from '../../db/database.ts';
import { requireRoleIn, type Actor } from '../auth/actor.ts';
import type { Role } from './org.rules.ts';

/**
 * What is one for the whole deployment (the agency tree, the calendar, the security policy)
 * is changed only by a holder of `role` at the city-level agency.
 */
export async function requireCityRole(db: Tx, actor: Actor, role: Role): Promise<{ agencyId: string; role: Role }> {
  const agencyId = await cityAgencyId(db);
  return { agencyId, role: requireRoleIn(actor, [role], agencyId) };
}

export async function cityAgencyId(db: Tx): Promise<string> {
  return (await db.selectFrom('agencies').select('id').where('level', '=', 'city').executeTakeFirstOrThrow()).id;
}
