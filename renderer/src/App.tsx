import type { ReactNode } from 'react'
import { Nav } from './shell/Nav'
import { useRoute, type ScreenId } from './shell/routes'
import { CountriesScreen } from './screens/countries/CountriesScreen'

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
  countries: () => <CountriesScreen />,
}

export function App() {
  const { screen } = useRoute()
  const render = screens[screen]
  return (
    <div className="app">
      <Nav current={screen} />
      <main className="content">{render ? render() : <NotBuiltYet title={screen} />}</main>
    </div>
  )
}
