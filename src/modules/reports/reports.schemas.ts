import { Type } from 'typebox';
import { Nullable, oneOf } from '../../http/schemas.ts';
import { Deadline } from '../deadlines/deadlines.schemas.ts';
import { CATEGORIES } from '../documents/documents.rules.ts';
import { ANNUAL_ACTIONS, ANNUAL_STATES, ENTRY_KEYS } from './reports.rules.ts';

/** The response payloads of the annual report (LAW-49/50) and the monthly report (SUP-5) in the console (docs/api-types.md). */

const Counts = Type.Record(Type.String(), Type.Number());

/** One cell of a table as the national template draws it; `key` names the figure behind it. */
export const ReportCell = Type.Object(
  { text: Type.String(), colspan: Type.Optional(Type.Integer()), rowspan: Type.Optional(Type.Integer()), head: Type.Optional(Type.Boolean()), key: Type.Optional(Type.String()) },
  { title: 'ReportCell' },
);
export const ReportGrid = Type.Object({ caption: Type.String(), rows: Type.Array(Type.Array(ReportCell)) }, { title: 'ReportGrid' });
const ReportTables = Type.Object({ proactive: ReportGrid, applications: ReportGrid, appeals: ReportGrid, fees: ReportGrid }, { title: 'ReportTables' });

export const ReportTexts = Type.Object({ overall: Type.String(), problems: Type.String(), other: Type.String() }, { title: 'ReportTexts' });

/** 三同步 as the interpretation module counts it (INT-3, INT-5). */
export const ReportSync = Type.Object(
  { due: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), running: Type.Integer(), rate: Nullable(Type.Number()) },
  { title: 'ReportSync' },
);

const State = oneOf(ANNUAL_STATES);
const Action = oneOf(ANNUAL_ACTIONS);

export const AnnualReport = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    agencyName: Type.String(),
    year: Type.Integer(),
    version: Type.Integer(),
    template: Type.Object({
      id: Type.String(),
      basis: Type.String(),
      parts: Type.Object({ overall: Type.String(), proactive: Type.String(), applications: Type.String(), appeals: Type.String(), problems: Type.String(), other: Type.String() }),
    }),
    state: State,
    stateLabel: Type.String(),
    texts: ReportTexts,
    generated: ReportTexts,
    stockReason: Type.String(),
    correctionReason: Type.String(),
    supersededBy: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
    steps: Type.Array(Type.Object({ at: Type.String(), by: Type.String(), role: Type.String(), action: Action, from: State, to: State, opinion: Type.String() })),
    figuresFrozen: Type.Boolean(),
    figures: Type.Object({
      cells: Counts,
      stockCheck: Type.Object({
        ok: Type.Boolean(),
        lines: Type.Array(Type.Object({ kind: Type.Union([Type.Literal('rules'), Type.Literal('normative')]), last: Type.Number(), made: Type.Number(), repealed: Type.Number(), inForce: Type.Number() })),
      }),
      identity: Type.Object({ ok: Type.Boolean(), left: Type.Number(), right: Type.Number() }),
      summary: Type.Object({
        published: Type.Integer(),
        byCategory: Type.Partial(Type.Record(oneOf(CATEGORIES), Type.Integer())),
        repliedOnTime: Type.Integer(),
        replied: Type.Integer(),
        interpretations: Type.Optional(Type.Integer()),
        sync: Type.Optional(ReportSync),
      }),
    }),
    tables: ReportTables,
    problems: Type.Array(Type.String()),
    actions: Type.Array(Action),
    /** The workflow's actions by their Chinese names (the buttons and the record of steps). */
    actionLabels: Type.Record(Action, Type.String()),
    canCorrect: Type.Boolean(),
    deadline: Nullable(Deadline),
    versions: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer(), state: State, publishedAt: Nullable(Type.String()), correctionReason: Type.String(), current: Type.Boolean() })),
  },
  { title: 'AnnualReport' },
);

export const AnnualListEntry = Type.Object(
  {
    agencyId: Type.String(),
    agencyName: Type.String(),
    own: Type.Boolean(),
    report: Nullable(Type.Object({ id: Type.String(), version: Type.Integer(), state: State, stateLabel: Type.String(), publishedAt: Nullable(Type.String()), updatedAt: Type.String() })),
    deadline: Nullable(Deadline),
  },
  { title: 'AnnualListEntry' },
);
export const AnnualReportList = Type.Object({ year: Type.Integer(), agencies: Type.Array(AnnualListEntry) }, { title: 'AnnualReportList' });

export const RecordRef = Type.Object(
  { type: Type.Union([Type.Literal('application'), Type.Literal('item'), Type.Literal('entry')]), id: Type.String(), label: Type.String() },
  { title: 'ReportRecordRef' },
);
export const ReportRecords = Type.Object({ key: Type.String(), value: Type.Number(), records: Type.Array(RecordRef) }, { title: 'ReportRecords' });

export const CitySummary = Type.Object(
  {
    year: Type.Integer(),
    sources: Type.Array(Type.Object({ agencyId: Type.String(), agencyName: Type.String(), published: Type.Boolean(), reportId: Nullable(Type.String()), cells: Counts })),
    cells: Counts,
    tables: ReportTables,
  },
  { title: 'CitySummary' },
);

export const ReportEntry = Type.Object(
  { id: Type.String(), key: oneOf(ENTRY_KEYS), label: Type.String(), value: Type.Number(), source: Type.String(), enteredBy: Type.String(), enteredAt: Type.String() },
  { title: 'ReportEntry' },
);
export const ReportEntries = Type.Object({ keys: Type.Record(oneOf(ENTRY_KEYS), Type.String()), items: Type.Array(ReportEntry) }, { title: 'ReportEntries' });

export const ReportCharts = Type.Object(
  {
    year: Type.Integer(),
    months: Type.Array(Type.Object({
      month: Type.String(), itemsPublished: Type.Integer(), itemsOnTime: Type.Integer(), received: Type.Integer(), answered: Type.Integer(), answeredOnTime: Type.Integer(),
    })),
    outcomes: Counts,
  },
  { title: 'ReportCharts' },
);

export const ReportSettings = Type.Object({ annualDueDay: Type.Integer(), maxDueDay: Type.Integer(), monthlyDueDay: Type.Integer() }, { title: 'ReportSettings' });

export const MonthlyFigures = Type.Object(
  {
    month: Type.String(),
    items: Type.Array(Type.Object({ category: oneOf(CATEGORIES), documents: Type.Integer(), others: Type.Integer(), onTime: Type.Integer(), late: Type.Integer() })),
    applications: Type.Object({ received: Type.Integer(), answered: Type.Integer(), onTime: Type.Integer(), byGroup: Counts }),
    interpretations: Type.Optional(Type.Object({ published: Type.Integer(), sync: ReportSync })),
    messages: Type.Optional(Type.Object({ received: Type.Integer(), answered: Type.Integer(), onTime: Type.Integer(), refused: Type.Integer(), satisfaction: Nullable(Type.Number()) })),
    opinion: Type.Optional(Type.Object({ found: Type.Integer(), major: Type.Integer(), responded: Type.Integer(), respondedOnTime: Type.Integer(), closed: Type.Integer() })),
  },
  { title: 'MonthlyFigures' },
);

export const MonthlyReport = Type.Object(
  { month: Type.String(), figures: MonthlyFigures, grids: Type.Array(ReportGrid), submitted: Nullable(Type.Object({ at: Type.String(), by: Type.String() })), deadline: Nullable(Deadline) },
  { title: 'MonthlyReport' },
);
