import type { JobRecord } from '@pactwatch/domain';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import { FINAL_STATES } from './import-types.js';

export interface JobPoll {
  /** The latest answer, kept while a later poll fails (a blip should not hide the progress). */
  readonly job: JobRecord | null;
  readonly error: ApiError | null;
  /** True while the job may still change and the next poll is due. */
  readonly polling: boolean;
  /** Which run (`id restart`) this state belongs to: right after a restart the previous run's answer is still shown. */
  readonly run: string;
}

/** Errors that will not go away by asking again: stop polling on them. */
const isFinalError = (error: ApiError): boolean => error.status >= 400 && error.status < 500 && error.status !== 429;

/**
 * Polls GET /api/v1/jobs/:id every `intervalMs` until the job is completed, failed or cancelled.
 * One request at a time (the next is scheduled after the answer), aborted and cleared on unmount
 * or when the id or `restart` changes. A 4xx (gone, no access) stops; a 5xx or a network error
 * keeps trying.
 */
export function useJobPoll(id: string | null, intervalMs = 1000, restart = 0): JobPoll {
  const run = `${id ?? ''} ${restart}`;
  const [state, setState] = useState<JobPoll>({ job: null, error: null, polling: id !== null, run });
  useEffect(() => {
    if (id === null) {
      setState({ job: null, error: null, polling: false, run });
      return undefined;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ job: null, error: null, polling: true, run });
    const poll = async (): Promise<void> => {
      try {
        const { data } = await api.get<JobRecord>(`/api/v1/jobs/${encodeURIComponent(id)}`, {}, controller.signal);
        if (controller.signal.aborted) return;
        const done = FINAL_STATES.includes(data.state);
        setState({ job: data, error: null, polling: !done, run });
        if (done) return;
      } catch (caught) {
        if (controller.signal.aborted) return;
        const error = caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', String(caught));
        const stop = isFinalError(error);
        setState((previous) => ({ job: previous.job, error, polling: !stop, run }));
        if (stop) return;
      }
      timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
    // `run` is id and restart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, intervalMs, restart]);
  return state;
}
