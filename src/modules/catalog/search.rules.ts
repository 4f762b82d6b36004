/**
 * The one tokenizer of the catalog's full-text index, shared by SQLite (FTS5) and PostgreSQL
 * (tsvector), so both databases hold the same tokens and find the same items.
 *
 * Chinese is indexed as overlapping character bigrams (政务公开 → 政务 务公 公开 开): a query
 * word then matches wherever it occurs as a substring, whatever a dictionary thinks the
 * words are. Node's Intl.Segmenter cuts 社保卡 into 社|保|卡 and 见习 into 见|习 (measured,
 * docs/search.md), so segmenting the documents would lose recall; it is used only to split
 * a query into the words that must all occur. The last character of each Han run is also
 * indexed alone, so that every character starts exactly one token and a one-character query
 * is a prefix query. Letters and digits of other scripts form lower-cased words.
 */

const HAN = /^\p{Script=Han}/u;

/** PostgreSQL keeps positions up to 16,383; both databases index the same leading tokens. */
export const MAX_DOCUMENT_TOKENS = 16_000;
/** Longer "words" are noise (encoded data, long numbers) and PostgreSQL caps lexemes. */
const MAX_WORD_LENGTH = 64;
/** A query is cut to this many words: each is a phrase to check. */
const MAX_QUERY_TERMS = 8;

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

function hanTokens(run: string): string[] {
  const chars = [...run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  tokens.push(chars[chars.length - 1]!);
  return tokens;
}

const SEPARATOR = 0;
const HAN_CHAR = 1;
const WORD_CHAR = 2;
const WORD_CHARACTER = /^(?:(?!\p{Script=Han})[\p{L}\p{N}])$/u;
const classOf = (ch: string) => (HAN.test(ch) ? HAN_CHAR : WORD_CHARACTER.test(ch) ? WORD_CHAR : SEPARATOR);
/** The class of every character of the Basic Multilingual Plane, read once from the Unicode properties above. */
const BMP_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) BMP_CLASS[c] = classOf(String.fromCharCode(c));

/**
 * The tokens of a text, in order: each run of Han characters cut into bigrams (and its last
 * character), each run of other letters and digits one word. One pass with the characters'
 * classes looked up in a table (the import tokenizes a whole catalog, issue 17); characters
 * outside the BMP take the regular expressions.
 */
export function indexTokens(text: string): string[] {
  const s = normalize(text);
  const tokens: string[] = [];
  const n = s.length;
  let i = 0;
  let cls = SEPARATOR;
  let width = 1;
  const read = (at: number) => {
    const c = s.charCodeAt(at);
    if (c < 0xd800 || c > 0xdbff || at + 1 >= n) { cls = BMP_CLASS[c]!; width = 1; return; }
    const d = s.charCodeAt(at + 1);
    if (d < 0xdc00 || d > 0xdfff) { cls = SEPARATOR; width = 1; return; }
    cls = classOf(s.slice(at, at + 2));
    width = 2;
  };
  read(0);
  while (i < n) {
    if (cls === HAN_CHAR) {
      let prev = i;
      i += width;
      if (i < n) read(i);
      while (i < n && cls === HAN_CHAR) {
        tokens.push(s.slice(prev, i + width));
        prev = i;
        i += width;
        if (i < n) read(i);
      }
      tokens.push(s.slice(prev, i));
    } else if (cls === WORD_CHAR) {
      const start = i;
      i += width;
      if (i < n) read(i);
      while (i < n && cls === WORD_CHAR) {
        i += width;
        if (i < n) read(i);
      }
      if (i - start <= MAX_WORD_LENGTH) tokens.push(s.slice(start, i));
    } else {
      i += width;
      if (i < n) read(i);
    }
  }
  return tokens;
}

/** Tokens that must occur in a row; `prefix`: a single Han character, which matches any token it starts. */
export type Phrase = { tokens: string[]; prefix: boolean };
/**
 * One query word and the phrases that satisfy it: its own, and its synonyms'. `docNumber`: the
 * query is a 文号, one token of the index (docNumberOf), and every item citing it is wanted.
 */
export type Term = { word: string; words: string[]; phrases: Phrase[]; docNumber?: true };

/**
 * Names people use interchangeably for the same thing: a query for one finds the others.
 * Kept to full equivalents: a broader or narrower word would cost precision.
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['社保卡', '社会保障卡'],
  ['社保', '社会保险'],
  ['医保', '医疗保险', '医疗保障'],
  ['人社', '人力资源和社会保障'],
  ['失业金', '失业保险金'],
  ['低保', '最低生活保障'],
  ['公租房', '公共租赁住房'],
];
const SYNONYMS_OF = new Map(SYNONYMS.flatMap((group) => group.map((w) => [w, group] as const)));
/** Finds the synonyms in a stretch of a query, longest first (社保卡 before 社保), so the segmenter cannot cut them. */
const SYNONYM_WORDS = new RegExp([...SYNONYMS_OF.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

function phraseOf(word: string): Phrase | null {
  if (isSingleHan(word)) return { tokens: [word], prefix: true };
  if (HAN.test(word)) return { tokens: hanTokens(word).slice(0, -1), prefix: false };
  const tokens = word.length <= MAX_WORD_LENGTH ? indexTokens(word) : [];
  return tokens.length ? { tokens, prefix: false } : null;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const isSingleHan = (w: string) => [...w].length === 1 && HAN.test(w);

/**
 * Words of one stretch of Han text as the user typed it, with the single characters the
 * segmenter leaves loose put back: a run of them forms one word (见|习 → 见习, 社|保|卡 →
 * 社保卡), a lone one joins the word before it, or after it at the start (失业|保险|金 →
 * 失业, 保险金). Each word stays a substring of the query, so a phrase of it is what was meant.
 */
function joinLoose(words: string[]): string[] {
  const groups: { text: string; loose: boolean }[] = [];
  for (const w of words) {
    const single = [...w].length === 1;
    const last = groups.at(-1);
    if (single && last?.loose) last.text += w;
    else groups.push({ text: w, loose: single });
  }
  const out: string[] = [];
  let carry = '';
  for (const [i, g] of groups.entries()) {
    const lone = [...g.text].length === 1;
    if (lone && out.length > 0) out[out.length - 1] += g.text;
    else if (lone && i + 1 < groups.length) carry = g.text;
    else {
      out.push(carry + g.text);
      carry = '';
    }
  }
  return out;
}

/** A word of the query and what satisfies it: itself, or one of its synonyms. */
type Word = { word: string; alternatives: readonly string[] };
const plainWord = (word: string): Word => ({ word, alternatives: SYNONYMS_OF.get(word) ?? [word] });

/**
 * The words of one stretch of Han text: its synonyms kept whole whatever the segmenter would
 * cut (社会|保障|卡), the rest cut by the segmenter with loose characters put back (joinLoose).
 * A character left alone beside a synonym belongs to it, as it would to any word:
 * 市|社会保险 is the word 市社会保险 (or 市社保), 最低生活保障|金 is 最低生活保障金 (or 低保金),
 * never a prefix query for every token 市 or 金 starts, which matches most of a city.
 */
function stretchWords(stretch: string): Word[] {
  const parts: { text: string; synonym: boolean }[] = [];
  let from = 0;
  for (const m of stretch.matchAll(SYNONYM_WORDS)) {
    if (m.index > from) parts.push({ text: stretch.slice(from, m.index), synonym: false });
    parts.push({ text: m[0], synonym: true });
    from = m.index + m[0].length;
  }
  if (from < stretch.length) parts.push({ text: stretch.slice(from), synonym: false });
  const words: Word[] = [];
  let carry = '';
  for (const [i, p] of parts.entries()) {
    const lone = !p.synonym && [...p.text].length === 1;
    const last = words.at(-1);
    if (lone && parts[i - 1]?.synonym && last) words[words.length - 1] = { word: last.word + p.text, alternatives: last.alternatives.map((a) => a + p.text) };
    else if (lone && parts[i + 1]?.synonym) carry = p.text;
    else if (p.synonym) {
      words.push({ word: carry + p.text, alternatives: SYNONYMS_OF.get(p.text)!.map((a) => carry + a) });
      carry = '';
    } else words.push(...joinLoose([...segmenter.segment(p.text)].map((s) => s.segment)).map(plainWord));
  }
  return words;
}

/** The words of a query, each of which must occur; a 文号 typed in full is one word, its own token. */
export function queryTerms(query: string): Term[] {
  const docNumber = docNumberOf(query);
  if (docNumber) return [{ word: query.trim(), words: docNumber.forms, phrases: [{ tokens: [docNumber.token], prefix: false }], docNumber: true }];
  const words: Word[] = [];
  let stretch = '';
  const flush = () => {
    if (stretch) words.push(...stretchWords(stretch));
    stretch = '';
  };
  for (const s of segmenter.segment(normalize(query))) {
    if (s.isWordLike && HAN.test(s.segment)) stretch += s.segment;
    else {
      flush();
      if (s.isWordLike) words.push(plainWord(s.segment));
    }
  }
  flush();
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const { word, alternatives } of words) {
    if (terms.length === MAX_QUERY_TERMS) break;
    if (seen.has(word)) continue;
    seen.add(word);
    const phrases = alternatives.map(phraseOf).filter((p): p is Phrase => p !== null);
    if (phrases.length) terms.push({ word, words: [...alternatives], phrases });
  }
  return terms;
}

/** The terms as an FTS5 query: each word one of its phrases, every word required, and every filter token. */
export function ftsQuery(terms: Term[], filters: EntryFilters = {}): string {
  return [
    ...terms.map((t) => `(${t.phrases.map((p) => `"${p.tokens.join(' ')}"${p.prefix ? '*' : ''}`).join(' OR ')})`),
    ...filterTokens(filters).map((k) => `"${k}"`),
  ].join(' AND ');
}

/** The same as a PostgreSQL tsquery literal: `<->` is "next position", `:*` a prefix, `|` or. */
export function tsQuery(terms: Term[], filters: EntryFilters = {}): string {
  const phrase = (p: Phrase) => `(${p.tokens.map((k) => `'${k}'${p.prefix ? ':*' : ''}`).join(' <-> ')})`;
  return [...terms.map((t) => `(${t.phrases.map(phrase).join(' | ')})`), ...filterTokens(filters).map((k) => `'${k}'`)].join(' & ');
}

/**
 * PostgreSQL keeps 256 positions of a token in a tsvector and silently drops the rest, which
 * would break phrases there but not in FTS5; later occurrences become a filler token (a
 * private-use character, which no query can contain) on both, so both find the same.
 */
export const MAX_TOKEN_POSITIONS = 256;
export const FILLER_TOKEN = '\uE000';

export type DocumentTokens = { title: string[]; body: string[] };

/** The brackets a 文号's year is written in (示人社发〔2026〕40号, [2026], ［2026］, 【2026】, (2026), （2026）). */
export const YEAR_BRACKETS = [['〔', '〕'], ['[', ']'], ['［', '］'], ['【', '】'], ['(', ')'], ['（', '）']] as const;
/** Mark of a 文号 token, beside the filler and the filter marks: no query word can contain it. */
const DOC_NUMBER_MARK = '\uE005';
/** The year in brackets and the number of a 文号, as written (full-width digits, ﹝﹞ too); the issuer is read backwards from it. */
const DOC_NUMBER_TAIL = /[〔\[［【(（﹝]([0-9０-９]{4})[〕\]］】)）﹞]第?([0-9０-９]{1,6})号/g;
/** A 文号 typed as the whole query, after NFKC. */
const TYPED_DOC_NUMBER = /^(\p{Script=Han}{2,12})[〔\[【(]([0-9]{4})[〕\]】)](第?)([0-9]{1,6})号$/u;
/** The issuer's abbreviation is 2 to 12 Han characters (国发, 示人社发, 人力资源社会保障部办公厅函). */
const MIN_ISSUER = 2;
const MAX_ISSUER = 12;
/** A list of repealed documents cites hundreds; the first are indexed (each is up to 11 tokens). */
const MAX_CITED_DOC_NUMBERS = 100;

const docNumberToken = (issuer: string, year: string, n: string) =>
  `${DOC_NUMBER_MARK}${issuer}${year.normalize('NFKC')}${n.normalize('NFKC').replace(/^0+(?=\d)/, '')}号`;

/**
 * The 文号 of a text (its own, and those it cites: 根据《…》（示人社发〔2026〕40号）) as one token
 * each, whatever bracket holds the year, with or without 第 and the number's leading zeros, so a 文号
 * search asks the index for one token instead of three common phrases (示人社发 · 2026 · 40 · 号).
 * Where the issuer starts is not marked in running text (按照示人社发〔2026〕40号文件), so each
 * ending of the Han characters before the year, of 2 to 12 characters, is a token: the typed
 * 文号 is one of them.
 */
export function docNumberTokens(text: string): string[] {
  if (!text.includes('号')) return [];
  const tokens = new Set<string>();
  let cited = 0;
  for (const m of text.matchAll(DOC_NUMBER_TAIL)) {
    const before = [...text.slice(Math.max(0, m.index - 2 * MAX_ISSUER), m.index)];
    let start = before.length;
    while (start > 0 && before.length - start < MAX_ISSUER && HAN.test(before[start - 1]!)) start--;
    const issuer = before.slice(start).join('').normalize('NFKC');
    const chars = [...issuer];
    if (chars.length < MIN_ISSUER) continue;
    for (let n = MIN_ISSUER; n <= chars.length; n++) tokens.add(docNumberToken(chars.slice(-n).join(''), m[1]!, m[2]!));
    if (++cited === MAX_CITED_DOC_NUMBERS) break;
  }
  return [...tokens];
}

/**
 * A query that is a 文号 typed in full: its token, and the forms it may be written in (each
 * bracket around the year), which mark it in titles and snippets and count its mentions.
 */
export function docNumberOf(query: string): { token: string; forms: string[] } | null {
  const m = TYPED_DOC_NUMBER.exec(query.trim().normalize('NFKC'));
  if (!m) return null;
  const [, issuer, year, di, n] = m as unknown as [string, string, string, string, string];
  return { token: docNumberToken(issuer, year, n), forms: YEAR_BRACKETS.map(([open, close]) => `${issuer}${open}${year}${close}${di}${n}号`) };
}

/** What a search can filter by in the index itself: fixed for a published version (validity is not: it changes in place). */
export type EntryFilters = { agencyId?: string; category?: string; year?: string; kind?: string };
/** Private-use marks of the filter tokens, beside the filler: no query word can contain them. */
const FILTER_MARKS: Record<keyof EntryFilters, string> = { agencyId: '\uE001', category: '\uE002', year: '\uE003', kind: '\uE004' };

/**
 * The filters of an entry as tokens of its body (agency, category, year made, kind), so that
 * a filtered search is one more required token for the index to intersect — FTS5 and GIN
 * skip through the posting lists — instead of a check of every match against its row.
 */
export function filterTokens(f: EntryFilters): string[] {
  return (Object.keys(FILTER_MARKS) as (keyof EntryFilters)[])
    .filter((k) => f[k] !== undefined)
    .map((k) => FILTER_MARKS[k] + f[k]!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * A document's title and body tokens, capped together at MAX_DOCUMENT_TOKENS; after the body
 * the 文号 it holds and its filter tokens, whose positions no phrase reads (PostgreSQL keeps
 * any past 16,383 at 16,383).
 */
export function documentTokens(title: string, body: string, filters: EntryFilters = {}): DocumentTokens {
  const titleTokens = indexTokens(title).slice(0, MAX_DOCUMENT_TOKENS);
  const bodyTokens = indexTokens(body).slice(0, MAX_DOCUMENT_TOKENS - titleTokens.length);
  const afterBody = [...docNumberTokens(`${title}\n${body}`), ...filterTokens(filters)];
  // No token can occur more often than there are tokens: most documents need no counting.
  if (titleTokens.length + bodyTokens.length <= MAX_TOKEN_POSITIONS) return { title: titleTokens, body: [...bodyTokens, ...afterBody] };
  const seen = new Map<string, number>();
  const capped = (tokens: string[]) =>
    tokens.map((token) => {
      const n = (seen.get(token) ?? 0) + 1;
      seen.set(token, n);
      return n > MAX_TOKEN_POSITIONS ? FILLER_TOKEN : token;
    });
  return { title: capped(titleTokens), body: [...capped(bodyTokens), ...afterBody] };
}

/**
 * The tsvector literal of a document: title tokens weighted A, body tokens D, at the same
 * positions FTS5 gives them within each column, with a gap so no phrase spans the two.
 */
export function tsVector(doc: { title: string[]; body: string[] }): string {
  const positions = new Map<string, string[]>();
  const add = (token: string, position: number, weight: string) => {
    const list = positions.get(token) ?? [];
    list.push(`${position}${weight}`);
    positions.set(token, list);
  };
  doc.title.forEach((token, i) => add(token, i + 1, 'A'));
  const offset = doc.title.length + 2;
  doc.body.forEach((token, i) => add(token, offset + i, ''));
  return [...positions].map(([token, list]) => `'${token}':${list.join(',')}`).join(' ');
}

/** PostgreSQL's binary tsvector: a position is 14 bits, its weight (A = 3, D = 0) the two above. */
const WEIGHT_A = 3 << 14;

/**
 * The same tsvector as tsVector() in PostgreSQL's binary form (tsvectorrecv: the count, then
 * each lexeme NUL-terminated with its positions), which the server reads without parsing text:
 * `gongkai import` sends a whole catalog's vectors, whose text form cost the server about as
 * much as the rest of the row (issue 17). Positions past the 256 PostgreSQL keeps per lexeme
 * are left out here, as the text form's parser drops them; the server sorts the lexemes.
 */
export function tsVectorBinary(doc: { title: string[]; body: string[] }): Buffer {
  const positions = new Map<string, number[]>();
  const add = (token: string, position: number) => {
    const list = positions.get(token);
    if (!list) positions.set(token, [position]);
    else if (list.length < MAX_TOKEN_POSITIONS) list.push(position);
  };
  doc.title.forEach((token, i) => add(token, WEIGHT_A | (i + 1)));
  const offset = doc.title.length + 2;
  doc.body.forEach((token, i) => add(token, offset + i));
  let size = 4;
  for (const [token, list] of positions) size += Buffer.byteLength(token) + 3 + 2 * list.length;
  const out = Buffer.allocUnsafe(size);
  let at = out.writeInt32BE(positions.size, 0);
  for (const [token, list] of positions) {
    at += out.write(token, at);
    out[at++] = 0;
    at = out.writeUInt16BE(list.length, at);
    for (const p of list) at = out.writeUInt16BE(p, at);
  }
  return out;
}

/**
 * How PostgreSQL finds a search's newest matches (catalog.search.ts). Its GIN index hands out
 * a set, and the newest of it can be found two ways, each slow where the other is fast
 * (measured on the million-item city). Walking the scope newest first and testing each entry's
 * vector costs ~1.5 µs an entry in the catalog's own order, ~11 µs in an agency's or a year's
 * (a page read each): a common word fills a window within a few hundred entries, a rare one
 * never does. Asking the index for every match and sorting them costs ~5 µs a match: a 文号
 * in a millisecond, 通知 (540,000 matches) in seconds. The planner cannot tell which is which:
 * it guesses 0.5 % of the rows for any token outside its statistics, and walked the whole
 * catalog for a 文号 for five seconds.
 *
 * So a search walks the newest entries of its scope first (`firstWalk`): that answers a common
 * word. Otherwise a fixed sample of the catalog's pages (about `sampleEntries` entries, the
 * same pages each time, so they stay in memory) says where the matches lie: the `boundAt`-th
 * newest match of the sample bounds the index's answer from below to about boundAt / sample
 * fraction matches (~1,000 at a million entries, more than a window needs), whatever part of
 * the catalog the words cluster in; if that holds fewer than a window, deeper bounds follow
 * (sampleBounds). A scope with fewer sampled matches holds few (~1,000), and the index
 * answers in full; it also answers what the deepest bound left short.
 */
export const SEARCH_PLAN = {
  firstWalk: {
    /** The whole catalog, in its own order. */
    catalog: 2_000,
    /** An agency's or a year's entries, on their (…, seq) index. */
    indexed: 200,
  },
  sampleEntries: 2_000,
  boundAt: 2,
};
export type SearchPlan = typeof SEARCH_PLAN;

/** The percentage of the catalog's pages a sample of about `sampleEntries` entries reads (all of a small catalog). */
export function samplePercent(entries: number, plan: SearchPlan = SEARCH_PLAN): number {
  return entries <= plan.sampleEntries ? 100 : (100 * plan.sampleEntries) / entries;
}

/**
 * The lowest seqs the index need look at, tried in turn, from the sample's matches newest
 * first: the `boundAt`-th newest, then twice and four times as deep while the sample holds
 * them (a bound about 1,000 matches deep holds fewer than a window's 200 one time in 16, two
 * in a row about one in 300). None when the sample holds fewer than `boundAt`: the scope holds
 * few, and the whole index answers, as it does after the last bound.
 */
export function sampleBounds(sampleMatches: number[], plan: SearchPlan = SEARCH_PLAN): number[] {
  const bounds: number[] = [];
  for (let depth = plan.boundAt; depth <= sampleMatches.length; depth *= 2) bounds.push(sampleMatches[depth - 1]!);
  return bounds;
}
