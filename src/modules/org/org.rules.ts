/**
 * Roles named by the rules (ORG-5) and the 三员分立 separation of the three administrator
 * roles (等保2.0: system, security and audit administration are held by different people).
 */
export const ROLES = {
  drafter: { label: '拟稿人', description: '起草公文和信息，提出公开属性', triad: false },
  dept_head: { label: '科室负责人', description: '审核本科室拟公开的信息，提出初审意见', triad: false },
  office: { label: '公开办工作人员', description: '领导小组办公室：核查公开属性、组织审查、发布和受理申请', triad: false },
  secrecy_reviewer: { label: '保密审查员', description: '保密审查机构：出具保密审查意见', triad: false },
  leader: { label: '分管领导', description: '审批公开事项', triad: false },
  opinion_lead: { label: '舆情负责人', description: '政研室：舆情监测、研判与回应', triad: false },
  sys_admin: { label: '系统管理员', description: '管理机构、部门、用户和工作日历', triad: true },
  security_admin: { label: '安全管理员', description: '授予角色、解锁账号、维护安全策略', triad: true },
  auditor: { label: '安全审计员', description: '查阅和校验审计日志', triad: true },
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];
export const TRIAD_ROLES = ROLE_NAMES.filter((r) => ROLES[r].triad);

export const isRole = (s: string): s is Role => Object.hasOwn(ROLES, s);

/**
 * 三员分立: returns the administrator role that forbids adding `role` to a user who already
 * holds `held` (in any agency), or null when the grant is allowed.
 */
export function triadConflict(held: readonly Role[], role: Role): Role | null {
  if (!ROLES[role].triad) return null;
  return held.find((h) => ROLES[h].triad && h !== role) ?? null;
}

/** Administrators of the three roles must use a second factor at login. */
export const requiresSecondFactor = (roles: readonly Role[]): boolean => roles.some((r) => ROLES[r].triad);

export type AgencyNode = { id: string; parent_id: string | null };

/**
 * The agencies a grant on `agencyId` covers: that agency and every agency below it, so a
 * grant at the city-level government office is city-wide and any other stays in its agency.
 */
export function coveredAgencies(tree: readonly AgencyNode[], agencyId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const a of tree) {
    if (a.parent_id) children.set(a.parent_id, [...(children.get(a.parent_id) ?? []), a.id]);
  }
  const covered = new Set<string>();
  const stack = [agencyId];
  while (stack.length) {
    const id = stack.pop()!;
    if (covered.has(id)) continue;
    covered.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return covered;
}

/** ORG-4: a unit cannot succeed itself nor hand over to a dissolved or foreign unit. */
export function successorProblem(
  unit: { id: string; agency_id: string },
  successor: { id: string; agency_id: string; status: string } | undefined,
): string | null {
  if (!successor) return '承继单位不存在';
  if (successor.id === unit.id) return '承继单位不能是被撤销的单位本身';
  if (successor.agency_id !== unit.agency_id) return '承继单位必须属于同一机关';
  if (successor.status !== 'active') return '承继单位已被撤销';
  return null;
}
