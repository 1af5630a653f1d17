import { createHash } from 'node:crypto';
import { PactwatchError } from '@pactwatch/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceItem } from './feed-types.js';
import { toPlainText } from './plain-text.js';

export interface ParsedFeed {
  readonly kind: 'rss' | 'atom';
  readonly title: string | undefined;
  readonly items: readonly SourceItem[];
}

// Entities: fast-xml-parser never resolves external (SYSTEM/PUBLIC) entities; internal DTD
// entities are expanded within these bounds, so a "billion laughs" document fails instead of
// filling memory.
const ENTITY_LIMITS = { enabled: true, maxEntitySize: 1_000, maxEntityCount: 50, maxTotalExpansions: 1_000, maxExpandedLength: 200_000, maxExpansionDepth: 5 } as const;

const MAX_KEY_LENGTH = 500;

const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'category']);

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: ENTITY_LIMITS,
    isArray: (name) => ARRAY_TAGS.has(name),
  });
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text node, whether the parser gave a plain string or an element with attributes (`#text`). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (isNode(value)) return textOf(value['#text']);
  return undefined;
}

function clean(value: unknown): string | undefined {
  const text = textOf(value)?.trim();
  return text === undefined || text === '' ? undefined : text;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** ISO 8601 when the feed's date parses (RFC 822 in RSS, RFC 3339 in Atom), else its text as given. */
function isoDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : raw;
}

export function contentHash(...parts: ReadonlyArray<string | undefined>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part ?? '').update('\u0000');
  return hash.digest('hex');
}

function item(fields: { id: string | undefined; title: string | undefined; link: string | undefined; published: string | undefined; body: string | undefined }): SourceItem {
  const text = toPlainText(fields.body ?? '');
  const title = toPlainText(fields.title ?? '').replace(/\n/g, ' ');
  const hash = contentHash(title, text, fields.link);
  const given = fields.id ?? fields.link;
  // Keys are indexed; PostgreSQL's btree refuses entries over ~2.7 kB, so long ones are hashed.
  const key = given === undefined ? `sha256:${hash}` : given.length <= MAX_KEY_LENGTH ? given : `sha256:${contentHash(given)}`;
  return { key, title, link: fields.link, published: isoDate(fields.published), text, contentHash: hash };
}

function rssItems(channel: Node): SourceItem[] {
  return asArray(channel['item']).filter(isNode).map((node) =>
    item({
      id: clean(node['guid']),
      title: clean(node['title']),
      link: clean(node['link']),
      published: clean(node['pubDate']) ?? clean(node['dc:date']),
      // The full text when the feed carries it, else the summary.
      body: clean(node['content:encoded']) ?? clean(node['description']),
    }),
  );
}

/** Atom links: the `alternate` one (or the first without a rel) is the article. */
function atomLink(links: unknown): string | undefined {
  const nodes = asArray(links).filter(isNode);
  const alternate = nodes.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? nodes[0];
  return alternate === undefined ? undefined : clean(alternate['@_href']);
}

function atomItems(feed: Node): SourceItem[] {
  return asArray(feed['entry']).filter(isNode).map((node) =>
    item({
      id: clean(node['id']),
      title: clean(node['title']),
      link: atomLink(node['link']),
      published: clean(node['published']) ?? clean(node['updated']),
      body: clean(node['content']) ?? clean(node['summary']),
    }),
  );
}

/**
 * Parses an RSS 2.0 or Atom document. A malformed document fails with FEED_MALFORMED naming the
 * feed and the parser's line and column; a well-formed document of another kind names its root.
 */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new PactwatchError('FEED_MALFORMED', `the feed ${feedUrl} is not well-formed XML at line ${line}, column ${col}: ${msg}`, { problems: [{ file: feedUrl, line, reason: `column ${col}: ${msg}` }] });
  }
  let document: unknown;
  try {
    document = parser().parse(xml);
  } catch (error) {
    // Entity limits and other refusals of the parser itself.
    throw new PactwatchError('FEED_MALFORMED', `the feed ${feedUrl} could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isNode(document)) throw new PactwatchError('FEED_MALFORMED', `the feed ${feedUrl} is empty`);
  const rss = document['rss'];
  if (isNode(rss)) {
    const channel = asArray(rss['channel']).find(isNode);
    if (channel === undefined) throw new PactwatchError('FEED_MALFORMED', `the feed ${feedUrl} is RSS without a <channel> element`);
    return { kind: 'rss', title: clean(channel['title']), items: rssItems(channel) };
  }
  const atom = document['feed'];
  // An empty <feed/> parses to a string: a feed with no entries yet, not an error.
  if (atom !== undefined) return { kind: 'atom', title: isNode(atom) ? clean(atom['title']) : undefined, items: isNode(atom) ? atomItems(atom) : [] };
  const root = Object.keys(document).find((k) => !k.startsWith('?') && !k.startsWith('!')) ?? '(none)';
  throw new PactwatchError('FEED_MALFORMED', `the feed ${feedUrl} is neither RSS 2.0 nor Atom: its root element is <${root}>`);
}
