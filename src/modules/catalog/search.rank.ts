import type { Term } from './search.rules.ts';

/**
 * Relevance, computed in the application over the window of newest matches, so that both
 * databases order results the same way and no engine has to score every match of a common
 * word (FTS5's bm25() reads the whole doclist to weigh a phrase: 22 ms for a word in half of
 * a million items, docs/benchmarks.md).
 *
 * Like BM25 without the rarity weights (within one query they only shift terms against each
 * other): each query word's occurrences in the title and in the body, saturated (the third
 * mention adds less than the first), a title mention counting ten times a body mention.
 */
const K1 = 1.2;
const TITLE_WEIGHT = 10;

const saturate = (n: number) => n / (n + K1);
/** Full-width forms, the only NFKC mappings government text commonly holds; skipping NFKC otherwise halves the ranking time. */
const FULL_WIDTH = /[\u3000\uFF01-\uFF5E]/;
const normalize = (text: string) => (FULL_WIDTH.test(text) ? text.normalize('NFKC') : text).toLowerCase();

/** Non-overlapping occurrences of any of the words (a word's synonyms count as the word). */
function occurrences(text: string, words: readonly string[]): number {
  let n = 0;
  for (const word of words) for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/** How often each query word (or one of its synonyms) occurs in the title and in the body. */
function mentions(doc: { title: string; bodyText: string }, terms: readonly Term[]): { title: number; body: number }[] {
  const title = normalize(doc.title);
  const body = normalize(doc.bodyText);
  return terms.map((t) => ({ title: occurrences(title, t.words), body: occurrences(body, t.words) }));
}

const score = (counts: { title: number; body: number }[]) => counts.reduce((s, c) => s + TITLE_WEIGHT * saturate(c.title) + saturate(c.body), 0);

export function relevance(doc: { title: string; bodyText: string }, terms: readonly Term[]): number {
  return score(mentions(doc, terms));
}

/**
 * A passing mention (CAT-4): no query word in the title, none twice in the body, and the words
 * of a query of several words not together as typed — a guide naming the 社保卡 as where money
 * is paid, a yearly summary counting 人才引进 among fifty figures. Those are left out of the
 * relevance order when some match has a query word in its title: the visitor has documents
 * about the words to read. When no match has them in its title (一裁终局, a surname, a sum
 * of money), every match stays.
 */
function passing(counts: { title: number; body: number }[], body: string, terms: readonly Term[]): boolean {
  if (counts.some((c) => c.title > 0 || c.body > 1)) return false;
  return terms.length < 2 || !normalize(body).includes(terms.map((t) => t.word).join(''));
}

/**
 * Most relevant first; among equals, the newest publication (highest seq) first; passing
 * mentions left out when some match has a query word in its title (not for a 文号).
 */
export function byRelevance<T extends { seq: number; title: string; bodyText: string }>(rows: readonly T[], terms: readonly Term[]): T[] {
  const scored = rows.map((row) => {
    const counts = mentions(row, terms);
    return { row, score: score(counts), inTitle: counts.some((c) => c.title > 0), passing: passing(counts, row.bodyText, terms) };
  });
  // Every item citing a 文号 is wanted, however briefly it cites it.
  const anyInTitle = !terms.some((t) => t.docNumber) && scored.some((s) => s.inTitle);
  return scored
    .filter((s) => !(anyInTitle && s.passing))
    .sort((a, b) => b.score - a.score || b.row.seq - a.row.seq)
    .map((s) => s.row);
}
