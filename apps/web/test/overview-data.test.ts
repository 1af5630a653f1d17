import type { Agreement, FindingContract, Incident, ScorecardContract } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { deriveDyads, normaliseDyads } from '../src/pages/overview/dyads.js';
import { alpha2Of, anchorsOf, buildDyadMapOption, dyadOfClick, dyadTable, featureAnchor } from '../src/pages/overview/map-data.js';
import { scorecardRows } from '../src/pages/overview/scorecard-table.js';
import { AGREEMENT, finding } from './agreement-fixtures.js';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('dyads', () => {
  it('reads GET /dyads in its likely shapes, most incidents first', () => {
    expect(normaliseDyads({ items: [{ sponsor: 'RU', victim: 'UA', incidents: 2, breach: 0, possibleBreach: 1 }, { dyad: 'CN-US', incidents: ['a', 'b', 'c'], counts: { breach: 1, 'possible-breach': 2 } }], nextCursor: null })).toEqual([
      { sponsor: 'CN', victim: 'US', incidents: 3, breaches: 1, possibleBreaches: 2 },
      { sponsor: 'RU', victim: 'UA', incidents: 2, breaches: 0, possibleBreaches: 1 },
    ]);
    expect(normaliseDyads([{ sponsor: 'KP', victim: 'KR', incidentCount: 1, verdicts: { breach: 1 } }, 'junk', { victim: 'US' }])).toEqual([{ sponsor: 'KP', victim: 'KR', incidents: 1, breaches: 1, possibleBreaches: 0 }]);
    expect(normaliseDyads(null)).toEqual([]);
  });

  it('derives pairs from incidents and breach findings when the route is missing', () => {
    const incident = (id: string, sponsors: string[], victims: string[]) => ({ id, attributions: sponsors.map((sponsor) => ({ sponsor })), victims: victims.map((state) => ({ state })) }) as unknown as Incident;
    const findings: FindingContract[] = [
      finding('i1', 'breach'),
      finding('i1', 'possible-breach', { commitment: 'x/y' }),
      finding('i2', 'outside-scope'),
      finding('i3', 'outside-scope', { override: { verdict: 'possible-breach', note: 'n', author: 'a', createdAt: '2026-01-01' } }),
    ];
    const rows = deriveDyads([incident('i1', ['CN'], ['US']), incident('i2', ['CN', 'RU'], ['US', 'CN']), incident('i3', ['CN'], ['US'])], findings);
    expect(rows).toEqual([
      { sponsor: 'CN', victim: 'US', incidents: 3, breaches: 1, possibleBreaches: 2 },
      { sponsor: 'RU', victim: 'CN', incidents: 1, breaches: 0, possibleBreaches: 0 },
      { sponsor: 'RU', victim: 'US', incidents: 1, breaches: 0, possibleBreaches: 0 },
    ]);
  });
});

describe('world map', () => {
  it('maps world-atlas numeric ids to alpha-2, Kosovo by name', () => {
    expect(alpha2Of({ id: '840', geometry: null })).toBe('US');
    expect(alpha2Of({ id: '156', geometry: null })).toBe('CN');
    expect(alpha2Of({ id: 643, geometry: null })).toBe('RU');
    expect(alpha2Of({ properties: { name: 'Kosovo' }, geometry: null })).toBe('XK');
    expect(alpha2Of({ id: '999', geometry: null })).toBeUndefined();
  });

  it('anchors a country on its largest polygon', () => {
    const anchor = featureAnchor({ id: '840', geometry: { type: 'MultiPolygon', coordinates: [[square(-150, 60, 2)], [square(-100, 30, 20)]] } });
    expect(anchor).toEqual([-90, 40]);
    expect(featureAnchor({ geometry: { type: 'Point', coordinates: [1, 2] } })).toBeUndefined();
    expect(anchorsOf([{ id: '156', geometry: { type: 'Polygon', coordinates: [square(100, 30, 10)] } }]).get('CN')).toEqual([105, 35]);
  });

  it('draws one arc per mapped dyad, weighted by incidents, carrying its id for the click', () => {
    const anchors = new Map<string, [number, number]>([
      ['CN', [105, 35]],
      ['US', [-98, 39]],
    ]);
    const dyads = [
      { sponsor: 'CN', victim: 'US', incidents: 4, breaches: 1, possibleBreaches: 0 },
      { sponsor: 'SG', victim: 'US', incidents: 1, breaches: 0, possibleBreaches: 0 },
    ];
    const option = buildDyadMapOption(dyads, anchors) as { series: Array<{ type: string; data: Array<{ dyad?: string; coords?: unknown; lineStyle?: { width: number } }> }> };
    const lines = option.series[0];
    expect(lines?.type).toBe('lines');
    expect(lines?.data).toHaveLength(1);
    expect(lines?.data[0]?.dyad).toBe('CN-US');
    expect(lines?.data[0]?.coords).toEqual([
      [105, 35],
      [-98, 39],
    ]);
    expect(lines?.data[0]?.lineStyle?.width).toBe(7.5);
    expect(dyadTable(dyads).rows).toEqual([
      ['CN', 'US', 4, 1, 0],
      ['SG', 'US', 1, 0, 0],
    ]);
    expect(dyadOfClick({ data: { dyad: 'CN-US' } })).toBe('CN-US');
    expect(dyadOfClick({ data: { name: 'US' } })).toBeUndefined();
    expect(dyadOfClick(null)).toBeUndefined();
  });
});

describe('scorecard rows', () => {
  it('joins scorecards with parties, counts with overrides applied, newest first', () => {
    const counts = { breach: 0, 'possible-breach': 2, 'outside-scope': 4, 'before-in-force': 1 };
    const card = (id: string, signed: string): ScorecardContract => ({ agreementId: id, title: `${id} title`, signed, counts, countsWithOverrides: { ...counts, breach: 1 }, overrides: 1, commitments: [], gaps: [], cooperation: [] });
    const rows = scorecardRows([card('us-cn-2015', '2015-09-25'), card('au-cn-2017', '2017-04-21')], [AGREEMENT as Agreement]);
    expect(rows.map((r) => r.id)).toEqual(['au-cn-2017', 'us-cn-2015']);
    expect(rows[1]).toEqual({ id: 'us-cn-2015', title: 'US–China cyber commitments (2015)', parties: 'US, CN', signed: '2015-09-25', breaches: 1, possibleBreaches: 2, gaps: 4, overrides: 1 });
    expect(rows[0]?.title).toBe('au-cn-2017 title');
  });
});

describe('the world map across the 180° meridian', () => {
  it('pins the minority side of a straddling ring to the edge and leaves other rings alone', async () => {
    const { clipAntimeridian } = await import('../src/pages/overview/map-data.js');
    const straddling = [[170, 60], [179.9, 65], [-179.5, 66], [-175, 64], [172, 60]];
    const plain = [[10, 50], [20, 50], [20, 40], [10, 50]];
    const [russia, germany] = clipAntimeridian([
      { id: '643', geometry: { type: 'MultiPolygon', coordinates: [[straddling]] } },
      { id: '276', geometry: { type: 'Polygon', coordinates: [plain] } },
    ]);
    expect((russia?.geometry as { coordinates: number[][][][] }).coordinates[0]?.[0]).toEqual([[170, 60], [179.9, 65], [180, 66], [180, 64], [172, 60]]);
    expect((germany?.geometry as { coordinates: number[][][] }).coordinates[0]).toEqual(plain);
  });
});
