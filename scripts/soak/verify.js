// After the soak's load: wait for jobs, then check every acknowledged write.

import { API, sleep } from './support.js';

async function waitForJobs(client, token, ids, deadlineMs) {
  const states = new Map();
  const deadline = Date.now() + deadlineMs;
  let open = [...new Set(ids)];
  while (open.length > 0 && Date.now() < deadline) {
    const still = [];
    for (const id of open) {
      const r = await client.request('verify:job', 'GET', `${API}/jobs/${id}`, { token });
      const state = r?.body?.state;
      states.set(id, r?.body ?? null);
      if (state !== 'completed' && state !== 'failed' && state !== 'cancelled') still.push(id);
    }
    open = still;
    if (open.length > 0) await sleep(1000);
  }
  return states;
}

/** Every job the server knows, to count what ran (including evaluations queued by writes and imports). */
async function allJobs(client, token) {
  const jobs = [];
  let cursor = null;
  for (let i = 0; i < 200; i += 1) {
    const r = await client.request('verify:jobs-list', 'GET', `${API}/jobs?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    if (r === null || r.status !== 200) break;
    jobs.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) break;
  }
  return jobs;
}

async function pool(items, concurrency, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (i < items.length) {
      const item = items[i];
      i += 1;
      await fn(item);
    }
  }));
}

export async function verify(client, workload) {
  const lost = [];
  const t = workload.tokens;
  // Jobs first: imports store incidents and evaluations rewrite findings.
  const jobIds = [...workload.imports.map((x) => x.jobId), ...workload.evaluations];
  const jobStates = await waitForJobs(client, t.analysts[0], jobIds, 10 * 60_000);
  // Then the queue must drain: evaluations and refreshes queued by the writes themselves.
  const drainDeadline = Date.now() + 10 * 60_000;
  let jobs = await allJobs(client, t.analysts[0]);
  while (jobs.some((j) => ['created', 'active', 'retry'].includes(j.state)) && Date.now() < drainDeadline) {
    await sleep(2000);
    jobs = await allJobs(client, t.analysts[0]);
  }

  await pool([...workload.incidents.entries()], 8, async ([id, expected]) => {
    const r = await client.request('verify:incident', 'GET', `${API}/incidents/${encodeURIComponent(id)}`, { token: t.viewer });
    if (r === null || r.status !== 200) return lost.push({ what: 'incident', id, status: r?.status ?? 'network' });
    const got = r.body;
    const mismatch = [];
    // An edit that got no answer may have landed: its content is as right as the acknowledged one.
    if (expected.alternative !== undefined && got.title === expected.alternative.title) expected = expected.alternative;
    if (got.title !== expected.title) mismatch.push(`title "${got.title}" ≠ "${expected.title}"`);
    if (got.summary !== expected.summary) mismatch.push(`summary "${got.summary}" ≠ "${expected.summary}"`);
    if (expected.confidence !== undefined && got.attributions?.[0]?.confidence !== expected.confidence) mismatch.push(`confidence ${got.attributions?.[0]?.confidence} ≠ ${expected.confidence}`);
    if (mismatch.length > 0) lost.push({ what: 'incident content', id, mismatch });
  });
  await pool([...workload.overrides.values()], 8, async (o) => {
    const r = await client.request('verify:override', 'GET', `${API}/findings/detail?commitment=${encodeURIComponent(o.commitment)}&incident=${encodeURIComponent(o.incident)}`, { token: t.viewer });
    const got = r?.body?.override;
    if (r === null || r.status !== 200 || got == null) return lost.push({ what: 'override', key: `${o.commitment}@${o.incident}`, status: r?.status ?? 'network', got: got ?? null });
    if (got.verdict !== o.verdict || got.note !== o.note) lost.push({ what: 'override content', key: `${o.commitment}@${o.incident}`, got: { verdict: got.verdict, note: got.note }, expected: { verdict: o.verdict, note: o.note } });
  });
  await pool([...workload.drafts.entries()], 8, async ([id, d]) => {
    const r = await client.request('verify:draft', 'GET', `${API}/drafts/${id}`, { token: t.analysts[0] });
    if (r === null || r.status !== 200) return lost.push({ what: 'draft', id, status: r?.status ?? 'network' });
    // A decision that got no answer may have landed (then the draft is decided, not pending).
    const state = d.alternativeState !== undefined && r.body.state === d.alternativeState ? d.alternativeState : d.state;
    if (r.body.state !== state) return lost.push({ what: 'draft state', id, got: r.body.state, expected: d.state });
    if (state === 'rejected' && r.body.reason !== d.reason) lost.push({ what: 'draft reason', id, got: r.body.reason, expected: d.reason });
    if (state === 'accepted' && r.body.incidentId !== d.recordId) lost.push({ what: 'draft incident', id, got: r.body.incidentId, expected: d.recordId });
  });
  const importResults = { completed: 0, notCompleted: 0 };
  await pool(workload.imports, 4, async (imp) => {
    const job = jobStates.get(imp.jobId);
    const res = job?.result;
    if (job?.state !== 'completed' || res == null) {
      importResults.notCompleted += 1;
      return lost.push({ what: 'import job', id: imp.jobId, state: job?.state ?? 'unknown', error: job?.error ?? null });
    }
    importResults.completed += 1;
    const reconciles = res.read === res.stored + res.updated + res.unchanged + res.quarantined + (res.drafted ?? 0) + (res.alreadyDrafted ?? 0);
    if (res.read !== 3 || res.stored !== 2 || res.quarantined !== 1 || !reconciles) lost.push({ what: 'import counts', id: imp.jobId, result: { read: res.read, stored: res.stored, updated: res.updated, unchanged: res.unchanged, quarantined: res.quarantined } });
    const r = await client.request('verify:import-incidents', 'GET', `${API}/incidents?q=${encodeURIComponent(`Soak import ${imp.tag} `)}&limit=50`, { token: t.viewer });
    // The text filter also matches longer tags (…-13 finds …-1316): look for the two exact titles.
    const expected = [`Soak import ${imp.tag} hopper`, `Soak import ${imp.tag} wiper`];
    const titles = new Set((r?.body?.items ?? []).map((i) => i.title));
    const missing = expected.filter((t) => !titles.has(t));
    if (missing.length > 0) lost.push({ what: 'imported incidents', id: imp.jobId, missing });
  });
  const evaluations = { completed: 0, other: [] };
  for (const id of workload.evaluations) {
    const job = jobStates.get(id);
    if (job?.state === 'completed') evaluations.completed += 1;
    else evaluations.other.push({ id, state: job?.state ?? 'unknown', error: job?.error ?? null });
  }
  const jobsRun = {};
  for (const j of jobs) {
    const key = `${j.name}:${j.state}`;
    jobsRun[key] = (jobsRun[key] ?? 0) + 1;
  }
  return { lost, importResults, evaluations, jobsRun, jobsStillOpen: jobs.filter((j) => ['created', 'active', 'retry'].includes(j.state)).length };
}
