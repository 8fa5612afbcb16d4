import { describe, expect, it } from 'vitest'
import { reportQuery, type ReportRequest } from '../../../shared/ipc/ops/reports'
import { frameFromAddress } from '../../../renderer/src/state/address-frame'

/** The address `headroom report` prints from (electron/reports/pdf.ts builds it the same way). */
const address = (request: ReportRequest) =>
  `#/reports?${new URLSearchParams(reportQuery(request)).toString()}`

describe('the frame a window opened at an address starts under', () => {
  it("is a country or portfolio report's pack and date, as the CLI writes them", () => {
    expect(
      frameFromAddress(
        address({
          kind: 'country',
          paper: 'a4',
          orientation: 'portrait',
          country: 'MY',
          packId: 'us-ai-diffusion-2025',
          asOf: '2025-06-30',
        }),
      ),
    ).toEqual({ packId: 'us-ai-diffusion-2025', asOf: '2025-06-30' })
    expect(frameFromAddress('#/reports?kind=portfolio&pack=us-advanced-computing-2026')).toEqual({
      packId: 'us-advanced-computing-2026',
    })
  })

  it("reads a report address without a pack as the timeline's pack, as the screen writes auto", () => {
    expect(frameFromAddress('#/reports?kind=portfolio&paper=a4&asOf=2025-12-31')).toEqual({
      packId: 'auto',
      asOf: '2025-12-31',
    })
  })

  it('drops a date that is not YYYY-MM-DD rather than put it in the header', () => {
    expect(frameFromAddress('#/reports?kind=portfolio&pack=p&asOf=31.12.2025')).toEqual({ packId: 'p' })
    expect(frameFromAddress('#/reports?kind=portfolio&pack=p&asOf=2025-02-30')).toEqual({ packId: 'p' })
  })

  it('is none for reports that print under no frame, a bare Reports screen and other screens', () => {
    expect(frameFromAddress('#/reports?kind=memo&project=SMPL-25-001&pack=p&asOf=2025-01-01')).toBeNull()
    expect(frameFromAddress('#/reports?kind=audit&from=2025-01-01')).toBeNull()
    expect(frameFromAddress('#/reports')).toBeNull()
    expect(frameFromAddress('#/countries?pack=p&asOf=2025-01-01')).toBeNull()
    expect(frameFromAddress('')).toBeNull()
  })
})
