import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exceljsXlsx, handmadeXlsx, sampleDocx, sampleImage, samplePdf, zipText } from './fixtures/samples.ts';
import { sniffFile } from './sniff.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('file type by content, not by name (attachments checked before the SEC-2 scan)', () => {
  it('recognises real PDF, DOCX, XLSX, PNG and JPEG files', async () => {
    expect(sniffFile(samplePdf([['政府信息公开']]))).toEqual({ kind: 'pdf', mime: 'application/pdf', ext: 'pdf' });
    expect(sniffFile(sampleDocx())).toEqual({ kind: 'docx', mime: DOCX_MIME, ext: 'docx' });
    expect(sniffFile(await exceljsXlsx())).toEqual({ kind: 'xlsx', mime: XLSX_MIME, ext: 'xlsx' });
    expect(sniffFile(handmadeXlsx())).toEqual({ kind: 'xlsx', mime: XLSX_MIME, ext: 'xlsx' });
    expect(sniffFile(sampleImage('png'))).toEqual({ kind: 'png', mime: 'image/png', ext: 'png' });
    expect(sniffFile(sampleImage('jpeg'))).toEqual({ kind: 'jpeg', mime: 'image/jpeg', ext: 'jpg' });
  });

  it('refuses a Windows executable, whatever it is called', () => {
    const exe = new Uint8Array(512);
    exe.set(strToU8('MZ'), 0);
    exe.set(strToU8('This program cannot be run in DOS mode.'), 78);
    expect(sniffFile(exe)).toBeNull();
  });

  it('refuses an old binary .doc (OLE compound file)', () => {
    const doc = new Uint8Array(512);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    expect(sniffFile(doc)).toBeNull();
  });

  it('refuses a plain ZIP and a ZIP whose content types name no Word or Excel main part', () => {
    expect(sniffFile(zipText({ 'readme.txt': '说明' }))).toBeNull();
    const docm = zipText({
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
    });
    expect(sniffFile(docm)).toBeNull();
  });

  it('refuses a file that starts like a ZIP but is not one, and empty or tiny input', () => {
    expect(sniffFile(strToU8('PK\u0003\u0004 not really a zip'))).toBeNull();
    expect(sniffFile(new Uint8Array(0))).toBeNull();
    expect(sniffFile(strToU8('%PD'))).toBeNull();
  });

  it('does not take a PDF signature that appears later in the file', () => {
    expect(sniffFile(strToU8('hello %PDF-1.7'))).toBeNull();
  });
});
