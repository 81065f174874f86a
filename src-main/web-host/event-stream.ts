import type { ServerResponse } from 'node:http'
import { toWire, type EventName, type Events } from '@shared/contract'

/** Server-sent events: the browser-mode counterpart of Electron's event channel. */
export class EventStream {
  private readonly clients = new Set<ServerResponse>()
  private readonly keepAlive: NodeJS.Timeout

  constructor() {
    // Proxies and browsers drop idle streams; a comment line every 20 s keeps them open.
    this.keepAlive = setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n')
    }, 20_000)
    this.keepAlive.unref()
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff'
    })
    res.write(': connected\n\n')
    this.clients.add(res)
    res.on('close', () => this.clients.delete(res))
  }

  send<E extends EventName>(event: E, payload: Events[E]): void {
    const frame = `event: ${event}\ndata: ${toWire(payload)}\n\n`
    for (const client of this.clients) client.write(frame)
  }

  close(): void {
    clearInterval(this.keepAlive)
    for (const client of this.clients) client.end()
    this.clients.clear()
  }
}
