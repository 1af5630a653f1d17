// The soak test's operations: the weighted mix of reads, analyst writes and admin jobs, and the
// Workload that runs them and records every acknowledged write for the check afterwards.

import { API } from './support.js';

const VICTIMS = ['US', 'GB', 'DE', 'JP', 'AU'];

/** A valid new incident (the shape of apps/api/test/api-harness.ts newIncident). */
function incidentBody(id, n, title) {
  return {
    id,
    title,
    summary: `Soak-test intrusion number ${n}.`,
    period: { start: `20${10 + (n % 12)}-0${1 + (n % 9)}` },
    activities: [{ type: 'commercial-espionage' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 60 + (n % 40), basis: 'government-attribution', attributedBy: 'Soak agency', sources: [] }],
    // Spread over five dyads (all G20 pairs, so every incident has findings to override): one pair
    // holding every soak incident would make its /dyads page ever heavier, which real data would not.
    victims: [{ state: VICTIMS[n % VICTIMS.length], category: 'private-sector' }],
    sources: [{ publisher: 'Soak', title: `Soak report ${n}` }],
    provenance: { origin: 'added', note: 'soak test' },
  };
}

/** Three CFR tracker rows with unique titles: two valid incidents and one unknown sponsor (quarantined). */
function cfrCsv(tag) {
  return [
    'Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3',
    `Soak import ${tag} hopper,12/20/2018,APT 10,Text.,,"United States, Japan",China,Espionage,Private sector,https://example.org/${tag}/a,,`,
    `Soak import ${tag} wiper,8/15/2012,,Text.,,Saudi Arabia,Iran (Islamic Republic of),Data destruction,Private sector,https://example.org/${tag}/b,,`,
    `Soak import ${tag} unknown,1/5/2020,,Text.,,France,Atlantis,Espionage,Government,,,`,
  ].join('\r\n');
}

/**
 * The mix: weights per operation, drawn once per tick. Reads ≈ 70 %, analyst writes ≈ 29 %,
 * admin jobs ≈ 1 %. Operations that need an earlier write (edit, override, decide a draft) fall
 * back to creating one when nothing is waiting.
 */
const MIX = [
  ['read:agreements', 6],
  ['read:agreement', 3],
  ['read:scorecard', 6],
  ['read:scorecards', 3],
  ['read:findings-filtered', 8],
  ['read:findings-dyad', 5],
  ['read:dyads', 4],
  ['read:dyad', 4],
  ['read:trend', 2],
  ['read:incidents-page', 8],
  ['read:incidents-filtered', 6],
  ['read:incident', 6],
  ['read:audit', 4],
  ['read:jobs', 2],
  ['read:drafts', 3],
  ['write:incident-create', 8],
  ['write:incident-edit', 6],
  ['write:override', 5],
  ['write:draft-create', 5],
  ['write:draft-decide', 5],
  ['admin:evaluate', 0.5],
  ['admin:import', 0.5],
];
const MIX_TOTAL = MIX.reduce((s, [, w]) => s + w, 0);

export class Workload {
  constructor(client, tokens, runTag, random) {
    this.client = client;
    this.tokens = tokens;
    this.tag = runTag;
    this.random = random;
    this.n = 0;
    this.analystTurn = 0;
    /** Writes that got no answer (network error or client timeout): not acknowledged, outcome unknown. */
    this.unknownOutcomes = 0;
    // What was acknowledged, to check afterwards.
    this.incidents = new Map(); // id → expected { title, summary, confidence }
    this.overrides = new Map(); // `${commitment}@${incident}` → { commitment, incident, verdict, note }
    this.drafts = new Map(); // draft id → { state, recordId, title, reason? }
    this.imports = []; // { jobId, tag }
    this.evaluations = []; // job ids
    // Work waiting for a later step (each item is used by exactly one operation: no 412 by design).
    this.toEdit = [];
    this.toOverride = [];
    this.pendingDrafts = [];
    this.agreementIds = [];
    this.dyadCodes = ['CN-US'];
    this.knownIncidentIds = [];
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }

  analyst() {
    this.analystTurn = (this.analystTurn + 1) % this.tokens.analysts.length;
    return this.tokens.analysts[this.analystTurn];
  }

  async warmUp() {
    const agreements = await this.client.request('setup', 'GET', `${API}/agreements?limit=500`, { token: this.tokens.viewer });
    this.agreementIds = (agreements?.body?.items ?? []).map((a) => a.id);
    const dyads = await this.client.request('setup', 'GET', `${API}/dyads`, { token: this.tokens.viewer });
    const codes = (dyads?.body?.items ?? dyads?.body ?? []).map((d) => d.dyad ?? (d.sponsor && d.victim ? `${d.sponsor}-${d.victim}` : undefined)).filter((c) => typeof c === 'string');
    if (codes.length > 0) this.dyadCodes = codes.slice(0, 20);
    const incidents = await this.client.request('setup', 'GET', `${API}/incidents?limit=200`, { token: this.tokens.viewer });
    this.knownIncidentIds = (incidents?.body?.items ?? []).map((i) => i.id);
    if (this.agreementIds.length === 0 || this.knownIncidentIds.length === 0) throw new Error('the store has no agreements or incidents: the curated dataset did not load');
  }

  async run(kind) {
    const c = this.client;
    const viewer = this.tokens.viewer;
    switch (kind) {
      case 'read:agreements':
        return c.request(kind, 'GET', `${API}/agreements?limit=50`, { token: viewer });
      case 'read:agreement':
        return c.request(kind, 'GET', `${API}/agreements/${encodeURIComponent(this.pick(this.agreementIds))}`, { token: viewer });
      case 'read:scorecard':
        return c.request(kind, 'GET', `${API}/agreements/${encodeURIComponent(this.pick(this.agreementIds))}/scorecard${this.random() < 0.2 ? '?incidents=true' : ''}`, { token: viewer });
      case 'read:scorecards':
        return c.request(kind, 'GET', `${API}/scorecards`, { token: viewer });
      case 'read:findings-filtered': {
        const verdict = this.pick(['breach', 'possible-breach', 'outside-scope', 'before-in-force']);
        const sort = this.pick(['commitment', 'incident', '-incident', 'recent']);
        return c.request(kind, 'GET', `${API}/findings?agreement=${encodeURIComponent(this.pick(this.agreementIds))}&verdict=${verdict}&sort=${sort}&limit=50`, { token: viewer });
      }
      case 'read:findings-dyad': {
        const first = await c.request(kind, 'GET', `${API}/findings?dyad=${this.pick(this.dyadCodes)}&limit=50`, { token: viewer });
        return first;
      }
      case 'read:dyads':
        return c.request(kind, 'GET', `${API}/dyads${this.random() < 0.5 ? '?from=2015-01-01' : ''}`, { token: viewer });
      case 'read:dyad':
        return c.request(kind, 'GET', `${API}/dyads/${this.pick(this.dyadCodes)}`, { token: viewer });
      case 'read:trend':
        return c.request(kind, 'GET', `${API}/agreements/${encodeURIComponent(this.pick(this.agreementIds))}/trend`, { token: viewer });
      case 'read:incidents-page': {
        // The first page, then (half the time) the next one through its cursor.
        const sort = this.pick(['start', '-start', 'id', 'title']);
        const first = await c.request(kind, 'GET', `${API}/incidents?sort=${sort}&limit=50`, { token: viewer });
        if (first?.body?.nextCursor && this.random() < 0.5) return c.request(kind, 'GET', `${API}/incidents?sort=${sort}&limit=50&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: viewer });
        return first;
      }
      case 'read:incidents-filtered': {
        const filter = this.pick(['sponsor=CN', 'victim=US', 'party=RU', 'q=soak', 'minConfidence=70', 'agreement=us-cn-2015&verdict=breach', 'from=2015-01-01&to=2019-12-31', 'activity=commercial-espionage']);
        return c.request(kind, 'GET', `${API}/incidents?${filter}&limit=50`, { token: viewer });
      }
      case 'read:incident': {
        const ids = this.random() < 0.5 && this.incidents.size > 0 ? [...this.incidents.keys()].slice(-200) : this.knownIncidentIds;
        return c.request(kind, 'GET', `${API}/incidents/${encodeURIComponent(this.pick(ids))}`, { token: viewer });
      }
      case 'read:audit':
        return c.request(kind, 'GET', `${API}/audit?limit=50${this.random() < 0.5 ? '&entityType=incident' : ''}`, { token: this.tokens.analysts[0] });
      case 'read:jobs':
        return c.request(kind, 'GET', `${API}/jobs?limit=20`, { token: this.tokens.analysts[0] });
      case 'read:drafts':
        return c.request(kind, 'GET', `${API}/drafts?state=${this.pick(['pending', 'accepted', 'rejected'])}&limit=50`, { token: this.tokens.analysts[0] });
      case 'write:incident-create':
        return this.createIncident(kind);
      case 'write:incident-edit': {
        const item = this.toEdit.shift();
        if (item === undefined) return this.createIncident('write:incident-create');
        const title = `Soak ${this.tag} incident ${item.n} (edited)`;
        const body = incidentBody(item.id, item.n, title);
        body.summary = `Edited by the soak test: number ${item.n}.`;
        const r = await c.request(kind, 'PUT', `${API}/incidents/${encodeURIComponent(item.id)}`, { token: this.analyst(), headers: { 'if-match': item.etag }, body });
        if (r !== null && r.status === 200) {
          this.incidents.set(item.id, { title, summary: body.summary, confidence: body.attributions[0].confidence });
          this.toOverride.push({ id: item.id });
        } else if (r === null) {
          // No answer (the client gave up): the edit may or may not have landed; either content is right.
          this.incidents.get(item.id).alternative = { title, summary: body.summary, confidence: body.attributions[0].confidence };
          this.unknownOutcomes += 1;
        }
        return r;
      }
      case 'write:override': {
        const item = this.toOverride.shift();
        if (item === undefined) return this.createIncident('write:incident-create');
        const token = this.analyst();
        const findings = await c.request('read:override-find', 'GET', `${API}/findings?incident=${encodeURIComponent(item.id)}&limit=1`, { token: viewer });
        const finding = findings?.body?.items?.[0];
        if (finding === undefined) {
          if (findings !== null && findings.status === 200) c.errors.push({ kind, note: `incident ${item.id} has no finding to override` });
          return findings;
        }
        const query = `commitment=${encodeURIComponent(finding.commitment)}&incident=${encodeURIComponent(item.id)}`;
        const detail = await c.request('read:finding-detail', 'GET', `${API}/findings/detail?${query}`, { token });
        const etag = detail?.headers?.get('etag');
        if (etag == null) return detail;
        const verdict = this.pick(['possible-breach', 'outside-scope']);
        const note = `Soak ${this.tag} override of ${item.id}: reviewed (${this.n}).`;
        const r = await c.request(kind, 'PUT', `${API}/findings/override`, { token, headers: { 'if-match': etag }, body: { commitment: finding.commitment, incident: item.id, verdict, note } });
        if (r !== null && r.status === 200) this.overrides.set(`${finding.commitment}@${item.id}`, { commitment: finding.commitment, incident: item.id, verdict, note });
        return r;
      }
      case 'write:draft-create': {
        this.n += 1;
        const id = `soak-${this.tag}-draft-${this.n}`;
        const title = `Soak ${this.tag} draft ${this.n}`;
        const r = await c.request(kind, 'POST', `${API}/drafts`, { token: this.analyst(), body: { record: incidentBody(id, this.n, title), confidence: 50, notes: 'soak' } });
        if (r !== null && r.status === 201) {
          this.drafts.set(r.body.id, { state: 'pending', recordId: id, title });
          this.pendingDrafts.push(r.body.id);
        }
        return r;
      }
      case 'write:draft-decide': {
        const draftId = this.pendingDrafts.shift();
        if (draftId === undefined) return this.run('write:draft-create');
        const draft = this.drafts.get(draftId);
        if (this.random() < 0.5) {
          const r = await c.request('write:draft-accept', 'POST', `${API}/drafts/${draftId}/accept`, { token: this.analyst() });
          if (r === null) {
            draft.alternativeState = 'accepted';
            this.unknownOutcomes += 1;
          }
          if (r !== null && r.status === 201) {
            draft.state = 'accepted';
            this.incidents.set(draft.recordId, { title: draft.title, summary: `Soak-test intrusion number ${draft.recordId.split('-').pop()}.`, confidence: undefined });
          }
          return r;
        }
        const reason = `Soak ${this.tag}: duplicate of nothing (${draftId}).`;
        const r = await c.request('write:draft-reject', 'POST', `${API}/drafts/${draftId}/reject`, { token: this.analyst(), body: { reason } });
        if (r !== null && r.status === 200) {
          draft.state = 'rejected';
          draft.reason = reason;
        } else if (r === null) {
          draft.alternativeState = 'rejected';
          draft.reason = reason;
          this.unknownOutcomes += 1;
        }
        return r;
      }
      case 'admin:evaluate': {
        const full = this.evaluations.length % 2 === 1;
        const r = await c.request(kind, 'POST', `${API}/evaluations`, { token: this.tokens.admin, body: { full } });
        if (r !== null && r.status === 202) this.evaluations.push(r.body.id);
        return r;
      }
      case 'admin:import': {
        this.n += 1;
        const tag = `${this.tag}-${this.n}`;
        const form = new FormData();
        form.set('format', 'csv');
        form.set('mapping', 'cfr');
        form.set('dataset', 'soak');
        form.set('file', new Blob([cfrCsv(tag)], { type: 'text/csv' }), `soak-${tag}.csv`);
        const r = await c.request(kind, 'POST', `${API}/imports`, { token: this.tokens.admin, body: form });
        if (r !== null && r.status === 202) this.imports.push({ jobId: r.body.id, tag });
        return r;
      }
      default:
        throw new Error(`unknown operation ${kind}`);
    }
  }

  async createIncident(kind) {
    this.n += 1;
    const n = this.n;
    const id = `soak-${this.tag}-incident-${n}`;
    const title = `Soak ${this.tag} incident ${n}`;
    const body = incidentBody(id, n, title);
    const r = await this.client.request(kind, 'POST', `${API}/incidents`, { token: this.analyst(), body });
    if (r !== null && r.status === 201) {
      this.incidents.set(id, { title, summary: body.summary, confidence: body.attributions[0].confidence });
      // Half are edited once (then overridden), half overridden directly: each item is used once.
      if (n % 2 === 0) this.toEdit.push({ id, n, etag: r.headers.get('etag') });
      else this.toOverride.push({ id });
    }
    return r;
  }

  draw() {
    let x = this.random() * MIX_TOTAL;
    for (const [kind, w] of MIX) {
      x -= w;
      if (x < 0) return kind;
    }
    return MIX[MIX.length - 1][0];
  }
}
