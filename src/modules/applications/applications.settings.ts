import { isoNow } from '../../core/clock.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { APPLICATION_ROLES, type Deps } from './applications.repo.ts';
import type { ExtensionApprover } from './applications.rules.ts';
import type { ApplicationSettingsTable } from './applications.tables.ts';

/**
 * Each agency's settings for applications (LAW-31 automatic confirmation, LAW-33 the
 * extension's approver, APP-4 the name of the agency's own stricter rule). An agency that never
 * set them has the law's defaults. The bodies named in the letters' remedy sentence belong to
 * the agency's letter template (src/modules/letters).
 */
export type ApplicationSettings = {
  autoConfirm: boolean;
  extensionApprover: ExtensionApprover;
  ownRule: string;
};

export const DEFAULT_SETTINGS: ApplicationSettings = { autoConfirm: false, extensionApprover: 'office_head', ownRule: '' };

const present = (r: ApplicationSettingsTable): ApplicationSettings => ({
  autoConfirm: r.auto_confirm === 1, extensionApprover: r.extension_approver, ownRule: r.own_rule,
});

export async function applicationSettings(tx: Tx, agencyId: string): Promise<ApplicationSettings> {
  const row = await tx.selectFrom('application_settings').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  return row ? present(row) : DEFAULT_SETTINGS;
}

/** The console reads them for the agency's own staff who handle applications, or its system administrator (not another agency's). */
export async function agencyApplicationSettings(deps: Deps, actor: Actor, agencyId: string): Promise<ApplicationSettings> {
  requireRoleIn(actor, [...APPLICATION_ROLES, 'sys_admin'], agencyId);
  return applicationSettings(deps.db, agencyId);
}

/** The office of the agency (or its system administrator) keeps them, audited. */
export async function updateApplicationSettings(deps: Deps, actor: Actor, agencyId: string, patch: Partial<ApplicationSettings>): Promise<ApplicationSettings> {
  const role = requireRoleIn(actor, ['office', 'sys_admin'], agencyId);
  return deps.db.transaction().execute(async (tx) => {
    const before = await applicationSettings(tx, agencyId);
    const after = { ...before, ...patch };
    const values = {
      auto_confirm: after.autoConfirm ? 1 : 0, extension_approver: after.extensionApprover, 
      own_rule: after.ownRule.trim(), updated_at: isoNow(deps.clock),
    };
    await tx.insertInto('application_settings').values({ agency_id: agencyId, ...values }).onConflict((oc) => oc.column('agency_id').doUpdateSet(values)).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'application.settings.update', entityType: 'agency', entityId: agencyId, before, after, ip: actor.ip });
    return applicationSettings(tx, agencyId);
  });
}

/** APP-4 as people read it: the law's article, and where the agency's term is stricter, its own rule by name. */
export function replyTermCitation(settings: ApplicationSettings, replyWorkdays: number) {
  const law = '《中华人民共和国政府信息公开条例》第三十三条';
  const own = settings.ownRule ? (settings.ownRule.startsWith('《') ? settings.ownRule : `《${settings.ownRule}》`) : '本机关规定';
  return replyWorkdays < 20 ? `${law}和${own}` : law;
}
