/**
 * Letters in 公文 form (GB/T 9704-2012 党政机关公文格式): the text of a letter (letters.ts) set in
 * its frame — 发文字号, title, 主送 (salutation), body, 发文机关署名 where the seal goes, 成文日期,
 * and the contact line as 附注 — and laid out as DOCX and PDF.
 *
 * `officialLetter` says what the issued letter says, line by line; `letterDocx` and `letterPdf`
 * only lay those lines out, so the Word file, the PDF and `letterLines` never differ.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'mupdf';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { loadMupdf } from '../files/text.ts';
import { letterParts, type LetterInput } from '../applications/letters.ts';
import { writtenDate, type DateStyle } from './letters.rules.ts';

/** What the issuing agency adds to the letter's text: its number, 落款, date style and contact line. */
export type LetterFrame = {
  /** 发文字号, e.g. 示人社公开〔2026〕1号. */
  number: string;
  /** 发文机关署名: the agency's name, printed where the seal goes. */
  signatureName: string;
  dateStyle: DateStyle;
  /** 附注: （联系人：…，联系电话：…）, or null. */
  contact: string | null;
};

export type OfficialLetter = {
  number: string;
  title: string;
  salutation: string;
  body: string[];
  signatureName: string;
  /** 成文日期 as written: 二〇二六年十二月四日 (or 2026年12月4日). */
  date: string;
  contact: string | null;
};

export function officialLetter(input: LetterInput, frame: LetterFrame): OfficialLetter {
  const parts = letterParts(input);
  return {
    number: frame.number, title: parts.title, salutation: parts.salutation, body: parts.body,
    signatureName: frame.signatureName, date: writtenDate(input.date, frame.dateStyle), contact: frame.contact,
  };
}

/** Everything the letter says, in reading order: the DOCX and the PDF yield exactly these lines. */
export const letterLines = (l: OfficialLetter): string[] =>
  [l.number, l.title, l.salutation, ...l.body, l.signatureName, l.date, ...(l.contact ? [l.contact] : [])];

/** Width in characters (a full-width character is one, a Latin letter or digit a half). */
const charsOf = (text: string) => [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2000 ? 1 : 0.5), 0);

/**
 * GB/T 9704-2012 7.3.5.1: the date four characters in from the right; the agency's name centred
 * over the date (where the seal goes, 印章居中下压署名和日期). Offsets from the right edge, in characters.
 */
export function signatureOffsets(name: number, date: number): { name: number; date: number } {
  return { date: 4, name: Math.max(0, 4 + (date - name) / 2) };
}

// ---------------------------------------------------------------------------------------------
// Word. A4, margins 37/35/28/26 mm; 发文字号 right-aligned above the title; title in
// 方正小标宋简体 二号 centred; body 仿宋_GB2312 三号 with a fixed line pitch (22 lines a page),
// first lines indented two characters; the contact line two characters in under the date. The
// font table names 仿宋 and 宋体 as the alternatives where those fonts are not installed.

const TWIPS_PER_MM = 1440 / 25.4;
const BODY_PT = 16; // 三号
const TITLE_PT = 22; // 二号
const PAGE_NUMBER_PT = 14; // 四号
export const DOCX_FONTS = { body: '仿宋_GB2312', bodyAlt: '仿宋', title: '方正小标宋简体', titleAlt: '宋体' } as const;
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const twipsOfChars = (chars: number) => Math.round(chars * BODY_PT * 20);

/** Declares the named fonts with their alternatives (w:altName) and the GB2312 character set. */
function withFontTable(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const entry = (name: string, alt: string, family: string) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  const table = strFromU8(files['word/fontTable.xml']!);
  const fonts = entry(DOCX_FONTS.body, DOCX_FONTS.bodyAlt, 'modern') + entry(DOCX_FONTS.title, DOCX_FONTS.titleAlt, 'roman');
  // The table docx writes is empty (<w:fonts …/>); were it not, the entries go before its end.
  files['word/fontTable.xml'] = strToU8(table.includes('</w:fonts>') ? table.replace('</w:fonts>', `${fonts}</w:fonts>`) : table.replace(/\/>\s*$/, `>${fonts}</w:fonts>`));
  return zipSync(files);
}

export async function letterDocx(letter: OfficialLetter): Promise<Uint8Array> {
  const { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } = await import('docx');
  const exact = { line: 29 * 20, lineRule: LineRuleType.EXACT }; // 29 pt: 22 lines on the page
  const indent2 = { firstLine: twipsOfChars(2), firstLineChars: 200 };
  const para = (text: string, style: string, extra: Record<string, unknown> = {}) => new Paragraph({ style, children: [new TextRun(text)], ...extra });
  const blank = () => new Paragraph({ style: 'LetterBody', children: [] });
  const offsets = signatureOffsets(charsOf(letter.signatureName), charsOf(letter.date));
  const doc = new Document({
    title: letter.title,
    creator: letter.signatureName,
    styles: {
      default: { document: { run: { font: font(DOCX_FONTS.body), size: BODY_PT * 2 } } },
      paragraphStyles: [
        {
          id: 'LetterTitle', name: '标题（小标宋二号）', basedOn: 'Normal', next: 'LetterBody', quickFormat: true,
          run: { font: font(DOCX_FONTS.title), size: TITLE_PT * 2 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 36 * 20, lineRule: LineRuleType.EXACT, after: 29 * 20 } },
        },
        {
          id: 'LetterBody', name: '正文（仿宋三号）', basedOn: 'Normal', quickFormat: true,
          run: { font: font(DOCX_FONTS.body), size: BODY_PT * 2 },
          paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exact },
        },
        { id: 'LetterNumber', name: '发文字号', basedOn: 'LetterBody', paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 29 * 20 } } },
        { id: 'LetterSignature', name: '署名和成文日期', basedOn: 'LetterBody', paragraph: { alignment: AlignmentType.RIGHT } },
        { id: 'LetterNote', name: '附注（联系人）', basedOn: 'LetterBody', paragraph: { alignment: AlignmentType.LEFT, indent: { left: twipsOfChars(2) } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * TWIPS_PER_MM), height: Math.round(297 * TWIPS_PER_MM) },
            margin: { top: Math.round(37 * TWIPS_PER_MM), bottom: Math.round(35 * TWIPS_PER_MM), left: Math.round(28 * TWIPS_PER_MM), right: Math.round(26 * TWIPS_PER_MM) },
          },
        },
        children: [
          para(letter.number, 'LetterNumber'),
          para(letter.title, 'LetterTitle'),
          para(letter.salutation, 'LetterBody'),
          ...letter.body.map((p) => para(p, 'LetterBody', { indent: indent2 })),
          blank(),
          blank(),
          para(letter.signatureName, 'LetterSignature', { indent: { right: twipsOfChars(offsets.name) } }),
          para(letter.date, 'LetterSignature', { indent: { right: twipsOfChars(offsets.date) } }),
          ...(letter.contact ? [para(letter.contact, 'LetterNote')] : []),
        ],
      },
    ],
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(doc)));
}

// ---------------------------------------------------------------------------------------------
// PDF. Laid out by hand with MuPDF in the same frame. The fonts are Noto Serif SC (SIL Open Font
// License), shipped in the npm package @expo-google-fonts/noto-serif-sc: Regular for the text,
// Bold for the title (a 小标宋-like weight). They are embedded as Identity-H CID fonts with a
// ToUnicode map, subset to the glyphs used, so the PDF shows and yields the same Chinese text on
// any machine, and a fresh clone needs nothing beyond `npm install`.

const PAGE = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };
const MM = 72 / 25.4;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const LINE = { title: 36, body: 28 };

/** Characters that must not begin a line (行首禁则) or end one (行尾禁则). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);
/**
 * Wide characters: a line may break on either side of one, except between a number and its unit
 * (2026年12|月, 100|元); elsewhere only after a space or a URL separator.
 */
const isWide = (ch: string) => ch.codePointAt(0)! >= 0x2000;
const breakAllowed = (before: string, after: string) =>
  !(/\d/.test(before) && /[年月日时分秒号元件页次条款项个岁%]/.test(after)) &&
  (before === ' ' || isWide(before) || isWide(after) || (/[/\-?&=_]/.test(before) && /[\p{L}\p{N}]/u.test(after)));

/**
 * Splits a paragraph into lines no wider than `width` points, the first line starting `indent`
 * points in. Greedy, breaking between wide characters, after spaces and URL separators, and
 * inside a word only when it does not fit a line at all; a character that may not start a line
 * takes the one before it down with it.
 */
export function wrapText(text: string, width: number, indent: number, advance: (ch: string) => number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let x = lines.length === 0 ? indent : 0;
    let i = start;
    let lastBreak = -1;
    while (i < chars.length) {
      const w = advance(chars[i]!);
      if (x + w > width + 0.01 && i > start) break;
      x += w;
      i++;
      if (i < chars.length && breakAllowed(chars[i - 1]!, chars[i]!)) lastBreak = i;
    }
    if (i >= chars.length) {
      lines.push(chars.slice(start).join('').trimEnd());
      break;
    }
    let cut = breakAllowed(chars[i - 1]!, chars[i]!) ? i : lastBreak > start ? lastBreak : i;
    const good = (at: number) =>
      !NO_LINE_START.has(chars[at]!) && !NO_LINE_END.has(chars[at - 1]!) && breakAllowed(chars[at - 1]!, chars[at]!);
    if (!good(cut)) {
      let earlier = cut - 1;
      while (earlier > start && !good(earlier)) earlier--;
      if (earlier > start) cut = earlier;
    }
    lines.push(chars.slice(start, cut).join('').trimEnd());
    start = cut;
    while (chars[start] === ' ') start++;
  }
  return lines;
}

type PlacedLine = { text: string; x: number; y: number; size: number; face: 'text' | 'title' };

const FONT_FILES = {
  text: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  title: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;
let fonts: Promise<Record<'text' | 'title', Font>> | undefined;

/** The two faces, read once per process from the npm package. */
function letterFonts() {
  fonts ??= (async () => {
    const mupdf = await loadMupdf();
    const require = createRequire(import.meta.url);
    const load = async (file: string, name: string) => new mupdf.Font(name, await readFile(require.resolve(file)));
    return { text: await load(FONT_FILES.text, 'NotoSerifSC-Regular'), title: await load(FONT_FILES.title, 'NotoSerifSC-Bold') };
  })();
  return fonts;
}

export async function letterPdf(letter: OfficialLetter): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const faces = await letterFonts();
  const ems = new Map<string, number>();
  const em = (face: 'text' | 'title', ch: string) => {
    const key = face + ch;
    let v = ems.get(key);
    if (v === undefined) ems.set(key, (v = faces[face].advanceGlyph(faces[face].encodeCharacter(ch))));
    return v;
  };
  const widthOf = (text: string, size: number, face: 'text' | 'title' = 'text') => [...text].reduce((sum, ch) => sum + em(face, ch) * size, 0);
  const clean = (text: string) => text.replace(/[\t\u00a0\u2000-\u200b\u3000]/g, (c) => (c === '\u3000' ? c : ' '));

  // Lay out: pages of placed lines.
  const textWidth = PAGE.width - MARGIN.left - MARGIN.right;
  const right = PAGE.width - MARGIN.right;
  const top = PAGE.height - MARGIN.top;
  const pages: PlacedLine[][] = [[]];
  let y = top; // top of the next line box
  const place = (line: Omit<PlacedLine, 'y'>, height: number) => {
    if (y - height < MARGIN.bottom - 0.01) {
      pages.push([]);
      y = top;
    }
    // Baseline 0.35 em below the middle of the line box: the full-width glyphs sit centred in it.
    pages.at(-1)!.push({ ...line, y: y - height / 2 - line.size * 0.35 });
    y -= height;
  };
  const remaining = () => y - MARGIN.bottom;
  const text = (line: string, x: number): Omit<PlacedLine, 'y'> => ({ text: line, x, size: BODY_PT, face: 'text' });
  const wrapBody = (s: string, width: number, indent = 0) => wrapText(clean(s), width, indent, (ch) => em('text', ch) * BODY_PT);

  // 发文字号, right-aligned, a blank line above the title.
  for (const line of wrapBody(letter.number, textWidth)) place(text(line, right - widthOf(line, BODY_PT)), LINE.body);
  y -= LINE.body;
  for (const line of wrapText(clean(letter.title), textWidth, 0, (ch) => em('title', ch) * TITLE_PT))
    place({ text: line, x: MARGIN.left + (textWidth - widthOf(line, TITLE_PT, 'title')) / 2, size: TITLE_PT, face: 'title' }, LINE.title);
  y -= LINE.body; // one blank line under the title
  const paragraph = (s: string, indent: number) =>
    wrapBody(s, textWidth, indent).forEach((line, n) => place(text(line, MARGIN.left + (n === 0 ? indent : 0)), LINE.body));
  paragraph(letter.salutation, 0);
  for (const p of letter.body) paragraph(p, 2 * BODY_PT);

  // The signature block: two blank lines (the seal's room), the agency's name centred over the
  // date, the date four characters in from the right, the contact line under it. It stays on one
  // page: when it does not fit, the body's last two lines go over with it, so it never stands alone.
  const contact = letter.contact ? wrapBody(letter.contact, textWidth - 2 * BODY_PT) : [];
  if (remaining() < (4 + contact.length) * LINE.body) {
    const page = pages.at(-1)!;
    const carried = page.splice(Math.max(page.length - 2, 0), 2);
    pages.push([]);
    y = top;
    for (const { y: _, ...line } of carried) place(line, LINE.body);
  }
  y -= 2 * LINE.body;
  const dateWidth = widthOf(letter.date, BODY_PT);
  const dateRight = right - 4 * BODY_PT;
  for (const line of wrapBody(letter.signatureName, textWidth)) {
    const centred = dateRight - dateWidth / 2 - widthOf(line, BODY_PT) / 2;
    place(text(line, Math.max(MARGIN.left, Math.min(centred, right - widthOf(line, BODY_PT)))), LINE.body);
  }
  place(text(letter.date, dateRight - dateWidth), LINE.body);
  contact.forEach((line, n) => place(text(line, MARGIN.left + (n === 0 ? 2 * BODY_PT : 0)), LINE.body));

  // Page numbers (— 1 —, 四号) centred under the text block, when there is more than one page.
  if (pages.length > 1)
    pages.forEach((lines, n) => {
      const label = `— ${n + 1} —`;
      lines.push({ text: label, x: (PAGE.width - widthOf(label, PAGE_NUMBER_PT)) / 2, y: MARGIN.bottom - 7 * MM - PAGE_NUMBER_PT, size: PAGE_NUMBER_PT, face: 'text' });
    });

  const doc = new mupdf.PDFDocument();
  try {
    const resources = doc.addObject({ Font: { F1: doc.addFont(faces.text), F2: doc.addFont(faces.title) } });
    // The glyph of each character used, per face: the ToUnicode maps are written from these.
    const used = { text: new Map<number, string>(), title: new Map<number, string>() };
    const hex = (face: 'text' | 'title', s: string) =>
      [...s]
        .map((ch) => {
          const gid = faces[face].encodeCharacter(ch);
          used[face].set(gid, ch);
          return gid.toString(16).padStart(4, '0');
        })
        .join('');
    const n = (v: number) => v.toFixed(2);
    for (const lines of pages) {
      const ops = lines.map((l) => `BT /${l.face === 'title' ? 'F2' : 'F1'} ${l.size} Tf 1 0 0 1 ${n(l.x)} ${n(l.y)} Tm <${hex(l.face, l.text)}> Tj ET`);
      doc.insertPage(-1, doc.addPage([0, 0, PAGE.width, PAGE.height], 0, resources, ops.join('\n')));
    }
    doc.setMetaData('info:Title', letter.title);
    doc.setMetaData('info:Author', letter.signatureName);
    doc.subsetFonts();
    // MuPDF writes each glyph's ToUnicode entry from the font's own cmap, where one glyph often
    // stands for several characters (年 U+5E74 and the compatibility ideograph U+F98E, - and U+2011):
    // it may pick the wrong one. The letter knows which character each glyph was set for.
    const fontsUsed = doc.findPage(0).get('Resources').get('Font');
    for (const [key, face] of [['F1', 'text'], ['F2', 'title']] as const) fontsUsed.get(key).get('ToUnicode').writeStream(toUnicodeCMap(used[face]));
    return doc.saveToBuffer('compress,garbage').asUint8Array().slice();
  } finally {
    doc.destroy();
  }
}

/** A ToUnicode CMap (PDF 32000-1 9.10.3) for two-byte glyph ids: each glyph to the character it was set for. */
export function toUnicodeCMap(glyphs: ReadonlyMap<number, string>): string {
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const utf16 = (ch: string) => [...Buffer.from(ch, 'utf16le').swap16()].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  const entries = [...glyphs].sort(([a], [b]) => a - b).map(([gid, ch]) => `<${hex4(gid)}> <${utf16(ch)}>`);
  const blocks = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange', ...blocks,
    'endcmap', 'CMapName currentdict /defineresource pop', 'end', 'end',
  ].join('\n');
}

/** The first page of a letter as a PNG, for the console's preview of an agency's template. */
export async function letterPng(letter: OfficialLetter, dpi = 96): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(await letterPdf(letter), 'application/pdf');
  try {
    const scale = dpi / 72;
    const pixmap = doc.loadPage(0).toPixmap([scale, 0, 0, scale, 0, 0], mupdf.ColorSpace.DeviceRGB, false, true);
    return pixmap.asPNG().slice();
  } finally {
    doc.destroy();
  }
}
