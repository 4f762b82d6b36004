// Payloads of the opinion endpoints (src/modules/opinion), as the server's schemas describe them (docs/api-types.md).
import type { BodyOf, QueryOf, ResponseOf, Schemas } from '../../schema';

export type OpinionVocabulary = Schemas['OpinionVocabulary'];
export type OpinionClock = Schemas['OpinionClock'];
export type OpinionCase = Schemas['OpinionCase'];
export type OpinionListEntry = Schemas['OpinionListEntry'];
export type OpinionCases = ResponseOf<'/opinion/cases', 'get'>;
export type OpinionDetail = Schemas['OpinionDetail'];
export type OpinionSource = OpinionCase['source'];
export type RiskLevel = OpinionCase['riskLevel'];
export type OpinionState = OpinionCase['state'];
export type OpinionAction = OpinionDetail['actions'][number];
export type ResponseForm = OpinionDetail['responses'][number]['form'];
export type OpinionFilter = QueryOf<'/opinion/cases/export', 'get'>;
export type CaseInput = BodyOf<'/opinion/cases', 'post'>;
export type ActInput = BodyOf<'/opinion/cases/{id}/actions/{action}', 'post'>;
export type PollResult = Schemas['OpinionPollResult'];
export type OpinionSettings = Schemas['OpinionSettings'];
export type OpinionFeed = Schemas['OpinionFeed'];
