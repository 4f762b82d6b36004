// Payloads of the 发布协调 endpoints (src/modules/coordination), as the server's schemas describe them (docs/api-types.md).
import type { BodyOf, QueryOf, ResponseOf, Schemas } from '../../schema';

export type CoordinationRequest = Schemas['CoordinationRequest'];
export type CoordinationState = CoordinationRequest['state'];
export type CoordinationAnswer = NonNullable<CoordinationRequest['answer']>;
export type CoordinationDecision = NonNullable<CoordinationRequest['decision']>;
export type CoordinationAction = CoordinationRequest['actions'][number];
export type CoordinationChannel = CoordinationRequest['channel'];
export type CoordinationBox = QueryOf<'/coordination/requests', 'get'>['box'];
export type CoordinationDeadline = NonNullable<CoordinationRequest['deadline']>;
export type CoordinationPage = ResponseOf<'/coordination/requests', 'get'>;
export type SubjectCoordination = Schemas['SubjectCoordination'];
export type SendRequestInput = BodyOf<'/coordination/requests', 'post'>;
/** FormModal sends blank optional fields as null; `present` drops them before sending. */
export type ActOnRequestInput = { [K in keyof BodyOf<'/coordination/requests/{id}/actions/{action}', 'post'>]?: BodyOf<'/coordination/requests/{id}/actions/{action}', 'post'>[K] | null };
