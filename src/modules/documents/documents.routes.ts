import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../core/errors.ts';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import { Nullable, oneOf } from '../../http/schemas.ts';
import type { AppDeps } from '../../http/deps.ts';
import { chinaToday } from '../../core/clock.ts';
import { addAttachment, originalAttachment, removeAttachment, replaceAttachment, withdrawAttachment } from './documents.attachments.ts';
import { resolveFinding } from './documents.findings.ts';
import { docxBody } from '../files/docx-body.ts';
import { ledger, ledgerWorkbook, nonPublicRegister, recheckItem, recordPaperCopies, setValidity } from './documents.registers.ts';
import { ITEM_ROLES } from './documents.repo.ts';
import { addConsultation, addRedaction, answerConsultation, extendReferral, recordCollectiveDecision, removeRedaction } from './documents.review.ts';
import {
  ACTION_LABELS, ATTRIBUTES, CATEGORIES, CHANNELS, CONCLUSIONS, DOC_KINDS, FILE_STEP_LABELS, POLICY_LEVELS, STATES, TRANSITIONS, VALIDITIES,
} from './documents.rules.ts';
import { act, createItem, getItem, listItems, updateItem } from './documents.service.ts';
import { FINDING_LABELS } from './scanner.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { pageOf } from '../../core/paging.ts';
import { DocVocabulary, Item, ItemAttachment, ItemDetail, ItemListEntry, LedgerEntry, NonPublicEntry } from './documents.schemas.ts';

const CreatedId = Type.Object({ id: Type.String() });

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

const Plan = Type.Object({ outline: Text(2000), form: Text(200), channel: Text(200), time: Text(200) }, strict);
const itemFields = {
  kind: Type.Union([Type.Literal('document'), Type.Literal('other')]),
  docKind: Type.Optional(Nullable(oneOf(DOC_KINDS))),
  docNumber: Type.Optional(Text(60)),
  title: Text(200, 1),
  summary: Type.Optional(Text(1000)),
  body: Type.Optional(Text(200_000)),
  dateMade: DateString,
  validUntil: Type.Optional(Nullable(DateString)),
  category: oneOf(CATEGORIES),
  attribute: Type.Optional(Nullable(oneOf(ATTRIBUTES))),
  attributeReason: Type.Optional(Text(1000)),
  nonPublicParts: Type.Optional(Text(5000)),
  policyLevel: Type.Optional(oneOf(POLICY_LEVELS)),
  interpretationPlan: Type.Optional(Nullable(Plan)),
  major: Type.Optional(Type.Boolean()),
};
const staff = { roles: ITEM_ROLES };
const office = { roles: ['office'] } as const;
const reviewers = { roles: ['office', 'secrecy_reviewer'] } as const;

export async function documentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/documents/vocabulary', { config: { access: 'staff' }, schema: { response: { 200: DocVocabulary }, tags: ['documents'], summary: '文种、分类、公开属性、审查结论、发布渠道等词表' } }, async () => ({
    docKinds: DOC_KINDS, categories: CATEGORIES, attributes: ATTRIBUTES, conclusions: CONCLUSIONS, channels: CHANNELS,
    states: STATES, validities: VALIDITIES, policyLevels: POLICY_LEVELS, actions: ACTION_LABELS, fileSteps: FILE_STEP_LABELS, transitions: TRANSITIONS.map((t) => ({ ...t, roles: [...t.roles] })),
    findingKinds: FINDING_LABELS,
    itemKinds: { document: '公文', other: '其他信息' },
    consultationKinds: { joint: '联合制作单位', third_party: '第三方', referral: '保密行政管理部门' },
    consultationAnswers: { consent: '同意公开', refuse: '不同意公开', answered: '已答复' },
    recheckResults: { keep: '继续不予公开', convert: '转为主动公开' },
  }));

  r.get('/items', {
    config: { access: staff },
    schema: { response: { 200: pageOf(ItemListEntry) }, tags: ['documents'], summary: '本机关的信息（分页、筛选）', querystring: Type.Object({ state: Type.Optional(oneOf(STATES)), attribute: Type.Optional(oneOf(ATTRIBUTES)), q: Type.Optional(Text(100)), ...PageQuery }, strict) },
  }, async (req) => listItems(deps, actorOf(req), req.query, paging(req.query)));

  r.post('/items', { config: { access: { roles: ['drafter'] } }, schema: { response: { 201: Item }, tags: ['documents'], summary: '拟稿：新建信息（ATTR-2）', body: Type.Object(itemFields, strict) } },
    async (req, reply) => reply.status(201).send(await createItem(deps, actorOf(req), req.body)));

  r.get('/items/:id', { config: { access: staff }, schema: { response: { 200: ItemDetail }, tags: ['documents'], summary: '信息详情、流程记录和当前可执行的操作', params: Id } },
    async (req) => getItem(deps, actorOf(req), req.params.id));

  r.patch('/items/:id', { config: { access: { roles: ['drafter'] } }, schema: { response: { 200: Item }, tags: ['documents'], summary: '修改草稿', params: Id, body: Type.Partial(Type.Object(itemFields, strict)) } },
    async (req) => updateItem(deps, actorOf(req), req.params.id, req.body));

  r.post('/items/:id/actions/:action', {
    config: { access: staff },
    schema: { response: { 200: ItemDetail },
      tags: ['documents'], summary: '流程操作（提交、退回、审查意见、审批、发布、修订……）',
      params: Type.Object({ id: Type.String({ minLength: 1 }), action: oneOf(ACTION_LABELS) }),
      body: Type.Object({
        opinion: Type.Optional(Text(5000)), conclusion: Type.Optional(oneOf(CONCLUSIONS)), leadingGroupReview: Type.Optional(Text(2000)),
        channels: Type.Optional(Type.Array(oneOf(CHANNELS), { uniqueItems: true })), reason: Type.Optional(Text(2000)),
      }, strict),
    },
  }, async (req) => act(deps, actorOf(req), req.params.id, req.params.action, req.body));

  r.post('/items/:id/attachments', { config: { access: { roles: ['drafter'] } }, schema: { response: { 201: Type.Pick(ItemAttachment, ['id', 'name', 'kind', 'mime', 'size']) }, tags: ['documents'], summary: '上传附件（multipart，字段 file；按内容识别类型，≤20 MB）', params: Id } }, async (req, reply) => {
    const file = await req.file();
    if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件');
    const bytes = new Uint8Array(await file.toBuffer());
    return reply.status(201).send(await addAttachment(deps, actorOf(req), req.params.id, { filename: file.filename, bytes }));
  });

  r.post('/items/import-docx', { config: { access: { roles: ['drafter'] } }, schema: { response: { 200: Type.Object({ text: Type.String(), headings: Type.Array(Type.String()) }) }, tags: ['documents'], summary: '从 Word 文档导入正文（multipart，字段 file）：正文和标题，不含批注和修订删除的内容' } }, async (req) => {
    const file = await req.file();
    if (!file) throw badRequest('FILE_REQUIRED', '请选择要导入的 Word 文档');
    return docxBody(file.filename, new Uint8Array(await file.toBuffer()));
  });

  r.delete('/attachments/:id', { config: { access: { roles: ['drafter'] } }, schema: { tags: ['documents'], summary: '删除草稿附件', params: Id } }, async (req, reply) => {
    await removeAttachment(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.post('/attachments/:id/replace', {
    config: { access: office },
    schema: { response: { 200: Type.Pick(ItemAttachment, ['id', 'name', 'kind', 'mime', 'size']) }, tags: ['documents'], summary: '以处理后的文件替换已审批信息的附件（multipart，字段 file，可选字段 reason；须不含未经审查的敏感信息，SEC-10）', params: Id },
  }, async (req) => {
    const file = await req.file();
    if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件');
    const bytes = new Uint8Array(await file.toBuffer());
    const reasonField = file.fields.reason;
    const reason = reasonField && 'value' in reasonField ? String(reasonField.value).slice(0, 2000) : '';
    return replaceAttachment(deps, actorOf(req), req.params.id, { filename: file.filename, bytes }, reason);
  });

  r.post('/attachments/:id/withdraw', {
    config: { access: office },
    schema: { tags: ['documents'], summary: '撤下已审批信息的附件，不随信息发布（SEC-10）', params: Id, body: Type.Object({ reason: Text(2000, 1) }, strict) },
  }, async (req, reply) => {
    await withdrawAttachment(deps, actorOf(req), req.params.id, req.body.reason);
    return reply.status(204).send();
  });

  r.get('/attachments/:id/original', { config: { access: staff }, schema: { tags: ['documents'], summary: '下载附件原件（仅本机关工作人员）', params: Id } }, async (req, reply) => {
    const file = await originalAttachment(deps, actorOf(req), req.params.id);
    return sendDownload(reply, file);
  });

  r.post('/items/:id/consultations', {
    config: { access: reviewers },
    schema: { response: { 201: CreatedId }, tags: ['documents'], summary: '征求联合制作单位或第三方意见（SEC-7、LAW-32、LAW-34）', params: Id, body: Type.Object({ kind: Type.Union([Type.Literal('joint'), Type.Literal('third_party')]), party: Text(200, 1) }, strict) },
  }, async (req, reply) => reply.status(201).send({ id: await addConsultation(deps, actorOf(req), req.params.id, req.body.kind, req.body.party) }));

  r.post('/consultations/:id/answer', {
    config: { access: reviewers },
    schema: { tags: ['documents'], summary: '登记书面意见；第三方不同意时可登记公共利益理由（LAW-32）', params: Id, body: Type.Object({ answer: Type.Union([Type.Literal('consent'), Type.Literal('refuse')]), text: Text(5000, 1), overrideReason: Type.Optional(Text(2000)) }, strict) },
  }, async (req, reply) => {
    await answerConsultation(deps, actorOf(req), req.params.id, req.body);
    return reply.status(204).send();
  });

  r.post('/items/:id/referral/extend', { config: { access: office }, schema: { tags: ['documents'], summary: '登记保密部门延长答复期限（SEC-8，一次，7个工作日）', params: Id, body: Type.Object({ note: Text(500, 1) }, strict) } }, async (req, reply) => {
    await extendReferral(deps, actorOf(req), req.params.id, req.body.note);
    return reply.status(204).send();
  });

  r.put('/items/:id/collective-decision', { config: { access: office }, schema: { tags: ['documents'], summary: '登记局务会或党组会决定（SEC-4）', params: Id, body: Type.Object({ decision: Text(2000, 1) }, strict) } }, async (req, reply) => {
    await recordCollectiveDecision(deps, actorOf(req), req.params.id, req.body.decision);
    return reply.status(204).send();
  });

  r.post('/items/:id/redactions', { config: { access: { roles: ['secrecy_reviewer'] } }, schema: { response: { 201: CreatedId }, tags: ['documents'], summary: '标记公开版本中删除的内容（SEC-10、LAW-37）', params: Id, body: Type.Object({ phrase: Text(500, 1), reason: Text(500, 1) }, strict) } },
    async (req, reply) => reply.status(201).send({ id: await addRedaction(deps, actorOf(req), req.params.id, req.body.phrase, req.body.reason) }));

  r.delete('/redactions/:id', { config: { access: { roles: ['secrecy_reviewer'] } }, schema: { tags: ['documents'], summary: '取消删除标记', params: Id } }, async (req, reply) => {
    await removeRedaction(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.post('/findings/:id/resolve', {
    config: { access: { roles: ['secrecy_reviewer'] } },
    schema: { tags: ['documents'], summary: '处理敏感信息检查结果：删除、说明理由后保留，或登记“不是密级标识”（密级标识只能如此处理，SEC-2、SEC-6）', params: Id, body: Type.Object({ status: Type.Union([Type.Literal('removed'), Type.Literal('accepted'), Type.Literal('not_a_mark')]), reason: Text(500) }, strict) },
  }, async (req, reply) => {
    await resolveFinding(deps, actorOf(req), req.params.id, req.body.status, req.body.reason);
    return reply.status(204).send();
  });

  r.post('/items/:id/validity', { config: { access: office }, schema: { tags: ['documents'], summary: '标记失效或废止（保留目录条目）', params: Id, body: Type.Object({ validity: oneOf(VALIDITIES), reason: Text(500, 1) }, strict) } }, async (req, reply) => {
    await setValidity(deps, actorOf(req), req.params.id, req.body.validity, req.body.reason);
    return reply.status(204).send();
  });

  r.put('/items/:id/paper-copies', { config: { access: office }, schema: { tags: ['documents'], summary: '登记纸质文件报送份数（ATTR-7）', params: Id, body: Type.Object({ copies: Type.Integer({ minimum: 1, maximum: 1000 }) }, strict) } }, async (req, reply) => {
    await recordPaperCopies(deps, actorOf(req), req.params.id, req.body.copies);
    return reply.status(204).send();
  });

  const LedgerQuery = { from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })), q: Type.Optional(Text(100)) };
  r.get('/ledger', { config: { access: staff }, schema: { response: { 200: pageOf(LedgerEntry) }, tags: ['documents'], summary: '发布台账（PUB-7）', querystring: Type.Object({ ...LedgerQuery, ...PageQuery }, strict) } },
    async (req) => ledger(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/ledger.xlsx', { config: { access: staff }, schema: { tags: ['documents'], summary: '导出发布台账（Excel）', querystring: Type.Object(LedgerQuery, strict) } }, async (req, reply) =>
    sendDownload(reply, { name: `发布台账-${chinaToday(deps.clock)}.xlsx`, mime: XLSX, bytes: await ledgerWorkbook(deps, actorOf(req), req.query) }));

  r.get('/register/non-public', {
    config: { access: staff },
    schema: { response: { 200: pageOf(NonPublicEntry) }, tags: ['documents'], summary: '不公开信息登记（ATTR-3）及年度复核（ATTR-10）', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), unchecked: Type.Optional(Type.Boolean()), ...PageQuery }, strict) },
  }, async (req) => nonPublicRegister(deps, actorOf(req), { year: req.query.year ?? Number(chinaToday(deps.clock).slice(0, 4)), unchecked: req.query.unchecked }, paging(req.query)));

  r.post('/items/:id/recheck', {
    config: { access: office },
    schema: { tags: ['documents'], summary: '年度复核：继续不公开或转为主动公开（ATTR-10、SEC-12）', params: Id, body: Type.Object({ result: Type.Union([Type.Literal('keep'), Type.Literal('convert')]), reason: Text(2000, 1) }, strict) },
  }, async (req, reply) => {
    await recheckItem(deps, actorOf(req), req.params.id, req.body.result, req.body.reason);
    return reply.status(204).send();
  });
}
