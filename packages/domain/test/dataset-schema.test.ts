import { readFileSync } from 'node:fs';
import { DATASET_KINDS, datasetJsonSchema } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

describe('published dataset JSON Schemas', () => {
  it.each(DATASET_KINDS.map((k) => k.kind))('data/schema/%s.schema.json matches the model (run `npm run schema` if not)', (kind) => {
    const published = JSON.parse(readFileSync(new URL(`../../../data/schema/${kind}.schema.json`, import.meta.url), 'utf8')) as unknown;
    expect(published).toEqual(datasetJsonSchema(kind));
  });

  it('declares draft 2020-12 and rejects unknown fields', () => {
    const schema = datasetJsonSchema('incident');
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['additionalProperties']).toBe(false);
  });
});
