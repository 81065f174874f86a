import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { setApi } from './api/api'
import { createApiClient } from './api/api-client'
import { httpTransport, tokenFromLocation } from './api/http-transport'
import { ipcTransport } from './api/ipc-transport'
import { App } from './App'
import { isPrintRoute, PrintRoot } from './features/export/PrintRoot'
import { startTheme } from './stores/ui-store'
import './styles/app.css'

// The desktop preload provides window.icp; without it we are in browser mode and talk HTTP to
// the host that served this page, with the token from the start URL.
const printing = isPrintRoute(window.location)
// The colour theme goes on <html> before the first frame: the CSP allows no inline script in
// index.html, so this is the earliest point. The one-pager is paper and always light, so the
// print route leaves it alone.
if (!printing) startTheme()
const root = createRoot(document.getElementById('root')!)
if (printing) {
  // The one-pager alone, printed to PDF by the host; it talks to no backend.
  root.render(<PrintRoot />)
} else if (window.icp) {
  setApi(createApiClient(ipcTransport(window.icp)))
  root.render(
    <StrictMode>
      <App mode="desktop" />
    </StrictMode>
  )
} else {
  const token = tokenFromLocation(window.location, window.sessionStorage)
  if (token) {
    setApi(createApiClient(httpTransport(token)))
    root.render(
      <StrictMode>
        <App mode="browser" />
      </StrictMode>
    )
  } else {
    root.render(
      <div className="boot" role="alert">
        This page needs the link printed by <code>npm run web</code> (it carries the access token).
      </div>
    )
  }
}
