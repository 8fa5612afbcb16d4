import type { Project, ProjectFields, ProjectLine } from '../../../../shared/domain/project'
import {
  REQUESTED_AUTHORIZATIONS,
  type ChipSpec,
  type RequestedAuthorization,
  type TransactionKind,
} from '../../../../shared/rules/types'

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

const num = (s: string): number | undefined => {
  const t = s.replace(/,/g, '').trim()
  if (t === '') return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : NaN
}

/** A custom chip as the contract's spec, or what is wrong with it. */
export function customSpec(c: CustomChipForm): { spec: ChipSpec | null; problems: string[] } {
  const problems: string[] = []
  const fields = {
    tpp: num(c.tpp),
    tops: num(c.tops),
    bitLength: num(c.bitLength),
    dieArea: num(c.dieArea),
    dramBandwidth: num(c.dramBandwidth),
  }
  for (const [k, v] of Object.entries(fields))
    if (v !== undefined && (Number.isNaN(v) || v <= 0)) problems.push(`${k} must be a positive number`)
  if (!c.name.trim()) problems.push('chip name')
  if (fields.tpp === undefined && (fields.tops === undefined || fields.bitLength === undefined))
    problems.push('TPP, or dense TOPS and bit length')
  if (problems.length) return { spec: null, problems }
  const spec: ChipSpec = { name: c.name.trim(), datacenter: c.datacenter }
  if (fields.tpp !== undefined) spec.tpp = fields.tpp
  if (fields.tops !== undefined) spec.tops = fields.tops
  if (fields.bitLength !== undefined) spec.bitLength = Math.round(fields.bitLength)
  if (fields.dieArea !== undefined) spec.dieArea = fields.dieArea
  if (fields.dramBandwidth !== undefined) spec.dramBandwidth = fields.dramBandwidth
  return { spec, problems: [] }
}

export interface FieldsResult {
  fields: ProjectFields
  /** What is missing or wrong, in the desk's words; empty when the deal can be saved. */
  problems: string[]
}

/** The form as the contract's fields. Optional fields left empty are omitted, never sent as ''. */
export function toFields(f: DealForm): FieldsResult {
  const problems: string[] = []
  if (!f.name.trim()) problems.push('deal name')
  if (!f.consignee.trim()) problems.push('consignee')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.plannedDate)) problems.push('planned ship date')
  const lines: ProjectLine[] = []
  f.lines.forEach((l, i) => {
    const q = num(l.quantity)
    const label = `line ${i + 1}`
    if (!l.chipId) problems.push(`${label}: chip`)
    if (q === undefined || Number.isNaN(q) || q < 1 || !Number.isInteger(q))
      problems.push(`${label}: quantity (whole units, at least 1)`)
    let chip: ProjectLine['chip'] | null = l.chipId && l.chipId !== CUSTOM_CHIP ? l.chipId : null
    if (l.chipId === CUSTOM_CHIP) {
      const c = customSpec(l.custom)
      c.problems.forEach((p) => problems.push(`${label}: ${p}`))
      chip = c.spec
    }
    if (chip && q !== undefined && Number.isInteger(q) && q >= 1) lines.push({ chip, quantity: q })
  })
  if (f.lines.length === 0) problems.push('at least one line')
  if (f.veuKind && (!f.veuId.trim() || !f.veuHq)) problems.push('validated end user id and headquarters')

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
  return { fields, problems }
}
