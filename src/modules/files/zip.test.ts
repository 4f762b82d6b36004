import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sampleDocx, zipText } from './fixtures/samples.ts';
import { sniffFile } from './sniff.ts';
import { MAX_UNZIPPED_BYTES, readZip } from './zip.ts';

const SIG = { local: [0x50, 0x4b, 0x03, 0x04], central: [0x50, 0x4b, 0x01, 0x02] };
const find = (zip: Uint8Array, sig: number[], from = 0) => zip.findIndex((_, i) => i >= from && sig.every((b, k) => zip[i + k] === b));
const view = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
/** The reason given for refusing a package, as the uploader reads it. */
const refusal = (zip: Uint8Array) => {
  try {
    readZip(zip);
    return 'accepted';
  } catch (err) {
    return (err as { code: string; message: string }).code + ' ' + (err as Error).message;
  }
};

describe('ZIP safety: a package is exactly what it declares, or it is refused with the real reason (SEC-2, SEC-10)', () => {
  it('reads a sound package whole', () => {
    expect([...readZip(sampleDocx()).keys()]).toContain('word/document.xml');
  });

  it('refuses an entry whose declared size cuts its content short (the scanner would read less than unzip recovers)', () => {
    const zip = sampleDocx();
    const central = find(zip, SIG.central);
    view(zip).setUint32(central + 24, 10, true); // the first entry now "is" 10 bytes
    expect(refusal(zip)).toMatch(/^FILE_UNREADABLE 文件无法读取：压缩包条目“.+”的声明大小与实际内容不符$/);
  });

  it('refuses an entry whose CRC does not match its content', () => {
    const zip = zipText({ '[Content_Types].xml': '<Types/>' });
    const central = find(zip, SIG.central);
    view(zip).setUint32(central + 16, view(zip).getUint32(central + 16, true) ^ 1, true);
    expect(refusal(zip)).toContain('校验值不符');
  });

  it('refuses two entries of the same name, compared as Office compares them', () => {
    const zip = zipText({ 'word/document.xml': '<a/>', 'word/DOCUMENT.xml': '<b/>' });
    expect(refusal(zip)).toContain('重名的条目');
  });

  it('refuses an encrypted entry', () => {
    const zip = zipText({ 'a.xml': '<a/>' });
    view(zip).setUint16(find(zip, SIG.local) + 6, 1, true);
    view(zip).setUint16(find(zip, SIG.central) + 8, 1, true);
    expect(refusal(zip)).toContain('加密的内容');
  });

  it('refuses bytes hidden between entries, outside the directory', () => {
    const a = zipText({ 'a.xml': '<a/>' });
    // Drop the central record of the second entry: its local entry stays in the file.
    const two = zipText({ 'a.xml': '<a/>', 'hidden.xml': '13803158866' });
    const second = find(two, SIG.central, find(two, SIG.central) + 4);
    const eocd = two.length - 22;
    const cut = new Uint8Array([...two.subarray(0, second), ...two.subarray(eocd)]);
    const v = view(cut);
    v.setUint16(cut.length - 22 + 8, 1, true);
    v.setUint16(cut.length - 22 + 10, 1, true);
    v.setUint32(cut.length - 22 + 12, second - find(two, SIG.central), true);
    expect(refusal(a)).toBe('accepted');
    expect(refusal(cut)).toContain('目录之外的内容');
  });

  it('refuses a package that unpacks beyond the limit, saying so rather than "damaged"', () => {
    const zip = zipSync({ 'big.xml': new Uint8Array(16) }, { level: 0 });
    view(zip).setUint32(find(zip, SIG.central) + 24, MAX_UNZIPPED_BYTES + 1, true);
    expect(refusal(zip)).toBe('FILE_UNREADABLE 文件无法读取：压缩包解压后过大');
    // A real bomb: 8 MB of zeros deflate to some 8 KB, a ratio far beyond any office file.
    const bomb = zipSync({ 'bomb.xml': new Uint8Array(8 * 1024 * 1024) });
    expect(refusal(bomb)).toBe('FILE_UNREADABLE 文件无法读取：压缩包解压后过大');
  });

  it('the upload check reports the reason too, instead of "not an allowed type"', () => {
    const zip = zipText({ 'a.xml': '<a/>', 'A.xml': '<b/>' });
    expect(() => sniffFile(zip)).toThrow(/重名的条目/);
    expect(sniffFile(strToU8('PK\u0003\u0004 not really a zip'))).toBeNull();
  });
});
