/**
 * A stand-in for src/charts/echarts.ts in happy-dom (no canvas): records options and event
 * handlers so tests can assert what a chart was given and fire its clicks. Use with
 * `vi.mock('../src/charts/echarts.js', () => import('./overview-fake-echarts.js'))`.
 */
export interface FakeChart {
  options: unknown[];
  handlers: Map<string, (params: unknown) => void>;
  disposed: boolean;
}

export const charts: FakeChart[] = [];
export const registeredMaps: string[] = [];

function init(): object {
  const chart: FakeChart = { options: [], handlers: new Map(), disposed: false };
  charts.push(chart);
  return {
    setOption: (option: unknown) => void chart.options.push(option),
    on: (name: string, handler: (params: unknown) => void) => void chart.handlers.set(name, handler),
    off: (name: string) => void chart.handlers.delete(name),
    resize: () => undefined,
    dispose: () => void (chart.disposed = true),
    getDataURL: () => 'data:image/png;base64,',
    renderToSVGString: () => '<svg/>',
  };
}

export const echarts = {
  init,
  registerMap: (name: string) => void registeredMaps.push(name),
};

export function resetCharts(): void {
  charts.length = 0;
}
