import { randomBytes } from 'node:crypto';
import { lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PactwatchError } from '@pactwatch/domain';

/**
 * Writes `body` to `target` whole or not at all: into a new file beside it, then renamed over it.
 * The temporary name is random and opened with O_EXCL (`wx`), so a file or symbolic link planted
 * under a guessable name is never written through; rename replaces a link at `target` itself and
 * never writes into the file it points to.
 */
export function writeFileAtomically(target: string, body: string | Uint8Array, option: string): void {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    writeFileSync(temporary, body, { flag: 'wx' });
    created = true;
    renameSync(temporary, target);
  } catch (error) {
    // Only a file this call created is removed: never one that was already there.
    if (created) rmSync(temporary, { force: true });
    const reason = error instanceof Error && 'code' in error ? String(error.code) : error instanceof Error ? error.message : String(error);
    throw new PactwatchError('FILE_ERROR', `${option}: could not write ${target} (${reason})`, { cause: error });
  }
}

/** Whether `path` is itself a symbolic link (lstat: the link, not what it points to). */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
