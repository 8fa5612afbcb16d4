import type { HandlerTable } from '../../../shared/ipc/contract'
import { jobsFor } from '../../jobs/job-runner'
import type { HandlerContext } from '../context'

export const jobsHandlers: Partial<HandlerTable<HandlerContext>> = {
  'jobs.start': (input, ctx) => jobsFor(ctx).start(input),
  'jobs.status': ({ jobId }, ctx) => jobsFor(ctx).status(jobId),
  'jobs.cancel': ({ jobId }, ctx) => jobsFor(ctx).cancel(jobId),
  'jobs.current': (_input, ctx) => jobsFor(ctx).current(),
}
