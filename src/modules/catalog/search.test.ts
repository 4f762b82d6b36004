import { describe, expect, it } from 'vitest';
import { markWords, snippet } from './search.highlight.ts';
import { byRelevance, relevance } from './search.rank.ts';
import { docNumberOf, docNumberTokens, documentTokens, FILLER_TOKEN, filterTokens, ftsQuery, indexTokens, MAX_DOCUMENT_TOKENS, MAX_TOKEN_POSITIONS, queryTerms, sampleBounds, samplePercent, tsQuery, tsVector } from './search.rules.ts';

describe('the search tokenizer shared by SQLite and PostgreSQL (CAT-4)', () => {
  it('indexes Chinese as overlapping bigrams plus each run’s last character, other scripts as lower-cased words', () => {
    expect(indexTokens('政务公开，Ａｂｃ-2026年')).toEqual(['政务', '务公', '公开', '开', 'abc', '2026', '年']);
  });

  it('makes every character of a text the start of exactly one token, so a one-character query finds all its occurrences', () => {
    const text = '社会保障卡的申领和补领';
    const starts = indexTokens(text).map((t) => t[0]);
    expect(starts.join('')).toBe(text.replace(/[^\p{Script=Han}]/gu, ''));
  });

  it('splits a query into words, putting back the single characters the segmenter leaves loose', () => {
    expect(queryTerms('就业见习补贴').map((t) => t.word)).toEqual(['就业', '见习', '补贴']);
    expect(queryTerms('工伤保险金').map((t) => t.word)).toEqual(['工伤', '保险金']);
    expect(queryTerms('高层次人才').map((t) => t.word)).toEqual(['高层次', '人才']);
    expect(queryTerms('社保卡').map((t) => t.word)).toEqual(['社保卡']);
    expect(queryTerms('  ，。 ')).toEqual([]);
  });

  it('turns each word into a phrase of its bigrams, and a single character into a prefix, the same on both databases', () => {
    const terms = queryTerms('就业 证');
    expect(ftsQuery(terms)).toBe('("就业") AND ("证"*)');
    expect(tsQuery(terms)).toBe("(('就业')) & (('证':*))");
  });

  it('keeps a synonym whole however the segmenter would cut it (社会|保障|卡)', () => {
    expect(queryTerms('社会保障卡挂失').map((t) => t.word)).toEqual(['社会保障卡', '挂失']);
  });

  it('joins a character left alone beside a synonym to it, instead of a prefix query for every token it starts', () => {
    const [unit, ...rest] = queryTerms('市社会保险事业服务中心');
    expect(unit!.word).toBe('市社会保险');
    expect(unit!.words).toEqual(['市社保', '市社会保险']);
    expect(rest.map((t) => t.word)).toEqual(['事业', '服务', '中心']);
    expect(queryTerms('最低生活保障金').map((t) => t.words)).toEqual([['低保金', '最低生活保障金']]);
    expect(queryTerms('低保金 市医保').flatMap((t) => t.phrases).some((p) => p.prefix)).toBe(false);
  });

  it('lets a word find its synonyms: 社保卡 also finds 社会保障卡', () => {
    const [term] = queryTerms('社保卡');
    expect(term!.words).toEqual(['社保卡', '社会保障卡']);
    expect(ftsQuery([term!])).toBe('("社保 保卡" OR "社会 会保 保障 障卡")');
    expect(tsQuery([term!])).toBe("(('社保' <-> '保卡') | ('社会' <-> '会保' <-> '保障' <-> '障卡'))");
  });

  it('gives title tokens weight A and keeps the body’s positions apart from the title’s', () => {
    expect(tsVector(documentTokens('公开', '公开'))).toBe("'公开':1A,4 '开':2A,5");
  });

  it('replaces a token’s occurrences past the 256 positions PostgreSQL keeps with a filler, on both databases', () => {
    const doc = documentTokens('', '社保。'.repeat(300));
    expect(doc.body.filter((t) => t === '社保')).toHaveLength(MAX_TOKEN_POSITIONS);
    // Each 社保 run also ends in the unigram 保, itself capped the same way.
    expect(doc.body.filter((t) => t === FILLER_TOKEN)).toHaveLength(2 * (300 - MAX_TOKEN_POSITIONS));
  });

  it('caps a document at the positions PostgreSQL can hold', () => {
    const doc = documentTokens('标题', '字'.repeat(20_000));
    expect(doc.title.length + doc.body.length).toBe(MAX_DOCUMENT_TOKENS);
  });
});

describe('highlighting a result', () => {
  it('marks every occurrence of the words, the longer word winning an overlap', () => {
    expect(markWords('社保卡与社保', ['社保', '社保卡'])).toEqual([
      { text: '社保卡', hit: true }, { text: '与', hit: false }, { text: '社保', hit: true },
    ]);
  });

  it('marks adjacent words as one stretch', () => {
    expect(markWords('就业见习补贴', ['就业', '见习'])).toEqual([{ text: '就业见习', hit: true }, { text: '补贴', hit: false }]);
  });

  it('cuts a snippet around the first hit, with ellipses where it cuts', () => {
    const body = `${'甲'.repeat(200)}就业见习${'乙'.repeat(200)}`;
    const s = snippet(body, ['见习'], 60);
    expect(s).toContain('就业见习');
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
    expect(snippet('短文本', ['无'], 60)).toBe('短文本');
  });
});

describe('filter tokens in the index (CAT-4)', () => {
  it('puts the agency, category, year and kind after the body, as tokens no query word can make, and requires them in the query', () => {
    const filters = { agencyId: 'a600bd58-7bc5-4046-a3a4-3dea2bccf041', category: 'finance', year: '2024', kind: 'notice' };
    const doc = documentTokens('预算公开', '部门预算', filters);
    expect(doc.body.slice(-4)).toEqual(filterTokens(filters));
    expect(doc.body.slice(0, -4)).toEqual(indexTokens('部门预算'));
    expect(filterTokens({ year: '2024' })).toEqual(['\uE0032024']);
    expect(ftsQuery(queryTerms('预算'), { year: '2024' })).toBe('("预算") AND "\uE0032024"');
    expect(tsQuery(queryTerms('预算'), { category: 'finance' })).toBe("(('预算')) & '\uE002finance'");
    for (const token of filterTokens(filters)) expect(queryTerms(token).flatMap((t) => t.phrases.flatMap((p) => p.tokens))).not.toContain(token);
  });
});

describe('文号 as one token of the index (CAT-4)', () => {
  const token = docNumberOf('示人社发〔2026〕40号')!.token;

  it('indexes a 文号 written with any bracket, full-width digits, 第 or leading zeros as the same token', () => {
    for (const text of ['示人社发〔2026〕40号', '（示人社发[2026]40号）', '示人社发［２０２６］４０号', '示人社发【2026】第040号', '示人社发(2026)40号', '示人社发﹝2026﹞40号']) {
      expect(docNumberTokens(text), text).toContain(token);
    }
    expect(docNumberTokens('示人社发〔2026〕4号、示人社发〔2026〕401号、示人社函〔2026〕40号、示人社发〔2025〕40号')).not.toContain(token);
  });

  it('indexes every ending of the issuer in running text, so the typed 文号 is one of them', () => {
    const tokens = docNumberTokens('按照示人社发〔2026〕40号文件要求');
    expect(tokens).toContain(token);
    expect(tokens).toContain(docNumberOf('人社发〔2026〕40号')!.token);
    expect(tokens).not.toContain(docNumberOf('文件〔2026〕40号')!.token);
  });

  it('makes a 文号 typed in full one term of one token, marked in each bracket form', () => {
    for (const q of ['示人社发〔2026〕40号', '示人社发[2026]40号', '示人社发（2026）40号', ' 示人社发【2026】40号 ']) {
      const terms = queryTerms(q);
      expect(terms, q).toHaveLength(1);
      expect(terms[0]!.phrases, q).toEqual([{ tokens: [token], prefix: false }]);
      expect(terms[0]!.words, q).toContain('示人社发〔2026〕40号');
    }
    expect(ftsQuery(queryTerms('示人社发〔2026〕40号'))).toBe(`("${token}")`);
    expect(tsQuery(queryTerms('示人社发〔2026〕40号'))).toBe(`(('${token}'))`);
    expect(queryTerms('示人社发 2026 40号').length).toBeGreaterThan(1);
  });

  it('puts the 文号 tokens after the body, before the filter tokens', () => {
    const doc = documentTokens('关于转发示人社发〔2026〕40号文件的通知', '正文', { year: '2026' });
    expect(doc.body.slice(0, 2)).toEqual(indexTokens('正文'));
    expect(doc.body.slice(2, -1)).toContain(token);
    expect(doc.body.at(-1)).toBe(filterTokens({ year: '2026' })[0]);
  });
});

describe('relevance, the same on both databases (CAT-4)', () => {
  const doc = (seq: number, title: string, bodyText: string) => ({ seq, title, bodyText });

  it('puts a title mention above body mentions, saturates repeats, and breaks ties by the newest', () => {
    const terms = queryTerms('失业保险金');
    const inTitle = doc(1, '关于发放失业保险金的通知', '现将有关事项通知如下。');
    const inBodyOnce = doc(2, '经办指南', '可以申领失业保险金。');
    const inBodyThrice = doc(3, '经办指南', '失业保险金。失业保险金。失业保险金。');
    const sameAsOnce = doc(4, '经办指南', '可以申领失业保险金。');
    expect(relevance(inTitle, terms)).toBeGreaterThan(relevance(inBodyThrice, terms));
    expect(byRelevance([inBodyOnce, inBodyThrice, sameAsOnce], terms).map((d) => d.seq)).toEqual([3, 4, 2]);
    expect(relevance(inBodyThrice, terms)).toBeLessThan(3 * relevance(inBodyOnce, terms));
  });

  it('CAT-4 leaves out passing mentions when some match has the words in its title, and keeps every match otherwise', () => {
    const terms = queryTerms('失业保险金');
    const inTitle = doc(1, '关于调整失业保险金标准的通知', '现将有关事项通知如下。');
    const once = doc(2, '基金运行情况', '全年支付失业保险金1.2亿元。');
    const twice = doc(3, '经办指南', '申领失业保险金须登记；失业保险金按月发放。');
    expect(byRelevance([once, twice, inTitle], terms).map((d) => d.seq)).toEqual([1, 3]);
    expect(byRelevance([once, twice], terms).map((d) => d.seq)).toEqual([3, 2]);
    const words = queryTerms('人才引进');
    const together = doc(4, '工作动态', '做好人才引进工作。');
    const apart = doc(5, '年度总结', '新引进高层次人才120名。');
    expect(byRelevance([apart, together, doc(6, '人才引进办法', '')], words).map((d) => d.seq)).toEqual([6, 4]);
  });

  it('CAT-4 keeps every item citing a 文号, even beside one with it in its title', () => {
    const terms = queryTerms('示人社发〔2026〕40号');
    const rows = [doc(1, '关于转发示人社发〔2026〕40号文件的通知', ''), doc(2, '工作动态', '根据示人社发〔2026〕40号要求。'), doc(3, '通知', '')];
    expect(byRelevance(rows, terms).map((d) => d.seq)).toEqual([1, 2, 3]);
  });

  it('counts a synonym as the word, and normalises full-width letters as the index does', () => {
    expect(relevance(doc(1, '社会保障卡挂失', ''), queryTerms('社保卡'))).toBe(relevance(doc(2, '社保卡挂失', ''), queryTerms('社保卡')));
    expect(relevance(doc(1, '', 'ＡＰＰ办理'), queryTerms('app'))).toBeGreaterThan(0);
  });
});

describe('where PostgreSQL asks its index from, after the first walk of the newest entries (CAT-4)', () => {
  it('samples about 2,000 entries of a large catalog, and the whole of a small one', () => {
    expect(samplePercent(1_000_000)).toBeCloseTo(0.2);
    expect(samplePercent(100_000)).toBeCloseTo(2);
    expect(samplePercent(2_000)).toBe(100);
    expect(samplePercent(0)).toBe(100);
  });
  it('bounds the index by the second newest match of the sample, about 1,000 matches at a million entries, then twice and four times as deep', () => {
    const sample = [990_000, 941_896, 941_860, 900_000, 800_000, 700_000, 600_000, 500_000, 400_000];
    expect(sampleBounds(sample)).toEqual([941_896, 900_000, 500_000]);
    expect(sampleBounds([941_896, 941_860])).toEqual([941_860]);
  });
  it('asks the whole index when the sample holds fewer matches: the scope holds few', () => {
    expect(sampleBounds([941_896])).toEqual([]);
    expect(sampleBounds([])).toEqual([]);
  });
});
