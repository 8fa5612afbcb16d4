import type { Project, ProjectFields, ProjectLine } from '../../../../shared/domain/project'
import {
  REQUESTED_AUTHORIZATIONS,
  type ChipSpec,
  type RequestedAuthorization,
  type TransactionKind,
} from '../../../../shared/rules/types'
import {
  CHIP_FIGURES,
  QUANTITY,
  THROUGHPUT_NEEDED,
  figureLabel,
  figureProblem,
  readChipFigures,
  readFigure,
  throughputTyped,
  type ChipFigureKey,
  type Figure,
} from '../chips/chipFigures'

/**
 * The editor's form state: strings as typed (so a half-typed number is not lost), converted to the
 * contract's `ProjectFields` by `toFields`, which also says in the desk's words what is missing.
 */
export const CUSTOM_CHIP = '__custom'

export interface CustomChipForm {
  name: string
  tpp: string
  tops: string
  bitLength: string
  dieArea: string
  dramBandwidth: string
  datacenter: boolean
}

export interface LineForm {
  key: number
  /** Catalogue or desk chip id, or `CUSTOM_CHIP`. */
  chipId: string
  custom: CustomChipForm
  quantity: string
}

export interface DealForm {
  name: string
  consignee: string
  consigneeHq: string
  /** '' = take from the party record; 'none' = no ultimate parent; else ISO code. */
  parentHq: string
  endUser: string
  destination: string
  site: string
  plannedDate: string
  authorization: '' | RequestedAuthorization
  veuKind: '' | 'UVEU' | 'NVEU'
  veuId: string
  veuHq: string
  /** 'default' leaves the chips' own datacenter flag in charge. */
  datacenter: 'default' | 'yes' | 'no'
  certifications: string[]
  transaction: TransactionKind
  notes: string
  lines: LineForm[]
}

/** The editor's choices: an individual licence first (the usual request), then the exceptions. */
export const AUTHORIZATIONS: readonly RequestedAuthorization[] = [
  'LICENSE',
  ...REQUESTED_AUTHORIZATIONS.filter((a) => a !== 'LICENSE'),
]

/** Exporter certifications the 2026 China/Macau case-by-case rule asks for. */
export const CERTIFICATIONS: readonly { id: string; label: string }[] = [
  { id: 'us-supply-sufficient', label: 'US supply is sufficient' },
  { id: 'no-foundry-diversion', label: 'No diversion of foundry capacity' },
  { id: 'recipient-security-kyc', label: 'Recipient security and KYC procedures' },
  { id: 'us-third-party-testing', label: 'Third-party testing in the US' },
]

/** A line's chip, in the form's words (its figures' words are `CHIP_FIGURES` and `QUANTITY`). */
export const LINE_CHIP = 'chip'
/** A line's custom chip's name. */
export const CUSTOM_CHIP_NAME = 'chip name'

/**
 * A deal line's field in the form's words, by the name the deal book and the rule engine give it
 * (`quantity`, `dieArea`); undefined for a name the form does not know.
 */
export const lineFieldLabel = (name: string): string | undefined =>
  name === 'chip' ? LINE_CHIP : figureLabel(name)

let lineKey = 0
export const nextLineKey = () => ++lineKey

export const emptyCustom = (): CustomChipForm => ({
  name: '',
  tpp: '',
  tops: '',
  bitLength: '',
  dieArea: '',
  dramBandwidth: '',
  datacenter: true,
})

export function emptyLine(chipId = ''): LineForm {
  return { key: nextLineKey(), chipId, custom: emptyCustom(), quantity: '' }
}

export function emptyForm(plannedDate: string): DealForm {
  return {
    name: '',
    consignee: '',
    consigneeHq: '',
    parentHq: '',
    endUser: '',
    destination: '',
    site: '',
    plannedDate,
    authorization: '',
    veuKind: '',
    veuId: '',
    veuHq: '',
    datacenter: 'default',
    certifications: [],
    transaction: 'export',
    notes: '',
    lines: [emptyLine()],
  }
}

const str = (n: number | undefined) => (n == null ? '' : String(n))

function lineFromProject(line: ProjectLine): LineForm {
  if (typeof line.chip === 'string')
    return { key: nextLineKey(), chipId: line.chip, custom: emptyCustom(), quantity: String(line.quantity) }
  const c = line.chip
  return {
    key: nextLineKey(),
    chipId: CUSTOM_CHIP,
    quantity: String(line.quantity),
    custom: {
      name: c.name,
      tpp: str(c.tpp),
      tops: str(c.tops),
      bitLength: str(c.bitLength),
      dieArea: str(c.dieArea),
      dramBandwidth: str(c.dramBandwidth),
      datacenter: c.datacenter ?? true,
    },
  }
}

export function formFromProject(p: Project): DealForm {
  return {
    name: p.name,
    consignee: p.consignee,
    consigneeHq: p.consigneeHq ?? '',
    parentHq: p.parentHq === null ? 'none' : (p.parentHq ?? ''),
    endUser: p.endUser ?? '',
    destination: p.destination ?? '',
    site: p.site ?? '',
    plannedDate: p.plannedDate,
    authorization: p.authorization ?? '',
    veuKind: p.veu?.kind ?? '',
    veuId: p.veu?.id ?? '',
    veuHq: p.veu?.hq ?? '',
    datacenter: p.datacenter == null ? 'default' : p.datacenter ? 'yes' : 'no',
    certifications: p.certifications ?? [],
    transaction: p.transaction ?? 'export',
    notes: p.notes ?? '',
    lines: p.lines.length ? p.lines.map(lineFromProject) : [emptyLine()],
  }
}

/** What a custom chip's figures lack and what is wrong with them, in the desk's words. */
export interface CustomChipCheck {
  spec: ChipSpec | null
  /** Not given ("chip name", "TPP, or dense TOPS and bit length"). */
  missing: string[]
  /** Given but not valid ("die area must be a positive number of mm²"). */
  invalid: string[]
  /** The invalid figures, to mark their inputs. */
  invalidKeys: ChipFigureKey[]
}

/** A custom chip as the contract's spec, or what is missing from it and what is wrong with it. */
export function customSpec(c: CustomChipForm): CustomChipCheck {
  // The form holds every figure under its own key, so the Chips form's reader takes it as it is.
  const figures = readChipFigures(c)
  const { values, invalid: invalidKeys } = figures
  const invalid = invalidKeys.map((k) => figureProblem(CHIP_FIGURES[k]))
  const missing: string[] = []
  if (!c.name.trim()) missing.push(CUSTOM_CHIP_NAME)
  if (!throughputTyped(figures)) missing.push(THROUGHPUT_NEEDED)
  if (missing.length || invalid.length) return { spec: null, missing, invalid, invalidKeys }
  return { spec: { name: c.name.trim(), datacenter: c.datacenter, ...values }, missing, invalid, invalidKeys }
}

/** One line as the form read it, so its editor marks its inputs without reading them again. */
export interface LineCheck {
  quantity: Figure
  /** The line's custom chip, checked; null when the line's chip is not a custom one. */
  custom: CustomChipCheck | null
}

export interface FieldsResult {
  fields: ProjectFields
  /** What is not given, in the desk's words ("line 1: quantity"). The deal saves when both are empty. */
  missing: string[]
  /** What is given but not valid ("line 1: quantity must be a whole number of at least 1"). */
  invalid: string[]
  /** Each line of the form as read, in the form's order. */
  lines: LineCheck[]
}

/** "Before saving, fill in: deal name. Correct: line 1: quantity must be …" */
export function problemsSentence(r: Pick<FieldsResult, 'missing' | 'invalid'>): string {
  const parts: string[] = []
  if (r.missing.length) parts.push(`fill in: ${r.missing.join('; ')}.`)
  if (r.invalid.length) parts.push(`${parts.length ? 'Correct' : 'correct'}: ${r.invalid.join('; ')}.`)
  return parts.length ? `Before saving, ${parts.join(' ')}` : ''
}

/** The form as the contract's fields. Optional fields left empty are omitted, never sent as ''. */
export function toFields(f: DealForm): FieldsResult {
  const missing: string[] = []
  const invalid: string[] = []
  if (!f.name.trim()) missing.push('deal name')
  if (!f.consignee.trim()) missing.push('consignee')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.plannedDate)) missing.push('planned ship date')
  const lines: ProjectLine[] = []
  const checks = f.lines.map((l, i): LineCheck => {
    const quantity = readFigure(l.quantity, QUANTITY)
    const label = `line ${i + 1}`
    if (!l.chipId) missing.push(`${label}: ${LINE_CHIP}`)
    if (quantity.state === 'invalid') invalid.push(`${label}: ${figureProblem(QUANTITY, quantity.aboveMax)}`)
    else if (quantity.state === 'empty') missing.push(`${label}: ${QUANTITY.label} (whole units, at least 1)`)
    let chip: ProjectLine['chip'] | null = l.chipId && l.chipId !== CUSTOM_CHIP ? l.chipId : null
    let custom: CustomChipCheck | null = null
    if (l.chipId === CUSTOM_CHIP) {
      custom = customSpec(l.custom)
      custom.missing.forEach((p) => missing.push(`${label}: ${p}`))
      custom.invalid.forEach((p) => invalid.push(`${label}: ${p}`))
      chip = custom.spec
    }
    if (chip && quantity.state === 'ok') lines.push({ chip, quantity: quantity.value })
    return { quantity, custom }
  })
  if (f.lines.length === 0) missing.push('at least one line')
  if (f.veuKind && (!f.veuId.trim() || !f.veuHq)) missing.push('validated end user id and headquarters')

  const fields: ProjectFields = {
    name: f.name.trim(),
    consignee: f.consignee.trim(),
    plannedDate: f.plannedDate,
    lines,
  }
  if (f.consigneeHq) fields.consigneeHq = f.consigneeHq
  if (f.parentHq) fields.parentHq = f.parentHq === 'none' ? null : f.parentHq
  if (f.endUser.trim()) fields.endUser = f.endUser.trim()
  if (f.destination) fields.destination = f.destination
  if (f.site.trim()) fields.site = f.site.trim()
  if (f.authorization) fields.authorization = f.authorization
  if (f.veuKind && f.veuId.trim() && f.veuHq)
    fields.veu = { kind: f.veuKind, id: f.veuId.trim(), hq: f.veuHq }
  if (f.datacenter !== 'default') fields.datacenter = f.datacenter === 'yes'
  if (f.certifications.length) fields.certifications = f.certifications
  if (f.transaction !== 'export') fields.transaction = f.transaction
  if (f.notes.trim()) fields.notes = f.notes
  return { fields, missing, invalid, lines: checks }
}
