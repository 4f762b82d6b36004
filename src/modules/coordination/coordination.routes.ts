import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { sendDownload } from '../../http/download.ts';
import { oneOf } from '../../http/schemas.ts';
import { ACTION_LABELS, ANSWERS, CHANNELS, DECISIONS, SIDES, STATES, SUBJECT_TYPES, TRANSITIONS } from './coordination.rules.ts';
import { CoordinationPage, CoordinationRequest, SubjectCoordination } from './coordination.schemas.ts';
import { actOnRequest, getRequest, listRequests, requestLetterDocx, sendRequest, subjectRequests } from './coordination.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const strict = { additionalProperties: false } as const;
const office = { roles: ['office'] } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

const SendBody = Type.Object({
  subjectType: oneOf(SUBJECT_TYPES),
  subjectId: Text(64, 1),
  answeringAgencyId: Text(64, 1),
  channel: oneOf(CHANNELS),
  urgent: Type.Boolean({ description: '情况紧急：须当日答复' }),
  matter: Type.String({ minLength: 1, maxLength: 2000, description: '需确认的事项' }),
  ourWording: Type.String({ minLength: 1, maxLength: 5000, description: '拟发布的表述（涉及对方机关的内容）' }),
  sentOn: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: '平台外发函的日期（默认今天）' })),
}, strict);

const ActBody = Type.Object({
  proposedWording: Type.Optional(Text(5000)),
  opinion: Type.Optional(Text(2000)),
  decision: Type.Optional(oneOf(DECISIONS)),
  letterNumber: Type.Optional(Text(60)),
}, strict);

const ActionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), action: oneOf(ACTION_LABELS) });

/**
 * 发布协调 (COORD-1): requests between agencies of the deployment, their answers, the city
 * office's decisions and the two letters. Only offices take part; the service checks the side.
 */
export async function coordinationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/coordination/vocabulary', { config: { access: office }, schema: { tags: ['coordination'], summary: '发布协调的状态、答复、协调决定等词表' } }, async () => ({
    states: STATES, answers: ANSWERS, decisions: DECISIONS, channels: CHANNELS, actions: ACTION_LABELS, sides: SIDES, subjectTypes: SUBJECT_TYPES, transitions: TRANSITIONS,
  }));

  r.get('/coordination/requests', {
    config: { access: office },
    schema: {
      tags: ['coordination'], summary: '发布协调请求：本机关发出的（outgoing）、收到的（incoming）、提请市级协调的（city）',
      querystring: Type.Object({ box: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming'), Type.Literal('city')]), ...PageQuery }, strict),
      response: { 200: CoordinationPage },
    },
  }, async (req) => listRequests(deps, actorOf(req), req.query.box, paging(req.query)));

  r.post('/coordination/requests', {
    config: { access: office },
    schema: { tags: ['coordination'], summary: '向其他机关发送协调确认请求（平台内发送，或登记平台外发出的函件）', body: SendBody, response: { 201: CoordinationRequest } },
  }, async (req, reply) => reply.code(201).send(await sendRequest(deps, actorOf(req), req.body)));

  r.get('/coordination/requests/:id', {
    config: { access: office }, schema: { tags: ['coordination'], summary: '一项协调请求（仅发起机关、被征询机关和市政务公开主管部门可见）', params: Id, response: { 200: CoordinationRequest } },
  }, async (req) => getRequest(deps, actorOf(req), req.params.id));

  r.post('/coordination/requests/:id/actions/:action', {
    config: { access: office },
    schema: { tags: ['coordination'], summary: '答复、采纳或不采纳修改意见、协调决定、撤回', params: ActionParams, body: ActBody, response: { 200: CoordinationRequest } },
  }, async (req) => actOnRequest(deps, actorOf(req), req.params.id, req.params.action, req.body));

  r.get('/coordination/subjects/:type/:id', {
    config: { access: office },
    schema: { tags: ['coordination'], summary: '某条信息的协调请求及尚未办结的协调（本机关公开办）', params: Type.Object({ type: oneOf(SUBJECT_TYPES), id: Text(64, 1) }), response: { 200: SubjectCoordination } },
  }, async (req) => subjectRequests(deps, actorOf(req), req.params.type, req.params.id));

  r.get('/coordination/requests/:id/letters/:which', {
    config: { access: office },
    schema: { tags: ['coordination'], summary: '下载协调确认函（request）或复函（answer），Word 格式', params: Type.Object({ id: Text(64, 1), which: Type.Union([Type.Literal('request'), Type.Literal('answer')]) }) },
  }, async (req, reply) => {
    const file = await requestLetterDocx(deps, actorOf(req), req.params.id, req.params.which);
    return sendDownload(reply, { name: file.name, mime: DOCX, bytes: file.bytes }, 'no-store');
  });
}
