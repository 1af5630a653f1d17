import { createHash } from 'node:crypto';

/** A slug id for a record of an external dataset: readable, stable, at most 80 characters. */
export function importedRecordId(dataset: string, recordId: string): string {
  const slug = `${dataset}-${recordId}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80 && slug !== '') return slug;
  // Long or empty ids keep a readable prefix and a hash of the full id, so they stay unique.
  const hash = createHash('sha256').update(`${dataset}\u0000${recordId}`).digest('hex').slice(0, 12);
  return `${slug.slice(0, 66).replace(/-+$/, '')}-${hash}`;
}
