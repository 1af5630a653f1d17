import { stringProp, stringsProp, type StixObject } from './stix-object.js';

/** Relationship types the mapping follows; others are kept raw only. */
const FOLLOWED = new Set(['attributed-to', 'targets', 'originates-from', 'located-at', 'uses', 'revoked-by']);

export interface StixEdge {
  readonly relationship: StixObject;
  readonly target: StixObject;
}

/**
 * The bundle indexed once: objects by id, followed relationships by (source, type), and the
 * reports that reference each object. Every lookup is a map read, so following chains never
 * rescans the relationships.
 */
export class StixGraph {
  private readonly objects = new Map<string, StixObject>();
  private readonly edges = new Map<string, StixEdge[]>();
  private readonly reports = new Map<string, StixObject[]>();

  constructor(objects: Iterable<StixObject>) {
    const relationships: StixObject[] = [];
    for (const object of objects) {
      this.objects.set(object.id, object);
      if (object.type === 'relationship') relationships.push(object);
      else if (object.type === 'report') {
        for (const ref of stringsProp(object, 'object_refs')) {
          const list = this.reports.get(ref);
          if (list === undefined) this.reports.set(ref, [object]);
          else list.push(object);
        }
      }
    }
    for (const relationship of relationships) {
      const type = stringProp(relationship, 'relationship_type');
      const source = stringProp(relationship, 'source_ref');
      const target = this.objects.get(stringProp(relationship, 'target_ref') ?? '');
      if (type === undefined || source === undefined || target === undefined || !FOLLOWED.has(type)) continue;
      const key = `${source}\u0000${type}`;
      const list = this.edges.get(key);
      if (list === undefined) this.edges.set(key, [{ relationship, target }]);
      else list.push({ relationship, target });
    }
  }

  get(id: string): StixObject | undefined {
    return this.objects.get(id);
  }

  /** Relationships of one type leaving an object, with their (present) targets. */
  out(sourceId: string, relationshipType: string): readonly StixEdge[] {
    return this.edges.get(`${sourceId}\u0000${relationshipType}`) ?? [];
  }

  reportsReferencing(id: string): readonly StixObject[] {
    return this.reports.get(id) ?? [];
  }

  /** The identity that created an object (`created_by_ref`), by name. */
  creatorName(object: StixObject): string | undefined {
    const creator = this.objects.get(stringProp(object, 'created_by_ref') ?? '');
    return creator === undefined ? undefined : stringProp(creator, 'name');
  }
}
