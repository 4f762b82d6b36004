/**
 * The applicant's receipt on the portal (APP-2, issue 8): a query password nobody misreads
 * (no l/I/O/0/1), and a printable PDF receipt with the registration, the code and password and
 * the reply deadline (《中华人民共和国政府信息公开条例》第三十三条), never kept by a cache.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/modules/files/text.ts';
import { withDemoCity } from '../support/app.ts';
import { applyOnPortal, confirmReceipt, statusPage } from '../support/portal.ts';

describe('the receipt an applicant keeps (APP-2)', () => {
  const city = withDemoCity();

  it('gives query passwords without look-alike characters', async () => {
    const t = city();
    for (let i = 0; i < 5; i++) {
      const { secret } = await applyOnPortal(t, 'RSJ', { description: `请公开第${i}项就业见习补贴信息` });
      expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
      expect(secret).not.toMatch(/[lIO01o]/);
    }
  });

  it('offers the receipt as a PDF with the reply deadline, right after applying and on the status page', async () => {
    const t = city();
    const receipt = await applyOnPortal(t, 'RSJ');
    expect(receipt.page).toContain('action="/xxgk/status/receipt"');
    // Before the office confirms it (LAW-31) the receipt says the term starts with the confirmation.
    const early = await statusPage(t, receipt.code, receipt.secret, '/xxgk/status/receipt');
    const earlyText = (await extractText('pdf', new Uint8Array(early.rawPayload))).replace(/\s+/g, '');
    expect(earlyText).toContain('自本机关确认收到之日起计算');
    await confirmReceipt(t, receipt.code);
    const status = await statusPage(t, receipt.code, receipt.secret);
    const due = /答复期限<\/th><td colspan="3">(\d{4}-\d\d-\d\d)/.exec(status.body)![1]!;
    const pdf = await statusPage(t, receipt.code, receipt.secret, '/xxgk/status/receipt');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.headers['content-disposition']).toMatch(/^inline; /);
    const text = (await extractText('pdf', new Uint8Array(pdf.rawPayload))).replace(/\s+/g, '');
    for (const part of ['政府信息公开申请回执', 'RSJ-YSQ-2026-', receipt.code, receipt.secret, `答复期限${due}`, '第三十三条', '示例市人力资源和社会保障局']) expect(text).toContain(part);
    expect(text).not.toMatch(/\b[A-Z]{2,5}-\d+\b(?!-)/);
  });

  it('refuses the receipt to a wrong password, on a page in the site frame', async () => {
    const t = city();
    const receipt = await applyOnPortal(t, 'RSJ');
    const res = await statusPage(t, receipt.code, 'WRONGPASS234', '/xxgk/status/receipt');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('申请查询');
  });
});
