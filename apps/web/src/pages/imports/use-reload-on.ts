import { useEffect } from 'react';

/** Reloads a list when `signal` changes after the first render (a watched job ended, a retry was queued). */
export function useReloadOn(signal: number, reload: () => void): void {
  useEffect(() => {
    if (signal > 0) reload();
  }, [signal, reload]);
}
