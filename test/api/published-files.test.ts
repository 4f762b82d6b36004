/**
 * Issue 10: nothing private leaves in a published file. A corpus of hostile files made in
 * test/support/hostile-files.ts goes through the whole chain (upload → review → publish), and
 * every part of every published file is read back: each ZIP entry unpacked and its XML
 * decoded, each PDF's text, hidden text and decompressed streams.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { inspectText } from '../../src/modules/files/text.ts';
import { decodeXml } from '../../src/modules/files/xml.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { call, testClock, uploadFile, type TestApp } from '../support/app.ts';
import { freshDatabase } from '../support/db.ts';
import { docx, hostileCorpus, INVALID_ID, pdf, xlsx, type Hostile } from '../support/hostile-files.ts';
import { draftItem, publishingStaff, type PublishingStaff } from '../support/publish.ts';

type Outcome = {
  hostile: Hostile;
  uploadRefusal?: string;
  foundAtFirstScan: boolean;
  findingTexts: string[];
  publishRefusal?: string;
  published: Array<{ name: string; bytes: Uint8Array }>;
};

/** Everything a reader could pull out of a published file, as text. */
async function everyPart(name: string, bytes: Uint8Array): Promise<string> {
  if (name.endsWith('.pdf')) {
    const doc = new mupdf.PDFDocument(bytes);
    const inflated = new TextDecoder('latin1').decode(doc.saveToBuffer('decompress').asUint8Array());
    doc.destroy();
    return [await inspectText('pdf', bytes), inflated].join('\n');
  }
  return Object.entries(unzipSync(bytes)).map(([entry, data]) => `${entry}\n${strFromU8(data)}\n${decodeXml(strFromU8(data))}`).join('\n');
}

const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

describe('issue 10: hostile files through upload, review and publication (SEC-2, SEC-6, SEC-10, LAW-37)', () => {
  let t: TestApp;
  let dataDir: string;
  let s: PublishingStaff;
  const outcomes: Outcome[] = [];
  const corpus = hostileCorpus();

  const act = async (who: keyof PublishingStaff, id: string, action: string, body: object = {}) => {
    const res = await call(t, s[who], 'POST', `/items/${id}/actions/${action}`, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };

  async function throughChain(hostile: Hostile): Promise<Outcome> {
    const id = await draftItem(t, s, { title: `附件检查：${hostile.name}` });
    const up = await uploadFile(t, s.drafter, `/items/${id}/attachments`, hostile.file, hostile.bytes);
    if (up.statusCode !== 201) return { hostile, uploadRefusal: `${up.statusCode} ${up.json().error.code} ${up.json().error.message}`, foundAtFirstScan: false, findingTexts: [], published: [] };
    const attachmentId = up.json().id;
    await act('drafter', id, 'submit');
    await act('office', id, 'pass_check');
    await act('head', id, 'dept_opinion', { opinion: '同意' });
    const findings: Array<{ id: string; text: string; kind: string; status: string }> = (await call(t, s.secrecy, 'GET', `/items/${id}`)).json().findings;
    for (const f of findings.filter((x, i, all) => all.findIndex((y) => y.text === x.text) === i)) {
      const res = await call(t, s.secrecy, 'POST', `/findings/${f.id}/resolve`, { status: 'removed', reason: '个人信息' });
      expect(res.statusCode, res.body).toBe(204);
    }
    await act('secrecy', id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '删除个人信息后公开' });
    await act('leader', id, 'approve', { opinion: '同意' });
    let publishRefusal: string | undefined;
    const first = await call(t, s.office, 'POST', `/items/${id}/actions/publish`, { channels: ['platform'] });
    if (first.statusCode !== 200) {
      publishRefusal = `${first.statusCode} ${first.json().error.code} ${first.json().error.message}`;
      // No dead end: the office withdraws the file it cannot publish, and the item goes on.
      const withdrawn = await call(t, s.office, 'POST', `/attachments/${attachmentId}/withdraw`, { reason: '无法清理，撤下' });
      expect(withdrawn.statusCode, withdrawn.body).toBe(204);
      await act('office', id, 'publish', { channels: ['platform'] });
    }
    const item = (await call(t, s.office, 'GET', `/items/${id}`)).json();
    expect(item.item.state).toBe('published');
    const published = [];
    for (const a of item.attachments) {
      const res = await t.app.inject({ method: 'GET', url: `/xxgk/files/${id}/${a.id}` });
      expect(res.statusCode).toBe(200);
      published.push({ name: a.name, bytes: new Uint8Array(res.rawPayload) });
    }
    return { hostile, foundAtFirstScan: findings.some((f) => f.text.includes(hostile.token)), findingTexts: findings.map((f) => f.text), publishRefusal, published };
  }

  beforeAll(async () => {
    const conn = await freshDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'gongkai-hostile-'));
    const deps = { db: conn.db, dialect: conn.dialect, clock: testClock(), dataDir, secureCookies: false };
    await seedDemo(deps);
    const app = await buildApp(deps, { logLevel: 'silent' });
    t = { app, conn, clock: deps.clock, close: async () => { await app.close(); await conn.close(); } };
    s = await publishingStaff(t);
    for (const hostile of corpus) outcomes.push(await throughChain(hostile));
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('has at least 30 hostile files, in Word, Excel and PDF', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const ext of ['.docx', '.xlsx', '.pdf']) expect(corpus.filter((h) => h.file.endsWith(ext)).length).toBeGreaterThanOrEqual(8);
  });

  it('no seeded number is anywhere in any published file: every entry unpacked, every PDF stream decompressed', async () => {
    const leaks: string[] = [];
    for (const o of outcomes) {
      for (const file of o.published) {
        const all = await everyPart(file.name, file.bytes);
        if (all.includes(o.hostile.token) || all.includes(hex(o.hostile.token))) leaks.push(`${o.hostile.name} (${file.name})`);
      }
    }
    expect(leaks).toEqual([]);
    // Not vacuous: most files were published, cleaned.
    expect(outcomes.filter((o) => o.published.length > 0).length).toBeGreaterThanOrEqual(20);
  });

  it('the first scan reads the hidden places: comments, deletions, properties, other part names, hidden sheets, metadata, notes', () => {
    const missed = outcomes.filter((o) => !o.uploadRefusal && !o.foundAtFirstScan).map((o) => o.hostile.name);
    // A part no relationship reaches is not in the document: it is dropped, not scanned. Text in
    // a PDF's script or attached file is not read, but neither reaches the public copy. Text in
    // a PDF layer switched off is not extracted; the public copy has no layers, so the re-scan
    // sees it and stops publication (below).
    expect(missed.sort()).toEqual(['PDF JavaScript', 'PDF embedded file', 'PDF layer switched off', 'part no relationship reaches'].sort());
  });

  it('an invalid ID number is never reported, whatever the file', () => {
    expect(outcomes.flatMap((o) => o.findingTexts).filter((text) => text.includes(INVALID_ID))).toEqual([]);
  });

  it('a package that is not what it says is refused at upload with the real reason', () => {
    const refusals = Object.fromEntries(outcomes.filter((o) => o.uploadRefusal).map((o) => [o.hostile.file, o.uploadRefusal]));
    expect(refusals).toEqual({
      'truncated.docx': expect.stringMatching(/^400 FILE_UNREADABLE “truncated\.docx”文件无法读取：压缩包条目“word\/document\.xml”的声明大小与实际内容不符$/),
      'duplicate.docx': expect.stringMatching(/重名的条目/),
      'bomb.xlsx': expect.stringMatching(/压缩包解压后过大$/),
      'encrypted.xlsx': expect.stringMatching(/加密的内容$/),
    });
  });

  it('what cannot be cleaned stops publication with the reason, until the office withdraws it', () => {
    const refused = Object.fromEntries(outcomes.filter((o) => o.publishRefusal).map((o) => [o.hostile.file, o.publishRefusal]));
    expect(refused['hidden.xlsx']).toMatch(/隐藏的工作表“名单”/);
    expect(refused['veryhidden.xlsx']).toMatch(/隐藏的工作表“底稿”/);
    expect(refused['embedded.docx']).toMatch(/嵌入的对象/);
    expect(refused['sheetname.xlsx']).toMatch(/无法自动删除/);
    expect(refused['layer.pdf']).toMatch(/^409 PUBLIC_COPY_NOT_CLEAN 附件“layer\.pdf”的公开版本经再次检查仍有 1 处未经审查的敏感信息（手机号码），不予发布/);
    // Alternative text and document variables are masked like the text, so those files publish.
    expect(refused['alttext.docx']).toBeUndefined();
    expect(refused['docvar.docx']).toBeUndefined();
    for (const reason of Object.values(refused)) expect(reason).toMatch(/请替换为处理后的文件或撤下该附件/);
  });

  it('SEC-10: an XLSX that cannot be cleaned is replaced by the office with a clean copy, and the item publishes', async () => {
    const hidden = corpus.find((h) => h.file === 'hidden.xlsx')!;
    const id = await draftItem(t, s, { title: '替换附件' });
    const up = await uploadFile(t, s.drafter, `/items/${id}/attachments`, hidden.file, hidden.bytes);
    const attachmentId = up.json().id;
    await act('drafter', id, 'submit');
    await act('office', id, 'pass_check');
    await act('head', id, 'dept_opinion', { opinion: '同意' });
    const [finding] = (await call(t, s.secrecy, 'GET', `/items/${id}`)).json().findings;
    await call(t, s.secrecy, 'POST', `/findings/${finding.id}/resolve`, { status: 'removed', reason: '个人信息' });
    await act('secrecy', id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '同意' });
    await act('leader', id, 'approve', { opinion: '同意' });
    expect((await call(t, s.office, 'POST', `/items/${id}/actions/publish`, { channels: ['platform'] })).statusCode).toBe(409);
    expect((await call(t, s.office, 'GET', `/items/${id}`)).json().attachmentActions).toEqual(['replace', 'withdraw']);
    // A "replacement" that still holds unreviewed data is refused; a clean one is taken.
    const dirty = xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12'], ['电话', '13931599999']] }] });
    const refused = await uploadFile(t, s.office, `/attachments/${attachmentId}/replace`, '汇总.xlsx', dirty);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('REPLACEMENT_NOT_CLEAN');
    const clean = xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']] }] });
    const replaced = await uploadFile(t, s.office, `/attachments/${attachmentId}/replace`, '汇总（已处理）.xlsx', clean);
    expect(replaced.statusCode, replaced.body).toBe(200);
    const d = await act('office', id, 'publish', { channels: ['platform'] });
    expect(d.attachments.map((a: { name: string }) => a.name)).toEqual(['汇总（已处理）.xlsx']);
    expect(d.steps.map((st: { action: string }) => st.action)).toContain('replace_attachment');
  });

  /** An item with one attachment walked to the secrecy review; its findings. */
  async function toSecrecyReview(title: string, file: string, bytes: Uint8Array) {
    const id = await draftItem(t, s, { title });
    const up = await uploadFile(t, s.drafter, `/items/${id}/attachments`, file, bytes);
    expect(up.statusCode, up.body).toBe(201);
    await act('drafter', id, 'submit');
    await act('office', id, 'pass_check');
    await act('head', id, 'dept_opinion', { opinion: '同意' });
    const findings: Array<{ id: string; kind: string; text: string }> = (await call(t, s.secrecy, 'GET', `/items/${id}`)).json().findings;
    return { id, attachmentId: up.json().id as string, findings };
  }

  it('SEC-6: a secrecy mark is a hard block — no reason accepts it, only the secrecy reviewer records it is not a mark, audited', async () => {
    const marked = await toSecrecyReview('密级文件', 'marked.pdf', pdf('(Annual list) Tj', (doc) => doc.setMetaData('info:Subject', '机密★1年')));
    const mark = marked.findings.find((f) => f.kind === 'secrecy_mark')!;
    expect(mark.text).toBe('机密★1年');
    for (const status of ['accepted', 'removed']) {
      const res = await call(t, s.secrecy, 'POST', `/findings/${mark.id}/resolve`, { status, reason: '已过保密期限' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'SECRECY_MARK_BLOCKS', message: expect.stringMatching(/^标有密级或保密标识的信息不得公开/) });
    }
    await act('secrecy', marked.id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '同意' });
    const refused = await call(t, s.leader, 'POST', `/items/${marked.id}/actions/approve`, { opinion: '同意' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('SECRECY_MARKED');

    // Quoted in a text about secrecy rules, the words are not a mark: recorded with a reason, audited.
    const quoted = await toSecrecyReview('保密制度汇编', 'rules.docx', docx({ body: '<w:p><w:r><w:t>内部资料</w:t></w:r></w:p>' }));
    const words = quoted.findings.find((f) => f.kind === 'secrecy_mark')!;
    const office = await call(t, s.office, 'POST', `/findings/${words.id}/resolve`, { status: 'not_a_mark', reason: '引用' });
    expect(office.statusCode).toBe(403);
    expect((await call(t, s.secrecy, 'POST', `/findings/${words.id}/resolve`, { status: 'not_a_mark', reason: ' ' })).statusCode).toBe(400);
    expect((await call(t, s.secrecy, 'POST', `/findings/${words.id}/resolve`, { status: 'not_a_mark', reason: '制度条文中引用的用语，并非本文件的标识' })).statusCode).toBe(204);
    const audit = await t.conn.db.selectFrom('audit_events').select(['actor_name', 'after_json']).where('action', '=', 'item.finding.not_a_mark').where('entity_id', '=', quoted.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ kind: 'secrecy_mark', text: '内部资料', reason: '制度条文中引用的用语，并非本文件的标识' });
    await act('secrecy', quoted.id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '同意' });
    await act('leader', quoted.id, 'approve', { opinion: '同意' });
    await act('office', quoted.id, 'publish', { channels: ['platform'] });
  });

  it('the text stored for search is bounded by the setting; the check still reads the whole file', async () => {
    await t.conn.db.insertInto('settings').values({ key: 'documents', value_json: JSON.stringify({ storedTextChars: 40 }), updated_by: null, updated_at: '2026-11-23T02:00:00.000Z' }).execute();
    try {
      const long = '<w:p><w:r><w:t>' + '就业补贴发放情况说明。'.repeat(50) + '</w:t></w:r></w:p><w:p><w:r><w:t>经办电话13931577777</w:t></w:r></w:p>';
      const { attachmentId, findings } = await toSecrecyReview('长文件', 'long.docx', docx({ body: long }));
      const stored = await t.conn.db.selectFrom('item_attachments').select('text').where('id', '=', attachmentId).executeTakeFirstOrThrow();
      expect(stored.text.length).toBe(40);
      expect(findings.map((f) => f.text)).toContain('13931577777');
    } finally {
      await t.conn.db.deleteFrom('settings').where('key', '=', 'documents').execute();
    }
  });
});
