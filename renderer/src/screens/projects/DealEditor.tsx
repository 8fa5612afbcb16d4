import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { EDITABLE_STATUSES, type ProjectDetail, type ProjectStatus } from '../../../../shared/domain/project'
import type { DealLicences } from '../../../../shared/domain/licence-expiry'
import { lifecyclePackRefusal } from '../../../../shared/domain/lifecycle-pack'
import type { Determination } from '../../../../shared/rules/types'
import { ApiError, call } from '../../api/client'
import { ReasonDialog } from '../../components/ReasonDialog'
import { STATUS_LABEL, StatusChip } from '../../components/StatusChip'
import { formatDate } from '../../format'
import { useSession } from '../../shell/session'
import { useWorkspace } from '../../state/workspace'
import {
  AUTHORIZATIONS,
  CERTIFICATIONS,
  emptyForm,
  emptyLine,
  formFromProject,
  problemsSentence,
  toFields,
  type DealForm,
} from './dealForm'
import { DealHistory } from './DealHistory'
import { DealLicenceList } from './DealLicenceList'
import { reloadAction } from './dealReload'
import { DeterminationPanel, type EvaluationState } from './DeterminationPanel'
import { LifecycleActions, type LicenceGrant } from './LifecycleActions'
import { LineEditor } from './LineEditor'
import { useReferenceData, type CountryOption } from './useReferenceData'
import { requestedAuthorizationLabel, TRANSACTION_LABELS } from '../../reports/report-words'

function CountrySelect({
  id,
  value,
  countries,
  onChange,
  empty,
}: {
  id: string
  value: string
  countries: CountryOption[]
  onChange(v: string): void
  empty: string
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {countries.map((c) => (
        <option key={c.iso2} value={c.iso2}>
          {c.name} ({c.iso2})
        </option>
      ))}
    </select>
  )
}

/** Problems that stop the engine from evaluating at all (the name does not matter to it). */
const blocksEvaluation = (problem: string) => problem !== 'deal name'

/**
 * What the panel is showing. Only a new deal and a loaded deal have a form: while a deal loads, or
 * when it could not be read, an empty form would be editable and could be saved (as a new draft or
 * over the record), and its "not determinable" would look like the deal's determination. So those
 * two states show no form, no determination and no lifecycle steps.
 */
export type EditorState = 'new' | 'loading' | 'failed' | 'loaded'

export function editorState(
  projectId: string | null,
  loadedId: string | null,
  loadError: string | null,
): EditorState {
  if (!projectId) return 'new'
  if (loadError !== null) return 'failed'
  return loadedId === projectId ? 'loaded' : 'loading'
}

function errorText(e: unknown): string {
  if (e instanceof ApiError && e.info.fields?.length)
    return `${e.message}: ${e.info.fields.map((f) => `${f.path || 'deal'} — ${f.message}`).join('; ')}`
  return (e as Error).message
}

/**
 * The deal editor (side panel): the deal's fields, a live determination that re-evaluates as they
 * change, the lifecycle steps and the deal's history.
 */
export function DealEditor({
  projectId,
  onClose,
  onDirtyChange,
  onSaved,
  onDeleted,
}: {
  projectId: string | null
  /** The officer asks to close the panel (✕, Escape): the screen asks first if edits would be lost. */
  onClose(): void
  /** Whether the form holds edits not saved, as it changes; false again when the editor goes. */
  onDirtyChange(dirty: boolean): void
  onSaved(id: string): void
  onDeleted(): void
}) {
  const ws = useWorkspace()
  const session = useSession()
  const ref = useReferenceData(session.dataVersion)
  const id = useId()
  const [detail, setDetail] = useState<ProjectDetail | null>(null)
  const [form, setForm] = useState<DealForm>(() => emptyForm(ws.asOf))
  const [savedForm, setSavedForm] = useState<string>(() =>
    JSON.stringify(toFields(emptyForm(ws.asOf)).fields),
  )
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [showProblems, setShowProblems] = useState(false)
  const [saving, setSaving] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [evaluation, setEvaluation] = useState<{
    d: Determination | null
    loading: boolean
    error: string | null
  }>({ d: null, loading: false, error: null })
  const [governing, setGoverning] = useState<string | null>(null)
  const [loadAttempt, setLoadAttempt] = useState(0)
  const evalSeq = useRef(0)

  const pinned = ws.packId !== 'auto' ? ws.packId : undefined

  // A newer version of the deal, read while the officer had edits on screen (see `reloadAction`).
  const [newer, setNewer] = useState<ProjectDetail | null>(null)
  // The latest of these for the read below, which must not re-run when they change.
  const seen = useRef<{ unsaved: boolean; detail: ProjectDetail | null }>({ unsaved: false, detail: null })
  const showRecord = useCallback((d: ProjectDetail) => {
    setDetail(d)
    const f = formFromProject(d.project)
    setForm(f)
    setSavedForm(JSON.stringify(toFields(f).fields))
    setNewer(null)
  }, [])

  useEffect(() => {
    if (!projectId) return
    let live = true
    call('projects.get', { id: projectId }).then(
      (d) => {
        if (!live) return
        const shown = seen.current.detail?.project ?? null
        const action = reloadAction(seen.current.unsaved, shown, d.project)
        if (action === 'replace') showRecord(d)
        else if (action === 'refresh') setDetail(d)
        else setNewer(d)
        setLoadError(null)
      },
      (e: unknown) => {
        if (!live) return
        // Nothing of an earlier read may stay on screen as if it were this deal's record.
        setDetail(null)
        setLoadError(errorText(e))
      },
    )
    return () => {
      live = false
    }
  }, [projectId, session.dataVersion, loadAttempt, showRecord])

  // The licences the deal draws on, with their expiry against the session's and the ship date. Read
  // apart from the deal (the session's date is the ledger's to say); kept while a newer read is on
  // its way, and tied to its deal by id so another deal's answer is never shown as this one's.
  const [licences, setLicences] = useState<DealLicences | null>(null)
  const loadedVersion = detail?.project.id === projectId ? detail?.project.version : undefined
  useEffect(() => {
    if (!projectId || loadedVersion === undefined) return
    let live = true
    call('licences.forDeal', { id: projectId }).then(
      (l) => live && setLicences(l),
      () => live && setLicences(null),
    )
    return () => {
      live = false
    }
  }, [projectId, loadedVersion, session.dataVersion])
  const dealLicences = licences?.dealId === projectId ? licences : null

  const state = editorState(projectId, detail?.project.id ?? null, loadError)
  const hasForm = state === 'new' || state === 'loaded'

  const checked = useMemo(() => toFields(form), [form])
  const { fields } = checked
  const problemCount = checked.missing.length + checked.invalid.length
  const dirty = JSON.stringify(fields) !== savedForm
  // Only edits on screen count: a deal that could not be read shows no form to lose.
  const unsaved = hasForm && dirty
  useEffect(() => {
    seen.current = { unsaved, detail }
  }, [unsaved, detail])
  useEffect(() => {
    onDirtyChange(unsaved)
    return () => onDirtyChange(false)
  }, [unsaved, onDirtyChange])
  const editable = !detail || EDITABLE_STATUSES.includes(detail.project.status)
  // What keeps the rules from being asked: a value not given, or given but not valid.
  const formMissing = checked.missing.filter(blocksEvaluation)
  const formInvalid = checked.invalid
  const blocked = formMissing.length + formInvalid.length > 0

  // Which pack the timeline gives for the deal's own date, so the panel can say which rules apply.
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.plannedDate)) return
    call('packs.resolve', { asOf: form.plannedDate }).then(
      (r) => setGoverning(r.packId),
      () => setGoverning(null),
    )
  }, [form.plannedDate])

  const packNote = pinned
    ? `Pinned in the header: ${pinned}.${governing && governing !== pinned ? ` The timeline gives ${governing} for ${form.plannedDate}.` : ''}`
    : `Auto: ${governing ?? '…'} governs the ship date ${form.plannedDate} (timeline).`

  // Live determination: debounced, and a late answer for an older form never overwrites a newer one.
  const evalKey = blocked || !hasForm ? '' : JSON.stringify({ fields, pinned, projectId })
  useEffect(() => {
    if (!evalKey) return
    const seq = ++evalSeq.current
    setEvaluation((s) => ({ ...s, loading: true }))
    const t = setTimeout(() => {
      const deal = { ...(projectId ? { id: projectId } : {}), ...fields, name: fields.name || 'Unsaved deal' }
      call('projects.evaluate', { deal, ...(pinned ? { packId: pinned } : {}) }).then(
        (d) => seq === evalSeq.current && setEvaluation({ d, loading: false, error: null }),
        (e: unknown) =>
          seq === evalSeq.current && setEvaluation({ d: null, loading: false, error: errorText(e) }),
      )
    }, 300)
    return () => clearTimeout(t)
    // evalKey captures fields, pinned and projectId: re-run only when one of them really changes.
  }, [evalKey])

  const evalState: EvaluationState = {
    determination: blocked ? null : evaluation.d,
    formMissing,
    formInvalid,
    loading: evaluation.loading,
    error: blocked ? null : evaluation.error,
    packNote,
    licenceNumber: detail?.project.licensed ? detail.project.licenceNumber : null,
    status: detail?.project.status ?? null,
  }

  const set = <K extends keyof DealForm>(key: K, value: DealForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }))

  /** Picking a known consignee fills what its party record knows, without overwriting what was typed. */
  const setConsignee = (name: string) => {
    const party = ref.parties.find((p) => p.name.toLowerCase() === name.trim().toLowerCase())
    setForm((f) => ({
      ...f,
      consignee: name,
      ...(party && !f.consigneeHq && party.hq ? { consigneeHq: party.hq } : {}),
      ...(party && !f.parentHq && party.parentHq !== undefined
        ? { parentHq: party.parentHq === null ? 'none' : party.parentHq }
        : {}),
      ...(party?.veu && !f.veuKind
        ? { veuKind: party.veu.kind, veuId: party.veu.id, veuHq: party.veu.hq }
        : {}),
    }))
  }

  const save = async () => {
    setShowProblems(true)
    setSaveError(null)
    if (problemCount) return
    setSaving(true)
    try {
      if (detail) {
        const p = await call('projects.updateDraft', {
          id: detail.project.id,
          version: detail.project.version,
          ...fields,
        })
        // Saved: the read that follows must show the new version, not hold it as someone else's.
        seen.current = { unsaved: false, detail }
        setSavedForm(JSON.stringify(fields))
        onSaved(p.id)
      } else {
        const p = await call('projects.createDraft', fields)
        onSaved(p.id)
      }
    } catch (e) {
      setSaveError(errorText(e))
    } finally {
      setSaving(false)
    }
  }

  const transition = useCallback(
    async (to: ProjectStatus, reason: string | undefined, licence?: LicenceGrant) => {
      if (!detail) return
      await call('projects.transition', {
        id: detail.project.id,
        to,
        ...(reason ? { reason } : {}),
        ...(licence ? { licence } : {}),
        ...(pinned ? { packId: pinned } : {}),
      })
      session.bumpData()
    },
    [detail, pinned, session],
  )

  const title = detail ? `${detail.project.id} · ${detail.project.name}` : projectId ? projectId : 'New deal'
  const lineNames = ref.parties.map((p) => p.name)

  return (
    <aside
      className="deal-panel"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        // Escape closes the panel as ✕ does, unless a dialog of its own (a lifecycle reason) took it.
        if (e.key !== 'Escape' || e.defaultPrevented || (e.target as Element).closest('dialog')) return
        e.preventDefault()
        onClose()
      }}
    >
      <header className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {detail && <StatusChip status={detail.project.status} />}
        {detail && (
          <span className="muted small">
            v{detail.project.version} · prepared by {detail.project.preparer}
            {detail.project.reviewer ? ` · reviewed by ${detail.project.reviewer}` : ''} ·{' '}
            {formatDate(detail.project.updatedAt)}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label="Close deal editor" onClick={onClose}>
          ✕
        </button>
      </header>
      {state === 'failed' && (
        <div className="deal-load-failed">
          <p role="alert" className="error">
            Deal {projectId} could not be read from the ledger, so it is not shown and cannot be edited:{' '}
            {loadError}
          </p>
          <p className="muted small">
            Nothing was changed. If this keeps happening, check the ledger with “headroom verify” and restore
            a good backup.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setLoadError(null)
                setLoadAttempt((n) => n + 1)
              }}
            >
              Retry
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      )}
      {state === 'loading' && (
        <p className="muted" role="status">
          Loading deal {projectId}…
        </p>
      )}
      {hasForm && newer && detail && (
        <div className="deal-newer" role="alert">
          <p>
            Deal {detail.project.id} was saved elsewhere while you were editing: the ledger now holds version{' '}
            {newer.project.version} ({STATUS_LABEL[newer.project.status].toLowerCase()},{' '}
            {formatDate(newer.project.updatedAt)}). Your edits are still here, made on version{' '}
            {detail.project.version}; saving them is refused, so nothing is written over the newer version.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => showRecord(newer)}>
              Load version {newer.project.version} (discards your edits)
            </button>
          </div>
        </div>
      )}
      {hasForm && (
        <div className="deal-body">
          <div className="deal-form">
            <form
              aria-label="Deal"
              onSubmit={(e) => {
                e.preventDefault()
                void save()
              }}
            >
              <fieldset disabled={!editable} className="plain">
                {!editable && (
                  <p className="muted small">
                    This deal is {detail && STATUS_LABEL[detail.project.status].toLowerCase()}; its fields can
                    no longer be edited.
                  </p>
                )}
                <div className="form-grid">
                  <div className="field span-2">
                    <label htmlFor={`${id}-name`}>Deal name</label>
                    <input
                      id={`${id}-name`}
                      value={form.name}
                      onChange={(e) => set('name', e.target.value)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-consignee`}>Consignee</label>
                    <input
                      id={`${id}-consignee`}
                      list={`${id}-parties`}
                      value={form.consignee}
                      onChange={(e) => setConsignee(e.target.value)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-enduser`}>End user</label>
                    <input
                      id={`${id}-enduser`}
                      list={`${id}-parties`}
                      value={form.endUser}
                      onChange={(e) => set('endUser', e.target.value)}
                    />
                  </div>
                  <datalist id={`${id}-parties`}>
                    {lineNames.map((n) => (
                      <option key={n} value={n} />
                    ))}
                  </datalist>
                  <div className="field">
                    <label htmlFor={`${id}-hq`}>Consignee HQ</label>
                    <CountrySelect
                      id={`${id}-hq`}
                      value={form.consigneeHq}
                      countries={ref.countries}
                      onChange={(v) => set('consigneeHq', v)}
                      empty="From the party record"
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-parent`}>Ultimate parent HQ</label>
                    <select
                      id={`${id}-parent`}
                      value={form.parentHq}
                      onChange={(e) => set('parentHq', e.target.value)}
                    >
                      <option value="">From the party record</option>
                      <option value="none">No ultimate parent</option>
                      {ref.countries.map((c) => (
                        <option key={c.iso2} value={c.iso2}>
                          {c.name} ({c.iso2})
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-dest`}>Destination</label>
                    <CountrySelect
                      id={`${id}-dest`}
                      value={form.destination}
                      countries={ref.countries}
                      onChange={(v) => set('destination', v)}
                      empty="Choose a country…"
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-site`}>Site</label>
                    <input
                      id={`${id}-site`}
                      value={form.site}
                      onChange={(e) => set('site', e.target.value)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-date`}>Planned ship date</label>
                    <input
                      id={`${id}-date`}
                      type="date"
                      value={form.plannedDate}
                      onChange={(e) => set('plannedDate', e.target.value)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-auth`}>Requested authorization</label>
                    <select
                      id={`${id}-auth`}
                      value={form.authorization}
                      onChange={(e) => set('authorization', e.target.value as DealForm['authorization'])}
                    >
                      <option value="">{requestedAuthorizationLabel(null)}</option>
                      {AUTHORIZATIONS.map((a) => (
                        <option key={a} value={a}>
                          {requestedAuthorizationLabel(a)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-dc`}>Datacenter items</label>
                    <select
                      id={`${id}-dc`}
                      value={form.datacenter}
                      onChange={(e) => set('datacenter', e.target.value as DealForm['datacenter'])}
                    >
                      <option value="default">As the chips say</option>
                      <option value="yes">Yes, datacenter</option>
                      <option value="no">No, not datacenter</option>
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-tx`}>Transaction</label>
                    <select
                      id={`${id}-tx`}
                      value={form.transaction}
                      onChange={(e) => set('transaction', e.target.value as DealForm['transaction'])}
                    >
                      {Object.entries(TRANSACTION_LABELS).map(([kind, label]) => (
                        <option key={kind} value={kind}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>

                <fieldset className="sub">
                  <legend>Validated end user</legend>
                  <div className="form-grid">
                    <div className="field">
                      <label htmlFor={`${id}-veukind`}>VEU type</label>
                      <select
                        id={`${id}-veukind`}
                        value={form.veuKind}
                        onChange={(e) => set('veuKind', e.target.value as DealForm['veuKind'])}
                      >
                        <option value="">None</option>
                        <option value="UVEU">Universal (UVEU)</option>
                        <option value="NVEU">National (NVEU)</option>
                      </select>
                    </div>
                    {form.veuKind && (
                      <>
                        <div className="field">
                          <label htmlFor={`${id}-veuid`}>VEU id</label>
                          <input
                            id={`${id}-veuid`}
                            value={form.veuId}
                            onChange={(e) => set('veuId', e.target.value)}
                          />
                        </div>
                        <div className="field">
                          <label htmlFor={`${id}-veuhq`}>VEU headquarters</label>
                          <CountrySelect
                            id={`${id}-veuhq`}
                            value={form.veuHq}
                            countries={ref.countries}
                            onChange={(v) => set('veuHq', v)}
                            empty="Choose…"
                          />
                        </div>
                      </>
                    )}
                  </div>
                </fieldset>

                <fieldset className="sub">
                  <legend>Exporter certifications (2026 China/Macau rule)</legend>
                  {CERTIFICATIONS.map((c) => (
                    <label key={c.id} className="check">
                      <input
                        type="checkbox"
                        checked={form.certifications.includes(c.id)}
                        onChange={(e) =>
                          set(
                            'certifications',
                            e.target.checked
                              ? [...form.certifications, c.id]
                              : form.certifications.filter((x) => x !== c.id),
                          )
                        }
                      />{' '}
                      {c.label}
                    </label>
                  ))}
                </fieldset>

                <fieldset className="sub">
                  <legend>Lines</legend>
                  {form.lines.map((l, i) => (
                    <LineEditor
                      key={l.key}
                      line={l}
                      check={checked.lines[i]!}
                      index={i}
                      chips={ref.chips}
                      packId={pinned}
                      disabled={form.lines.length === 1}
                      onChange={(next) =>
                        set(
                          'lines',
                          form.lines.map((x) => (x.key === l.key ? next : x)),
                        )
                      }
                      onRemove={() =>
                        set(
                          'lines',
                          form.lines.filter((x) => x.key !== l.key),
                        )
                      }
                    />
                  ))}
                  <button type="button" onClick={() => set('lines', [...form.lines, emptyLine()])}>
                    Add line
                  </button>
                </fieldset>

                <div className="field">
                  <label htmlFor={`${id}-notes`}>Notes</label>
                  <textarea
                    id={`${id}-notes`}
                    rows={2}
                    value={form.notes}
                    onChange={(e) => set('notes', e.target.value)}
                  />
                </div>
              </fieldset>

              {showProblems && problemCount > 0 && (
                <p role="alert" className="error">
                  {problemsSentence(checked)}
                </p>
              )}
              {saveError && (
                <p role="alert" className="error">
                  {saveError}
                </p>
              )}
              <div className="button-row">
                {editable && (
                  <button
                    type="submit"
                    className={dirty || !detail ? 'primary' : undefined}
                    disabled={saving}
                  >
                    {detail ? 'Save changes' : 'Save draft'}
                  </button>
                )}
                {dirty && detail && editable && <span className="muted small">Unsaved changes</span>}
                {detail?.project.status === 'draft' && (
                  <button type="button" className="danger" onClick={() => setDeleting(true)}>
                    Delete draft
                  </button>
                )}
              </div>
            </form>

            {detail && (
              <section aria-labelledby={`${id}-lc`} className="lifecycle-section">
                <h2 id={`${id}-lc`}>Lifecycle</h2>
                {dealLicences && <DealLicenceList licences={dealLicences} />}
                <LifecycleActions
                  detail={detail}
                  licences={dealLicences}
                  user={session.user}
                  blocked={
                    dirty
                      ? 'Save your changes before submitting.'
                      : formInvalid.length
                        ? 'Correct the fields marked in the form before submitting.'
                        : null
                  }
                  packBlocked={lifecyclePackBlock(pinned, governing, form.plannedDate)}
                  packNote={packNote}
                  onTransition={transition}
                />
              </section>
            )}
            {detail && <DealHistory detail={detail} />}
          </div>
          <DeterminationPanel state={evalState} />
        </div>
      )}
      <ReasonDialog
        request={
          deleting
            ? {
                title: `Delete draft ${detail?.project.id ?? ''}`,
                action: 'Delete draft',
                reasonRequired: false,
              }
            : null
        }
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          if (!detail) return
          call('projects.deleteDraft', { id: detail.project.id }).then(
            () => {
              setDeleting(false)
              onDeleted()
            },
            (e: unknown) => {
              setDeleting(false)
              setSaveError(errorText(e))
            },
          )
        }}
      />
    </aside>
  )
}

/**
 * Why the steps that record a determination (submit, approve, licence) wait while the header pins a
 * pack: the ledger records them only under the pack in force on the deal's date, never under a
 * what-if scenario (electron/db/evaluation.ts `lifecyclePackId`). Null when they may go ahead.
 */
function lifecyclePackBlock(
  pinned: string | undefined,
  governing: string | null,
  date: string,
): string | null {
  const refusal = lifecyclePackRefusal(pinned, governing)
  if (refusal === 'scenario')
    return `A what-if scenario (${pinned}) is pinned in the header: lifecycle steps are recorded under the rules in force. Set the header's rule pack to Auto to take them.`
  if (refusal === 'not_in_force')
    return `The header pins ${pinned}, but ${governing} is in force on ${date}: lifecycle steps are recorded under the pack in force. Set the header's rule pack to Auto to take them.`
  return null
}
