import { useEffect, useState } from 'react'
import type { JobStatus } from '../../../shared/ipc/ops/jobs'
import { call } from '../api/client'
import { jobProgress, useJob } from '../api/useJob'
import { JobEnded } from '../components/JobEnded'
import { ProgressDialog } from '../components/ProgressDialog'
import { useSession } from './session'

const TITLES: Record<JobStatus['kind'], { title: string; working: string }> = {
  import: { title: 'An import is running', working: 'Writing' },
  reevaluate: { title: 'The book is being re-evaluated', working: 'Evaluating' },
}

const ENDED: Record<Exclude<JobStatus['state'], 'running'>, string> = {
  done: 'The background job finished; the screens show its result.',
  cancelled: 'The background job was cancelled; nothing was written.',
  failed: 'The background job failed; nothing was written.',
}

/**
 * A window opened (or reloaded) while a background job runs finds it again: it shows the job's
 * progress and Cancel, as the window that started it did. Without this, writes stay refused (`busy`)
 * until the job ends and nothing on screen could cancel it.
 */
export function RunningJob() {
  const job = useJob()
  const { follow } = job
  const session = useSession()
  const { bumpData } = session
  // The kind of job this window found, to name the dialog: whether it still runs is `job.running`.
  const [kind, setKind] = useState<JobStatus['kind'] | null>(null)
  const [ended, setEnded] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    call('jobs.current', {}).then(
      async (running) => {
        if (!live || !running || running.state !== 'running') return
        setKind(running.kind)
        const end = await follow(running.id)
        if (!live) return
        if (end.state !== 'running') setEnded(end.error?.message ?? ENDED[end.state])
        bumpData()
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [follow, bumpData])

  const words = job.running && kind ? TITLES[kind] : null
  return (
    <>
      <ProgressDialog
        progress={
          words
            ? jobProgress(words.title, job, {
                working: words.working,
                cancelNote:
                  'Started before this window opened. One transaction: Cancel leaves the ledger as it was.',
              })
            : null
        }
        onCancel={job.cancel}
      />
      {ended && <JobEnded onDismiss={() => setEnded(null)}>{ended}</JobEnded>}
    </>
  )
}
