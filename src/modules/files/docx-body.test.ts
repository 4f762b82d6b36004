import { describe, expect, it } from 'vitest';
import { DOCX_SECRETS, sampleDocx, zipText } from './fixtures/samples.ts';
import { docxBody } from './docx-body.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;
const RELS = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A notice as Chinese Word saves it: heading styles with the ids "1" and "2", a tracked move and a formatting change. */
function noticeDocx(): Uint8Array {
  return zipText({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS(`<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>`),
    'word/_rels/document.xml.rels': RELS(`<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>`),
    'word/styles.xml': `<w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="a4"><w:name w:val="Body Text"/></w:style></w:styles>`,
    'word/document.xml': `<w:document ${W}><w:body>
<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>关于调整失业保险金标准的通知</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、调整范围</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="a4"/><w:pPrChange w:id="9"><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>本市失业人员。</w:t></w:r><w:moveFrom w:id="3"><w:r><w:t>旧位置的文字</w:t></w:r></w:moveFrom></w:p>
<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>（一）标准</w:t></w:r></w:p>
<w:p><w:r><w:t>每月</w:t></w:r><w:del w:id="4"><w:r><w:t>1800</w:t></w:r></w:del><w:ins w:id="5"><w:r><w:t>1900</w:t></w:r></w:ins><w:r><w:t>元。</w:t></w:r></w:p>
</w:body></w:document>`,
  });
}

describe('issue 8: a Word file\'s body for the drafting form', () => {
  it('keeps the text and its headings, as the document now reads', () => {
    expect(docxBody('通知.docx', noticeDocx())).toEqual({
      text: '关于调整失业保险金标准的通知\n一、调整范围\n本市失业人员。\n（一）标准\n每月1900元。',
      headings: ['关于调整失业保险金标准的通知', '一、调整范围', '（一）标准'],
    });
  });

  it('leaves out tracked deletions, comments and the header', () => {
    const { text } = docxBody('答复.docx', sampleDocx());
    expect(text).toContain('经审查，现予公开。');
    expect(text).not.toContain(DOCX_SECRETS.deleted);
    expect(text).not.toContain(DOCX_SECRETS.comment);
    expect(text).not.toContain(DOCX_SECRETS.landline); // in the header only
  });

  it('refuses what is not a Word document, by its content', () => {
    expect(() => docxBody('假的.docx', new TextEncoder().encode('not a zip'))).toThrow(expect.objectContaining({ code: 'FILE_TYPE_NOT_ALLOWED', status: 415 }));
  });
});
