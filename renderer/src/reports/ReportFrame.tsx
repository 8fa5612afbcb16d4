import type { ReactNode } from 'react'
import type { PaperOrientation, PaperSize, ReportHeader } from '../../../shared/ipc/ops/reports'
import { pageRule, printStamp, shortHash } from './page-setup'
import './print.css'

const PACK_STATUS: Record<string, string> = {
  as_written: 'as written',
  enforced: 'enforced',
  scenario: 'scenario',
}

/**
 * The paper around every report: the page rule (marking, document number, pack, print date,
 * fingerprint and page numbers on every page), the marking banner and title block on page one,
 * and the ledger fingerprint at the end so a paper copy can be tied back to the record.
 */
export function ReportFrame({
  header,
  paper,
  orientation,
  subtitle,
  version,
  children,
}: {
  header: ReportHeader
  paper: PaperSize
  orientation: PaperOrientation
  subtitle?: ReactNode
  /** Document version (the deal's version for a memo). */
  version?: string
  children: ReactNode
}) {
  const pack = header.pack
  return (
    <article
      className="report-doc"
      data-testid="report-doc"
      data-report-kind={header.kind}
      data-document-number={header.documentNumber}
      data-paper={paper}
      data-orientation={orientation}
      data-report-ready="true"
    >
      <style>{pageRule(header, paper, orientation)}</style>
      <div className="report-banner" role="note">
        {header.marking}
      </div>
      <header className="report-title">
        <div>
          <h1>{header.title}</h1>
          {subtitle && <div className="subtitle">{subtitle}</div>}
        </div>
        <dl className="report-meta">
          <dt>Document</dt>
          <dd>{header.documentNumber}</dd>
          {version && (
            <>
              <dt>Version</dt>
              <dd>{version}</dd>
            </>
          )}
          <dt>Printed</dt>
          <dd>{printStamp(header.printedAt)}</dd>
          <dt>Rule pack</dt>
          <dd>{pack ? pack.id : 'none'}</dd>
          {pack && (
            <>
              <dt>Pack version</dt>
              <dd>{pack.version}</dd>
              <dt>Effective</dt>
              <dd>
                {pack.effectiveDate} ({PACK_STATUS[pack.status] ?? pack.status})
              </dd>
              <dt>As of</dt>
              <dd>
                {pack.asOf}
                {pack.auto ? ' (timeline)' : ' (pinned)'}
              </dd>
            </>
          )}
          <dt>Ledger</dt>
          <dd>{shortHash(header.fingerprint.headHash)}</dd>
        </dl>
      </header>
      {children}
      <section className="fingerprint" aria-label="Ledger fingerprint">
        <strong>Ledger fingerprint.</strong> Audit chain head{' '}
        <span className="mono">{header.fingerprint.headHash}</span> after {header.fingerprint.events} events,
        in {header.ledgerName}; Headroom {header.appVersion}.{' '}
        {pack && (
          <>
            Rule pack {pack.id} “{pack.title}”, version {pack.version}, effective {pack.effectiveDate}.{' '}
          </>
        )}
        The head hash changes with every recorded event: a paper copy matches the ledger it was printed from
        when the audit log holds an event with this hash.
      </section>
    </article>
  )
}
