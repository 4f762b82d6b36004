import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractText, loadMupdf } from '../files/text.ts';
import type { LetterInput } from '../applications/letters.ts';
import { letterDocx, letterLines, letterPdf, officialLetter, signatureOffsets, wrapText, type LetterFrame } from './letter-layout.ts';

const OPINION = '经审查，您申请获取的2026年度就业补助资金分配明细属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，现予以提供。';
const INPUT: LetterInput = {
  kind: 'reply', outcome: 'granted', agencyName: '示例市人力资源和社会保障局', regNumber: 'RSJ-YSQ-2026-0007', applicantName: '张三',
  receivedOn: '2026-11-02', description: '2026年度示例市就业补助资金分配明细', date: '2026-12-04', opinion: OPINION,
};
const FRAME: LetterFrame = { number: '示人社公开〔2026〕1号', signatureName: '示例市人力资源和社会保障局', dateStyle: 'chinese', contact: '（联系人：王公开，联系电话：0310-1234333）' };
const REMEDY = '如对本答复不服，可以自收到本告知书之日起60日内向示例市人民政府申请行政复议，或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼。';
/** Extracted PDF text without the line breaks the layout put in, and without page numbers. */
const flat = (text: string) => text.replace(/— \d+ —/g, '').replace(/\s+/g, '');

describe('an issued letter in 公文 form (GB/T 9704-2012)', () => {
  it('reads: 发文字号, title, salutation, body with the opinion, the agency where the seal goes, the date in Chinese numerals, the contact line', () => {
    const lines = letterLines(officialLetter(INPUT, FRAME));
    expect(lines.slice(0, 3)).toEqual(['示人社公开〔2026〕1号', '政府信息公开申请答复告知书', '张三：']);
    expect(lines).toContain(OPINION);
    expect(lines.slice(-4)).toEqual([REMEDY, '示例市人力资源和社会保障局', '二〇二六年十二月四日', '（联系人：王公开，联系电话：0310-1234333）']);
    expect(letterLines(officialLetter(INPUT, { ...FRAME, contact: null, dateStyle: 'arabic' })).slice(-2)).toEqual(['示例市人力资源和社会保障局', '2026年12月4日']);
  });

  it('centres the agency’s name over the date, the date four characters in from the right (7.3.5.1)', () => {
    expect(signatureOffsets(10, 10)).toEqual({ name: 4, date: 4 });
    expect(signatureOffsets(6, 10)).toEqual({ name: 6, date: 4 });
    expect(signatureOffsets(13, 10)).toEqual({ name: 2.5, date: 4 });
    expect(signatureOffsets(30, 10).name).toBe(0);
  });
});

describe('line breaking for the PDF', () => {
  const advance = (ch: string) => (ch.codePointAt(0)! >= 0x2000 ? 16 : 8);
  const widthOf = (s: string) => [...s].reduce((w, c) => w + advance(c), 0);

  it('fills lines up to the width and loses no character', () => {
    const text = '本机关于2026年11月2日收到您（单位）提出的政府信息公开申请，申请获取“2026年度示例市就业补助资金分配明细”。'.repeat(3);
    const lines = wrapText(text, 160, 32, advance);
    expect(lines.join('')).toBe(text);
    lines.forEach((l, i) => expect(widthOf(l) + (i === 0 ? 32 : 0)).toBeLessThanOrEqual(160));
  });

  it('keeps closing punctuation off the start of a line and opening punctuation off its end (禁则)', () => {
    // 10 wide characters per line; the 11th is a comma, and the 20th an opening quote.
    const text = '一二三四五六七八九十，一二三四五六七八“引号内文字”结束。';
    const lines = wrapText(text, 160, 0, advance);
    expect(lines.join('')).toBe(text);
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。”）》]/);
      expect(l).not.toMatch(/[“（《]$/);
    }
  });

  it('keeps a number with its unit', () => {
    // The break would fall between 12 and 月: the whole number goes down with it.
    const lines = wrapText('一二三四五六2026年12月21日', 160, 0, advance);
    expect(lines).toEqual(['一二三四五六2026年', '12月21日']);
  });

  it('breaks Latin text at spaces and URL separators, and inside a word only when it does not fit a line', () => {
    const lines = wrapText('见 http://rsj.example.gov.cn/zfxxgk/czzj/index.html 栏目', 160, 0, advance);
    expect(lines.join('').replace(/ /g, '')).toBe('见http://rsj.example.gov.cn/zfxxgk/czzj/index.html栏目');
    expect(lines.some((l) => l.endsWith('http:/'))).toBe(false);
    expect(wrapText('a'.repeat(50), 160, 0, advance)).toEqual(['a'.repeat(20), 'a'.repeat(20), 'a'.repeat(10)]);
  });
});

describe('Word letter', () => {
  it('names 仿宋_GB2312 三号 for the body and 方正小标宋简体 二号 for the title, with 仿宋 and 宋体 as alternatives, on A4', async () => {
    const bytes = await letterDocx(officialLetter(INPUT, FRAME));
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    const fontTable = strFromU8(files['word/fontTable.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:firstLineChars="200"');
    expect(styles).toMatch(/w:styleId="LetterTitle">[\s\S]*?<w:jc w:val="center"\/>[\s\S]*?w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(styles).toMatch(/w:styleId="LetterBody">[\s\S]*?w:eastAsia="仿宋_GB2312"[\s\S]*?<w:sz w:val="32"\/>/);
    expect(styles).toMatch(/w:styleId="LetterNumber">[\s\S]*?<w:jc w:val="right"\/>/);
    expect(styles).toMatch(/w:styleId="LetterSignature">[\s\S]*?<w:jc w:val="right"\/>/);
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    // The date four characters (4 × 16 pt × 20 = 1280 twips) in from the right, the contact line two in from the left.
    expect(xml).toMatch(/<w:ind w:right="1280"\/>[\s\S]*?二〇二六年十二月四日/);
    expect(xml).toMatch(/<w:pStyle w:val="LetterNote"\/>[\s\S]*?（联系人：王公开，联系电话：0310-1234333）/);
    // The project's own extractor reads every line of the letter back, in order.
    const lines = (await extractText('docx', bytes)).split('\n').filter(Boolean);
    expect(lines).toEqual(letterLines(officialLetter(INPUT, FRAME)));
  });
});

describe('PDF letter', () => {
  const longInput: LetterInput = {
    ...INPUT, outcome: 'refused_process', opinion: undefined,
    description: Array.from({ length: 12 }, (_, i) => `示例市人力资源和社会保障局2026年第${i + 1}次局务会议的会议纪要、讨论记录以及与市财政局往来的磋商信函`).join('；'),
  };

  it('embeds Noto Serif SC (text and title faces) and yields the letter’s every line', async () => {
    const letter = officialLetter(INPUT, FRAME);
    const bytes = await letterPdf(letter);
    expect(strFromU8(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await extractText('pdf', bytes);
    expect(text).toContain('示人社公开〔2026〕1号');
    expect(text).toContain('二〇二六年十二月四日');
    expect(text).toContain('（联系人：王公开，联系电话：0310-1234333）');
    expect(flat(text)).toBe(flat(letterLines(letter).join('')));

    const mupdf = await loadMupdf();
    const doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF()!;
    expect(doc.countPages()).toBe(1);
    const fonts = doc.findPage(0).get('Resources').get('Font');
    for (const key of ['F1', 'F2']) {
      const font = fonts.get(key);
      expect(font.get('BaseFont').asName()).toMatch(/NotoSerifSC-(Regular|Bold)/);
      expect(font.get('Encoding').asName()).toBe('Identity-H');
      expect(font.get('ToUnicode').isStream()).toBe(true);
      expect(font.get('DescendantFonts').get(0).get('FontDescriptor').get('FontFile2').isStream()).toBe(true); // embedded, subset below
    }
    expect(bytes.length).toBeLessThan(200_000);
    expect(doc.getMetaData('info:Title')).toBe('政府信息公开申请答复告知书');
    doc.destroy();
  });

  it('sets the number at the right edge, the date four characters in, the name centred over it, all inside the A4 text block', async () => {
    const mupdf = await loadMupdf();
    const doc = mupdf.Document.openDocument(await letterPdf(officialLetter(INPUT, FRAME)), 'application/pdf');
    const page = doc.loadPage(0);
    const [, , width, height] = page.getBounds();
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
    const json = JSON.parse(page.toStructuredText('preserve-whitespace').asJSON()) as { blocks: { lines: { bbox: { x: number; y: number; w: number }; text: string }[] }[] };
    const lines = json.blocks.flatMap((b) => b.lines);
    const right = 595.3 - 73.7; // right margin 26 mm
    const line = (text: string) => lines.find((l) => l.text === text)!;
    const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1);
    near(line('示人社公开〔2026〕1号').bbox.x + line('示人社公开〔2026〕1号').bbox.w, right);
    const date = line('二〇二六年十二月四日').bbox;
    near(date.x + date.w, right - 64); // four 16 pt characters
    const name = line('示例市人力资源和社会保障局').bbox;
    near(name.x + name.w / 2, date.x + date.w / 2);
    expect(name.y).toBeLessThan(date.y);
    expect(line('（联系人：王公开，联系电话：0310-1234333）').bbox.y).toBeGreaterThan(date.y);
    for (const l of lines) {
      expect(l.bbox.x).toBeGreaterThanOrEqual(79); // left margin 28 mm
      expect(l.bbox.x + l.bbox.w).toBeLessThanOrEqual(right + 1);
    }
    doc.destroy();
  });

  it('runs a long request over two pages, numbered, without losing text, the signature never alone', async () => {
    const letter = officialLetter(longInput, FRAME);
    const bytes = await letterPdf(letter);
    const mupdf = await loadMupdf();
    const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
    expect(doc.countPages()).toBe(2);
    doc.destroy();
    const text = await extractText('pdf', bytes);
    expect(text).toContain('— 1 —');
    expect(text).toContain('— 2 —');
    const pages = text.split(/— \d+ —/).map(flat).filter(Boolean);
    expect(pages).toHaveLength(2);
    expect(flat(text)).toBe(flat(letterLines(letter).join('')));
    expect(pages[1]!.length).toBeGreaterThan(flat(['示例市人力资源和社会保障局', '二〇二六年十二月四日', FRAME.contact!].join('')).length);
  });
});
