import { describe, expect, it } from 'vitest';
import { coveredAgencies, requiresSecondFactor, successorProblem, triadConflict, TRIAD_ROLES } from './org.rules.ts';

describe('三员分立: system, security and audit administration are held by different people', () => {
  it('refuses a second administrator role to whoever holds one, naming the one held', () => {
    for (const held of TRIAD_ROLES) {
      for (const wanted of TRIAD_ROLES.filter((r) => r !== held)) {
        expect(triadConflict([held], wanted)).toBe(held);
      }
    }
  });
  it('allows business roles beside an administrator role, and the same role in another agency', () => {
    expect(triadConflict(['sys_admin'], 'drafter')).toBeNull();
    expect(triadConflict(['drafter', 'office'], 'auditor')).toBeNull();
    expect(triadConflict(['auditor'], 'auditor')).toBeNull();
  });
  it('asks the three administrator roles, and only them, for a second factor', () => {
    expect(TRIAD_ROLES.every((r) => requiresSecondFactor([r]))).toBe(true);
    expect(requiresSecondFactor(['drafter', 'dept_head', 'office', 'secrecy_reviewer', 'leader', 'opinion_lead'])).toBe(false);
  });
});

describe('agency reach: a city-level grant covers the agencies below it, any other stays in its agency', () => {
  const tree = [
    { id: 'city', parent_id: null },
    { id: 'rsj', parent_id: 'city' },
    { id: 'ybj', parent_id: 'city' },
    { id: 'rsj-branch', parent_id: 'rsj' },
  ];
  it('a grant on the city reaches every agency', () => {
    expect([...coveredAgencies(tree, 'city')].sort()).toEqual(['city', 'rsj', 'rsj-branch', 'ybj']);
  });
  it('a grant on one bureau never reaches its sibling', () => {
    expect([...coveredAgencies(tree, 'rsj')].sort()).toEqual(['rsj', 'rsj-branch']);
    expect(coveredAgencies(tree, 'ybj')).toEqual(new Set(['ybj']));
  });
  it('survives a cycle in bad data without looping', () => {
    expect(coveredAgencies([{ id: 'a', parent_id: 'b' }, { id: 'b', parent_id: 'a' }], 'a')).toEqual(new Set(['a', 'b']));
  });
});

describe('ORG-4 successor after a reorganisation', () => {
  const unit = { id: 'u1', agency_id: 'rsj' };
  it('accepts an active unit of the same agency', () => {
    expect(successorProblem(unit, { id: 'u2', agency_id: 'rsj', status: 'active' })).toBeNull();
  });
  it.each([
    ['missing', undefined, '承继单位不存在'],
    ['itself', { id: 'u1', agency_id: 'rsj', status: 'active' }, '承继单位不能是被撤销的单位本身'],
    ['another agency', { id: 'u3', agency_id: 'ybj', status: 'active' }, '承继单位必须属于同一机关'],
    ['dissolved', { id: 'u4', agency_id: 'rsj', status: 'dissolved' }, '承继单位已被撤销'],
  ])('refuses a successor that is %s', (_label, successor, message) => {
    expect(successorProblem(unit, successor)).toBe(message);
  });
});
