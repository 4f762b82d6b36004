// Payloads of the 网民留言 endpoints (src/modules/messages), as the server's schemas describe them (docs/api-types.md).
import type { BodyOf, QueryOf, Schemas } from '../../schema';

export type MessageVocabulary = Schemas['MessageVocabulary'];
export type Message = Schemas['Message'];
export type MessageDetail = Schemas['MessageDetail'];
export type MessageState = Message['state'];
export type MessageAction = Message['actions'][number];
export type MessageQuery = QueryOf<'/messages', 'get'>;
export type ActInput = BodyOf<'/messages/{id}/actions', 'post'>;
export type MessageSettings = Schemas['MessageSettings'];
export type MessageStatsRow = Schemas['MessageStatsRow'];
export type MessageStats = Schemas['MessageStats'];
