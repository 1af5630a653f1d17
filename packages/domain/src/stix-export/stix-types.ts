/** JSON as STIX carries it (no undefined; the converters also leave out nulls and empty lists). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** Common properties of every object pactwatch exports (STIX 2.1 §3.2), then type-specific ones. */
export interface StixObject extends JsonObject {
  readonly type: string;
  readonly spec_version: '2.1';
  readonly id: string;
  readonly created: string;
  readonly modified: string;
}

export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: readonly StixObject[];
}

export interface ExternalReference extends JsonObject {
  readonly source_name: string;
}
