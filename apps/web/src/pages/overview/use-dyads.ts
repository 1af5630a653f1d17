import type { FindingContract, Incident } from '@pactwatch/domain';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import type { Loadable } from '../../api/use-api.js';
import { fetchAllPages } from '../agreement/use-all-pages.js';
import { deriveDyads, normaliseDyads, type DyadRow } from './dyads.js';

export interface DyadsResult {
  readonly rows: DyadRow[];
  /** 'api' from GET /dyads; 'derived' from incidents and findings when that route is missing. */
  readonly origin: 'api' | 'derived';
}

/** Sponsor → victim pairs from GET /dyads, or derived from incidents and findings where the server has no such route (404). */
export function useDyads(): Loadable<DyadsResult> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<DyadsResult>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    const load = async (): Promise<DyadsResult> => {
      try {
        const answer = await api.get<unknown>('/api/v1/dyads', {}, controller.signal);
        return { rows: normaliseDyads(answer.data), origin: 'api' };
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
      }
      const [incidents, findings] = await Promise.all([fetchAllPages<Incident>('/api/v1/incidents', {}, controller.signal), fetchAllPages<FindingContract>('/api/v1/findings', {}, controller.signal)]);
      return { rows: deriveDyads(incidents.items, findings.items), origin: 'derived' };
    };
    load()
      .then((data) => {
        if (!controller.signal.aborted) setResult({ state: 'ready', data, etag: null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error)) });
      });
    return () => controller.abort();
  }, [tick]);
  return { ...result, reload: () => setTick((t) => t + 1) };
}
