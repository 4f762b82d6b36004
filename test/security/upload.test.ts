import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../src/modules/files/fixtures/samples.ts';
import { call, demoApp, expectError, signIn, uploadFile, type TestApp } from '../support/app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-upload-'));
let t: TestApp;
beforeAll(async () => {
  t = await demoApp(undefined, dataDir);
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const storedFiles = () => (existsSync(join(dataDir, 'files')) ? readdirSync(join(dataDir, 'files'), { recursive: true }).length : 0);

describe('issue 9: the permission check comes before any byte of an upload is stored', () => {
  it("another agency's drafter is refused 403 and nothing reaches the disk; the item's own drafter stores the file", async () => {
    const rsj = await signIn(t, 'rsj.drafter');
    const item = await call(t, rsj, 'POST', '/items', { kind: 'document', docKind: 'notice', docNumber: '示人社通〔2026〕98号', title: '关于就业见习的通知', summary: '通知', body: '正文', dateMade: '2026-11-16', category: 'work', attribute: 'proactive' });
    expect(item.statusCode, item.body).toBe(201);
    const ybj = await signIn(t, 'ybj.drafter');
    const refused = await uploadFile(t, ybj, `/items/${item.json().id}/attachments`, '附件.pdf', samplePdf([['见习补贴发放办法']]));
    expect(refused.statusCode).toBe(403);
    expect(storedFiles()).toBe(0);
    const kept = await uploadFile(t, rsj, `/items/${item.json().id}/attachments`, '附件.pdf', samplePdf([['见习补贴发放办法']]));
    expect(kept.statusCode, kept.body).toBe(201);
    expect(storedFiles()).toBeGreaterThan(0);
  });

  it("an application of another agency: the provided-information upload is refused before it is stored", async () => {
    const ybjOffice = await signIn(t, 'ybj.office');
    const rsjOffice = await signIn(t, 'rsj.office');
    const made = await call(t, rsjOffice, 'POST', '/applications', { applicantKind: 'natural', name: '张三', idType: 'passport', idNumber: 'E1234567', phone: '13912345678', description: '2026年就业见习补贴发放名单', form: 'electronic', delivery: 'online', channel: 'letter_registered', receivedAt: '2026-11-20T02:00:00.000Z' });
    expect(made.statusCode, made.body).toBe(201);
    const before = storedFiles();
    expectError(await uploadFile(t, ybjOffice, `/applications/${made.json().id}/files`, '提供.pdf', samplePdf([['另一份文件内容']])), 403, 'FORBIDDEN');
    expect(storedFiles()).toBe(before);
  });
});
