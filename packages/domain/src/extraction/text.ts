import { MAX_ARTICLE_CHARS, MAX_SENTENCE_CHARS } from './limits.js';

/** One sentence of an article: its index (the title is sentence 0) and its normalised text. */
export interface ArticleSentence {
  readonly index: number;
  readonly text: string;
}

/**
 * Curly quotes and dashes straightened and whitespace folded to single spaces: every rule can
 * then be written with one literal space and one apostrophe, which keeps the patterns free of
 * nested quantifiers. Character positions change, which is fine: sentences are quoted from this text.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Abbreviations whose final full stop does not end a sentence ("U.S. officials", "Mr. Smith"). */
const ABBREVIATIONS = new Set(['U.S.', 'U.K.', 'U.N.', 'E.U.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'St.', 'Gen.', 'Lt.', 'Col.', 'Inc.', 'Ltd.', 'Corp.', 'Co.', 'No.', 'vs.', 'e.g.', 'i.e.', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']);

/** Splits normalised text into sentences at ". ", "! ", "? " followed by a capital, digit or quote. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const boundary = /[.!?]["')\]]? (?=["'(A-Z0-9])/g;
  let start = 0;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const end = match.index + match[0].length - 1;
    const lastWord = text.slice(text.lastIndexOf(' ', match.index) + 1, match.index + 1);
    if (ABBREVIATIONS.has(lastWord)) continue;
    out.push(text.slice(start, end));
    start = end + 1;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function chunks(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE_CHARS) return [sentence];
  const parts: string[] = [];
  for (let i = 0; i < sentence.length; i += MAX_SENTENCE_CHARS) parts.push(sentence.slice(i, i + MAX_SENTENCE_CHARS));
  return parts;
}

export interface ArticleText {
  readonly sentences: readonly ArticleSentence[];
  /** True when title + text were longer than MAX_ARTICLE_CHARS and the rest was not read. */
  readonly truncated: boolean;
}

/**
 * The title is sentence 0 (headlines name sponsors and victims too); the text follows. At most
 * twice the remaining budget is normalised (a cheap bound on pathological input), and at most the
 * budget of normalised text is read.
 */
export function articleSentences(title: string, text: string): ArticleText {
  const normalisedTitle = normaliseText(title);
  const cleanTitle = normalisedTitle.slice(0, MAX_ARTICLE_CHARS);
  const budget = MAX_ARTICLE_CHARS - cleanTitle.length;
  const rawText = text.length > budget * 2 ? text.slice(0, budget * 2) : text;
  const cleanText = normaliseText(rawText);
  const body = cleanText.slice(0, budget);
  const truncated = normalisedTitle.length > cleanTitle.length || rawText.length < text.length || body.length < cleanText.length;
  const texts = [...(cleanTitle === '' ? [] : [cleanTitle]), ...splitSentences(body)].flatMap(chunks);
  return { sentences: texts.map((t, index) => ({ index, text: t })), truncated };
}
