import { createDeflateRaw } from 'node:zlib';
import { readZip, writeZip } from './zip-archive.js';

/**
 * Fixed hostile inputs every run tries once per target: the giant and pathological cases random
 * mutation rarely reaches (10 MB fields, 10k-level nesting, 1M-column headers, zip bombs).
 */
export interface HostileInput {
  readonly name: string;
  readonly input: Buffer;
}

const TEN_MB = 10 * 1024 * 1024;
const nestedArrays = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Hostile variants of any text format. */
function common(): HostileInput[] {
  return [
    { name: 'empty file', input: Buffer.alloc(0) },
    { name: 'only a UTF-8 BOM', input: Buffer.from([0xef, 0xbb, 0xbf]) },
    { name: 'only NUL bytes', input: Buffer.alloc(4096) },
    { name: 'random binary', input: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2_654_435_761) >>> 24)) },
    { name: 'invalid UTF-8 sequences', input: Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80, 0xff]) },
  ];
}

/** Hostile JSON documents; `wrap` puts a hostile value where the format expects a field. */
export function hostileJson(seed: string, wrap: (value: string) => string): HostileInput[] {
  return [
    ...common(),
    { name: '10k-level nested arrays (whole document)', input: Buffer.from(nestedArrays(10_000)) },
    { name: '10k-level nested objects in a field', input: Buffer.from(wrap(nestedObjects(10_000))) },
    { name: '10k-level nested arrays in a field', input: Buffer.from(wrap(nestedArrays(10_000))) },
    { name: '10 MB string field', input: Buffer.from(wrap(JSON.stringify('x'.repeat(TEN_MB)))) },
    { name: 'ReDoS-shaped string field', input: Buffer.from(wrap(JSON.stringify(`${'a'.repeat(50_000)}!`))) },
    { name: 'NUL in a string field', input: Buffer.from(wrap('"a\\u0000b"')) },
    { name: 'lone surrogate in a string field', input: Buffer.from(wrap('"\\ud800"')) },
    { name: 'truncated in the middle', input: Buffer.from(seed.slice(0, Math.floor(seed.length / 2))) },
    { name: 'UTF-16LE with a BOM', input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]) },
    { name: 'Latin-1 accents', input: Buffer.from(seed.replace(/a/g, 'á'), 'latin1') },
    { name: 'JSON null', input: Buffer.from('null') },
    { name: 'JSON array at top', input: Buffer.from('[1,2,3]') },
    { name: 'JSON string at top', input: Buffer.from('"bundle"') },
    { name: '__proto__ keys', input: Buffer.from(wrap('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}')) },
  ];
}

/** Hostile CSV sheets (the CFR header is kept where the test needs the preset to match). */
export function hostileCsv(header: string, row: string): HostileInput[] {
  return [
    ...common(),
    { name: 'header with 1M columns', input: Buffer.from(`${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n1,2,3\n`) },
    { name: '10 MB cell', input: Buffer.from(`${header}\n"${'x'.repeat(TEN_MB)}",${row.split(',').slice(1).join(',')}\n`) },
    { name: 'unbalanced quote at the start', input: Buffer.from(`${header}\n"${row}\n${row}\n`) },
    { name: 'quote never closed over 8 MB', input: Buffer.from(`${header}\n"${'y,'.repeat(4_500_000)}\n`) },
    { name: 'ReDoS-shaped cells', input: Buffer.from(`${header}\n${'a'.repeat(50_000)}!,${'1'.repeat(30_000)}/x,${'('.repeat(5_000)},${' '.repeat(50_000)}.,,,${'.'.repeat(50_000)},,,,,\n`) },
    { name: '100k empty rows', input: Buffer.from(`${header}\n${',,,,,,,,,,,\n'.repeat(100_000)}`) },
    { name: 'NUL bytes in cells', input: Buffer.from(`${header}\n${row.replace(/o/g, '\u0000')}\n`) },
    { name: 'UTF-16LE with a BOM', input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n${row}\n`, 'utf16le')]) },
    { name: 'Latin-1 text', input: Buffer.from(`${header}\n${row.replace('Cloud', 'Clöud')}\n`, 'latin1') },
    { name: 'CR-only line ends', input: Buffer.from(`${header}\r${row}\r`) },
    { name: 'formula cells', input: Buffer.from(`${header}\n=cmd|' /C calc'!A0,@SUM(1),+1,-1,,United States,China,Espionage,Government,,,\n`) },
  ];
}

/** Deflates `bytes` zeros in chunks, so a 1 GB entry never sits in memory uncompressed. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!deflate.write(chunk.subarray(0, Math.min(chunk.length, bytes - written)))) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** Zip bombs and broken archives built from the seed workbook. */
export async function hostileXlsx(workbook: Buffer): Promise<HostileInput[]> {
  const entries = readZip(workbook);
  const sheetName = entries.find((e) => /xl\/worksheets\/sheet\d+\.xml$/.test(e.name))?.name ?? 'xl/worksheets/sheet1.xml';
  const others = entries.filter((e) => e.name !== sheetName);
  const gigabyte = 1024 * 1024 * 1024;
  const bomb = await deflatedZeros(gigabyte);
  const entityBomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
  const deepSheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row>'.repeat(10_000)}${'</row>'.repeat(10_000)}</sheetData></worksheet>`;
  return [
    ...common(),
    { name: 'zip bomb: sheet inflates to 1 GB (declared honestly)', input: writeZip([...others, { name: sheetName, data: Buffer.alloc(0), deflated: bomb, declared: gigabyte, crc: 0 }]) },
    { name: 'zip bomb: sheet inflates to 1 GB (declares 2 KB)', input: writeZip([...others, { name: sheetName, data: Buffer.alloc(0), deflated: bomb, declared: 2048, crc: 0 }]) },
    { name: 'zip bomb: 5,000 entries of 50 KB each', input: writeZip([...entries, ...Array.from({ length: 5_000 }, (_, i) => ({ name: `xl/media/pad${i}.bin`, data: Buffer.alloc(50_000) }))]) },
    { name: 'billion laughs in the sheet XML', input: writeZip([...others, { name: sheetName, data: Buffer.from(entityBomb) }]) },
    { name: '10k-level nested sheet XML', input: writeZip([...others, { name: sheetName, data: Buffer.from(deepSheet) }]) },
    { name: 'truncated archive', input: workbook.subarray(0, Math.floor(workbook.length / 2)) },
    { name: 'archive without a workbook part', input: writeZip(entries.filter((e) => e.name !== 'xl/workbook.xml')) },
    { name: 'empty sheet XML', input: writeZip([...others, { name: sheetName, data: Buffer.alloc(0) }]) },
    { name: 'sheet XML is binary noise', input: writeZip([...others, { name: sheetName, data: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 2_654_435_761) >>> 24)) }]) },
  ];
}

/** Hostile curated-dataset YAML. */
export function hostileYaml(seed: string): HostileInput[] {
  const laughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`;
  return [
    ...common(),
    { name: 'billion laughs (aliases)', input: Buffer.from(`${seed}${laughs.replace(/^a:/, 'x_a:')}`) },
    { name: '10k-level nested flow sequence', input: Buffer.from(`${seed}extra: ${nestedArrays(10_000)}\n`) },
    { name: '10k-level nested block mapping', input: Buffer.from(Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')) },
    { name: '10 MB field (over the file limit)', input: Buffer.from(seed.replace('Something happened.', 'x'.repeat(TEN_MB))) },
    { name: '1 MB field', input: Buffer.from(seed.replace('Something happened.', 'x'.repeat(1024 * 1024))) },
    { name: 'ReDoS-shaped title', input: Buffer.from(seed.replace(/^title: .*$/m, `title: "${'a'.repeat(50_000)}!"`)) },
    { name: 'custom tags', input: Buffer.from(`${seed}extra: !!js/function "function(){}"\nother: !!python/object:os.system [ls]\n`) },
    { name: 'duplicated keys', input: Buffer.from(`${seed}id: other-id\n`) },
    { name: 'tabs for indentation', input: Buffer.from(seed.replace(/^ {2}/gm, '\t')) },
    { name: 'several documents', input: Buffer.from(`${seed}---\n${seed}`) },
    { name: 'NUL in a value', input: Buffer.from(seed.replace('Something', 'Some\u0000thing')) },
    { name: 'wrong types everywhere', input: Buffer.from('id: [1]\ntitle: {a: 1}\nperiod: 3\nactivities: x\nmeans: null\nattributions: 7\n') },
    { name: 'Latin-1 text', input: Buffer.from(seed.replace('happened', 'happéned'), 'latin1') },
  ];
}

/** Hostile RSS/Atom documents. */
export function hostileFeeds(): HostileInput[] {
  const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&lol9;</title><item><title>x</title></item></channel></rss>`;
  return [
    ...common(),
    { name: 'billion laughs', input: Buffer.from(laughs) },
    { name: 'external entity', input: Buffer.from('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>') },
    { name: '10k-level nesting', input: Buffer.from(`<rss version="2.0"><channel>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}</channel></rss>`) },
    { name: '10 MB title', input: Buffer.from(`<rss version="2.0"><channel><item><title>${'x'.repeat(TEN_MB)}</title></item></channel></rss>`) },
    { name: '50k items', input: Buffer.from(`<rss version="2.0"><channel>${'<item><title>t</title><link>https://example.org/x</link></item>'.repeat(50_000)}</channel></rss>`) },
    { name: 'ReDoS-shaped text and attributes', input: Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>${'a'.repeat(50_000)}!</title><link href="${'a.'.repeat(20_000)}"/><content>${'<'.repeat(1)}${' '.repeat(50_000)}</content></entry></feed>`) },
    { name: 'unclosed CDATA', input: Buffer.from('<rss version="2.0"><channel><item><description><![CDATA[never closed</description></item></channel></rss>') },
    { name: 'attribute with a 100k name', input: Buffer.from(`<rss version="2.0" ${'a'.repeat(100_000)}="1"><channel/></rss>`) },
  ];
}
