import { Type, type Static } from 'typebox';
import { oneOf } from '../../http/schemas.ts';
import { REASON_CATEGORIES } from './negative-list.rules.ts';
import { POWER_CATEGORIES } from './powers.rules.ts';

export const ListVocabulary = Type.Object(
  {
    reasonCategories: Type.Record(
      oneOf(REASON_CATEGORIES),
      Type.Object({
        label: Type.String(),
        article: Type.String(),
      })
    ),
    powerCategories: Type.Record(oneOf(POWER_CATEGORIES), Type.String()),
    noFee: Type.String(),
    maxSteps: Type.Number(),
  },
  { title: 'ListVocabulary' }
);
export type ListVocabulary = Static<typeof ListVocabulary>;

export const NegativeEntry = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    matter: Type.String(),
    reasonCategory: oneOf(REASON_CATEGORIES),
    legalBasis: Type.String(),
    note: Type.String(),
    listedOn: Type.String(),
    reviewedOn: Type.String(),
    updatedAt: Type.String(),
  },
  { title: 'NegativeEntry' }
);
export type NegativeEntry = Static<typeof NegativeEntry>;

export const SampleForm = Type.Object(
  {
    name: Type.String(),
    url: Type.String(),
    text: Type.String(),
  },
  { title: 'SampleForm' }
);
export type SampleForm = Static<typeof SampleForm>;

export const ServiceItem = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    name: Type.String(),
    dutyPost: Type.String(),
    legalBasis: Type.String(),
    acceptingUnit: Type.String(),
    place: Type.String(),
    eligibility: Type.String(),
    process: Type.String(),
    materials: Type.Array(Type.String()),
    forms: Type.Array(SampleForm),
    fee: Type.String(),
    feeBasis: Type.String(),
    timeLimit: Type.String(),
    enquiries: Type.String(),
    complaints: Type.String(),
    updatedAt: Type.String(),
  },
  { title: 'ServiceItem' }
);
export type ServiceItem = Static<typeof ServiceItem>;

export const PowerStep = Type.Object(
  {
    name: Type.String(),
    actor: Type.String(),
    timeLimit: Type.String(),
    note: Type.String(),
  },
  { title: 'PowerStep' }
);
export type PowerStep = Static<typeof PowerStep>;

export const Power = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    name: Type.String(),
    category: oneOf(POWER_CATEGORIES),
    actor: Type.String(),
    legalBasis: Type.String(),
    timeLimit: Type.String(),
    oversight: Type.String(),
    steps: Type.Array(PowerStep),
    updatedAt: Type.String(),
  },
  { title: 'Power' }
);
export type Power = Static<typeof Power>;
