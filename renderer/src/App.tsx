import { useCallback, useState, type ReactNode } from 'react'
import { Header } from './shell/Header'
import { JumpToProject } from './shell/JumpToProject'
import { Nav } from './shell/Nav'
import { RunningJob } from './shell/RunningJob'
import { SessionProvider } from './shell/session'
import { useGlobalShortcuts } from './shell/shortcuts'
import { ProjectsScreen } from './screens/projects/ProjectsScreen'
import { SCREENS, useRoute, type ScreenId } from './shell/routes'
import { unsavedWork } from './shell/unsavedWork'
import { ConfirmDialog } from './components/ConfirmDialog'
import { ReportsScreen } from './screens/reports/ReportsScreen'
import { ScenariosScreen } from './screens/scenarios/ScenariosScreen'
import { CountriesScreen } from './screens/countries/CountriesScreen'
import { HeadroomScreen } from './screens/headroom/HeadroomScreen'
import { ChipsScreen } from './screens/chips/ChipsScreen'
import { PartiesScreen } from './screens/parties/PartiesScreen'
import { PacksScreen } from './screens/packs/PacksScreen'
import { AuditScreen } from './screens/audit/AuditScreen'
import { LedgerScreen } from './screens/ledger/LedgerScreen'

function NotBuiltYet({ title }: { title: string }) {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      <p className="muted">This screen is not part of this build yet.</p>
    </section>
  )
}

const screens: Partial<Record<ScreenId, () => ReactNode>> = {
  audit: () => <AuditScreen />,
  ledger: () => <LedgerScreen />,
  packs: () => <PacksScreen />,
  parties: () => <PartiesScreen />,
  chips: () => <ChipsScreen />,
  headroom: () => <HeadroomScreen />,
  scenarios: () => <ScenariosScreen />,
  projects: () => <ProjectsScreen />,
  countries: () => <CountriesScreen />,
  reports: () => <ReportsScreen />,
}

/**
 * The screen to show: the address's, unless leaving the one shown would lose unsaved work; then the
 * address waits on the officer's answer ("Keep editing" puts it back, "Discard" goes on).
 */
function useGuardedScreen() {
  const { screen: wanted, hash } = useRoute()
  const [shown, setShown] = useState({ screen: wanted, hash })
  const [asking, setAsking] = useState<{ screen: ScreenId; what: string } | null>(null)
  // Reacting to a change of address only (the pattern of useDealPanel): a render is not a request.
  const [seen, setSeen] = useState(hash)
  if (hash !== seen) {
    setSeen(hash)
    const what = wanted === shown.screen ? null : unsavedWork()
    if (what) setAsking({ screen: wanted, what })
    else {
      setAsking(null)
      setShown({ screen: wanted, hash })
    }
  }
  return {
    screen: shown.screen,
    asking,
    keep: () => {
      // The dialog's close event answers too, also after "Discard": only a question still open is kept.
      if (!asking) return
      setAsking(null)
      window.location.replace(shown.hash || '#/projects')
    },
    discard: () => {
      setAsking(null)
      setShown({ screen: wanted, hash })
    },
  }
}

export function App() {
  const { screen, asking, keep, discard } = useGuardedScreen()
  const render = screens[screen]
  const [jumpOpen, setJumpOpen] = useState(false)
  useGlobalShortcuts(useCallback(() => setJumpOpen(true), []))
  return (
    <SessionProvider>
      <div className="app">
        <Nav current={screen} />
        <div className="workspace">
          <Header />
          <main className="content">{render ? render() : <NotBuiltYet title={screen} />}</main>
        </div>
      </div>
      <ConfirmDialog
        open={asking !== null}
        title="Discard unsaved changes?"
        action="Discard changes"
        cancelLabel="Keep editing"
        onConfirm={discard}
        onCancel={keep}
      >
        <p>
          {asking?.what} Keep editing to save them, or discard them and open{' '}
          {asking ? SCREENS.find((s) => s.id === asking.screen)?.label : ''}.
        </p>
      </ConfirmDialog>
      <JumpToProject open={jumpOpen} onClose={() => setJumpOpen(false)} />
      <RunningJob />
    </SessionProvider>
  )
}
