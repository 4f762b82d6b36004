import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, AUDIT_KINDS } from './audit.labels.ts';

const src = join(import.meta.dirname, '../..');

/** The kinds written literally in a call of appendAudit anywhere in the server. */
function writtenKinds(): string[] {
  const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'));
  const kinds = new Set<string>();
  for (const f of files) {
    const text = readFileSync(join(f.parentPath, f.name), 'utf8');
    for (const call of text.split('appendAudit(').slice(1)) {
      const kind = /action: '([a-z_.]+)'/.exec(call.slice(0, 400))?.[1];
      if (kind) kinds.add(kind);
    }
  }
  return [...kinds];
}

describe('the audit vocabulary (issue 8: the auditor reads Chinese, not codes)', () => {
  it('every kind of event the server writes has a Chinese name', () => {
    const kinds = writtenKinds();
    expect(kinds.length).toBeGreaterThan(40);
    expect(kinds.filter((k) => !ACTION_LABELS[k])).toEqual([]);
  });

  it('the workflows\' own actions are named as the workflows name them', () => {
    expect(ACTION_LABELS['item.publish']).toBe('发布');
    expect(ACTION_LABELS['application.approve_reply']).toBe('签发答复');
    expect(ACTION_LABELS['application.review.legality']).toBe('登记合法性审查意见');
    expect(ACTION_LABELS['power.delete']).toBe('删除行政职权');
  });

  it('a kind not yet in the vocabulary still reads in Chinese, by its object', () => {
    expect(actionLabel('item.something_new', 'item')).toBe('信息操作');
    expect(actionLabel('x.y', 'unknown')).toBe('其他操作');
  });

  it('the filter lists every kind once, grouped by object in Chinese', () => {
    expect(AUDIT_KINDS.map((k) => k.value)).toEqual(Object.keys(ACTION_LABELS));
    expect(AUDIT_KINDS.find((k) => k.value === 'auth.login')).toEqual({ value: 'auth.login', label: '登录系统', group: '登录与认证' });
    expect(AUDIT_KINDS.find((k) => k.value === 'grant.add')?.group).toBe('用户');
    for (const k of AUDIT_KINDS) expect(k.group).not.toBe('其他');
  });
});
