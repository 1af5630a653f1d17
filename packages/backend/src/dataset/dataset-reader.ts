import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { DATASET_KINDS, datasetKindOfFolder, PactwatchError, type DatasetKind } from '@pactwatch/domain';
import { firstInvalidByte } from '../util/utf8.js';

export interface DatasetFile {
  readonly kind: DatasetKind;
  /** Path relative to the dataset folder (or the absolute path for a lone file). */
  readonly file: string;
  readonly absolutePath: string;
  readonly text: string;
  /** Why the bytes are not a text file (invalid UTF-8): the checker rejects the record with it. */
  readonly unreadable?: { readonly reason: string; readonly line: number };
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const isYaml = (name: string): boolean => name.endsWith('.yaml') || name.endsWith('.yml');

/**
 * Reads a record file as UTF-8. Invalid bytes are not silently replaced (a name would change
 * without anyone noticing): the text is kept, lossily decoded, for the quarantine, with the reason.
 */
function readText(absolutePath: string, shown: string): Pick<DatasetFile, 'text' | 'unreadable'> {
  const size = statSync(absolutePath).size;
  if (size > MAX_FILE_BYTES) throw new PactwatchError('VALIDATION_FAILED', `${shown}: file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for one record`);
  const bytes = readFileSync(absolutePath);
  const at = firstInvalidByte(bytes);
  if (at === bytes.length) return { text: bytes.toString('utf8') };
  const line = bytes.subarray(0, at).toString('utf8').split('\n').length;
  return { text: bytes.toString('utf8'), unreadable: { reason: `not valid UTF-8 (byte ${at}, line ${line}); save the file as UTF-8`, line } };
}

/**
 * Lists the dataset's record files: `<dir>/<kind folder>/<id>.yaml`. A single file is accepted
 * too, its kind taken from its folder's name. Other files (README, schema/) are not records.
 */
export function readDatasetFiles(path: string): DatasetFile[] {
  if (!existsSync(path)) throw new PactwatchError('FILE_ERROR', `${path}: no such file or folder`);
  if (statSync(path).isFile()) {
    const kind = datasetKindOfFolder(basename(dirname(path)));
    if (kind === undefined) {
      throw new PactwatchError('VALIDATION_FAILED', `${path}: cannot tell the record kind; put the file in one of ${DATASET_KINDS.map((k) => `${k.folder}/`).join(', ')}`);
    }
    return [{ kind, file: path, absolutePath: path, ...readText(path, path) }];
  }
  const files: DatasetFile[] = [];
  for (const { kind, folder } of DATASET_KINDS) {
    const dir = join(path, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!isYaml(name)) continue;
      const absolutePath = join(dir, name);
      const file = relative(path, absolutePath);
      files.push({ kind, file, absolutePath, ...readText(absolutePath, file) });
    }
  }
  return files;
}
