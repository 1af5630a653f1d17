// Writes the published JSON Schemas of the curated dataset (data/schema/<kind>.schema.json)
// from the domain's zod schemas. Run `npm run schema` after changing the model; a test fails
// while the published files and the model disagree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { DATASET_KINDS, datasetJsonSchema } from '@pactwatch/domain';

const dir = new URL('../data/schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const { kind } of DATASET_KINDS) {
  const file = new URL(`${kind}.schema.json`, dir);
  writeFileSync(file, `${JSON.stringify(datasetJsonSchema(kind), null, 2)}\n`);
  console.log(`wrote data/schema/${kind}.schema.json`);
}
