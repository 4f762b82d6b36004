import type { Problem } from '../documents/documents.rules.ts';
import { missingFields, trimmed } from './lists.rules.ts';

/** FIVE-3: the kinds of administrative power a 权责清单 sorts its entries into. */
export const POWER_CATEGORIES = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他行政权力',
} as const;
export type PowerCategory = keyof typeof POWER_CATEGORIES;

/** One step of a power's procedure: what happens, who acts, and optionally its time limit and a note (e.g. 依申请). */
export type PowerStep = { name: string; actor: string; timeLimit: string; note: string };

export type PowerFields = { name: string; category: PowerCategory; actor: string; legalBasis: string; timeLimit: string; oversight: string; steps: PowerStep[] };

export const MAX_STEPS = 30;

/** Wholly blank step rows (an added line left empty) are dropped; the rest keep their order. */
export function tidyPower(p: PowerFields): PowerFields {
  return { ...trimmed(p), steps: p.steps.map((s) => trimmed(s)).filter((s) => s.name || s.actor || s.timeLimit || s.note) };
}

/** FIVE-3: actor, legal basis, time limit and oversight stated, and a procedure of named steps each with who acts. */
export function powerProblems(p: PowerFields): Problem[] {
  const problems = missingFields(p, { name: '职权名称', actor: '实施主体', legalBasis: '法定依据', timeLimit: '办理时限', oversight: '监督方式' }, 'POWER_INCOMPLETE');
  if (!p.steps.length) problems.push({ code: 'POWER_STEPS_REQUIRED', message: '请至少填写一个办理环节，流程图据此生成' });
  if (p.steps.length > MAX_STEPS) problems.push({ code: 'POWER_STEPS_TOO_MANY', message: `办理环节不能超过${MAX_STEPS}个` });
  p.steps.forEach((s, i) => {
    if (!s.name || !s.actor) problems.push({ code: 'POWER_STEP_INCOMPLETE', message: `第${i + 1}个环节须填写环节名称和承办主体` });
  });
  return problems;
}
