/**
 * A throwaway PostgreSQL server for one test file: initdb into a temp folder, pg_ctl start on a
 * Unix socket only (no TCP port, nothing reachable from outside), psql to run scripts. Uses the
 * system's PostgreSQL (Debian's `postgresql` package); returns a reason instead when there is none.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` (or `nobody`) user.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PostgresServer {
  /** Runs a script with psql (stop at the first error); stdout, or throws with psql's stderr. */
  run(sql: string): string
  stop(): void
}

function findBin(name: string): string | null {
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const path = join(root, version, 'bin', name)
      if (existsSync(path)) return path
    }
  }
  const which = spawnSync('which', [name], { encoding: 'utf8' })
  return which.status === 0 ? which.stdout.trim() : null
}

function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  for (const user of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', user], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' })
    if (id.status === 0 && gid.status === 0) return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) }
  }
  return null
}

/** The server, or why there is none (printed by the test as its skip reason). */
export function startPostgres(): PostgresServer | string {
  const initdb = findBin('initdb')
  const pgCtl = findBin('pg_ctl')
  const psql = findBin('psql')
  if (initdb === null || pgCtl === null || psql === null)
    return 'PostgreSQL is not installed (apt-get install postgresql gives initdb, pg_ctl and psql)'
  const user = runAs()
  if (process.getuid?.() === 0 && user === null) return 'running as root with no postgres or nobody user to run PostgreSQL as'
  const dir = mkdtempSync(join(tmpdir(), 'icp-pg-'))
  chmodSync(dir, 0o755)
  const data = join(dir, 'data')
  const socket = dir
  if (user) chownSync(dir, user.uid, user.gid)
  const options: SpawnSyncOptions = { encoding: 'utf8', cwd: dir, ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' }, timeout: 60_000 }
  const must = (bin: string, args: string[], input?: string): string => {
    const result = spawnSync(bin, args, { ...options, ...(input === undefined ? {} : { input }) })
    if (result.status !== 0)
      throw new Error(`${bin} ${args.join(' ')} failed: ${String(result.stderr)}${result.error ? String(result.error) : ''}`)
    return String(result.stdout)
  }
  try {
    must(initdb, ['-D', data, '-A', 'trust', '-U', 'icp', '--no-sync'])
    must(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-k ${socket} -c listen_addresses= -c fsync=off`, 'start'])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    return `PostgreSQL could not be started here: ${(error as Error).message.split('\n')[0]}`
  }
  return {
    run(sql) {
      const file = join(dir, `script-${Date.now()}.sql`)
      writeFileSync(file, sql)
      if (user) chownSync(file, user.uid, user.gid)
      return must(psql, ['-X', '-q', '-A', '-t', '-h', socket, '-U', 'icp', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-f', file])
    },
    stop() {
      spawnSync(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], options)
      try {
        execFileSync('rm', ['-rf', dir])
      } catch {
        // Left in the temp folder: harmless.
      }
    }
  }
}
