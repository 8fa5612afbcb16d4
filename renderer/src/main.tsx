import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { WorkspaceProvider } from './state/workspace'
import './styles.css'

// Light or dark follows the OS, for the app's CSS and AG Grid's colour scheme alike.
const dark = window.matchMedia('(prefers-color-scheme: dark)')
const applyScheme = () => {
  const mode = dark.matches ? 'dark' : 'light'
  document.documentElement.dataset.theme = mode
  document.body.dataset.agThemeMode = mode
}
applyScheme()
dark.addEventListener('change', applyScheme)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkspaceProvider>
      <App />
    </WorkspaceProvider>
  </StrictMode>,
)
