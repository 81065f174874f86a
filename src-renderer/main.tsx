import { StrictMode } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { setApi } from './api/api'
import { createApiClient } from './api/api-client'
import { httpTransport, tokenFromLocation } from './api/http-transport'
import { ipcTransport } from './api/ipc-transport'
import { App } from './App'
import type { ApiClient } from './api/api-client'
import { queryClient } from './queries/query-client'
import { startDataSync } from './queries/data-sync'
import { isPrintRoute, PrintRoot } from './features/export/PrintRoot'
import { startTheme } from './stores/ui-store'
import './styles/app.css'

/** The app over one transport: the typed client, the query cache and its sync with the backend. */
function withApi(client: ApiClient, app: React.ReactElement): React.ReactElement {
  setApi(client)
  startDataSync(client)
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>{app}</QueryClientProvider>
    </StrictMode>
  )
}

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
  root.render(withApi(createApiClient(ipcTransport(window.icp)), <App mode="desktop" />))
} else {
  const token = tokenFromLocation(window.location, window.sessionStorage)
  if (token) {
    root.render(withApi(createApiClient(httpTransport(token)), <App mode="browser" />))
  } else {
    root.render(
      <div className="boot" role="alert">
        This page needs the link printed by <code>npm run web</code> (it carries the access token).
      </div>
    )
  }
}
