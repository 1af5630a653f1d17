import { countryNote, normaliseCountry, type CountryNormalisation } from '@pactwatch/domain';
import type { ActorGalaxy } from './misp-actor-galaxies.js';
import { singleString } from './misp-meta-fields.js';

/**
 * Sponsor confidence when the galaxy gives none: low. MISP's own scale steps are 10/25/50/75/100;
 * 25 keeps an undocumented sponsor claim well below the default evaluation threshold (70), so it
 * never counts as established on its own.
 */
export const DEFAULT_SPONSOR_CONFIDENCE = 25;

export interface SponsorReading {
  readonly sponsor?: string;
  readonly sponsorConfidence?: number;
  readonly notes: readonly string[];
  /** Every country value read, for the file-level summary of unresolved ones. */
  readonly countries: ReadonlyArray<{ readonly field: string; readonly result: CountryNormalisation }>;
}

function parseConfidence(text: string): number | undefined {
  const match = /^\s*(\d{1,3})\s*%?\s*$/.exec(text);
  const value = match === null ? undefined : Number(match[1]);
  return value !== undefined && value <= 100 ? value : undefined;
}

/** Reads the sponsor from the galaxy's sponsor fields in order, and its confidence. */
export function readSponsor(meta: Readonly<Record<string, unknown>>, galaxy: ActorGalaxy): SponsorReading {
  const notes: string[] = [];
  const countries: Array<{ field: string; result: CountryNormalisation }> = [];
  let sponsor: { code: string; key: string } | undefined;
  for (const field of galaxy.sponsorFields) {
    const value = singleString(meta, field.key);
    if (value === undefined) continue;
    const result = normaliseCountry(value);
    countries.push({ field: `meta.${field.key}`, result });
    const source = field.reading === 'country-of-origin' ? `meta.${field.key}, the country of origin, read as the suspected sponsor` : `meta.${field.key}`;
    if (result.outcome !== 'state' || result.code === undefined) {
      notes.push(`${countryNote('sponsor', result)} (meta.${field.key}; no sponsor taken from it)`);
    } else if (sponsor === undefined) {
      sponsor = { code: result.code, key: field.key };
      notes.push(`${countryNote('sponsor', result)} (${source})`);
    } else if (sponsor.code !== result.code) {
      notes.push(`meta.${field.key} '${value}' → ${result.code} disagrees with the sponsor ${sponsor.code} from meta.${sponsor.key}; ${sponsor.code} kept`);
    }
  }
  const confidenceText = galaxy.confidenceField === undefined ? undefined : singleString(meta, galaxy.confidenceField);
  if (sponsor === undefined) {
    if (confidenceText !== undefined) notes.push(`attribution-confidence '${confidenceText}' not used: no sponsor`);
    return { notes, countries };
  }
  const parsed = confidenceText === undefined ? undefined : parseConfidence(confidenceText);
  if (parsed !== undefined) notes.push(`sponsorConfidence ${parsed} (meta.${galaxy.confidenceField ?? ''} '${confidenceText ?? ''}')`);
  else if (confidenceText !== undefined) notes.push(`attribution-confidence '${confidenceText}' unmapped: not a percentage 0–100; sponsorConfidence ${DEFAULT_SPONSOR_CONFIDENCE} (low, the default)`);
  else notes.push(`sponsorConfidence ${DEFAULT_SPONSOR_CONFIDENCE} (low, the default: the galaxy gives no attribution confidence)`);
  return { sponsor: sponsor.code, sponsorConfidence: parsed ?? DEFAULT_SPONSOR_CONFIDENCE, notes, countries };
}
