// Payloads of the 政策解读 endpoints (src/modules/interpretation), as the server's schemas describe them (docs/api-types.md).
import type { BodyOf, Schemas } from '../../schema';

export type InterpretationVocabulary = Schemas['InterpretationVocabulary'];
export type InterpretationDetail = Schemas['InterpretationDetail'];
export type Form = InterpretationDetail['interpretation']['form'];
export type FormContent = Schemas['InterpretationFormContent'];
export type QaPair = NonNullable<FormContent['pairs']>[number];
export type Checklist = InterpretationDetail['interpretation']['checklist'];
export type ChecklistEntry = NonNullable<Checklist[keyof Checklist]>;
export type InterpretationInput = BodyOf<'/interpretations', 'post'>;
/** What GET /items/:id adds about interpretation (INT-3: the reviewer sees both). */
export type InterpretationLinks = Schemas['InterpretationLinks'];
export type PolicyClockRow = Schemas['PolicyClockRow'];
export type SyncOverview = Schemas['SyncOverview'];
export type YearView = Schemas['InterpretationYear'];
