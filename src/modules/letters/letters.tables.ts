/**
 * Row types of the letter tables. Moments are ISO-8601 UTC strings on both databases.
 */

/** 文书模板: what an agency's office sets for the letters it issues. An empty text means "the default". */
export interface LetterTemplateTable {
  agency_id: string;
  /** 发文字号 pattern with `{年}` and `{号}`, e.g. `示人社公开〔{年}〕{号}号`. */
  number_pattern: string;
  /** 落款: the name printed where the seal goes; empty for the agency's own name. */
  signature_name: string;
  contact_person: string;
  /** Empty for the agency's published phone. */
  contact_phone: string;
  /** 行政复议机关; empty for the one read off the agency's name. */
  reconsideration_body: string;
  /** The court named for a lawsuit; empty for 人民法院. */
  court: string;
  /** 成文日期 in Chinese numerals (二〇二六年十二月四日) or Arabic numerals (2026年12月4日). */
  date_style: 'chinese' | 'arabic';
  updated_by: string | null;
  updated_at: string;
}

/** The last 发文字号 sequence number an agency used in a year: numbers go up and are never reused. */
export interface LetterSequenceTable {
  agency_id: string;
  year: number;
  last: number;
}
