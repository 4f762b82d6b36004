import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { oneOf } from '../../http/schemas.ts';
import { DATE_STYLES } from './letters.rules.ts';
import { getLetterTemplate, previewLetterTemplate, updateLetterTemplate } from './letters.service.ts';
import { LetterTemplate } from './letters.schemas.ts';

const office = { roles: ['office'] } as const;
const AgencyParam = Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number) => Type.String({ maxLength: max });

const TemplateBody = Type.Object({
  numberPattern: Type.String({ minLength: 1, maxLength: 60, description: '发文字号格式，含{年}和{号}，例如：示人社公开〔{年}〕{号}号' }),
  signatureName: Text(60),
  contactPerson: Text(40),
  contactPhone: Type.String({ maxLength: 40, pattern: '^[0-9+()\\-转 ]*$' }),
  reconsiderationBody: Text(80),
  court: Text(80),
  dateStyle: oneOf(DATE_STYLES),
}, { additionalProperties: false });

/** 文书模板: each agency's office sets how its letters are numbered, signed and whom they name. */
export async function letterRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/letter-templates/:agencyId', {
    config: { access: office },
    schema: { response: { 200: LetterTemplate }, tags: ['letters'], summary: '本机关的文书模板（发文字号、落款、联系人、复议机关、法院、日期写法）', params: AgencyParam },
  }, async (req) => getLetterTemplate(deps, actorOf(req), req.params.agencyId));

  r.put('/letter-templates/:agencyId', {
    config: { access: office },
    schema: { response: { 200: LetterTemplate }, tags: ['letters'], summary: '修改本机关的文书模板（留空用默认值）', params: AgencyParam, body: TemplateBody },
  }, async (req) => updateLetterTemplate(deps, actorOf(req), req.params.agencyId, req.body));

  r.get('/letter-templates/:agencyId/preview.png', {
    config: { access: office },
    schema: { tags: ['letters'], summary: '按模板生成的示例答复告知书（第一页图片，不占用发文字号）', params: AgencyParam },
  }, async (req, reply) => {
    const png = await previewLetterTemplate(deps, actorOf(req), req.params.agencyId);
    return reply.type('image/png').header('cache-control', 'no-store').send(Buffer.from(png));
  });
}
