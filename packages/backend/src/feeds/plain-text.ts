// HTML (item bodies, saved pages) to plain text for the extractor. Written as scans with indexOf
// and simple character-class patterns, never nested quantifiers, so a hostile page cannot make it
// backtrack: every pass is linear in the input.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß', ccedil: 'ç',
};

/** Decodes character references; unknown names are left as written rather than guessed. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      // Surrogates, NUL and out-of-range code points are not characters: keep the reference visible.
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** The next `<name` (or `</name`) that is the whole tag name: `<head` must not match `<header`. */
function findTag(lower: string, prefix: string, from: number): number {
  let at = from;
  for (;;) {
    const i = lower.indexOf(prefix, at);
    if (i < 0) return -1;
    const next = lower[i + prefix.length];
    if (next === undefined || next === '>' || next === '/' || /\s/.test(next)) return i;
    at = i + 1;
  }
}

/** Removes `<tag …>…</tag>` blocks (script, style, …) by scanning, case-insensitively. */
function dropBlocks(html: string, tags: readonly string[]): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  // Each tag's next opening is remembered until passed, so the scan stays linear with many blocks.
  const next = new Map<string, number>();
  for (;;) {
    let start = -1;
    let tag = '';
    for (const t of tags) {
      let i = next.get(t) ?? 0;
      if (i >= 0 && i < at) i = findTag(lower, `<${t}`, at);
      else if (!next.has(t)) i = findTag(lower, `<${t}`, at);
      next.set(t, i);
      if (i >= 0 && (start < 0 || i < start)) {
        start = i;
        tag = t;
      }
    }
    if (start < 0) break;
    out += html.slice(at, start);
    const end = findTag(lower, `</${tag}`, start);
    if (end < 0) return out;
    const close = lower.indexOf('>', end);
    at = close < 0 ? html.length : close + 1;
  }
  return out + html.slice(at);
}

function dropComments(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = html.indexOf('<!--', at);
    if (start < 0) return out + html.slice(at);
    out += html.slice(at, start);
    const end = html.indexOf('-->', start + 4);
    if (end < 0) return out;
    at = end + 3;
  }
}

const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr|dd|dt)\b[^>]*>/gi;

/**
 * Control characters other than tab and newline carry no meaning in prose, and PostgreSQL text
 * cannot hold NUL: they are removed before anything is stored.
 */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Collapses runs of spaces within lines and of blank lines between them. */
function tidy(text: string): string {
  return stripControls(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** The readable text of an HTML fragment or page: scripts, styles and markup removed, entities decoded. */
export function htmlToText(html: string): string {
  const withoutCode = dropBlocks(dropComments(html), ['script', 'style', 'noscript', 'template', 'svg', 'head']);
  const withBreaks = withoutCode.replace(/\r\n?/g, '\n').replace(BLOCK_TAG, '\n').replace(/<[^>]*>/g, ' ');
  return tidy(decodeEntities(withBreaks));
}

/** A page's title: `<title>`, else its first `<h1>`, as text. */
export function htmlTitle(html: string): string | undefined {
  const lower = html.toLowerCase();
  for (const tag of ['title', 'h1']) {
    const open = findTag(lower, `<${tag}`, 0);
    if (open < 0) continue;
    const start = lower.indexOf('>', open);
    const end = findTag(lower, `</${tag}`, start);
    if (start < 0 || end < 0) continue;
    const text = tidy(decodeEntities(html.slice(start + 1, end).replace(/<[^>]*>/g, ' '))).replace(/\n/g, ' ');
    if (text !== '') return text;
  }
  return undefined;
}

/** Whether a feed's text field holds markup (feeds mix escaped HTML and plain text freely). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[A-Za-z][A-Za-z0-9]*[\s>/]/.test(text) || /&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);/.test(text);
}

export function toPlainText(text: string): string {
  return looksLikeHtml(text) ? htmlToText(text) : tidy(text);
}
