import type { Problem } from '../documents/documents.rules.ts';
import { missingFields, trimmed } from './lists.rules.ts';

/** FIVE-4: what a service charges when it charges nothing; such an item needs no fee basis. */
export const NO_FEE = '不收费';

/** 表格样本: a form an applicant fills, with a link to a blank copy or its text written out. */
export type SampleForm = { name: string; url: string; text: string };

export type ServiceFields = {
  name: string; dutyPost: string; legalBasis: string; acceptingUnit: string; place: string; eligibility: string; process: string;
  materials: string[]; forms: SampleForm[]; fee: string; feeBasis: string; timeLimit: string; enquiries: string; complaints: string;
};

/** The FIVE-4 elements of a service guide, in the order the public page shows them. */
export const SERVICE_LABELS = {
  name: '事项名称', dutyPost: '责任岗位', legalBasis: '法定依据', acceptingUnit: '受理单位', place: '办理地点', eligibility: '服务对象及申请条件',
  process: '办理流程', materials: '申请材料', forms: '表格样本', fee: '收费标准', feeBasis: '收费依据', timeLimit: '办理时限', enquiries: '咨询方式', complaints: '监督投诉渠道',
} as const satisfies Record<keyof ServiceFields, string>;

/** The elements written as text that no service may leave blank (the fee basis may be, see below). */
const REQUIRED_TEXT = Object.fromEntries(
  (['name', 'dutyPost', 'legalBasis', 'acceptingUnit', 'place', 'eligibility', 'process', 'fee', 'timeLimit', 'enquiries', 'complaints'] as const).map((k) => [k, SERVICE_LABELS[k]]),
) as Record<Exclude<keyof ServiceFields, 'materials' | 'forms' | 'feeBasis'>, string>;

/** Blank materials and untouched form rows (what an added-then-unused form line sends) are dropped. */
export function tidyService(s: ServiceFields): ServiceFields {
  return {
    ...trimmed(s),
    materials: s.materials.map((m) => m.trim()).filter(Boolean),
    forms: s.forms.map((f) => trimmed(f)).filter((f) => f.name || f.url || f.text),
  };
}

/**
 * A link the portal may print (issue 9): a path of this site that starts with exactly one `/`
 * (no `//` or `/\`, which browsers follow to another host), or an https address of a
 * government site (`gov.cn` and the hosts below it); never `javascript:`, plain http or a file path.
 */
export function safeFormLink(url: string): boolean {
  if (/[\s\\]/.test(url)) return false;
  if (url.startsWith('/')) return url.length > 1 && url[1] !== '/';
  if (!url.startsWith('https://')) return false;
  try {
    const { hostname, username, password } = new URL(url);
    return !username && !password && (hostname === 'gov.cn' || hostname.endsWith('.gov.cn'));
  } catch {
    return false;
  }
}

/** FIVE-4: every element present; a fee either 不收费 or with its basis; forms named and safely linked. */
export function serviceProblems(s: ServiceFields): Problem[] {
  const problems = missingFields(s, REQUIRED_TEXT, 'SERVICE_INCOMPLETE');
  if (!s.materials.length) problems.push({ code: 'SERVICE_MATERIALS_REQUIRED', message: '请至少列出一项申请材料' });
  if (s.fee && s.fee !== NO_FEE && !s.feeBasis) problems.push({ code: 'SERVICE_FEE_BASIS_REQUIRED', message: `收费的事项须写明收费依据；不收费的请填写“${NO_FEE}”` });
  s.forms.forEach((f, i) => {
    if (!f.name) problems.push({ code: 'SERVICE_FORM_INVALID', message: `第${i + 1}个表格样本须填写名称` });
    if (f.url && !safeFormLink(f.url)) problems.push({ code: 'SERVICE_FORM_INVALID', message: `表格样本“${f.name || i + 1}”的链接须为本站路径（以一个 / 开头）或政府网站的 https:// 地址` });
  });
  return problems;
}
