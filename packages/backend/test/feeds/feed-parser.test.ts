import { htmlToText, parseFeed } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { atom, rss } from './fixture-server.js';

const URL = 'http://127.0.0.1:9/feed.xml';

describe('feed parsing', () => {
  it('reads RSS 2.0 items: guid as key, HTML description as plain text, RFC 822 date as ISO', () => {
    const feed = parseFeed(rss([{ id: 'g-1', title: 'One &amp; two', text: 'Hello <b>world</b> &eacute;t&eacute;' }]), URL);
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Fixture RSS');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ key: 'g-1', title: 'One & two', link: 'https://news.example/g-1', published: '2025-06-10T09:00:00.000Z', text: 'Hello world été' });
  });

  it('reads Atom entries: id as key, the alternate link, published date, HTML content as text', () => {
    const feed = parseFeed(atom([{ id: 'urn:e:1', title: 'Entry', text: 'Body <i>text</i>' }]), URL);
    expect(feed.kind).toBe('atom');
    expect(feed.items[0]).toMatchObject({ key: 'urn:e:1', title: 'Entry', link: 'https://atom.example/urn:e:1', published: '2025-06-10T09:00:00.000Z', text: 'Body text' });
  });

  it('keys an item without guid by its link, and one without either by a content hash', () => {
    const xml = '<rss version="2.0"><channel><title>t</title><item><title>A</title><link>https://x.example/a</link></item><item><title>B</title><description>b</description></item></channel></rss>';
    const [a, b] = parseFeed(xml, URL).items;
    expect(a?.key).toBe('https://x.example/a');
    expect(b?.key).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses malformed XML with FEED_MALFORMED naming the feed URL, line and column', () => {
    const broken = '<?xml version="1.0"?>\n<rss version="2.0">\n<channel><title>t</title>\n<item><title>unclosed</item>\n</channel></rss>';
    let caught: unknown;
    try {
      parseFeed(broken, URL);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PactwatchError);
    expect(caught).toMatchObject({ code: 'FEED_MALFORMED' });
    expect((caught as Error).message).toContain(URL);
    expect((caught as Error).message).toMatch(/line 4, column \d+/);
  });

  it('refuses a well-formed document that is neither RSS nor Atom, naming its root', () => {
    expect(() => parseFeed('<html><body>hi</body></html>', URL)).toThrow(/neither RSS 2.0 nor Atom: its root element is <html>/);
  });

  it('bounds entity expansion: a "billion laughs" document fails instead of expanding', () => {
    const lol = ['<!ENTITY a "lollollollollollollollollollol">'];
    for (let i = 1; i < 9; i += 1) lol.push(`<!ENTITY ${String.fromCharCode(97 + i)} "${`&${String.fromCharCode(96 + i)};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [${lol.join('\n')}]>\n<rss version="2.0"><channel><title>&i;</title></channel></rss>`;
    let result: unknown;
    try {
      result = parseFeed(xml, URL);
    } catch (error) {
      result = error;
    }
    // Either refused, or the entity left unexpanded: never the 10^9-character title.
    if (result instanceof PactwatchError) expect(result.code).toBe('FEED_MALFORMED');
    else expect(((result as { title?: string }).title ?? '').length).toBeLessThan(300_000);
  });

  it('never resolves an external entity: the document is refused', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>t</title><item><title>a &xxe; b</title><guid>g</guid></item></channel></rss>';
    expect(() => parseFeed(xml, URL)).toThrow(/could not be parsed: External entities are not supported/);
  });

  it('hashes an overlong guid into a bounded key, and drops control characters from text', () => {
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>T\u0001itle</title><guid>${'g'.repeat(2_000)}</guid></item></channel></rss>`;
    const [item] = parseFeed(xml, URL).items;
    expect(item?.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(item?.title).toBe('Title');
  });

  it('turns HTML into readable text without scripts, styles or comments', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><header>Top</header><!-- hidden --><p>First&nbsp;para</p><script>alert(1)</script><p>Second &#8211; para</p></body></html>';
    expect(htmlToText(html)).toBe('Top\n\nFirst para\n\nSecond – para');
  });
});
