import { useEffect, useMemo, useState } from 'react';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { echarts } from '../../charts/echarts.js';
import { ChartPanel } from '../../components/chart-panel.js';
import { Loading } from '../../components/data-view.js';
import { Link, useRouter } from '../../router/router.js';
import { dyadId, type DyadRow } from './dyads.js';
import { anchorsOf, buildDyadMapOption, clipAntimeridian, dyadOfClick, dyadTable, WORLD_MAP, type CountryFeature } from './map-data.js';

let atlas: Promise<Map<string, [number, number]>> | null = null;

/** Fetches Natural Earth (world-atlas, 110m) once, registers it with ECharts and returns each state's arc anchor. */
function loadWorld(): Promise<Map<string, [number, number]>> {
  atlas ??= (async () => {
    const [{ feature }, response] = await Promise.all([import('topojson-client'), fetch(atlasUrl)]);
    if (!response.ok) throw new Error(`the world map did not load (HTTP ${response.status})`);
    const topology = (await response.json()) as Parameters<typeof feature>[0];
    const raw = feature(topology, topology.objects['countries'] as Parameters<typeof feature>[1]) as unknown as { features: CountryFeature[] };
    const countries = { ...raw, features: clipAntimeridian(raw.features) };
    echarts.registerMap(WORLD_MAP, countries as unknown as Parameters<typeof echarts.registerMap>[1]);
    return anchorsOf(countries.features);
  })();
  // A failed load may be retried on the next visit.
  atlas.catch(() => {
    atlas = null;
  });
  return atlas;
}

/** Dyads as a linked table: the map's accessible, always-visible counterpart. */
export function DyadList({ dyads }: { dyads: readonly DyadRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">Sponsor and victim pairs</caption>
        <thead>
          <tr>
            <th scope="col">Sponsor → victim</th>
            <th scope="col">Incidents</th>
            <th scope="col">Breaches</th>
            <th scope="col">Possible breaches</th>
          </tr>
        </thead>
        <tbody>
          {dyads.map((d) => (
            <tr key={dyadId(d)}>
              <th scope="row">
                <Link to={`/dyads/${dyadId(d)}`}>
                  {d.sponsor} → {d.victim}
                </Link>
              </th>
              <td>{d.incidents}</td>
              <td>{d.breaches}</td>
              <td>{d.possibleBreaches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DyadMap({ dyads }: { dyads: readonly DyadRow[] }) {
  const { navigate } = useRouter();
  const [anchors, setAnchors] = useState<Map<string, [number, number]> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadWorld().then(
      (a) => live && setAnchors(a),
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  const option = useMemo(() => (anchors === null ? null : buildDyadMapOption(dyads, anchors)), [dyads, anchors]);
  const onEvent = useMemo(
    () => ({
      name: 'click',
      handler: (params: unknown) => {
        const dyad = dyadOfClick(params);
        if (dyad !== undefined) navigate(`/dyads/${dyad}`);
      },
    }),
    [navigate],
  );
  if (failure !== null) return <p className="notice">The world map could not be shown ({failure}); the table lists every pair.</p>;
  if (option === null) return <Loading what="the world map" />;
  return <ChartPanel title="Sponsor → victim pairs by incident count" option={option} table={dyadTable(dyads)} height={420} onEvent={onEvent} description={<p className="muted">Arrows run from the sponsor state to the victim; thicker means more incidents; colour shows breaches (vermillion), possible breaches (orange) or neither (blue). Select an arrow to open the pair.</p>} />;
}
