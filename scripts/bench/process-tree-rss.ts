import { readdirSync, readFileSync } from 'node:fs'

/**
 * Resident memory of a process and all its descendants, from /proc (Linux): the import reads in
 * a child process, so the app's own RSS alone would leave the reader out of "whole process".
 * Null where /proc is not there to read.
 */
export function processTreeRss(pid = process.pid): number | null {
  try {
    return treeRss(pid)
  } catch {
    return null
  }
}

function treeRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  let total = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let children: string[] = []
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    } catch {
      continue
    }
    for (const child of children) {
      try {
        total += treeRss(Number(child))
      } catch {
        // The child ended between the listing and the read.
      }
    }
  }
  return total
}
