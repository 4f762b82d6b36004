import { describe, expect, it } from 'vitest';
import { DOCX_TEXT, exceljsXlsx, handmadeXlsx, sampleDocx, sampleImage, samplePdf } from './fixtures/samples.ts';
import { extractText } from './text.ts';
import { decodeXml, tokenizeXml, xmlAttr } from './xml.ts';

describe('attachment text for the sensitive-content check (SEC-2, SEC-6) and search', () => {
  it('extracts every page of a PDF, pages separated by a blank line', async () => {
    const pdf = samplePdf([
      ['关于张三申请公开信息的答复', '身份证号码：130203198506121236'],
      ['联系电话：13803158866', '唐山市人力资源和社会保障局'],
    ]);
    expect(await extractText('pdf', pdf)).toBe(
      '关于张三申请公开信息的答复\n身份证号码：130203198506121236\n\n联系电话：13803158866\n唐山市人力资源和社会保障局',
    );
  });

  it('extracts a DOCX: paragraphs as lines, runs joined, tabs and breaks kept, header included', async () => {
    expect(await extractText('docx', sampleDocx())).toBe(DOCX_TEXT);
  });

  it('leaves out of a DOCX what is not document text: deleted revisions and comments', async () => {
    const text = await extractText('docx', sampleDocx());
    expect(text).not.toContain('内部评估认为应拒绝公开');
    expect(text).not.toContain('批注：请核实申请人身份');
  });

  it('extracts an ExcelJS workbook: shared strings and numbers, tabs between cells, a blank line between sheets', async () => {
    expect(await extractText('xlsx', await exceljsXlsx())).toBe(
      [
        '序号\t姓名\t身份证号码\t联系电话\t补贴（元）',
        '1\t张三\t130203198506121236\t13803158866\t5000',
        '2\t李秀英\t11010519491231002X\t0315-2826012\t1234.5',
        '',
        '合计\t6234.5',
      ].join('\n'),
    );
  });

  it('extracts inline strings, rich shared strings without their phonetic guide, and formula results', async () => {
    expect(await extractText('xlsx', handmadeXlsx())).toBe('内联文字\t42\t内联文字甲\n富文本 & 注音\t13803158866');
  });

  it('gives no text for images: there is no OCR, so a reviewer has to look at them', async () => {
    expect(await extractText('png', sampleImage('png'))).toBe('');
    expect(await extractText('jpeg', sampleImage('jpeg'))).toBe('');
  });

  it('refuses a damaged PDF or DOCX instead of reporting it as empty', async () => {
    await expect(extractText('pdf', new TextEncoder().encode('%PDF-1.7 garbage'))).rejects.toThrow();
    await expect(extractText('docx', new TextEncoder().encode('PK\u0003\u0004 garbage'))).rejects.toThrow();
  });
});

describe('XML tokens shared by extraction and redaction', () => {
  it('round-trips the raw text exactly', () => {
    const xml = '<?xml version="1.0"?><!-- note --><w:t xml:space="preserve"> a &amp; b <![CDATA[<c>]]></w:t><w:br/>';
    expect(tokenizeXml(xml).map((t) => t.raw).join('')).toBe(xml);
  });

  it('decodes entities and CDATA, and reads attributes quoted either way', () => {
    const tokens = tokenizeXml('<w:t a=\'1>2\' b="&lt;x&gt;">&#x5F20;&#19977; &amp;<![CDATA[&lt;]]></w:t>');
    expect(tokens.filter((t) => t.type === 'text').map((t) => t.type === 'text' && t.text)).toEqual(['张三 &', '&lt;']);
    expect(xmlAttr(tokens[0]!.raw, 'a')).toBe('1>2');
    expect(xmlAttr(tokens[0]!.raw, 'b')).toBe('<x>');
    expect(decodeXml('&unknown; &#xFFFFFFF;')).toBe('&unknown; &#xFFFFFFF;');
  });

  it('refuses malformed XML rather than silently dropping part of it', () => {
    expect(() => tokenizeXml('<w:t>a</w:t><')).toThrow();
  });
});
