import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStixImporter } from '../../src/imports/stix/stix-importer.js';
import { findJsonSyntaxError } from '../../src/imports/stix/json-syntax-error.js';
import { simplifyTypeAnyOf } from '../../src/imports/stix/stix-schemas.js';
import { afterEach, describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const SCHEMAS = '/work/shared/data/stix2-json-schemas/schemas';
const HAVE_DATA = existsSync(SCHEMAS);
const title = HAVE_DATA ? 'STIX import of hostile and malformed input' : 'STIX import of hostile and malformed input (skipped: /work/shared/data is missing)';

const T = '2020-01-01T00:00:00.000Z';
const BUNDLE_ID = 'bundle--a1111111-2222-4333-8444-555555555555';
const identity = { type: 'identity', spec_version: '2.1', id: 'identity--a1111111-2222-4333-8444-000000000001', created: T, modified: T, name: 'Sender', identity_class: 'organization' };
const text = (objects: unknown[]): string => JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects });
const input = (body: string | Buffer, path = '/tmp/input.json') => ({ path, bytes: typeof body === 'string' ? Buffer.from(body) : body, fileHash: '0'.repeat(64) });
const importer = createStixImporter({ schemasDir: SCHEMAS });

const envBefore = process.env['PACTWATCH_STIX_SCHEMAS'];
afterEach(() => {
  if (envBefore === undefined) delete process.env['PACTWATCH_STIX_SCHEMAS'];
  else process.env['PACTWATCH_STIX_SCHEMAS'] = envBefore;
});

describe.skipIf(!HAVE_DATA)(title, () => {
  it('refuses ReDoS-shaped types before the schemas see them (the official type pattern backtracks exponentially)', async () => {
    // Near misses of ^([a-z][a-z0-9]*)+(-[a-z0-9]+)*\-?$ : each would take the core.json regex
    // seconds to minutes; the structural guard answers at once. Only the result is asserted.
    const hostileTypes = ['a'.repeat(30) + '!', 'a'.repeat(40) + '--', 'x-' + 'a1'.repeat(30) + '_', 'ab'.repeat(25) + '-A'];
    const objects = hostileTypes.map((type, i) => ({ ...identity, type, id: `${type}--a1111111-2222-4333-8444-00000000010${i}` }));
    const hostileExtension = { ...identity, id: 'identity--a1111111-2222-4333-8444-000000000200', extensions: { ['a'.repeat(40) + '!-ext']: { x: 1 } } };
    const parsed = await importer.parse(input(text([identity, ...objects, hostileExtension])));
    expect(parsed.units.map((u) => u.sourceId)).toEqual([identity.id]);
    expect(parsed.rejected).toHaveLength(5);
    expect(parsed.rejected.slice(0, 4).map((r) => r.field)).toEqual(['/type', '/type', '/type', '/type']);
    expect(parsed.rejected[0]?.reason).toBe(`type "${'a'.repeat(30)}!" is not a STIX type name (lower-case letters, digits, single hyphens)`);
    expect(parsed.rejected[0]?.locator).toBe(`object ${'a'.repeat(30)}!--a1111111-2222-4333-8444-000000000100`);
    expect(parsed.rejected[4]).toMatchObject({ locator: `object ${hostileExtension.id}`, field: '/extensions', reason: expect.stringContaining('is neither "<name>-ext" nor an extension-definition id') });
  });

  it('quarantines an object nested too deeply to serialise instead of crashing', async () => {
    const deep = `{"type": "bundle", "id": "${BUNDLE_ID}", "objects": [${JSON.stringify(identity)}, {"type": "x-deep", "id": "x-deep--a1111111-2222-4333-8444-000000000400", "nest": ${'['.repeat(20000)}${']'.repeat(20000)}}]}`;
    const parsed = await importer.parse(input(deep));
    expect(parsed.units.map((u) => u.sourceId)).toEqual([identity.id]);
    expect(parsed.rejected).toEqual([{ locator: 'object x-deep--a1111111-2222-4333-8444-000000000400', sourceId: 'x-deep--a1111111-2222-4333-8444-000000000400', field: '', reason: 'nested too deeply to be kept as JSON text (thousands of levels; STIX objects are a few levels deep)', raw: '"(not kept: nested too deeply to serialise)"' }]);
  });

  it('refuses bad ids and non-objects in the objects array, locating each', async () => {
    const parsed = await importer.parse(input(text([identity, 42, { ...identity, id: 'identity--not-a-uuid' }, { ...identity, id: 'malware--a1111111-2222-4333-8444-000000000001' }])));
    expect(parsed.rejected.map((r) => [r.locator, r.field])).toEqual([
      ['objects[1]', ''],
      ['object identity--not-a-uuid', '/id'],
      ['object malware--a1111111-2222-4333-8444-000000000001', '/id'],
    ]);
    expect(parsed.rejected[0]?.reason).toBe('a STIX object must be a JSON object, got number');
    expect(parsed.rejected[2]?.reason).toBe('id "malware--a1111111-2222-4333-8444-000000000001" must be "identity--" followed by a UUID (versions 1–5)');
  });

  it('fails a truncated file with VALIDATION_FAILED naming the line, column and byte offset', async () => {
    const body = JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects: [identity] }, null, 2);
    const truncated = body.slice(0, body.indexOf('"identity_class"') + 5);
    await expect(importer.parse(input(truncated, '/data/cut.json'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `/data/cut.json: not valid JSON at line 12, column 12 (byte offset ${truncated.length}): unexpected end of input (unterminated string)`,
    });
    await expect(importer.parse(input('{"type": "bundle",\n  "id": x}', '/data/bad.json'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '/data/bad.json: not valid JSON at line 2, column 9 (byte offset 27): unexpected character "x" where a value was expected' });
    const error = await importer.parse(input('[1, 2', '/data/arr.json')).catch((e: unknown) => e);
    expect(String((error as Error).message)).not.toContain('    at ');
  });

  it('fails files that are not STIX bundles or not UTF-8, by position', async () => {
    await expect(importer.parse(input('[]', '/d/a.json'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '/d/a.json: not a STIX 2.1 bundle: the top-level value is an array, not an object with "type": "bundle"' });
    await expect(importer.parse(input(JSON.stringify(identity), '/d/b.json'))).rejects.toMatchObject({ message: '/d/b.json: not a STIX 2.1 bundle: "type" is "identity", not "bundle" (a single STIX object must be wrapped in a bundle)' });
    await expect(importer.parse(input(JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [] }), '/d/c.json'))).rejects.toMatchObject({ message: '/d/c.json: not a STIX 2.1 bundle: "id" must be "bundle--" followed by a UUID, got "bundle--1"' });
    await expect(importer.parse(input(JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects: {} }), '/d/d.json'))).rejects.toMatchObject({ message: '/d/d.json: not a STIX 2.1 bundle: "objects" must be an array, got an object' });
    const latin1 = Buffer.concat([Buffer.from('{"type": "bundle",\n"id": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    await expect(importer.parse(input(latin1, '/d/e.json'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '/d/e.json: not valid UTF-8 at byte offset 29 (line 2); STIX JSON must be UTF-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]);
    await expect(importer.parse(input(utf16, '/d/f.json'))).rejects.toMatchObject({ message: '/d/f.json: the file is UTF-16 (byte-order mark at byte 0); STIX JSON must be UTF-8' });
    await expect(importer.parse(input('', '/d/g.json'))).rejects.toMatchObject({ message: '/d/g.json: the file is empty, not a STIX bundle' });
    const bom = await importer.parse(input(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text([identity]))])));
    expect(bom.units).toHaveLength(1);
    expect(bom.warnings[0]).toBe('the file starts with a UTF-8 byte-order mark, which JSON does not allow; it was ignored');
  });

  it('keeps custom x- objects raw, counts them as stored, and quarantines a schema failure with its field', async () => {
    const ws = workspace();
    const app = await ws.open();
    const custom = { type: 'x-acme-widget', spec_version: '2.1', id: 'x-acme-widget--a1111111-2222-4333-8444-000000000300', created: T, modified: T, widget_size: 7 };
    const customObservable = { type: 'x-acme-token', id: 'x-acme-token--a1111111-2222-4333-8444-000000000301', value: 'abc' };
    const badDate = { ...identity, id: 'identity--a1111111-2222-4333-8444-000000000302', created: 'yesterday' };
    const file = join(ws.dir, 'mixed.json');
    writeFileSync(file, text([identity, custom, customObservable, badDate]));
    const report = await app.imports.import({ file, format: 'stix' });
    expect(report).toMatchObject({ read: 4, stored: 3, updated: 0, unchanged: 0, quarantined: 1 });
    expect(report.problems).toEqual([{ file, path: `object ${badDate.id} /created`, reason: expect.stringContaining('/created must match pattern') }]);
    const stored = await app.db.selectFrom('source_object').select(['object_id', 'object_type', 'raw']).where('dataset', '=', `stix:${BUNDLE_ID}`).orderBy('object_id').execute();
    expect(stored.map((r) => r.object_type)).toEqual(['identity', 'x-acme-token', 'x-acme-widget']);
    expect(JSON.parse(stored[2]?.raw ?? '{}')).toEqual(custom);
  });

  it('imports older versions of an object into quarantine and the latest as the unit', async () => {
    const v1 = { ...identity, name: 'Old name' };
    const v2 = { ...identity, modified: '2021-01-01T00:00:00.000Z', name: 'New name' };
    const parsed = await importer.parse(input(text([v2, v1])));
    expect(parsed.units.map((u) => JSON.parse(u.raw).name)).toEqual(['New name']);
    expect(parsed.rejected).toEqual([{ locator: `object ${identity.id}`, sourceId: identity.id, field: '/modified', reason: `objects[1] is another version of ${identity.id} (modified ${T}); the version modified 2021-01-01T00:00:00.000Z at objects[0] was imported`, raw: JSON.stringify(v1) }]);
  });

  it('works with structural checks only when the schemas are absent, and says so', async () => {
    const missing = mkdtempSync(join(tmpdir(), 'no-schemas-'));
    const loose = createStixImporter({ schemasDir: missing });
    const badDate = { ...identity, created: 'yesterday' };
    const parsed = await loose.parse(input(text([badDate])));
    expect(parsed.units).toHaveLength(1);
    expect(parsed.warnings).toContain(`STIX 2.1 JSON schemas not available (none found at ${missing}; set PACTWATCH_STIX_SCHEMAS): objects were checked structurally only (type, id, extension keys), not against the OASIS schemas`);
    process.env['PACTWATCH_STIX_SCHEMAS'] = missing;
    await expect(createStixImporter().parse(input(text([identity])))).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: `PACTWATCH_STIX_SCHEMAS=${missing} is not a folder of STIX 2.1 JSON schemas (no common/core.json in it)` });
    process.env['PACTWATCH_STIX_SCHEMAS'] = SCHEMAS;
    expect((await createStixImporter().parse(input(text([badDate])))).rejected).toHaveLength(1);
  });
});

describe('STIX import helpers', () => {
  it('locates JSON syntax errors that V8 reports without a position', () => {
    expect(findJsonSyntaxError('{"a": [1, 2')).toEqual({ offset: 11, reason: 'unexpected end of input (the array opened earlier is not closed)' });
    expect(findJsonSyntaxError('{"a": tru }')).toEqual({ offset: 6, reason: 'unexpected character "t" where a value was expected' });
    expect(findJsonSyntaxError('{"a": "\u0001"}')).toEqual({ offset: 7, reason: 'control character in a string' });
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({ offset: 8, reason: 'expected a double-quoted property name' });
    expect(findJsonSyntaxError('{"a": 1} x')).toEqual({ offset: 9, reason: 'unexpected text after the JSON value' });
    expect(findJsonSyntaxError('{"a": [1, {"b": null}], "c": "\\u00e9\\n"}')).toBeUndefined();
  });

  it('rewrites a type-only anyOf as one type list, and leaves any other anyOf alone', () => {
    const typeOnly = { anyOf: [{ type: 'array', minItems: 1 }, { type: 'string' }, { type: 'integer' }], description: 'd' };
    expect(simplifyTypeAnyOf(typeOnly)).toEqual({ description: 'd', type: ['array', 'string', 'integer'], minItems: 1 });
    const other = { anyOf: [{ type: 'string', pattern: '^a' }, { type: 'integer' }] };
    expect(simplifyTypeAnyOf(other)).toEqual(other);
    expect(simplifyTypeAnyOf({ properties: { x: { anyOf: [{ type: 'string' }, { type: 'string' }] } } })).toEqual({ properties: { x: { anyOf: [{ type: 'string' }, { type: 'string' }] } } });
  });
});
