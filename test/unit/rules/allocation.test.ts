import { describe, expect, it } from 'vitest'
import { allocationFor, allocationLimit } from '../../../shared/rules/allocation'
import { getPack } from '../../../shared/rules/packs'

const diffusion = getPack('us-ai-diffusion-2025')!

describe('the country allocation as the engine counts it', () => {
  it('is the limit for a tier-2 destination within the allocation period, and none outside it', () => {
    expect(allocationFor(diffusion, 'IN', '2025-06-30')).toBe(790_000_000)
    // Tier 1 and tier 3 have no allocation.
    expect(allocationFor(diffusion, 'DE', '2025-06-30')).toBeNull()
    expect(allocationFor(diffusion, 'CN', '2025-06-30')).toBeNull()
    // Hong Kong is read as China (tier 3).
    expect(allocationFor(diffusion, 'HK', '2025-06-30')).toBeNull()
    // The allocation runs for its period (2025-2027) only, as the engine applies it.
    expect(allocationLimit(diffusion, 'IN', '2028-01-01')).toBeUndefined()
    expect(allocationFor(diffusion, 'IN', '2028-01-01')).toBeNull()
    // A pack without an allocation.
    expect(allocationFor(getPack('us-advanced-computing-2026')!, 'IN', '2026-06-30')).toBeNull()
  })
})
