import { createJobQueue, createLogger, type JobQueue, type JobRecord, type Pactwatch } from '@pactwatch/backend';

/** Polls until `done` holds (a wait, never a timing assertion); fails with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until a job reaches one of these states. */
export function waitForState(queue: Pick<JobQueue, 'get'>, id: string, states: ReadonlyArray<JobRecord['state']>, extra: (job: JobRecord) => boolean = () => true): Promise<JobRecord> {
  return waitFor(
    async () => {
      const job = await queue.get(id);
      if (job === undefined) throw new Error(`job ${id} vanished`);
      return job;
    },
    (job) => states.includes(job.state) && extra(job),
    `job ${id} to be ${states.join(' or ')}`,
  );
}

/** A queue of the app's back end (SQLite table or pg-boss), closed with the test's workspace. */
export function queueOf(app: Pactwatch, now: () => Date = () => new Date()): JobQueue {
  const queue = createJobQueue({ db: app.db, config: app.config, logger: createLogger({ logLevel: 'silent' }), now });
  const close = app.close.bind(app);
  // The workspace closes its apps after each test; the queue stops first so no worker outlives the store.
  Object.assign(app, { close: async () => { await queue.stop({ timeoutMs: 1_000 }); await close(); } });
  return queue;
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2024-01-01T00:00:00Z')): { now: () => Date; advance(ms: number): void; ms(): number } {
  let current = start;
  return { now: () => new Date(current), advance: (ms) => { current += ms; }, ms: () => current };
}
