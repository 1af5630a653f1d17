export interface PollingRunnerOptions<T> {
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  /** Takes the next due job, or undefined when none is due. */
  readonly claim: () => Promise<T | undefined>;
  /** Runs a claimed job to its outcome (never rejects for the job's own failure). */
  readonly execute: (item: T) => Promise<void>;
  /** Runs before each look for work (recovering jobs of crashed workers). */
  readonly housekeeping: () => Promise<void>;
  readonly onError: (error: unknown) => void;
}

/**
 * The in-process worker loop: keeps up to `concurrency` jobs running, looks for more whenever one
 * finishes or something is enqueued (`wake`), and otherwise every poll interval.
 */
export class PollingRunner<T> {
  private readonly running = new Map<Promise<void>, T>();
  private stopping = false;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: PollingRunnerOptions<T>) {}

  start(): void {
    this.loop ??= this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      try {
        await this.options.housekeeping();
        while (!this.stopping && this.running.size < this.options.concurrency) {
          const item = await this.options.claim();
          if (item === undefined) break;
          if (this.stopping) {
            // Claimed just as stop began: hand it to `stop`, which releases it.
            this.running.set(Promise.resolve(), item);
            break;
          }
          const done: Promise<void> = this.options
            .execute(item)
            .catch(this.options.onError)
            .finally(() => {
              this.running.delete(done);
              this.wake();
            });
          this.running.set(done, item);
        }
      } catch (error) {
        // A busy or briefly unreachable database: log and look again at the next poll.
        this.options.onError(error);
      }
      if (!this.stopping && !this.woken) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.wakeUp = done;
    });
  }

  /** Stops looking for work and waits up to `timeoutMs` for running jobs; returns those still running. */
  async stop(timeoutMs: number): Promise<T[]> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all([...this.running.keys()]), timedOut]);
    clearTimeout(timer);
    return [...this.running.values()];
  }
}
