// Payloads of the 监督考评 endpoints (src/modules/supervision), as the server's schemas describe them (docs/api-types.md).
import type { QueryOf, Schemas } from '../../schema';

export type SupervisionVocabulary = Schemas['SupervisionVocabulary'];
export type AssessmentKind = keyof SupervisionVocabulary['kinds'];
export type AssessmentState = keyof SupervisionVocabulary['states'];
export type FindingKind = keyof SupervisionVocabulary['findingKinds'];
export type Resolution = keyof SupervisionVocabulary['resolutions'];
export type Dashboard = Schemas['SupervisionDashboard'];
export type ClockQuery = QueryOf<'/supervision/clocks', 'get'> & { page: number; pageSize: number };
export type Clock = Schemas['SupervisionClock'];
export type MissedClock = Schemas['MissedClock'];
export type SelfCheckWeek = Schemas['SelfCheckWeek'];
export type Finding = Schemas['SelfCheckFinding'];
export type SelfCheck = Schemas['SelfCheck'];
export type TemplateBody = Schemas['TemplateBody'];
export type TemplateItem = TemplateBody['areas'][number]['items'][number];
export type Template = Schemas['AssessmentTemplate'];
export type Figure = Schemas['IndicatorFigure'];
export type Scores = Schemas['AssessmentScores'];
export type Assessment = Schemas['Assessment'];
export type ResultRow = Schemas['AssessmentResult'];
