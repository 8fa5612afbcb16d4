import { useCallback, useState, type ReactNode } from 'react'
import { Header } from './shell/Header'
import { JumpToProject } from './shell/JumpToProject'
import { Nav } from './shell/Nav'
import { RunningJob } from './shell/RunningJob'
import { SessionProvider } from './shell/session'
import { useGlobalShortcuts } from './shell/shortcuts'
import { ProjectsScreen } from './screens/projects/ProjectsScreen'
import { useRoute, type ScreenId } from './shell/routes'
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

export function App() {
  const { screen } = useRoute()
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
      <JumpToProject open={jumpOpen} onClose={() => setJumpOpen(false)} />
      <RunningJob />
    </SessionProvider>
  )
}
