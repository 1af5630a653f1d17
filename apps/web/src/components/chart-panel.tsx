import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { echarts, type EChartsCoreOption } from '../charts/echarts.js';

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * A chart with its accessible alternatives: a title, a data table (toggle), PNG and SVG export.
 * The SVG is rendered by a separate server-side-style ECharts instance, so the on-screen chart can
 * use the faster canvas renderer.
 */
export function ChartPanel({ title, option, table, height = 320, description, onEvent }: { title: string; option: EChartsCoreOption; table: ChartTable; height?: number; description?: ReactNode; onEvent?: { name: string; handler: (params: unknown) => void } }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const fileBase = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';

  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (instance === null || onEvent === undefined) return undefined;
    instance.on(onEvent.name, onEvent.handler);
    return () => {
      instance.off(onEvent.name, onEvent.handler);
    };
  }, [onEvent]);

  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (url !== undefined) download(`${fileBase}.png`, url);
  };
  const exportSvg = () => {
    const width = ref.current?.clientWidth ?? 800;
    const svgChart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    svgChart.setOption({ ...option, animation: false });
    const svg = svgChart.renderToSVGString();
    svgChart.dispose();
    download(`${fileBase}.svg`, URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
  };

  return (
    <figure className="chart-panel" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong>
        <span className="chart-actions">
          <button type="button" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)}>
            {showTable ? 'Show chart' : 'Show table'}
          </button>
          <button type="button" onClick={exportPng}>
            PNG
          </button>
          <button type="button" onClick={exportSvg}>
            SVG
          </button>
        </span>
      </figcaption>
      {description !== undefined ? <div className="chart-description">{description}</div> : null}
      <div ref={ref} className="chart" role="img" aria-label={title} style={{ height, display: showTable ? 'none' : 'block' }} />
      {showTable ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  );
}
