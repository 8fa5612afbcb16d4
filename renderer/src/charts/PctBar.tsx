import type { CustomCellRendererProps } from 'ag-grid-react'
import { alertLevel, formatPct } from '../format'

/**
 * A percentage with a bar in the alert colour of the desk's 80/90/95/100 ladder. The number stays
 * as text (it is what a person reads and what tests assert); the bar is decoration.
 */
export function PctBar({ pct }: { pct: number | null | undefined }) {
  const level = alertLevel(pct)
  return (
    <span className={`pct-bar alert-${level}`}>
      <span className="pct-bar-track" aria-hidden="true">
        {pct != null && (
          <span className="pct-bar-fill" style={{ width: `${Math.max(0, Math.min(pct, 100))}%` }} />
        )}
      </span>
      <span className="pct-bar-text">{formatPct(pct)}</span>
    </span>
  )
}

/** AG Grid cell renderer for a 0-100 `pctUsed` value. */
export function PctBarCell(props: CustomCellRendererProps<unknown, number | null>) {
  return <PctBar pct={props.value} />
}
