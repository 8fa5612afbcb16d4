import type { GridApi, GridReadyEvent } from 'ag-grid-community'
import { useCallback, useRef, useState } from 'react'
import type { ChipRow } from '../../../../shared/domain/chip'
import { DataGrid } from '../../grid/DataGrid'
import { exportGridCsv } from '../../grid/exporters'
import { usePackFrame, useOp } from '../packs/frame'
import { chipColumns } from './columns'
import { CustomChipPanel } from './CustomChipPanel'

const rowId = (c: ChipRow) => c.id

/** The chip catalogue (shipped, with sources, and the desk's own) and a custom-chip classifier. */
export function ChipsScreen() {
  const { frame, error: frameError } = usePackFrame()
  const packId = frame?.resolved.packId
  const chips = useOp('chips.list', packId ? { packId } : null)
  const [quick, setQuick] = useState('')
  const apiRef = useRef<GridApi<ChipRow> | null>(null)
  const onGridReady = useCallback((e: GridReadyEvent<ChipRow>) => {
    apiRef.current = e.api
  }, [])
  const onCreated = useCallback(
    (chip: ChipRow) => {
      chips.reload()
      setQuick(chip.name)
    },
    [chips],
  )
  return (
    <section className="screen chips-screen" aria-labelledby="chips-title">
      <header className="screen-header">
        <h1 id="chips-title">Chips</h1>
        {chips.data && <span className="muted">{chips.data.length} chips</span>}
        {frame && <span className="muted">classified under {frame.resolved.title}</span>}
      </header>
      {(chips.error ?? frameError) && (
        <p role="alert" className="error">
          {chips.error ?? frameError}
        </p>
      )}
      <div className="chips-layout">
        <div className="chips-main">
          <div className="toolbar" role="toolbar" aria-label="Chips">
            <input
              type="search"
              className="quick-filter"
              aria-label="Find chips"
              placeholder="Find (name, vendor, ECCN)…"
              value={quick}
              onChange={(e) => setQuick(e.target.value)}
            />
            <button type="button" onClick={() => apiRef.current && exportGridCsv(apiRef.current, 'chips')}>
              Export CSV
            </button>
          </div>
          <DataGrid<ChipRow>
            gridId="chips"
            rowId={rowId}
            rowData={chips.data}
            columnDefs={chipColumns}
            quickFilterText={quick}
            onGridReady={onGridReady}
            // No pack to classify under (none governs the as-of date): say so, not a spinner.
            unavailable={chips.error ?? frameError}
          />
        </div>
        <CustomChipPanel packId={packId} onCreated={onCreated} />
      </div>
    </section>
  )
}
