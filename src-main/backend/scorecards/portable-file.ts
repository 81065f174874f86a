import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ScorecardFile } from '@shared/domain/scorecards'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { toPortable } from '@shared/engine/scorecard/portable-format'
import { AppError } from '../app-error'
import type { WorkspaceLocations } from '../workspace/workspace-locations'
import { safeFileName } from '@shared/format'

/** Reading and writing `icp-scorecard/1` files; what the JSON means is the engine's portable format. */

/** A scorecard file is a few kilobytes; anything this large is not one. */
const MAX_SCORECARD_FILE_BYTES = 5 * 1024 * 1024

export const SCORECARD_FILE_SUFFIX = '.icp-scorecard.json'

export type ScorecardSource = { kind: 'path'; path: string } | { kind: 'upload'; fileName: string; bytes: Uint8Array }

function readPath(path: string, locations: WorkspaceLocations): { fileName: string; bytes: Uint8Array } {
  // Relative paths are taken from where the user is (the CLI's working folder), as workspace paths are.
  const absolute = locations.kind === 'native' ? locations.resolve(path, 'open') : path
  let size: number
  try {
    const stats = statSync(absolute)
    if (!stats.isFile()) throw new AppError('BAD_INPUT', `${path} is not a file.`, { path })
    size = stats.size
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('NOT_FOUND', `${path} does not exist.`, { path })
  }
  if (size > MAX_SCORECARD_FILE_BYTES) {
    throw new AppError('BAD_INPUT', `${basename(path)} is ${Math.round(size / 1048576)} MB, too large to be a scorecard file.`)
  }
  return { fileName: basename(absolute), bytes: readFileSync(absolute) }
}

/** The file's name and its JSON, or a BAD_INPUT error naming the file. */
export function readScorecardJson(source: ScorecardSource, locations: WorkspaceLocations): { fileName: string; json: unknown } {
  const { fileName, bytes } = source.kind === 'upload' ? source : readPath(source.path, locations)
  if (bytes.byteLength > MAX_SCORECARD_FILE_BYTES) {
    throw new AppError('BAD_INPUT', `${fileName} is too large to be a scorecard file.`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AppError('BAD_INPUT', `${fileName} is not a text file, so it cannot be a scorecard file (${SCORECARD_FILE_SUFFIX}).`)
  }
  try {
    return { fileName, json: JSON.parse(text) as unknown }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('BAD_INPUT', `${fileName} is not valid JSON (${reason}), so it cannot be a scorecard file.`)
  }
}

/** A file name the scorecard's name can safely become on any system ("Core ICP.icp-scorecard.json"). */
export function scorecardFileName(name: string): string {
  return `${safeFileName(name, 'scorecard')}${SCORECARD_FILE_SUFFIX}`
}

export function scorecardFile(scorecard: Scorecard): ScorecardFile {
  const text = `${JSON.stringify(toPortable(scorecard), null, 2)}\n`
  return { fileName: scorecardFileName(scorecard.name), bytes: new TextEncoder().encode(text) }
}
