import type { EChartsCoreOption } from '../../charts/echarts.js';
import type { ChartTable } from '../../components/chart-panel.js';
import { VERDICT_COLOURS } from '../../theme/palette.js';
import { dyadId, type DyadRow } from './dyads.js';
import { NAME_TO_ALPHA2, NUMERIC_TO_ALPHA2 } from './iso-numeric.js';

export const WORLD_MAP = 'pactwatch-world';

type Ring = ReadonlyArray<readonly number[]>;
/** The part of GeoJSON this needs: countries are polygons or multipolygons. */
export interface CountryFeature {
  readonly id?: string | number;
  readonly properties?: { readonly name?: string } | null;
  readonly geometry: { readonly type: 'Polygon'; readonly coordinates: readonly Ring[] } | { readonly type: 'MultiPolygon'; readonly coordinates: ReadonlyArray<readonly Ring[]> } | { readonly type: string; readonly coordinates?: unknown } | null;
}

/**
 * Natural Earth keeps Russia's and Fiji's rings across the 180° meridian, so a flat map draws
 * them as bands across the whole world. Each ring that straddles it (points near both -180 and
 * 180) has its minority side pinned to the edge its majority is on: the far tip of Chukotka and a
 * few Fijian islets are drawn against the edge instead of as stripes.
 */
export function clipAntimeridian(features: readonly CountryFeature[]): CountryFeature[] {
  const fix = (ring: Ring): Ring => {
    const east = ring.filter((p) => (p[0] ?? 0) > 150).length;
    const west = ring.filter((p) => (p[0] ?? 0) < -150).length;
    if (east === 0 || west === 0) return ring;
    const edge = east >= west ? 180 : -180;
    return ring.map((p) => ((edge === 180 ? (p[0] ?? 0) < 0 : (p[0] ?? 0) > 0) ? [edge, p[1] ?? 0] : p));
  };
  return features.map((f) => {
    const g = f.geometry;
    if (g === null) return f;
    if (g.type === 'Polygon') return { ...f, geometry: { type: 'Polygon', coordinates: (g.coordinates as readonly Ring[]).map(fix) } };
    if (g.type === 'MultiPolygon') return { ...f, geometry: { type: 'MultiPolygon', coordinates: (g.coordinates as ReadonlyArray<readonly Ring[]>).map((poly) => poly.map(fix)) } };
    return f;
  });
}

/** A world-atlas feature's ISO alpha-2 code (its id is ISO 3166-1 numeric, e.g. "840"). */
export function alpha2Of(feature: CountryFeature): string | undefined {
  if (feature.id !== undefined) {
    const code = NUMERIC_TO_ALPHA2.get(String(feature.id).padStart(3, '0'));
    if (code !== undefined) return code;
  }
  const name = feature.properties?.name;
  return name === undefined ? undefined : NAME_TO_ALPHA2.get(name);
}

/** Signed area and centroid of a ring (shoelace formula on longitude/latitude, fine at map scale). */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  area /= 2;
  return area === 0 ? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 } : { area, x: cx / (6 * area), y: cy / (6 * area) };
}

/**
 * Where a country's arcs start and end: the centroid of its largest polygon's outer ring, so the
 * United States anchors in the contiguous states, not between them and Alaska.
 */
export function featureAnchor(feature: CountryFeature): [number, number] | undefined {
  const g = feature.geometry;
  if (g === null || !Array.isArray(g.coordinates)) return undefined;
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []) as ReadonlyArray<readonly Ring[]>;
  let best: { area: number; x: number; y: number } | undefined;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (outer === undefined || outer.length < 3) continue;
    const c = ringCentroid(outer);
    if (best === undefined || Math.abs(c.area) > Math.abs(best.area)) best = c;
  }
  return best === undefined ? undefined : [Math.round(best.x * 100) / 100, Math.round(best.y * 100) / 100];
}

export function anchorsOf(features: readonly CountryFeature[]): Map<string, [number, number]> {
  const anchors = new Map<string, [number, number]>();
  for (const f of features) {
    const code = alpha2Of(f);
    const anchor = featureAnchor(f);
    if (code !== undefined && anchor !== undefined && !anchors.has(code)) anchors.set(code, anchor);
  }
  return anchors;
}

/** The arcs: one per dyad whose two states are on the map, width by incident count; clicking one opens the dyad. */
export function buildDyadMapOption(dyads: readonly DyadRow[], anchors: ReadonlyMap<string, readonly [number, number]>): EChartsCoreOption {
  const max = Math.max(1, ...dyads.map((d) => d.incidents));
  const drawn = dyads.filter((d) => anchors.has(d.sponsor) && anchors.has(d.victim) && d.sponsor !== d.victim);
  const colour = (d: DyadRow): string => (d.breaches > 0 ? VERDICT_COLOURS.breach : d.possibleBreaches > 0 ? VERDICT_COLOURS['possible-breach'] : VERDICT_COLOURS['outside-scope']);
  const states = [...new Set(drawn.flatMap((d) => [d.sponsor, d.victim]))];
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    // Antarctica and the far Arctic hold no dyads: cropping them gives the inhabited world the width.
    geo: { map: WORLD_MAP, roam: true, boundingCoords: [[-170, 78], [180, -56]], left: 8, right: 8, top: 8, bottom: 8, itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa4ae' }, emphasis: { itemStyle: { areaColor: '#dde3ea' }, label: { show: false } } },
    series: [
      {
        name: 'Dyads',
        type: 'lines',
        coordinateSystem: 'geo',
        symbol: ['none', 'arrow'],
        symbolSize: 9,
        data: drawn.map((d) => ({
          name: `${d.sponsor} → ${d.victim}: ${d.incidents} incident(s), ${d.breaches} breach(es), ${d.possibleBreaches} possible`,
          coords: [anchors.get(d.sponsor), anchors.get(d.victim)],
          dyad: dyadId(d),
          value: d.incidents,
          lineStyle: { width: 1.5 + 6 * Math.sqrt(d.incidents / max), color: colour(d), curveness: 0.25, opacity: 0.85 },
        })),
      },
      {
        name: 'States',
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 6,
        itemStyle: { color: '#000' },
        label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 },
        data: states.map((s) => ({ name: s, value: anchors.get(s) })),
      },
    ],
  };
}

export function dyadTable(dyads: readonly DyadRow[]): ChartTable {
  return { columns: ['Sponsor', 'Victim', 'Incidents', 'Breaches', 'Possible breaches'], rows: dyads.map((d) => [d.sponsor, d.victim, d.incidents, d.breaches, d.possibleBreaches]) };
}

/** The dyad an ECharts click landed on, if it was an arc. */
export function dyadOfClick(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const data = (params as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const dyad = (data as { dyad?: unknown }).dyad;
  return typeof dyad === 'string' && /^[A-Z]{2}-[A-Z]{2}$/.test(dyad) ? dyad : undefined;
}
