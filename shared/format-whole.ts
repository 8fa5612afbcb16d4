/**
 * A figure the desk counts in wholes (TPP, units) as it reads it everywhere: rounded, thousands
 * separated (26,900,000). The grids and reports show TPP so (renderer/src/format), and so do the
 * ledger's refusals, which quote the same figures. Created once: `Intl.NumberFormat` is costly to build.
 */
const wholeGrouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export const formatWhole = (n: number): string => wholeGrouped.format(Math.round(n))
