import { buildScorecard } from '@pactwatch/domain';
import { createRepositories, defaultDataDir } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { workspace } from './helpers.js';

describe('scorecards from the light finding rows', () => {
  it('equal the scorecards built from the full findings, for every curated agreement', async () => {
    const app = await workspace().open();
    await app.dataset.load(defaultDataDir());
    await app.evaluation.evaluate();
    const repos = createRepositories(app.db);
    const [agreements, full, light] = await Promise.all([repos.agreements.listAll(), repos.findings.list(), repos.findings.listForScorecards()]);
    expect(light).toHaveLength(full.length);
    expect(light.some((f) => f.verdict === 'outside-scope' && f.checks.length > 0)).toBe(true);
    expect(light.filter((f) => f.verdict !== 'outside-scope').every((f) => f.checks.length === 0)).toBe(true);
    for (const agreement of agreements) expect(buildScorecard(agreement, light), agreement.id).toEqual(buildScorecard(agreement, full));
    const served = await app.query.scorecards({ agreementId: 'us-cn-2015' });
    expect(served[0]?.gaps.length).toBeGreaterThan(0);
  });
});
