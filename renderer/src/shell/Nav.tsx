import { SCREENS, type ScreenId } from './routes'

export function Nav({ current }: { current: ScreenId }) {
  return (
    <nav className="nav" aria-label="Screens">
      <div className="brand">Headroom</div>
      <ul>
        {SCREENS.map((s) => (
          <li key={s.id}>
            <a href={`#/${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
