import { Type, type Static } from 'typebox';
import { Grant, userFields } from '../org/org.schemas.ts';

export const CurrentUser = Type.Object(
  {
    ...userFields,
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
