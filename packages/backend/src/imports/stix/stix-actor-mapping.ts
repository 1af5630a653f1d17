import { cleanProse, stateName, type Source } from '@pactwatch/domain';
import type { ImportedActor } from '../import-types.js';
import type { StixGraph } from './stix-graph.js';
import { clip, stringProp, stringsProp, type StixObject } from './stix-object.js';
import { externalSources } from './stix-sources.js';
import { chooseSponsor, type SponsorFinding, type SponsorResolver } from './stix-sponsor.js';

export const ACTOR_OBJECT_TYPES: ReadonlySet<string> = new Set(['intrusion-set', 'threat-actor', 'campaign']);
const MAX_DESCRIPTION = 4000;

export interface MappedActor {
  readonly value: ImportedActor;
  readonly notes: string[];
}

/** A finding read from the actor's own description (not through a chain to another object). */
const fromOwnDescription = (finding: SponsorFinding): boolean => finding.prose !== undefined && finding.hops === 0;

function sponsorSentence(finding: SponsorFinding, sourceLabel: string): string {
  const reading = `Sponsor ${finding.state} (${stateName(finding.state)}), confidence ${finding.confidence}`;
  if (finding.prose !== undefined && fromOwnDescription(finding)) {
    return `${reading}: read by pactwatch from the ${sourceLabel} description (pattern ${finding.prose.patternId}): “${finding.prose.sentence}” This is a low-confidence reading of prose, not an attribution made by the source.`;
  }
  const kind = finding.evidence === 'structured' ? 'the STIX relationships' : finding.evidence === 'name' ? 'the STIX relationships and a nation-state actor\'s name' : 'the STIX relationships and an actor description';
  return `${reading}: from ${kind}: ${finding.chain}.`;
}

/** The source that shows a sponsor: the quoted sentence for prose, the chain otherwise. */
function sponsorSource(finding: SponsorFinding, object: StixObject, publisher: string, url: string | undefined): Source {
  const title = clip(`${stringProp(object, 'name') ?? object.id}: sponsor reading`, 500);
  if (finding.prose !== undefined) {
    return {
      publisher: clip(publisher, 300),
      title,
      // The page quoted is the actor's own only when the sentence is from its own description.
      ...(url === undefined || !fromOwnDescription(finding) ? {} : { url }),
      quote: clip(finding.prose.sentence, 2000),
      quoteStatus: 'verbatim',
      note: clip(`pactwatch read sponsor ${finding.state} from this sentence with pattern ${finding.prose.patternId} (confidence ${finding.confidence}); citation markers and link markup removed. Chain: ${finding.chain}`, 2000),
    };
  }
  return { publisher: clip(publisher, 300), title, ...(url === undefined ? {} : { url }), note: clip(`STIX chain: ${finding.chain}`, 2000) };
}

/**
 * An intrusion set, threat actor or campaign as an Actor: name, aliases (`aliases` and ATT&CK's
 * `x_mitre_aliases`), and a sponsor when a chain gives one, with the chain or quoted sentence in
 * the description and sources.
 */
export function mapActor(object: StixObject, graph: StixGraph, sponsors: SponsorResolver, options: { attack: boolean }): MappedActor | { skipped: string } {
  const name = (stringProp(object, 'name') ?? '').trim();
  if (name === '') return { skipped: `${object.type} has no name, so it cannot be an actor` };
  const aliases = [...new Set([...stringsProp(object, 'aliases'), ...stringsProp(object, 'x_mitre_aliases')].map((a) => a.trim()).filter((a) => a !== '' && a !== name))].map((a) => clip(a, 200));
  const notes: string[] = [];
  const publisher = options.attack ? 'MITRE ATT&CK' : (graph.creatorName(object) ?? 'STIX bundle');
  const sources = externalSources(object);
  const { sponsor, conflicting } = chooseSponsor(sponsors.findings(object.id));
  if (conflicting.length > 0) notes.push(`no sponsor: the best findings name ${conflicting.join(' and ')} with equal confidence`);
  const parts: string[] = [];
  if (sponsor !== undefined) {
    parts.push(sponsorSentence(sponsor, options.attack ? 'ATT&CK' : 'STIX'));
    sources.push(sponsorSource(sponsor, object, publisher, sources.find((s) => s.publisher === 'MITRE ATT&CK')?.url));
    notes.push(`sponsor ${sponsor.state} (confidence ${sponsor.confidence}, ${sponsor.evidence}): ${clip(sponsor.chain, 300)}`);
  }
  const description = stringProp(object, 'description');
  if (description !== undefined && description.trim() !== '') parts.push(options.attack ? cleanProse(description).trim() : description.trim());
  const text = parts.join('\n\n');
  return {
    value: {
      name: clip(name, 200),
      aliases,
      ...(sponsor === undefined ? {} : { sponsor: sponsor.state, sponsorConfidence: sponsor.confidence }),
      ...(text === '' ? {} : { description: clip(text, MAX_DESCRIPTION) }),
      sources,
    },
    notes,
  };
}
