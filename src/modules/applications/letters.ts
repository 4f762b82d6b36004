/**
 * Letters to applicants (依申请公开文书): the reply (答复告知书) in each form of LAW-36/37, the
 * request for correction (补正告知书, LAW-30), the notice of extension (延期答复告知书, LAW-33)
 * and the fee notice (信息处理费缴费通知书, LAW-42). APP-7: whatever cannot be given is refused
 * in a standard form with its reason and legal basis; every reply ends with the remedies
 * (行政复议法 第二十条、第二十四条; 行政诉讼法 第四十六条).
 *
 * `letterParts` is pure and says what the letter says; `../letters/letter-layout.ts` sets it in its
 * 公文 frame (发文字号, 落款, 成文日期, contact line) and lays it out as DOCX and PDF, so the Word
 * file, the PDF and the text of the letter never differ.
 * Article numbers are those of the 2019 《中华人民共和国政府信息公开条例》 (国务院令第711号).
 */
import { isIsoDate } from '../../core/calendar.ts';
import { badRequest } from '../../core/errors.ts';
import { replyTypeOf, type Outcome, type ReplyType } from './applications.rules.ts';

export type LetterKind = 'reply' | 'correction' | 'extension' | 'fee' | 'reasons' | 'longer_term';

/** A file provided with a reply, listed by name with its pages. */
export type ProvidedFile = { name: string; pages?: number | null };

export type LetterInput = {
  kind: LetterKind;
  /** The agency replying, e.g. 示例市人力资源和社会保障局; it signs the letter. */
  agencyName: string;
  /** The registration number, printed as 编号. */
  regNumber: string;
  applicantName: string;
  /** The applicant is a legal person or other organisation: addressed as 你单位, a citizen as 您. */
  organisation?: boolean;
  /** Receipt day of the application (LAW-31), YYYY-MM-DD. */
  receivedOn: string;
  /** The information sought, as the applicant described it; printed in quotation marks. */
  description: string;
  /** Date of the letter, YYYY-MM-DD. */
  date: string;
  // reply only:
  outcome?: Outcome;
  /** LAW-36(一): where the information is already public (a URL or a place). With outcome `granted` it makes the reply "already public". */
  alreadyPublicWhere?: string;
  /** LAW-36(五): the agency that holds the information, when known. */
  holderAgency?: string;
  /** The handler's specific reasons (facts and legal basis); required for partial disclosure (LAW-37) and `other`. */
  reasons?: string;
  /**
   * 答复意见及依据 (APP-7): the reply and its legal basis as the handler wrote it, the reviewers
   * reviewed it and the leader signed it. When given it is the letter's decision, printed in place
   * of the standard paragraph for the outcome (which stays for letters nobody drafts).
   */
  opinion?: string;
  /** The files provided with the reply (附件), by name with their pages. */
  providedFiles?: ProvidedFile[];
  /** The applicant withdrew the application on this day (YYYY-MM-DD): the letter ends the case (outcome `other`). */
  withdrawnOn?: string;
  /**
   * The body that decides an administrative reconsideration. By default the people's government
   * at the agency's level, read off its name (行政复议法 第二十四条), or the next higher
   * authority for vertically managed agencies (第二十七条); set it where that reading is wrong.
   */
  reconsiderationBody?: string;
  /** The court for a lawsuit (行政诉讼法 第十八条: where the agency sits), an agency setting; by default 有管辖权的人民法院. */
  court?: string;
  // correction (LAW-30):
  correctionNeeded?: string;
  correctionDue?: string;
  // extension (LAW-33):
  extendedTo?: string;
  /** The agency's reply term and extension in working days (APP-4: the law's 20 + 20 unless stricter). */
  replyWorkdays?: number;
  extensionWorkdays?: number;
  extensionReason?: string;
  /** Who approved the extension, title and name (LAW-33: the office head, or the leader where the agency requires it). */
  approvedBy?: string;
  // fee (LAW-42):
  feeAmount?: number;
  /** 按件 (count) or 按量 (pages): the notice speaks of the basis chosen. */
  feeBy?: 'count' | 'pages';
  feeBasis?: string;
  feePages?: number;
  feeNth?: number;
  /** The payment date, once known (closing letters); the notice itself runs from its receipt. */
  feeDue?: string;
  // LAW-35: reasons asked for, and the longer term set when they are reasonable:
  reasonsAsked?: string;
  reasonsDue?: string;
  longerWorkdays?: number;
  longerReason?: string;
};

export const LETTER_TITLES: Record<LetterKind, string> = {
  reply: '政府信息公开申请答复告知书',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  fee: '政府信息公开信息处理费缴费通知书',
  reasons: '政府信息公开申请说明理由通知书',
  longer_term: '政府信息公开申请延迟答复告知书',
};

/** A letter's text by part: the renderers indent the body and right-align the signature. */
export type LetterParts = {
  title: string;
  /** `{applicantName}：`, flush left. */
  salutation: string;
  /** Body paragraphs, each indented two characters on its first line. */
  body: string[];
  /** Agency name and date, right-aligned at the end. */
  signature: [agency: string, date: string];
  /** The LAW-36 reply type a reply was written for. */
  replyType?: ReplyType;
};

// ---------------------------------------------------------------------------------------------
// Text.

const REGULATION = '《中华人民共和国政府信息公开条例》';
/** Written as 《条例》 while composing; the first mention is expanded by `expandRegulation`. */
const R = '《条例》';

/** 2026-11-23 → 2026年11月23日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(date: string): string {
  if (!isIsoDate(date)) throw badRequest('BAD_DATE', `日期格式错误（应为 YYYY-MM-DD）：${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A clause made a sentence: trimmed, and ending in a full stop unless it already ends a sentence. */
const sentence = (text: string) => {
  const t = text.trim().replace(/[，、；：,;:]+$/, '');
  return /[。！？!?][”’」』）)]*$/.test(t) ? t : `${t}。`;
};
/** A clause to be embedded in a sentence: trimmed of its own final punctuation. */
const clause = (text: string) => text.trim().replace(/[。；，、,.;]+$/, '');

/** The provided files by name, each with its pages: “a.pdf（共3页）”, numbered when there are several. */
const fileList = (files: readonly ProvidedFile[]) => {
  const names = files.filter((f) => f.name.trim()).map((f) => `${f.name.trim()}${f.pages ? `（共${f.pages}页）` : ''}`);
  return names.length === 1 ? names[0]! : names.map((n, i) => `${i + 1}. ${n}`).join('；');
};

/**
 * Who decides a reconsideration (行政复议法, 2023 revision): the people's government at the
 * agency's own level for its working departments (第二十四条); the next higher authority for
 * customs, finance, foreign exchange, tax and state security (第二十七条); for a people's
 * government itself, the government one level up. The level is read from the name's leading
 * administrative units (示例市, 示例市某某区); a name that does not start with one gets the
 * general wording.
 */
export function reconsiderationBodyOf(agencyName: string): string {
  const name = agencyName.trim();
  if (/海关|税务|国家安全|金融监督管理|外汇管理/.test(name)) return '上一级主管部门';
  if (/人民政府$/.test(name)) return '上一级人民政府';
  const unit = /([^省市县区州盟旗]{1,8}?)(自治区|特别行政区|自治州|自治县|自治旗|省|市|州|盟|县|旗|区)/y;
  // Words ending in 区 that name a zone or a field of work, not a level of government.
  const notLevel = new Set(['城', '社', '园', '景', '矿', '林', '牧', '山', '老', '开发', '高新', '保税', '自贸', '试验', '示范', '功能']);
  let prefix = '';
  for (;;) {
    unit.lastIndex = prefix.length;
    const m = unit.exec(name);
    if (!m || notLevel.has(m[1]!)) break;
    prefix += m[0];
  }
  return prefix && prefix.length < name.length ? `${prefix}人民政府` : '本级人民政府';
}

/** The court named when the agency has not set one. */
export const DEFAULT_COURT = '有管辖权的人民法院';

/**
 * The remedies every reply states, each with its starting point and body (行政复议法 第二十条:
 * 60 days; 行政诉讼法 第四十六条: 6 months, both from the day the applicant knows of the act,
 * that is receives this letter).
 */
export const remedySentence = (body: string, court = DEFAULT_COURT) =>
  `如对本答复不服，可以自收到本告知书之日起60日内向${body}申请行政复议，或者自收到本告知书之日起6个月内向${court}提起行政诉讼。`;

const required = (value: string | undefined, field: string, what: string): string => {
  if (!value?.trim()) throw badRequest('LETTER_FIELD_MISSING', `${what}未填写`, { field });
  return value.trim();
};

const requiredDate = (value: string | undefined, field: string, what: string, notBefore?: { date: string; what: string }): string => {
  const date = required(value, field, what);
  if (!isIsoDate(date)) throw badRequest('BAD_DATE', `${what}格式错误（应为 YYYY-MM-DD）：${date}`, { field });
  if (notBefore && date < notBefore.date) throw badRequest('BAD_DATE', `${what}不能早于${notBefore.what}`, { field });
  return date;
};

const yuan = (amount: number) => (Number.isInteger(amount) ? String(amount) : amount.toFixed(2));

/** Grounds of 不予公开 by outcome (条例第十四条至第十六条). */
const REFUSAL: Partial<Record<Outcome, { finding: string; article: string }>> = {
  refused_state_secret: { finding: '属于依法确定为国家秘密的政府信息', article: '第十四条' },
  refused_law: { finding: '属于法律、行政法规禁止公开的政府信息', article: '第十四条' },
  refused_safety: { finding: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', article: '第十四条' },
  refused_third_party: {
    finding: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，且不属于第三方同意公开或者不公开会对公共利益造成重大影响的情形',
    article: '第十五条',
  },
  refused_internal: { finding: '属于本机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）', article: '第十六条第一款' },
  refused_process: { finding: '属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息', article: '第十六条第二款' },
  refused_enforcement: { finding: '属于行政执法案卷信息', article: '第十六条第二款' },
};

/** The decision paragraphs of a reply, by LAW-36 reply type and, where the law differs, by outcome. */
function replyBody(input: LetterInput, outcome: Outcome, type: ReplyType): string[] {
  const reasons = input.reasons?.trim() ? input.reasons.trim() : undefined;
  const files = input.providedFiles?.some((f) => f.name.trim()) ? fileList(input.providedFiles) : undefined;
  const withReasons = (paragraphs: string[]) => (reasons ? [...paragraphs, `具体理由：${sentence(reasons)}`] : paragraphs);
  switch (type) {
    case 'already_public': {
      const where = clause(required(input.alreadyPublicWhere, 'alreadyPublicWhere', '信息已主动公开的位置'));
      const out = [`经审查，您申请获取的信息已由本机关主动公开，您可以通过${where}获取。根据${R}第三十六条第一项的规定，特此告知。`];
      if (files) out.push(`为便于您获取，现一并向您提供，见附件：${files}。`);
      return out;
    }
    case 'provided':
      return [
        `经审查，您申请获取的信息属于公开范围。根据${R}第三十六条第二项的规定，现予以提供，${files ? `见附件：${files}。` : '随本告知书一并送达。'}`,
      ];
    case 'partial': {
      const why = required(input.reasons, 'reasons', '部分公开时不予公开部分的理由');
      return [
        `经审查，您申请获取的信息中含有不应当公开的内容，但能够作区分处理。根据${R}第三十七条的规定，本机关向您提供可以公开的部分${files ? `，见附件：${files}` : ''}；其余部分不予公开。`,
        `其余部分不予公开的理由：${sentence(why)}`,
      ];
    }
    case 'not_disclosed': {
      const ground = REFUSAL[outcome];
      if (!ground) throw badRequest('LETTER_OUTCOME', `办理结果与答复类型不符：${outcome}`);
      return withReasons([
        `经审查，您申请获取的信息${ground.finding}。根据${R}${ground.article}、第三十六条第三项的规定，本机关决定不予公开。`,
      ]);
    }
    case 'special_law': {
      // 行政查询事项 (registration records, one's own insurance records…): laws and administrative regulations
      // give their own way to look them up, so 第三十六条第七项 fits (docs/applications.md explains the choice).
      const where = input.alreadyPublicWhere?.trim();
      return withReasons([
        `经审查，您申请获取的信息属于行政查询事项，有关法律、行政法规对该信息的查询、获取有特别规定。根据${R}第三十六条第七项的规定，请您按照有关法律、行政法规的规定${where ? `，通过${clause(where)}` : ''}办理。`,
      ]);
    }
    case 'not_exist':
      if (outcome === 'unable_unclear')
        return withReasons([
          `本机关已告知您对申请内容作出补正，但补正后您申请获取的信息仍不明确，本机关无法据此检索确定您所需的政府信息，无法向您提供。根据${R}第二十九条第二款第二项、第三十条的规定，特此告知。您可以在明确所需政府信息的名称、文号或者便于本机关查询的其他特征性描述后，重新提出申请。`,
        ]);
      return withReasons([
        `经检索，本机关未制作或者获取您所申请的现成信息；您申请的内容需要本机关对现有政府信息进行加工、分析后另行制作。根据${R}第三十六条第四项、第三十八条的规定，告知您该政府信息不存在，本机关不予另行制作。`,
      ]);
    case 'not_held': {
      const holder = input.holderAgency?.trim();
      const head = `经检索，您申请获取的信息不是本机关制作或者获取并保存的政府信息，依照${R}第十条第一款的规定，不属于本机关负责公开的范围。`;
      return withReasons([
        holder
          ? `${head}根据${R}第三十六条第五项的规定，经确认，该信息由${holder}负责公开，您可以向${holder}提出申请。`
          : `${head}本机关目前无法确定负责公开该信息的行政机关。根据${R}第三十六条第五项的规定，特此告知。`,
      ]);
    }
    case 'repeat':
      return withReasons([
        `经核查，本机关已就您此前提出的政府信息公开申请作出答复，您本次申请公开的是相同的政府信息。根据${R}第三十六条第六项的规定，本机关不予重复处理。`,
      ]);
    case 'not_processed':
      switch (outcome) {
        case 'unprocessed_petition':
          return withReasons([
            `经审查，您是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${R}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉举报等相应渠道提出。`,
          ]);
        case 'unprocessed_publication': {
          const where = input.alreadyPublicWhere?.trim();
          return withReasons([
            `经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据${R}第三十九条第二款的规定，本机关不作为政府信息公开申请处理，${where ? `您可以通过${clause(where)}获取。` : '您可以通过公开发行渠道或者公共图书馆、档案馆等场所获取。'}`,
          ]);
        }
        case 'unprocessed_excessive':
          return withReasons([
            `您申请公开政府信息的数量、频次明显超过合理范围。本机关已依照${R}第三十五条的规定要求您说明理由，经审查认为申请理由不合理。根据${R}第三十五条的规定，本机关不予处理。`,
          ]);
        case 'unprocessed_confirm':
          // Neither 第三十六条 nor 第三十九条 names this case: the request is not one to obtain
          // government information (第二条、第二十七条), so it is not handled as an application.
          return withReasons([
            `经审查，您的申请是要求本机关对您已经获取的政府信息予以确认或者重新出具，不属于${R}第二十七条规定的获取政府信息的申请，本机关不作为政府信息公开申请处理。`,
          ]);
        default:
          throw badRequest('LETTER_OUTCOME', `办理结果与答复类型不符：${outcome}`);
      }
    case 'closed':
      if (outcome === 'other_no_correction') {
        const due = input.correctionDue && isIsoDate(input.correctionDue) ? `（补正期限至${chineseDate(input.correctionDue)}）` : '';
        return withReasons([
          `本机关已告知您对申请内容作出补正${due}，您无正当理由逾期未补正。根据${R}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
        ]);
      }
      if (outcome === 'other_no_fee') {
        const due = input.feeDue && isIsoDate(input.feeDue) ? `（缴费期限至${chineseDate(input.feeDue)}）` : '';
        return withReasons([
          `本机关已向您发出信息处理费缴费通知${due}，您逾期未缴纳。根据${R}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
        ]);
      }
      if (input.withdrawnOn) return [`您于${chineseDate(input.withdrawnOn)}撤回该政府信息公开申请。本机关终止处理该政府信息公开申请。`];
      return [`经审查，${sentence(required(input.reasons, 'reasons', '其他处理的理由'))}本机关终止处理该政府信息公开申请。`];
  }
}

/** A letter to an organisation addresses it as 你单位, to a citizen as 您. */
const addressed = (paragraphs: string[], organisation: boolean) => (organisation ? paragraphs.map((p) => p.replaceAll('您', '你单位')) : paragraphs);

/** The first 《条例》 is written out in full, with （以下简称《条例》） when it is used again. */
function expandRegulation(paragraphs: string[]): string[] {
  const uses = paragraphs.join('\n').split(R).length - 1;
  let done = false;
  return paragraphs.map((p) => {
    if (done || !p.includes(R)) return p;
    done = true;
    return p.replace(R, uses > 1 ? `${REGULATION}（以下简称${R}）` : REGULATION);
  });
}

/** The letter's text, part by part. Throws 400 (AppError) on missing or inconsistent input. */
export function letterParts(input: LetterInput): LetterParts {
  const title = LETTER_TITLES[input.kind];
  if (!title) throw badRequest('LETTER_KIND', `文书类型错误：${String(input.kind)}`);
  const agency = required(input.agencyName, 'agencyName', '答复机关名称');
  const applicant = required(input.applicantName, 'applicantName', '申请人姓名或名称');
  const regNumber = required(input.regNumber, 'regNumber', '登记编号');
  const receivedOn = requiredDate(input.receivedOn, 'receivedOn', '收到申请日期');
  const date = requiredDate(input.date, 'date', '文书日期', { date: receivedOn, what: '收到申请日期' });
  const description = required(input.description, 'description', '申请内容')
    .replace(/^[“"]+|[”"]+$/g, '')
    .replace(/[。；，,.;]+$/, '');

  const opening = `本机关于${chineseDate(receivedOn)}收到您提出的政府信息公开申请（编号：${regNumber}），申请获取“${description}”。`;
  let body: string[];
  let replyType: ReplyType | undefined;
  switch (input.kind) {
    case 'reply': {
      const outcome = input.outcome;
      if (!outcome) throw badRequest('LETTER_FIELD_MISSING', '办理结果未填写', { field: 'outcome' });
      replyType = replyTypeOf(outcome, Boolean(input.alreadyPublicWhere?.trim()));
      const opinion = input.opinion?.trim();
      const files = input.providedFiles?.some((f) => f.name.trim()) ? fileList(input.providedFiles) : undefined;
      const body0 = opinion ? [opinion, ...(files ? [`附件：${files}`] : [])] : replyBody(input, outcome, replyType);
      // A withdrawal is the applicant's own act: nothing to appeal against.
      const remedy = input.withdrawnOn && outcome === 'other' ? [] : [remedySentence(input.reconsiderationBody?.trim() || reconsiderationBodyOf(agency), input.court?.trim() || DEFAULT_COURT)];
      body = [`${opening}${input.withdrawnOn ? '' : '现答复如下：'}`, ...body0, ...remedy];
      break;
    }
    case 'correction': {
      const needed = required(input.correctionNeeded, 'correctionNeeded', '需要补正的事项');
      const due = requiredDate(input.correctionDue, 'correctionDue', '补正期限', { date, what: '文书日期' });
      body = [
        opening,
        `经审查，您的申请内容不明确，本机关无法据此确定您所需的政府信息。根据${R}第三十条的规定，请您对以下事项作出补正：${sentence(needed)}`,
        `请您于${chineseDate(due)}前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起重新计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      ];
      break;
    }
    case 'extension': {
      const reason = clause(required(input.extensionReason, 'extensionReason', '延期理由'));
      const to = requiredDate(input.extendedTo, 'extendedTo', '延长后的答复期限', { date, what: '文书日期' });
      body = [
        opening,
        `因${reason}，本机关不能在${input.replyWorkdays ?? 20}个工作日内作出答复。根据${R}第三十三条第二款的规定，经${input.approvedBy?.trim() || '本机关政府信息公开工作机构负责人'}同意，答复期限延长${input.extensionWorkdays ?? 20}个工作日（延长的期限最长不超过20个工作日），本机关将于${chineseDate(to)}前作出答复。`,
        '特此告知。',
      ];
      break;
    }
    case 'fee': {
      const amount = input.feeAmount;
      if (amount === undefined || !Number.isFinite(amount) || amount <= 0)
        throw badRequest('LETTER_FIELD_MISSING', '信息处理费金额应为正数', { field: 'feeAmount' });
      const basis = required(input.feeBasis, 'feeBasis', '收费依据');
      // 国办函〔2020〕109号 offers two ways; the notice gives the ground of the one chosen.
      const ground = input.feeBy === 'pages'
        ? `您申请公开的政府信息数量明显超过合理范围${input.feePages ? `（共${input.feePages}页）` : ''}，本机关按照申请公开的信息数量（页数）分段计收信息处理费（30页以内免收；31—100页每页10元；101—200页每页20元；201页以上每页40元）`
        : `您申请公开政府信息的频次明显超过合理范围${input.feeNth ? `（本月第${input.feeNth}件申请）` : ''}，本机关按照申请件数计收信息处理费（同一申请人一个自然月内累计申请10件以内免收，11—30件每件100元，其后每增加10件每件加收100元）`;
      body = [
        opening,
        `经审查，${ground}。根据${R}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费人民币${yuan(amount)}元。计收依据：${sentence(basis)}`,
        `请您自收到本通知书之日起20个工作日内缴纳上述费用。本机关等待您缴纳费用的期间，不计算在答复期限内。您无正当理由逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      ];
      break;
    }
    case 'reasons': {
      const asked = clause(required(input.reasonsAsked, 'reasonsAsked', '需要说明的事项'));
      const due = requiredDate(input.reasonsDue, 'reasonsDue', '说明理由的期限', { date, what: '文书日期' });
      body = [
        opening,
        `经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${R}第三十五条的规定，请您于${chineseDate(due)}前向本机关说明理由：${sentence(asked)}`,
        `本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在${R}第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您。`,
      ];
      break;
    }
    case 'longer_term': {
      const reason = clause(required(input.longerReason, 'longerReason', '延迟答复的理由'));
      const to = requiredDate(input.extendedTo, 'extendedTo', '延迟答复的期限', { date, what: '文书日期' });
      body = [
        opening,
        `经审查，本机关认为您说明的申请理由合理，但因${reason}，无法在${R}第三十三条规定的期限内答复。根据${R}第三十五条的规定，本机关确定延迟答复的合理期限为${input.longerWorkdays ?? ''}个工作日，将于${chineseDate(to)}前作出答复。`,
        '特此告知。',
      ];
      break;
    }
  }
  // A handler's text may run over several lines: each line becomes a paragraph of its own.
  const paragraphs = addressed(expandRegulation(body), Boolean(input.organisation)).flatMap((p) => p.split(/\s*\n\s*/).filter(Boolean));
  return { title, salutation: `${applicant}：`, body: paragraphs, signature: [agency, chineseDate(date)], ...(replyType ? { replyType } : {}) };
}

/** The text of the letter: salutation, body paragraphs, agency name and date, in order. */
export function letterParagraphs(input: LetterInput): { title: string; paragraphs: string[] } {
  const parts = letterParts(input);
  return { title: parts.title, paragraphs: [parts.salutation, ...parts.body, ...parts.signature] };
}
