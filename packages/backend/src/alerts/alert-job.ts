import type { JobHandler } from '../jobs/job-types.js';
import type { JobService } from '../jobs/job-service.js';
import type { AlertService } from './alert-service.js';

/** The job kind that sends due alert deliveries (docs/ALERTS.md, docs/JOBS.md). */
export const ALERT_DELIVERY_JOB = 'alert-delivery';

/** The job only runs `deliverDue`: per-delivery retries live in the delivery rows, not in the job. */
export function alertDeliveryHandler(alerts: () => AlertService): JobHandler {
  return async () => alerts().deliverDue();
}

/**
 * Queues a delivery run: now (after a scan found something) or at the next retry's time. The two
 * singleton keys keep a waiting retry run from holding back the alert about a new breach.
 */
export function alertDeliveryScheduler(jobs: JobService): (at: Date | undefined) => Promise<void> {
  return async (at) => {
    await jobs.enqueueRegistered(
      ALERT_DELIVERY_JOB,
      {},
      { singletonKey: at === undefined ? 'now' : 'retry', retryLimit: 2, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 900, ...(at === undefined ? {} : { startAfter: at }) },
    );
  };
}
