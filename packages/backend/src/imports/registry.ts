import type { Importer } from './import-types.js';
import { mispGalaxyImporter } from './misp/misp-galaxy-importer.js';
import { jsonImporter } from './native/json-importer.js';
import type { Config } from '../config/config.js';
import { createStixImporter } from './stix/stix-importer.js';
import { csvImporter, xlsxImporter } from './tabular/tabular-importer.js';

/** The import formats, by the name `--format` takes. */
export function defaultImporters(config?: Pick<Config, 'stixSchemasDir'>): ReadonlyMap<string, Importer> {
  // The environment is read once, by config; the importer gets the folder or looks beside the repository.
  const stix = createStixImporter(config?.stixSchemasDir === undefined ? { env: {} } : { schemasDir: config.stixSchemasDir });
  return new Map([stix, mispGalaxyImporter, csvImporter, xlsxImporter, jsonImporter].map((i) => [i.format, i] as const));
}
