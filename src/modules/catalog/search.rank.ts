import type { Term } from './search.tokens.ts';

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

export function relevance(doc: { title: string; bodyText: string }, terms: readonly Term[]): number {
  const title = normalize(doc.title);
  const body = normalize(doc.bodyText);
  return terms.reduce((score, t) => score + TITLE_WEIGHT * saturate(occurrences(title, t.words)) + saturate(occurrences(body, t.words)), 0);
}

/** Most relevant first; among equals, the newest publication (highest seq) first. */
export function byRelevance<T extends { seq: number; title: string; bodyText: string }>(rows: readonly T[], terms: readonly Term[]): T[] {
  return rows
    .map((row) => ({ row, score: relevance(row, terms) }))
    .sort((a, b) => b.score - a.score || b.row.seq - a.row.seq)
    .map((s) => s.row);
}
