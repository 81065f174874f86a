import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../../src-main/backend/export/chromium-path'
import { testBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { straceUnavailable, traceNetwork } from '../support/network-trace'
import { readPdf } from '../support/pdf'
import { skipBecause } from '../support/skip'

// The app makes no network request, and printing the one-pager starts a whole Chromium. These
// tests run `icp export --pdf` as a user would (the built command, the browser it finds) and
// watch every process it starts: no connection, no datagram and no name lookup may leave.

const root = join(__dirname, '..', '..')
const icp = join(root, 'bin', 'icp.js')
const exportArgs = (pdf: string) => [icp, 'export', 'Sample workspace.icpw', '--scorecard', 'Core ICP', '--pdf', pdf]

let dir = ''

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs'), '--quiet'], { stdio: 'inherit' })
  // One workspace for the whole file (tempDir's folders last one test only).
  dir = mkdtempSync(join(tmpdir(), 'icp-offline-'))
  const backend = testBackend(dir, 'native')
  await openSampleData(backend)
  await backend.call('scorecard-suggest', { name: 'Core ICP' })
  backend.close()
  // Unpacked (when it is the bundled one) before any trace, so the first test is not the slow one.
  findChromium()
}, 300_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function expectOnePage(file: string): Promise<void> {
  const pdf = await readPdf(readFileSync(file))
  expect(pdf.pages).toBe(1)
  expect(pdf.text).toContain('Sample — Stackwise')
}

/** Why `unshare` cannot give a process a network namespace of its own here, or the flags that do. */
function unshareNetwork(): { flags: string[] } | { reason: string } {
  for (const flags of [['-n'], ['-r', '-n']]) {
    const probe = spawnSync('unshare', [...flags, 'true'], { encoding: 'utf8' })
    if (probe.error) return { reason: 'unshare (util-linux) is not installed' }
    if (probe.status === 0) return { flags }
  }
  return { reason: 'this machine does not allow a process its own network namespace (unshare -n needs root or user namespaces)' }
}

describe('printing the one-pager touches no network', () => {
  it('the tracer sees a TCP connection and a DNS query when a process makes them', async (ctx) => {
    const why = straceUnavailable()
    if (why) skipBecause(ctx, why)
    // 192.0.2.1 is TEST-NET-1 (never routed); the connect() call is made whatever the answer.
    const control = join(dir, 'control.js')
    writeFileSync(
      control,
      "require('net').connect(443, '192.0.2.1').on('error', () => {}); require('dns').resolve4('icp-control.example', () => {}); setTimeout(() => process.exit(0), 500)"
    )
    const trace = traceNetwork(process.execPath, [control], { cwd: dir, traceFile: join(dir, 'control.trace'), timeoutMs: 30_000 })
    expect(trace.status).toBe(0)
    expect(trace.findings.some((f) => f.kind === 'network' && f.line.includes('192.0.2.1'))).toBe(true)
    expect(trace.findings.some((f) => f.kind === 'dns')).toBe(true)
  })

  it('icp export --pdf: no connection, datagram or name lookup leaves, in any process it starts', async (ctx) => {
    const why = straceUnavailable()
    if (why) skipBecause(ctx, why)
    const trace = traceNetwork(process.execPath, exportArgs('traced.pdf'), {
      cwd: dir,
      traceFile: join(dir, 'export.trace'),
      timeoutMs: 120_000
    })
    expect(trace.stderr).toBe('')
    expect(trace.status).toBe(0)
    await expectOnePage(join(dir, 'traced.pdf'))
    expect(trace.findings).toEqual([])
    if (trace.udpRouteProbes.length > 0) {
      console.log(
        `Chromium asked the kernel for a route ${trace.udpRouteProbes.length} time(s) (UDP connect, nothing sent):\n${trace.udpRouteProbes.join('\n')}`
      )
    }
  }, 180_000)

  it('icp export --pdf works in a network namespace with no interfaces at all', async (ctx) => {
    const unshare = unshareNetwork()
    if ('reason' in unshare) skipBecause(ctx, unshare.reason)
    const run = spawnSync('unshare', [...unshare.flags, process.execPath, ...exportArgs('offline.pdf')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    await expectOnePage(join(dir, 'offline.pdf'))
  }, 180_000)
})
