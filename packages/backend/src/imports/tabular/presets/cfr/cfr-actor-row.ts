import { spellingKey } from '@pactwatch/domain';
import type { ImportedActor } from '../../../import-types.js';
import type { RowView } from '../../table/table.js';
import { acceptRow, type RowOutcome } from '../../table/unit-builder.js';
import { splitValues } from '../../values/multi-value.js';
import { urlSources } from '../../values/source-links.js';
import { resolveStateNames, splitCountryNames } from '../../values/state-names.js';
import { clip } from '../../values/text-clip.js';
import { CFR_COLUMNS, CFR_DEFAULTS } from './cfr-code-books.js';

/** An actor profile row → an Actor: Title is the name, Affiliations the other names. */
export function mapCfrActorRow(view: RowView, recordId: string): RowOutcome {
  const name = clip(view.get(...CFR_COLUMNS.title), 200);
  const notes: string[] = ['actor profile row: no date, victims, type or category'];
  const aliases = splitValues(view.get(...CFR_COLUMNS.affiliations), ',')
    .map((alias) => clip(alias, 200))
    .filter((alias, index, all) => spellingKey(alias) !== spellingKey(name) && all.findIndex((a) => spellingKey(a) === spellingKey(alias)) === index);
  const sponsors = resolveStateNames(splitCountryNames(view.get(...CFR_COLUMNS.sponsor), ','), 'sponsor');
  notes.push(...sponsors.notes);
  for (const unknown of sponsors.unresolved) notes.push(`sponsor '${unknown}' is not a known country: no sponsor taken from it`);
  const sponsor = sponsors.codes.length === 1 ? sponsors.codes[0] : undefined;
  if (sponsors.codes.length > 1) notes.push(`sponsor names several states (${sponsors.codes.join(', ')}): an actor has one sponsor, so none is set`);
  const cited = urlSources(CFR_COLUMNS.sources.map((c) => view.get(...c)), `Cited by CFR for "${name}"`);
  notes.push(...cited.notes);
  const value: ImportedActor = {
    name,
    aliases,
    ...(sponsor === undefined ? {} : { sponsor, sponsorConfidence: CFR_DEFAULTS.confidence }),
    sources: [{ publisher: CFR_DEFAULTS.publisher, title: clip(`Cyber Operations Tracker: ${name}`, 500) }, ...cited.sources],
  };
  return { ok: true, unit: acceptRow(view, { sourceId: recordId, sourceType: 'cfr-actor', records: [{ kind: 'actor', recordId, value }], notes }) };
}
