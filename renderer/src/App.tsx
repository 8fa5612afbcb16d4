import { useCallback, useState, type ReactNode } from 'react'
import { Header } from './shell/Header'
import { JumpToProject } from './shell/JumpToProject'
import { Nav } from './shell/Nav'
import { SessionProvider } from './shell/session'
import { useGlobalShortcuts } from './shell/shortcuts'
import { ProjectsScreen } from './screens/projects/ProjectsScreen'
import { useRoute, type ScreenId } from './shell/routes'
import { CountriesScreen } from './screens/countries/CountriesScreen'
import { ReportsScreen } from './screens/reports/ReportsScreen'
import { ScenariosScreen } from './screens/scenarios/ScenariosScreen'

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
    </SessionProvider>
  )
}
