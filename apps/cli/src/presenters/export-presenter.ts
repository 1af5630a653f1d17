import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ExportResult } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { writeFileAtomically } from './atomic-file.js';

/** One line for stderr after writing a file: what went where. */
export function exportSummary(result: ExportResult, out: string): string {
  const counts = Object.entries(result.counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return `pactwatch: wrote ${result.format} export (${counts}) to ${out}`;
}

/**
 * Checks `--out` before any work: the folder must exist (export never creates folders, so a
 * mistyped or `../`-laden path fails instead of scattering files) and the name must not be a
 * folder. Returns the absolute path.
 */
export function exportTarget(out: string): string {
  const target = resolve(out);
  if (out.endsWith('/') || out.endsWith('\\') || (existsSync(target) && statSync(target).isDirectory())) {
    throw new PactwatchError('FILE_ERROR', `--out ${out}: is a folder; give a file name such as ${join(out, 'pactwatch-export.json')}`);
  }
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new PactwatchError('FILE_ERROR', `--out ${out}: folder ${folder} does not exist; create it first (export does not create folders)`);
  }
  return target;
}

/** Writes the export whole or not at all: beside the target first, then renamed over it. */
export function writeExportFile(out: string, text: string): void {
  const target = exportTarget(out);
  // A random O_EXCL temporary (atomic-file.ts): a planted link under a guessable name is never written through.
  writeFileAtomically(target, text, `--out ${out}`);
}
