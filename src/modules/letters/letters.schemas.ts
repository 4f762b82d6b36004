import { Type, type Static } from 'typebox';

export const LetterTemplateInput = Type.Object(
  {
    numberPattern: Type.String(),
    signatureName: Type.String(),
    contactPerson: Type.String(),
    contactPhone: Type.String(),
    reconsiderationBody: Type.String(),
    court: Type.String(),
    dateStyle: Type.Union([Type.Literal('chinese'), Type.Literal('arabic')]),
  },
  { title: 'LetterTemplateInput' }
);
export type LetterTemplateInput = Static<typeof LetterTemplateInput>;

export const LetterTemplate = Type.Evaluate(
  Type.Intersect([
    LetterTemplateInput,
    Type.Object({
      agencyId: Type.String(),
      agencyName: Type.String(),
      updatedAt: Type.Union([Type.String(), Type.Null()]),
      defaults: Type.Object({
        signatureName: Type.String(),
        contactPhone: Type.String(),
        reconsiderationBody: Type.String(),
        court: Type.String(),
      }),
      nextNumber: Type.String(),
    }),
  ]),
  { title: 'LetterTemplate' }
);
export type LetterTemplate = Static<typeof LetterTemplate>;
