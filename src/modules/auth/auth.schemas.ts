import { Type, type Static } from 'typebox';
import { Grant } from '../org/org.schemas.ts';

export const CurrentUser = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    name: Type.String(),
    agencyId: Type.String(),
    agencyName: Type.String(),
    unitId: Type.Union([Type.String(), Type.Null()]),
    unitName: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    mfaEnabled: Type.Boolean(),
  },
  { title: 'CurrentUser' }
);
export type CurrentUser = Static<typeof CurrentUser>;

export const Me = Type.Object(
  {
    user: CurrentUser,
    grants: Type.Array(Grant),
    csrfToken: Type.String(),
    session: Type.Object({
      idleExpiresAt: Type.String(),
      absoluteExpiresAt: Type.String(),
    }),
  },
  { title: 'Me' }
);
export type Me = Static<typeof Me>;
