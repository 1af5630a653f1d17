import { PactwatchError } from '@pactwatch/domain';

/** How a sponsor field of a galaxy is to be read: a named suspected sponsor, or a country of origin. */
export interface SponsorField {
  readonly key: string;
  readonly reading: 'suspected-sponsor' | 'country-of-origin';
}

/**
 * A galaxy whose clusters are threat actors, and which meta keys hold what. Data, not code: a new
 * actor galaxy is one more row (with a test on a real file).
 */
export interface ActorGalaxy {
  /** The cluster file's `type`; the dataset is `misp-galaxy:<type>`. */
  readonly type: string;
  readonly label: string;
  /** Tried in order; the first that names a state is the sponsor. */
  readonly sponsorFields: readonly SponsorField[];
  readonly confidenceField?: string;
  readonly victimsField?: string;
  readonly targetsField?: string;
  readonly activitiesField?: string;
}

const COUNTRY: SponsorField = { key: 'country', reading: 'country-of-origin' };

export const ACTOR_GALAXIES: readonly ActorGalaxy[] = [
  {
    type: 'threat-actor',
    label: 'MISP threat actors (clusters/threat-actor.json)',
    sponsorFields: [{ key: 'cfr-suspected-state-sponsor', reading: 'suspected-sponsor' }, COUNTRY],
    confidenceField: 'attribution-confidence',
    victimsField: 'cfr-suspected-victims',
    targetsField: 'cfr-target-category',
    activitiesField: 'cfr-type-of-incident',
  },
  { type: 'mitre-intrusion-set', label: 'MITRE ATT&CK groups (clusters/mitre-intrusion-set.json)', sponsorFields: [] },
  { type: 'microsoft-activity-group', label: 'Microsoft activity groups (clusters/microsoft-activity-group.json)', sponsorFields: [COUNTRY] },
  {
    type: 'groups',
    label: 'Tidal Cyber groups (clusters/tidal-groups.json)',
    sponsorFields: [COUNTRY],
    victimsField: 'observed_countries',
    targetsField: 'target_categories',
    activitiesField: 'observed_motivations',
  },
];

/** The actor galaxy of a cluster file, or a USAGE error naming the supported ones. */
export function actorGalaxy(path: string, type: string): ActorGalaxy {
  const galaxy = ACTOR_GALAXIES.find((g) => g.type === type);
  if (galaxy !== undefined) return galaxy;
  const supported = ACTOR_GALAXIES.map((g) => `"${g.type}" (${g.label})`).join(', ');
  throw new PactwatchError('USAGE', `${path}: galaxy type "${type}" does not describe threat actors; --format misp-galaxy imports the actor galaxies ${supported}`);
}
