import type { Pactwatch } from '@pactwatch/backend';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './build-app.js';

export interface StartServerOptions extends BuildAppOptions {
  readonly host: string;
  readonly port: number;
  /** Run background jobs in this process too (default true; with PostgreSQL, `pactwatch worker` processes can take them instead). */
  readonly worker?: boolean;
  readonly workerConcurrency?: number;
}

export interface ServerHandle {
  readonly app: FastifyInstance;
  /** The address actually bound (port 0 picks a free one). */
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the app, starts the in-process job worker if asked, and listens. */
export async function startServer(core: Pactwatch, options: StartServerOptions): Promise<ServerHandle> {
  const app = await buildApp(core, options);
  const worker = options.worker ?? true;
  let working: Promise<void> | undefined;
  if (worker) {
    working = core.jobs.startWorker({ concurrency: options.workerConcurrency ?? 1 }).catch((error: unknown) => {
      app.log.error({ err: error }, 'job worker stopped with an error');
    });
  }
  const url = await app.listen({ host: options.host, port: options.port });
  let closed = false;
  return {
    app,
    url,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (working !== undefined) await core.jobs.stop();
    },
  };
}
