import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/**
 * Every network system call a command and all its child processes make, read from strace.
 * `-yy` prints each socket with its kind and, once connected, both ends, so a send on a
 * connected socket still shows where it goes.
 */
export interface NetworkFinding {
  /** A datagram or connection that would leave this machine, or a name lookup. */
  kind: 'network' | 'dns'
  line: string
}

export interface NetworkTrace {
  status: number | null
  stderr: string
  findings: NetworkFinding[]
  /**
   * connect() on a UDP socket to an outside address: no packet is sent; the kernel only picks
   * the route. Chromium does this to learn whether IPv6 is reachable whenever something asks
   * its resolver for a name (here: names mapped to "not found"). Listed, not counted.
   */
  udpRouteProbes: string[]
}

const RESOLVER_SOCKETS = ['/var/run/nscd/socket', '/run/nscd/socket', '/run/systemd/resolve/io.systemd.Resolve']

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address)
}

/** The destination a line names: the address argument if any, else the connected socket's far end. */
function destination(line: string): { address: string; port: number } | { unixPath: string } | null {
  const v4 = /sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(line)
  if (v4) return { address: v4[2]!, port: Number(v4[1]) }
  const v6 = /sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"/.exec(line)
  if (v6) return { address: v6[2]!, port: Number(v6[1]) }
  const unix = /sun_path="([^"]*)"/.exec(line)
  if (unix) return { unixPath: unix[1]! }
  // e.g. sendto(19<UDP:[10.0.0.2:58889->10.255.255.53:53]>, …) or <UDPv6:[[fd00::2]:1->[2001:db8::1]:443]>
  const connected = /^\d+\s+\w+\(\d+<(?:TCP|UDP)[^:]*:\[.*?->(.+?)\]>/.exec(line)
  const far = connected ? /^\[?(.*?)\]?:(\d+)$/.exec(connected[1]!) : null
  return far ? { address: far[1]!, port: Number(far[2]) } : null
}

export function classify(lines: string[]): Pick<NetworkTrace, 'findings' | 'udpRouteProbes'> {
  const findings: NetworkFinding[] = []
  const udpRouteProbes: string[] = []
  for (const line of lines) {
    const call = /^\d+\s+(connect|sendto|sendmsg|sendmmsg)\(\d+<([A-Z0-9-]+)/.exec(line)
    if (!call) continue
    const where = destination(line)
    if (!where) continue
    if ('unixPath' in where) {
      if (RESOLVER_SOCKETS.includes(where.unixPath)) findings.push({ kind: 'dns', line })
      continue
    }
    if (where.port === 53) findings.push({ kind: 'dns', line })
    else if (isLoopback(where.address)) continue
    else if (call[1] === 'connect' && call[2]!.startsWith('UDP')) udpRouteProbes.push(line)
    else findings.push({ kind: 'network', line })
  }
  return { findings, udpRouteProbes }
}

/** Why strace cannot trace here (not installed, or ptrace not allowed), or null when it can. */
export function straceUnavailable(): string | null {
  const probe = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true'], { encoding: 'utf8' })
  if (probe.error) return 'strace is not installed (apt-get install strace)'
  if (probe.status !== 0) return `strace cannot trace here: ${(probe.stderr || `exit code ${probe.status}`).trim().split('\n')[0]}`
  return null
}

export function traceNetwork(
  command: string,
  args: string[],
  options: { cwd: string; traceFile: string; timeoutMs: number }
): NetworkTrace {
  const run = spawnSync(
    'strace',
    ['-f', '-qq', '-yy', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-e', 'signal=none', '-o', options.traceFile, command, ...args],
    { cwd: options.cwd, encoding: 'utf8', timeout: options.timeoutMs }
  )
  const lines = readFileSync(options.traceFile, 'utf8').split('\n')
  return { status: run.status, stderr: run.stderr, ...classify(lines) }
}
