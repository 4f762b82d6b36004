/**
 * The benchmark's searches (CAT-4): a mix of distinct queries drawn like a portal's query log —
 * a few very common words, a long tail of rarer ones, two-word queries, 文号 typed in full,
 * filters by agency, category and year, date order and relevance order. One benchmark row per
 * class; each row cycles through its own distinct queries, so no answer is one query repeated
 * and no database cache holds one hot result.
 */
import type { Db } from '../src/db/database.ts';
import { CATEGORIES } from '../src/modules/documents/documents.rules.ts';
import { prng } from './city.ts';
import { FIELDS, RARE_PHRASES } from './vocabulary.ts';

export type SearchClass = { name: string; paths: string[] };
/** What the mix needs of a built city: its agencies' codes and some 文号 of its documents. */
export type MixSample = { agencyCodes: string[]; docNumbers: string[] };

/** Words in a large part of the city's items (the bench vocabulary's generic sentences and titles). */
const COMMON = ['通知', '工作', '高度重视', '加强组织领导', '特此通知', '政策宣传解读', '实施方案', '公示', '监督检查', '高质量发展', '专项行动', '工作总结'];
/** Cores of the rare phrases, as a visitor would type them. */
const RARE = RARE_PHRASES.map((r) => r.text.replace(/^(推动|推进)/, '').slice(0, 6));

/** Every word of the city's fields: topics, subjects, measures, counted things, departments, affiliated units. */
function tailWords(): string[] {
  const words = Object.values(FIELDS).flatMap((f) => [...f.topics, ...f.subjects, ...f.measures, ...f.counted.map((c) => c.what), ...f.departments, ...f.affiliated]);
  return [...new Set([...words, ...RARE])].filter((w) => !COMMON.includes(w));
}

const YEARS = Array.from({ length: 12 }, (_, i) => String(2015 + i));

/** `/search?…` with each value encoded. */
export const searchPath = (params: Record<string, string>) =>
  `/search?${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;

function shuffled<T>(rand: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `n` distinct values made by `make` (fewer if it cannot make that many in 20 × n tries). */
function distinct(n: number, make: () => string): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < 20 * n; tries++) out.add(make());
  return [...out];
}

/**
 * The query classes, `perClass` distinct queries each (the common words and 文号 as many as
 * there are): at the default 80 that is over 500 distinct queries.
 */
export function searchMix(seed: number, sample: MixSample, perClass = 80): SearchClass[] {
  const rand = prng(seed ^ 0x5ea2c4);
  const tail = tailWords();
  const word = () => tail[Math.floor(rand() * tail.length)]!;
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const fields = Object.values(FIELDS);
  const categories = Object.keys(CATEGORIES);
  const classes: SearchClass[] = [
    { name: 'common words, relevance', paths: COMMON.map((q) => searchPath({ q })) },
    { name: 'long tail of single words', paths: shuffled(rand, tail).slice(0, perClass).map((q) => searchPath({ q })) },
    {
      name: 'two words',
      paths: distinct(perClass, () => {
        const f = pickOf(fields);
        return `${pickOf(f.subjects)} ${pickOf([...f.measures, ...f.topics])}`;
      }).map((q) => searchPath({ q })),
    },
    { name: '文号 typed in full', paths: shuffled(rand, sample.docNumbers).slice(0, perClass).map((q) => searchPath({ q })) },
    { name: 'word, agency filter', paths: distinct(perClass, () => `${word()}|${pickOf(sample.agencyCodes)}`).map((s) => s.split('|')).map(([q, agency]) => searchPath({ q: q!, agency: agency! })) },
    { name: 'word, category filter', paths: distinct(perClass, () => `${word()}|${pickOf(categories)}`).map((s) => s.split('|')).map(([q, category]) => searchPath({ q: q!, category: category! })) },
    { name: 'word, year filter', paths: distinct(perClass, () => `${word()}|${pickOf(YEARS)}`).map((s) => s.split('|')).map(([q, year]) => searchPath({ q: q!, year: year! })) },
    { name: 'date order (common and tail words)', paths: shuffled(rand, [...COMMON, ...tail.slice(0, perClass - COMMON.length)]).map((q) => searchPath({ q, sort: 'date' })) },
  ];
  return classes.map((c) => ({ ...c, paths: shuffled(rand, c.paths) }));
}

/** The agencies that publish and up to `n` 文号 of documents spread over the whole catalog. */
export async function mixSample(db: Db, seed: number, n = 100): Promise<MixSample> {
  const agencies = await db.selectFrom('agencies').select('code').where('level', '=', 'agency').orderBy('code').execute();
  const last = await db.selectFrom('catalog_entries').select((eb) => eb.fn.max('seq').as('n')).executeTakeFirstOrThrow();
  const rand = prng(seed ^ 0x00d0c);
  const seqs = Array.from({ length: 4 * n }, () => 1 + Math.floor(rand() * Number(last.n ?? 0)));
  const rows = seqs.length ? await db.selectFrom('catalog_entries').select('doc_number').where('seq', 'in', seqs).where('doc_number', '!=', '').execute() : [];
  return { agencyCodes: agencies.map((a) => a.code), docNumbers: [...new Set(rows.map((r) => r.doc_number))].slice(0, n) };
}
