import type { Kysely } from 'kysely';

// Incident filters by sponsor and victim (the dyad page, `?sponsor=&victim=` lists, dyad series)
// are correlated EXISTS lookups: "an attribution of this incident with sponsor S". With only an
// index on `sponsor`, SQLite's planner walked every attribution of S for each incident: quadratic,
// 450 ms per query at 2,400 incidents of one pair in the soak, and the dyad page ran three. With
// (sponsor, incident_id) each lookup is one index probe on both stores. The same held for "a
// finding of this incident for agreement A with verdict V" (incident lists filtered by agreement
// and verdict: 150 ms): (incident_id, agreement_id, verdict) serves it, and replaces the index on
// incident_id alone, its prefix, so evaluations do not maintain both.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('attribution_sponsor_incident_idx').on('attribution').columns(['sponsor', 'incident_id']).execute();
  await db.schema.createIndex('victim_state_incident_idx').on('victim').columns(['state', 'incident_id']).execute();
  await db.schema.createIndex('finding_incident_agreement_idx').on('finding').columns(['incident_id', 'agreement_id', 'verdict']).execute();
  await db.schema.dropIndex('finding_incident_idx').execute();
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
