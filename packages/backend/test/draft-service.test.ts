import type { Principal } from '@pactwatch/domain';
import type { Pactwatch } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from './helpers.js';

const analyst: Principal = { kind: 'user', id: 'u-1', name: 'alice', role: 'analyst' };
const edit = { principal: analyst, requestId: 'req-1' };

function record(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Draft ${id}`,
    summary: 'Proposed for review.',
    period: { start: '2016-05' },
    activities: [{ type: 'commercial-espionage' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 90, basis: 'indictment', attributedBy: 'DOJ', sources: [] }],
    victims: [{ state: 'US', category: 'private-sector' }],
    sources: [{ publisher: 'Wire', title: `Report on ${id}` }],
    provenance: { origin: 'added', note: 'draft test' },
    ...overrides,
  };
}

async function store(): Promise<Pactwatch> {
  const ws = workspace();
  ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  ws.write('incidents/curated.yaml', incidentYaml('curated'));
  const app = await ws.open();
  await app.dataset.load();
  await app.evaluation.evaluate();
  return app;
}

describe('draft service (review queue)', () => {
  it('refuses an incomplete record or an unknown origin, and queues a valid one as pending with its audit entry', async () => {
    const app = await store();
    await expect(app.drafts.create({ record: { id: 'half', title: 'No summary' } }, edit)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(app.drafts.create({ record: record('x'), origin: 'rumour' }, edit)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const revision = await app.browse.revision();
    const draft = await app.drafts.create({ record: record('d-one'), confidence: 60, notes: 'from a news wire' }, edit);
    // Cached queue listings must see the new draft (PostgreSQL: the revision trigger of migration 0007).
    expect(await app.browse.revision()).not.toBe(revision);
    expect(draft).toMatchObject({ state: 'pending', origin: 'hand-entered', confidence: 60, notes: 'from a news wire', createdBy: 'alice', incidentId: null, decidedAt: null });
    expect(await app.drafts.get(draft.id)).toEqual(draft);
    const audit = await app.audit.list({ entityType: 'draft', entityId: draft.id });
    expect(audit.entries.map((e) => e.action)).toEqual(['draft.create']);
    expect(audit.entries[0]).toMatchObject({ before: null, requestId: 'req-1', principal: { name: 'alice' } });
    expect(await app.query.incidents()).toHaveLength(1);
  });

  it('accepts a draft as a user incident that is evaluated at once; deciding it again is a conflict', async () => {
    const app = await store();
    const draft = await app.drafts.create({ record: record('d-accept') }, edit);
    const { draft: accepted, incident } = await app.drafts.accept(draft.id, edit);
    expect(accepted).toMatchObject({ state: 'accepted', incidentId: 'd-accept', decidedBy: 'alice' });
    expect(incident.incident.id).toBe('d-accept');
    expect((await app.incidentEdits.get('d-accept')).origin).toBe('user');
    const findings = await app.query.findings({ incidentId: 'd-accept' });
    expect(findings.map((f) => f.verdict)).toEqual(['breach']);
    await expect(app.drafts.accept(draft.id, edit)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.drafts.reject(draft.id, 'too late', edit)).rejects.toMatchObject({ code: 'CONFLICT' });
    const actions = (await app.audit.list({ limit: 10 })).entries.map((e) => `${e.action} ${e.entityId}`);
    expect(actions.slice(0, 3)).toEqual([`draft.accept ${draft.id}`, 'incident.create d-accept', `draft.create ${draft.id}`]);
  });

  it('refuses to accept a draft whose id is taken, leaving it pending', async () => {
    const app = await store();
    const draft = await app.drafts.create({ record: record('curated') }, edit);
    await expect(app.drafts.accept(draft.id, edit)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await app.drafts.get(draft.id)).state).toBe('pending');
  });

  it('merges new attributions and sources into an editable incident, and refuses curated targets with 409', async () => {
    const app = await store();
    await app.incidentEdits.create(record('target'), edit);
    const extra = { sponsor: 'RU', relation: 'state-organ', confidence: 50, basis: 'vendor-report', attributedBy: 'Vendor', sources: [] };
    const draft = await app.drafts.create({ record: record('other-id', { attributions: [...(record('x')['attributions'] as unknown[]), extra], sources: [{ publisher: 'Wire', title: 'Report on target' }, { publisher: 'Blog', title: 'New' }] }) }, edit);
    await expect(app.drafts.merge(draft.id, 'curated', edit)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/read-only/) as unknown });
    await expect(app.drafts.merge(draft.id, 'nowhere', edit)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.drafts.merge(draft.id, 'target', { ...edit, ifMatch: 'stale' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const { draft: merged, incident } = await app.drafts.merge(draft.id, 'target', edit);
    expect(merged).toMatchObject({ state: 'merged', incidentId: 'target' });
    // The identical attribution and source are not duplicated; the new ones are appended.
    expect(incident.incident.attributions.map((a) => a.sponsor)).toEqual(['CN', 'RU']);
    expect(incident.incident.sources.map((s) => s.title)).toEqual(['Report on target', 'New']);
    expect((await app.query.incident('target')).attributions).toHaveLength(2);
    expect((await app.query.incidents()).map((i) => i.id).sort()).toEqual(['curated', 'target']);
    const audit = await app.audit.list({ entityType: 'incident', entityId: 'target' });
    expect(audit.entries[0]).toMatchObject({ action: 'incident.draft.merge', note: `merged draft ${draft.id}` });
  });

  it('rejects only with a reason, and lists the queue newest first by state in keyset pages', async () => {
    const app = await store();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await app.drafts.create({ record: record(`q-${i}`), origin: 'import:cfr' }, edit)).id);
    await expect(app.drafts.reject(ids[0] ?? '', '   ', edit)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const rejected = await app.drafts.reject(ids[0] ?? '', 'duplicate of curated', edit);
    expect(rejected).toMatchObject({ state: 'rejected', reason: 'duplicate of curated', incidentId: null });
    const seen: string[] = [];
    let after: number | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await app.drafts.list({ state: 'pending', limit: 2, after });
      seen.push(...result.items.map((d) => d.id));
      if (result.next === undefined) break;
      after = Number(result.next[0]);
    }
    expect(seen).toEqual(ids.slice(1).reverse());
    expect((await app.drafts.list({ state: 'rejected', limit: 10 })).items.map((d) => d.id)).toEqual([ids[0]]);
    expect((await app.drafts.list({ origin: 'import:other', limit: 10 })).items).toEqual([]);
    await expect(app.drafts.get('no-such')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
