/**
 * Labelled queries over corpus.ts (CAT-4). `relevant` lists EVERY document a person typing
 * the query wants, judged by meaning — what the citizen is after — not by what the engine
 * returns; a document that only mentions the words in passing is not relevant, and so counts
 * against precision when it is found. Where the engine misses a relevant document, the label
 * stays and search-quality.test.ts lists the miss as known (see docs/search.md, Quality).
 */
import type { Category, DocKind, Validity } from '../../src/modules/documents/documents.rules.ts';

export type QueryFilter = { agency?: 'RSJ' | 'YBJ'; category?: Category; year?: string; kind?: DocKind | 'other'; validity?: Validity };

export type LabelledQuery = { q: string; relevant: string[]; filter?: QueryFilter; note?: string };

export const QUERIES: LabelledQuery[] = [
  // ── social security card: abbreviation vs formal name, one word vs two ─────
  { q: '社保卡', relevant: ['sbk-apply', 'sbk-loss', 'sbk-phone', 'sbk-3rd', 'sbk-outlets'], note: 'sbk-3rd says only 社会保障卡; many guides mention 社保卡 as where money is paid' },
  { q: '社会保障卡', relevant: ['sbk-apply', 'sbk-loss', 'sbk-phone', 'sbk-3rd', 'sbk-outlets'], note: 'the formal name; sbk-phone and sbk-outlets say only 社保卡' },
  { q: '社保卡挂失', relevant: ['sbk-loss', 'sbk-phone'], note: 'segmenter cuts 社|保|卡|挂|失, joined back to one phrase; sbk-phone says 社保卡临时挂失' },
  { q: '社保卡 挂失', relevant: ['sbk-loss', 'sbk-phone'], note: 'two words typed apart' },
  { q: '社保卡，挂失', relevant: ['sbk-loss', 'sbk-phone'], note: 'full-width comma between the words' },
  { q: '社保卡', filter: { category: 'services' }, relevant: ['sbk-apply', 'sbk-loss', 'sbk-outlets'], note: 'category filter: service guides only' },
  { q: '名录', relevant: ['sbk-outlets'], note: 'title-only hit' },
  // ── employment, traineeships ─────────────────────────────────────────────
  { q: '就业见习', relevant: ['jx-notice', 'jx-guide', 'jx-bases'], note: 'segmenter cuts 见|习; grad-fair and fund-q2 mention 见习 only in an attached list' },
  { q: '就业见习补贴', relevant: ['jx-guide'], note: 'a phrase the segmenter splits (就业|见|习|补贴); fund-q2 only lists the allocation in its attachment' },
  { q: '2026年 就业见习', relevant: ['jx-notice', 'jx-guide', 'jx-bases'], note: 'the year typed into the query: jx-guide (made 2026-04-02) never writes 2026' },
  { q: '就业 补贴', relevant: ['jx-guide', 'fund-q2', 'grad-policy'], note: 'multi-word; summary reports a total in passing, talent is about 安家补贴' },
  { q: '高校毕业生', relevant: ['grad-policy', 'grad-fair', 'jx-notice'] },
  { q: '高校毕业生就业', relevant: ['grad-policy', 'grad-fair', 'jx-notice'] },
  { q: '人才引进', relevant: ['talent', 'talent-list'], note: 'summary counts 新引进高层次人才 in passing' },
  { q: '人才公寓', relevant: ['talent'], note: 'body-only hit' },
  { q: '职业技能等级认定', relevant: ['skills'], note: 'summary counts 认定 in passing; skills-subsidy is about a subsidy for certificate holders' },
  { q: '事业单位公开招聘', relevant: ['recruit', 'recruit-result'], note: 'grad-policy mentions 定向招聘 for 三支一扶 in passing' },
  { q: '公示', filter: { agency: 'RSJ', year: '2026' }, relevant: ['jx-bases', 'recruit-result'], note: 'agency and year filters; talent-list is a 2025 公示' },
  // ── unemployment insurance ────────────────────────────────────────────────
  { q: '失业保险金申领', relevant: ['unemp-guide'], note: '失业|保险|金|申|领: 金申领 is joined into one phrase' },
  { q: '申领失业保险金', relevant: ['unemp-guide'], note: 'the same wish in the other word order' },
  { q: '失业保险金', relevant: ['unemp-guide', 'unemp-raise'], note: 'fund-report states an amount paid in passing' },
  { q: '失业保险金', filter: { kind: 'notice' }, relevant: ['unemp-raise'], note: 'kind filter (通知)' },
  { q: '1890元', relevant: ['unemp-guide', 'unemp-raise'], note: 'a number: the benefit standard' },
  // ── pensions ──────────────────────────────────────────────────────────────
  { q: '养老保险待遇', relevant: ['pension-guide', 'pension-rural', 'pension-adjust', 'pension-faq'], note: 'the pension rise is a change of 养老保险待遇, but those two say 养老金; app-launch, hotline, pension-penalty mention it in passing' },
  { q: '养老金 调整', relevant: ['pension-adjust', 'pension-faq'] },
  { q: '养老金', filter: { year: '2026' }, relevant: ['pension-adjust', 'pension-faq', 'pension-guide'], note: 'year filter; pension-penalty is about a fraud' },
  { q: '赵', relevant: ['pension-penalty'], note: 'a surname, one character: a prefix query' },
  // ── work injury, labour relations, wages ─────────────────────────────────
  { q: '工伤认定', relevant: ['injury-guide', 'injury-notice'], note: 'injury-rate is about contribution rates' },
  { q: '工伤保险', relevant: ['injury-rate', 'injury-guide'], note: 'an injured worker’s way to the insurance starts with 工伤认定; fund-report names the fund in passing' },
  { q: '劳动仲裁', relevant: ['arb-guide', 'arb-online'], note: 'citizens say 劳动仲裁, documents 劳动人事争议仲裁; summary reports a rate in passing' },
  { q: '一裁终局', relevant: ['arb-guide'], note: 'body-only hit, segmenter cuts 一|裁|终局' },
  { q: '欠薪', relevant: ['wage-campaign', 'wage-blacklist'], note: 'wage-blacklist says 拖欠农民工工资, not 欠薪; work-plan and hotline mention 欠薪 in passing' },
  { q: '“根治欠薪”专项行动', relevant: ['wage-campaign'], note: 'full-width quotation marks' },
  { q: '拖欠农民工工资', relevant: ['wage-campaign', 'wage-blacklist'], note: 'work-plan mentions 农民工工资拖欠 in passing' },
  { q: '最低工资标准', relevant: ['min-wage', 'min-wage-2023'], note: 'jx-guide and arb-guide use the standard as a yardstick' },
  { q: '最低工资标准', filter: { validity: 'expired' }, relevant: ['min-wage-2023'], note: 'validity filter' },
  { q: '２０８０元', relevant: ['min-wage'], note: 'full-width digits, normalised by NFKC' },
  { q: '王', relevant: ['talent-list'], note: 'a surname in a 公示 list' },
  // ── the bureau itself: budgets, plans, emergencies, penalties ────────────
  { q: '预算', relevant: ['rsj-budget', 'ybj-budget'], note: 'the final accounts mention 年初预算 in passing' },
  { q: '决算', filter: { agency: 'RSJ' }, relevant: ['rsj-accounts'], note: 'agency filter' },
  { q: '三公经费', relevant: ['rsj-budget', 'rsj-accounts', 'ybj-budget', 'ybj-accounts'], note: 'documents write “三公”经费 with quotation marks' },
  { q: '应急预案', relevant: ['rsj-emergency', 'exam-plan', 'yb-emergency'], note: 'exam-plan’s title says 应急处置预案; its body says 应急预案' },
  { q: '行政处罚决定', relevant: ['pension-penalty', 'labour-penalty', 'yb-penalty'] },
  { q: '行政处罚', filter: { agency: 'YBJ' }, relevant: ['yb-penalty'], note: 'agency filter' },
  { q: '处罚', filter: { category: 'enforcement' }, relevant: ['pension-penalty', 'labour-penalty', 'yb-penalty'], note: 'category filter; the blacklist is 惩戒, not a penalty' },
  { q: '社会保障 规划', relevant: ['ss-plan'], note: '社会保障, not 社会保险; rsj-duties names the planning duty in passing' },
  { q: '社会保险 缴费基数', relevant: ['contribution-base'] },
  { q: '工作要点', relevant: ['work-plan'] },
  { q: '政府信息公开 年度报告', relevant: ['rsj-annual', 'ybj-annual'] },
  { q: '政府信息公开 年度报告', filter: { agency: 'YBJ' }, relevant: ['ybj-annual'] },
  { q: '示人社发〔2026〕12号', relevant: ['jx-notice'], note: 'a 文号, which the catalog shows with the title: jx-notice carries it, its text does not' },
  // ── medical insurance (YBJ) ──────────────────────────────────────────────
  { q: '医保报销', relevant: ['yb-outpatient', 'yb-inpatient', 'yb-manual'], note: 'segmenter cuts 医|保|报销; yb-inpatient says 医疗保险, not 医保' },
  { q: '异地就医备案', relevant: ['yb-remote-guide', 'yb-remote-notice'], note: 'ybj-duties names 异地就医管理 in passing (and has no 备案)' },
  { q: '【异地就医】备案', relevant: ['yb-remote-guide', 'yb-remote-notice'], note: 'full-width brackets' },
  { q: '异地就医', filter: { kind: 'other' }, relevant: ['yb-remote-guide'], note: 'kind filter: not a 公文' },
  { q: '长期护理保险', relevant: ['ltc-rules', 'ltc-assess', 'ltc-list'] },
  { q: '生育津贴', relevant: ['yb-birth'] },
  { q: '药品集中采购', relevant: ['yb-procurement'], note: 'ybj-duties names the duty in passing' },
  { q: '先救治后结算', relevant: ['yb-emergency'], note: 'single characters between words: 先|救治|后|结算' },
  // ── Latin letters, nothing to find ───────────────────────────────────────
  { q: 'APP', relevant: ['app-launch'], note: 'the app itself; a dozen guides say their service can also be done in an APP' },
  { q: 'ＡＰＰ 掌上办', relevant: ['app-launch'], note: 'full-width Latin letters' },
  { q: '公积金', relevant: [], note: 'housing funds are not these agencies’ business' },
  { q: '个人所得税', relevant: [], note: 'nothing to find' },
];
