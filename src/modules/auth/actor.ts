import { forbidden } from '../../core/errors.ts';
import { coveredAgencies, type AgencyNode, type Role } from '../org/org.rules.ts';

export type Grant = { id: string; agencyId: string; role: Role };

/** The signed-in staff member a request acts for, with the agencies each role reaches. */
export type Actor = {
  userId: string;
  username: string;
  name: string;
  agencyId: string;
  grants: Grant[];
  reach: Map<Role, Set<string>>;
  ip: string;
};

export function buildReach(grants: readonly Grant[], tree: readonly AgencyNode[]): Map<Role, Set<string>> {
  const reach = new Map<Role, Set<string>>();
  for (const g of grants) {
    const set = reach.get(g.role) ?? new Set<string>();
    for (const id of coveredAgencies(tree, g.agencyId)) set.add(id);
    reach.set(g.role, set);
  }
  return reach;
}

export const hasRole = (actor: Actor, role: Role): boolean => reach(actor, [role]).size > 0;

/** Agencies where the actor holds any of `roles`. */
export function reach(actor: Actor, roles: readonly Role[]): Set<string> {
  const out = new Set<string>();
  for (const r of roles) for (const id of actor.reach.get(r) ?? []) out.add(id);
  return out;
}

/** Refuses unless the actor holds one of `roles` in `agencyId`; returns the role it acts in. */
export function requireRoleIn(actor: Actor, roles: readonly Role[], agencyId: string): Role {
  const role = roles.find((r) => actor.reach.get(r)?.has(agencyId));
  if (!role) throw forbidden('您在该机关没有执行此操作的角色');
  return role;
}

export const auditActor = (actor: Actor, role: Role | null) => ({ id: actor.userId, name: actor.name, role });
