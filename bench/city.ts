/**
 * The benchmark's city, made up deterministically from a seed: the agencies, their units and
 * staff, and a stream of published items in publication order. Nothing here touches a
 * database; bench/generate.ts writes what this yields.
 */
import type { Category, DocKind, PolicyLevel, Validity } from '../src/modules/documents/documents.rules.ts';
import { colophonMark, formatIndexNumber } from '../src/modules/documents/documents.rules.ts';
import type { PublishedSnapshot } from '../src/modules/documents/documents.tables.ts';
import {
  AGENCIES, CITY, CLOSING_SENTENCES, DOC_KIND_SUFFIXES, FIELDS, GENERIC_SENTENCES, LAWS, MIDDLE_SENTENCES, OPENING_SENTENCES, OTHER_TITLES,
  RARE_PHRASES, ROADS, TITLE_VERBS, TITLE_WORKS, type Field,
} from './vocabulary.ts';

/** mulberry32: small, fast and good enough to make a city from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
/** A version-4 UUID from the seeded generator, so the same seed gives the same ids (and item URLs). */
function uuid(rand: () => number): string {
  const a = hex8(rand() * 4294967296);
  const b = hex8(rand() * 4294967296);
  const c = hex8(rand() * 4294967296);
  const d = hex8(rand() * 4294967296);
  const variant = '89ab'[c.charCodeAt(0) & 3]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** Cumulative weights, and a pick from them by binary search. */
function cumulative(weights: number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (c[i] = sum += w));
  for (let i = 0; i < c.length; i++) c[i]! /= sum;
  return c;
}
function pickWeighted(rand: () => number, c: Float64Array): number {
  const u = rand();
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** Zipf-like: the i-th of n is drawn with weight 1/(i+1). */
const zipf = (n: number) => cumulative(Array.from({ length: n }, (_, i) => 1 / (i + 1)));

export type CityAgency = {
  id: string; code: string; name: string; short: string; level: 'city' | 'agency'; field: Field; address: string; phone: string; email: string;
  units: { id: string; name: string; kind: 'department' | 'affiliated' }[]; unitWeights: Float64Array;
  user: { id: string; username: string; name: string };
};

/** Moments of the city's existence: everything was created on the first day. */
export const CREATED_AT = '2014-12-01T01:00:00.000Z';
export const INDEX_FORMAT = '{orgCode}/{year}-{seq:5}';
/** Placeholder: the benchmark's staff never log in. */
export const PASSWORD_PLACEHOLDER = 'bench-no-login';
export const CHANNELS_JSON = '["platform","website"]';
const COLOPHON = colophonMark('proactive');

/** The city government office (root, code SZF) and `count` agencies A01… below it. */
export function makeAgencies(seed: number, count: number): CityAgency[] {
  if (count < 1 || count > AGENCIES.length) throw new Error(`agencies must be 1..${AGENCIES.length}`);
  const rand = prng(seed ^ 0x5eed0a9e);
  const make = (code: string, name: string, short: string, level: 'city' | 'agency', field: Field, n: number): CityAgency => {
    const unitNames: { name: string; kind: 'department' | 'affiliated' }[] = [
      { name: '办公室', kind: 'department' },
      { name: '政策法规科', kind: 'department' },
      ...field.departments.slice(0, 2 + (n % 3)).map((d) => ({ name: d, kind: 'department' as const })),
      { name: field.affiliated[n % field.affiliated.length]!, kind: 'affiliated' },
    ];
    const units = unitNames.map((u) => ({ id: uuid(rand), ...u }));
    // The office publishes little; the departments most.
    const unitWeights = cumulative(units.map((u) => (u.name === '办公室' ? 0.5 : u.kind === 'affiliated' ? 1.5 : 2 + rand())));
    return {
      id: uuid(rand), code, name: `${CITY}${name}`, short, level, field, address: `${CITY}${ROADS[n % ROADS.length]}${10 + n}号`,
      phone: `0310-1234${String(n).padStart(3, '0')}`, email: `${code.toLowerCase()}@example.gov.cn`, units, unitWeights,
      user: { id: uuid(rand), username: `${code.toLowerCase()}.staff`, name: `${short}工作人员` },
    };
  };
  const root = make('SZF', '人民政府办公室', '政办', 'city', FIELDS.general!, 0);
  return [root, ...AGENCIES.slice(0, count).map((a, i) => make(`A${String(i + 1).padStart(2, '0')}`, a.name, a.short, 'agency', FIELDS[a.field]!, i + 1))];
}

/** One published item with everything the loaders write. */
export type CityItem = {
  seq: number; id: string; versionId: string; agency: CityAgency; unitId: string; kind: 'document' | 'other'; docKind: DocKind | null;
  catalogKind: DocKind | 'other'; docNumber: string; title: string; body: string; dateMade: string; year: string; category: Category;
  validity: Validity; policyLevel: PolicyLevel; indexNumber: string; publishedAt: string; snapshotJson: string;
};

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_MADE = Date.UTC(2026, 9, 31);
/** Beijing 08:30 to 18:00 in UTC. */
const WORK_START = 30 * 60_000;
const WORK_SPAN = 9.5 * 3_600_000;

const cnDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

const OTHER_CATEGORY: Category[] = ['work', 'services', 'policy', 'work', 'work', 'enforcement', 'plans', 'finance'];
const docSuffixes = cumulative(DOC_KIND_SUFFIXES.map((d) => d.weight));
const DOC_CATEGORIES: Category[] = ['policy', 'services', 'work', 'plans', 'finance', 'enforcement', 'emergency', 'overview', 'other'];
const docCategories = cumulative([34, 16, 14, 8, 8, 10, 5, 3, 2]);
const categoryOf = (field: Field, title: string, rand: () => number): Category => {
  if (/检查|抽检|抽查|处罚|执法|整治/.test(title) && rand() < 0.7) return 'enforcement';
  if (/资金|预算|采购|补贴|债/.test(title) && rand() < 0.6) return 'finance';
  if (/应急|防汛|防火|灾害|预警/.test(title) && rand() < 0.7) return 'emergency';
  if (field === FIELDS.caizheng && rand() < 0.4) return 'finance';
  return DOC_CATEGORIES[pickWeighted(rand, docCategories)]!;
};

/**
 * The items of the city, `count` of them, in publication order (seq 1…count): agencies
 * weighted unevenly, more items in later years, each agency's 索引号 and 文号 numbered per
 * year in that order. `indexSequences` holds each agency's last number per year afterwards.
 */
export function* makeItems(seed: number, agencies: CityAgency[], count: number, indexSequences: Map<string, number>): Generator<CityItem> {
  const rand = prng(seed);
  const publishers = agencies.filter((a) => a.level === 'agency');
  const agencyWeights = cumulative(publishers.map((a) => (a.code === 'A07' ? 1.2 : 0.5 + rand())));
  const topicPick = new Map<Field, Float64Array>(Object.values(FIELDS).map((f) => [f, zipf(f.topics.length)]));
  // Publication moments, denser in later years (density grows linearly), sorted: seq order is publication order.
  const first = FIRST_DAY + DAY;
  const span = LAST_MADE + 20 * DAY - first;
  const days = new Float64Array(count);
  for (let i = 0; i < count; i++) days[i] = Math.floor((span * Math.sqrt(rand())) / DAY);
  days.sort();
  const docNumbers = new Map<string, number>();

  for (let i = 0; i < count; i++) {
    const published = first + days[i]! * DAY + WORK_START + Math.floor(rand() * WORK_SPAN);
    const made = Math.max(FIRST_DAY, Math.min(LAST_MADE, published - int(rand, 1, 20) * DAY));
    const dateMade = new Date(made).toISOString().slice(0, 10);
    const year = dateMade.slice(0, 4);
    const agency = publishers[pickWeighted(rand, agencyWeights)]!;
    const unit = agency.units[pickWeighted(rand, agency.unitWeights)]!;
    const field = rand() < 0.15 ? FIELDS.general! : agency.field;
    const topic = field.topics[pickWeighted(rand, topicPick.get(field)!)]!;

    let kind: 'document' | 'other';
    let docKind: DocKind | null = null;
    let title: string;
    let category: Category;
    if (rand() < 0.7) {
      kind = 'document';
      const s = DOC_KIND_SUFFIXES[pickWeighted(rand, docSuffixes)]!;
      docKind = s.kind as DocKind;
      const yearPart = rand() < 0.5 ? `${year}年` : '';
      title = `关于${pick(rand, TITLE_VERBS)}${yearPart}${topic}${pick(rand, TITLE_WORKS)}的${s.suffix}`;
      category = categoryOf(field, title, rand);
    } else {
      kind = 'other';
      const t = int(rand, 0, OTHER_TITLES.length - 1);
      title = OTHER_TITLES[t]!.replace('{A}', agency.name.replace(CITY, '市')).replace('{Y}', year).replace('{T}', topic).replace('{Q}', '一二三四'[int(rand, 0, 3)]!);
      category = OTHER_CATEGORY[t]!;
    }
    let docNumber = '';
    if (kind === 'document') {
      const key = `${agency.code}/${year}/${docKind === 'letter' || docKind === 'reply' ? '函' : '发'}`;
      const n = (docNumbers.get(key) ?? 0) + 1;
      docNumbers.set(key, n);
      docNumber = `示${agency.short}${key.endsWith('函') ? '函' : '发'}〔${year}〕${n}号`;
    }
    const seqKey = `${agency.id}/${year}`;
    const indexSeq = (indexSequences.get(seqKey) ?? 0) + 1;
    indexSequences.set(seqKey, indexSeq);
    const indexNumber = formatIndexNumber(INDEX_FORMAT, { orgCode: agency.code, year: Number(year), seq: indexSeq });
    const body = makeBody(rand, agency, field, topic, made);
    const old = Number(year) < 2021;
    const v = rand();
    const validity: Validity = v < (old ? 0.2 : 0.05) ? 'expired' : v < (old ? 0.27 : 0.07) ? 'repealed' : 'valid';
    const policyLevel: PolicyLevel = kind === 'document' && category === 'policy' && rand() < 0.5 ? 'normative' : 'none';
    const publishedAt = new Date(published).toISOString();
    const snapshot: PublishedSnapshot = {
      version: 1, indexNumber, title, docNumber, docKind, kind, category, dateMade, summary: '', body, colophon: COLOPHON, changeReason: '',
      publishedAt, attachments: [], channels: ['platform', 'website'],
    };
    yield {
      seq: i + 1, id: uuid(rand), versionId: uuid(rand), agency, unitId: unit.id, kind, docKind, catalogKind: kind === 'other' ? 'other' : (docKind ?? 'other'),
      docNumber, title, body, dateMade, year, category, validity, policyLevel, indexNumber, publishedAt, snapshotJson: JSON.stringify(snapshot),
    };
  }
}

/** Steps coprime with the number of middle sentences, so a walk visits each once. */
const MIDDLE_STEPS = [1, 5, 7, 11].filter((k) => gcd(k, MIDDLE_SENTENCES.length) === 1);
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** 150 to 300 characters in 2 to 5 sentences: an opening, some facts with numbers and dates, sometimes a closing. */
function makeBody(rand: () => number, agency: CityAgency, field: Field, topic: string, made: number): string {
  const target = int(rand, 150, 300);
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_m, k: string) => {
      switch (k) {
        case 'T': return topic;
        case 'S': return pick(rand, field.subjects);
        case 'M': return pick(rand, field.measures);
        case 'C': { const c = pick(rand, field.counted); return `${c.what}{N}${c.unit}`.replace('{N}', String(int(rand, 12, 98_000))); }
        case 'N': return String(int(rand, 12, 9_800));
        case 'N2': return String(int(rand, 2, 30));
        case 'N3': return String(int(rand, 1, 9));
        case 'D': return cnDate(made + int(rand, -60, 60) * DAY);
        case 'D2': return cnDate(made + int(rand, 61, 150) * DAY);
        case 'Y': return String(new Date(made).getUTCFullYear());
        case 'P': return (int(rand, 5, 350) / 10).toFixed(1);
        case 'K': return String(int(rand, 10, 500) * 10);
        case 'A': return agency.name;
        case 'L': return pick(rand, LAWS);
        case 'H': return String(int(rand, 1_000_000, 9_999_999));
        case 'R': return pick(rand, ROADS);
        case 'C0': return CITY;
        case 'Dept': return agency.units[1]!.name;
        default: return k;
      }
    });
  const sentences = [fill(pick(rand, OPENING_SENTENCES))];
  let length = sentences[0]!.length;
  for (const g of GENERIC_SENTENCES) {
    if (rand() < g.p) {
      sentences.push(g.text);
      length += g.text.length;
    }
  }
  for (const r of RARE_PHRASES) {
    if (rand() < r.p) {
      const s = `同时，${agency.name}将${r.text}列为年度重点任务。`;
      sentences.push(s);
      length += s.length;
    }
  }
  // Middle sentences without repeats, from a random start in the list.
  const start = int(rand, 0, MIDDLE_SENTENCES.length - 1);
  const step = pick(rand, MIDDLE_STEPS);
  for (let k = 0; sentences.length < 5 && (length < target || sentences.length < 2) && k < MIDDLE_SENTENCES.length; k++) {
    const s = fill(MIDDLE_SENTENCES[(start + k * step) % MIDDLE_SENTENCES.length]!);
    sentences.push(s);
    length += s.length;
  }
  if (sentences.length < 5 && length < target - 20 && rand() < 0.7) sentences.push(fill(pick(rand, CLOSING_SENTENCES)));
  // Two paragraphs when long enough: the item page shows each as its own <p>.
  const cut = sentences.length >= 4 ? 2 : sentences.length;
  return `${sentences.slice(0, cut).join('')}${cut < sentences.length ? `\n${sentences.slice(cut).join('')}` : ''}`;
}
