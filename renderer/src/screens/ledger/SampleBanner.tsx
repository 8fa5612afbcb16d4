import { useEffect, useState } from 'react'
import { hasSample, type SampleCounts } from '../../../../shared/domain/ledger'
import { call } from '../../api/client'
import { useSession } from '../../shell/session'
import { joinWords, sampleParts } from './sampleWords'

/**
 * Says, above a screen's data, that the sample portfolio is loaded (the SMPL- ids alone do not tell a
 * new desk the deals are made up) and leads to its removal on the Ledger screen. Gone once removed.
 */
export function SampleBanner() {
  const { dataVersion } = useSession()
  const [sample, setSample] = useState<SampleCounts | null>(null)
  useEffect(() => {
    let live = true
    call('ledger.status', {}).then(
      (s) => live && setSample(s.sample),
      () => live && setSample(null),
    )
    return () => {
      live = false
    }
  }, [dataVersion])
  if (!sample || !hasSample(sample)) return null
  return (
    <p className="sample-banner" role="note" data-testid="sample-banner">
      <strong>Sample portfolio loaded</strong> — {joinWords(sampleParts(sample))}, made up to show how the
      desk works (deal ids start with SMPL-). They are not real and count towards headroom until removed.{' '}
      <a href="#/ledger?remove=sample">Remove sample data…</a>
    </p>
  )
}
