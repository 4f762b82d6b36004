import { Type, type Static } from 'typebox';
import { oneOf } from '../../http/schemas.ts';
import { ROLES } from './org.rules.ts';

export const Grant = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    agencyName: Type.String(),
    role: oneOf(ROLES),
  },
  { title: 'Grant' }
);
export type Grant = Static<typeof Grant>;

export const Agency = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    level: Type.Union([Type.Literal('city'), Type.Literal('agency')]),
    address: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    indexFormat: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Agency' }
);
export type Agency = Static<typeof Agency>;

export const UnitKind = Type.Union([Type.Literal('department'), Type.Literal('affiliated')]);
export type UnitKind = Static<typeof UnitKind>;

export const Unit = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    kind: UnitKind,
    status: Type.Union([Type.Literal('active'), Type.Literal('dissolved')]),
    successorId: Type.Union([Type.String(), Type.Null()]),
    contactUserId: Type.Union([Type.String(), Type.Null()]),
    contactName: Type.Union([Type.String(), Type.Null()]),
    contactPhone: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Unit' }
);
export type Unit = Static<typeof Unit>;

/** Who a user is and where they work: the fields of the user list and of the signed-in user alike. */
export const userFields = {
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
};

export const User = Type.Object(
  {
    ...userFields,
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    lockedUntil: Type.Union([Type.String(), Type.Null()]),
    mfaEnabled: Type.Boolean(),
    roles: Type.Array(oneOf(ROLES)),
  },
  { title: 'User' }
);
export type User = Static<typeof User>;

export const RoleInfo = Type.Object(
  {
    role: oneOf(ROLES),
    label: Type.String(),
    description: Type.String(),
    adminTriad: Type.Boolean(),
  },
  { title: 'RoleInfo' }
);
export type RoleInfo = Static<typeof RoleInfo>;
