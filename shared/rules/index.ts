/** Public API of the rule engine. */
export * from './types'
export { rulePackSchema, validatePack } from './schema'
export { loadPacks, getPack } from './packs'
export { PACK_TIMELINE, governingPack, timelineEntry } from './timeline'
export { CHIP_CATALOGUE, findCatalogueChip } from './catalogue'
export {
  DEFAULT_THRESHOLDS,
  classifyChip,
  classifyTpp,
  indexBookChips,
  numericThresholds,
  resolveChip,
  tppOf,
  type NumericThresholds,
} from './classifier'
export { PackGeography, geographyOf, type CountryView } from './geography'
export {
  BUCKET_KIND_LABEL,
  bucketIds,
  bucketName,
  nameBucketsIn,
  parseBucketId,
  type BucketKind,
  type BucketParts,
} from './buckets'
export {
  bucketsForDeal,
  createDealContext,
  createEvaluationState,
  evaluate,
  evaluateDeal,
  evaluateEach,
  foldedLppId,
  orderDeals,
  type DealContext,
  type EvaluationState,
} from './evaluator'
export {
  CSV_COLUMNS,
  chipSpecSchema,
  dealSchema,
  parseDealBook,
  parseDealBookCsv,
  validateDealBook,
} from './book'
