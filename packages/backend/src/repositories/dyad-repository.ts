import type { Db } from '../db/connection.js';
import { applyIncidentFilter, type IncidentFilter } from './incident-repository.js';

export interface DyadIncidentCount {
  readonly sponsor: string;
  readonly victim: string;
  readonly incidents: number;
}

export interface DyadVerdictCount extends DyadIncidentCount {
  readonly verdict: string;
  /** Findings (incident × commitment) with this verdict… */
  readonly findings: number;
}

/** Sponsor → victim pairs: the aggregates behind the dashboard's map of arcs, grouped in SQL. */
export class DyadRepository {
  constructor(private readonly db: Db) {}

  /** Incidents per (sponsor of any attribution, victim state) pair among the incidents the filter keeps. */
  async incidentCounts(filter: IncidentFilter): Promise<DyadIncidentCount[]> {
    const rows = await this.db
      .selectFrom('attribution')
      .innerJoin('victim', 'victim.incident_id', 'attribution.incident_id')
      .where('attribution.incident_id', 'in', applyIncidentFilter(this.db.selectFrom('incident').select('incident.id'), filter))
      .select((eb) => ['attribution.sponsor as sponsor', 'victim.state as victim', eb.fn.count<number | string>('attribution.incident_id').distinct().as('n')])
      .groupBy(['attribution.sponsor', 'victim.state'])
      .execute();
    return rows.map((r) => ({ sponsor: r.sponsor, victim: r.victim, incidents: Number(r.n) }));
  }

  /** Findings and distinct incidents per (sponsor, victim, computed verdict), optionally for one pair. */
  async verdictCounts(filter: IncidentFilter, pair?: { sponsor: string; victim: string }): Promise<DyadVerdictCount[]> {
    let query = this.db.selectFrom('finding').where('finding.incident_id', 'in', applyIncidentFilter(this.db.selectFrom('incident').select('incident.id'), filter));
    if (pair !== undefined) query = query.where('finding.sponsor', '=', pair.sponsor).where('finding.victim', '=', pair.victim);
    const rows = await query
      .select((eb) => ['finding.sponsor', 'finding.victim', 'finding.verdict', eb.fn.countAll<number | string>().as('findings'), eb.fn.count<number | string>('finding.incident_id').distinct().as('incidents')])
      .groupBy(['finding.sponsor', 'finding.victim', 'finding.verdict'])
      .execute();
    return rows.map((r) => ({ sponsor: r.sponsor, victim: r.victim, verdict: r.verdict, findings: Number(r.findings), incidents: Number(r.incidents) }));
  }
}
