import { isIsoDate } from '../../core/calendar.ts';
import type { Problem } from '../documents/documents.rules.ts';
import { missingFields } from './lists.rules.ts';

/**
 * CAT-5: why a matter is kept out of disclosure. The grounds are those of the Regulation on
 * Government Information Disclosure (条例 §14–16); anything not on the list is disclosed in principle.
 */
export const REASON_CATEGORIES = {
  state_secret: { label: '国家秘密', article: '《中华人民共和国政府信息公开条例》第十四条' },
  law_prohibited: { label: '法律、行政法规禁止公开', article: '《中华人民共和国政府信息公开条例》第十四条' },
  security_stability: { label: '危及国家安全、公共安全、经济安全、社会稳定', article: '《中华人民共和国政府信息公开条例》第十四条' },
  trade_secret_privacy: { label: '商业秘密、个人隐私', article: '《中华人民共和国政府信息公开条例》第十五条' },
  internal_affairs: { label: '内部事务信息', article: '《中华人民共和国政府信息公开条例》第十六条第一款' },
  process_information: { label: '过程性信息', article: '《中华人民共和国政府信息公开条例》第十六条第二款' },
  enforcement_files: { label: '行政执法案卷信息', article: '《中华人民共和国政府信息公开条例》第十六条第二款' },
} as const;
export type ReasonCategory = keyof typeof REASON_CATEGORIES;

export type NegativeEntryFields = { matter: string; reasonCategory: ReasonCategory; legalBasis: string; note: string; listedOn: string; reviewedOn: string };

/** CAT-5: each matter names its legal ground, and its listing and last review are real past days. */
export function negativeEntryProblems(e: NegativeEntryFields, today: string): Problem[] {
  const problems = missingFields(e, { matter: '不予公开的事项', legalBasis: '法定依据' }, 'NEGATIVE_ENTRY_INCOMPLETE');
  const dates = [['列入日期', e.listedOn], ['复核日期', e.reviewedOn]] as const;
  const bad = dates.filter(([, d]) => !isIsoDate(d));
  if (bad.length) return [...problems, { code: 'DATE_INVALID', message: `${bad.map(([l]) => l).join('、')}无效（应为 YYYY-MM-DD）` }];
  for (const [label, d] of dates) if (d > today) problems.push({ code: 'DATE_IN_FUTURE', message: `${label}不能晚于今天` });
  if (e.reviewedOn < e.listedOn) problems.push({ code: 'REVIEW_BEFORE_LISTING', message: '复核日期不能早于列入日期' });
  return problems;
}
