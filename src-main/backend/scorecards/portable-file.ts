import { basename } from 'node:path'
import type { ScorecardFile } from '@shared/domain/scorecards'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { toPortable } from '@shared/engine/scorecard/portable-format'
import { AppError } from '../app-error'
import { readInputFile } from '../fs/read-input-file'
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
  const bytes = readInputFile(absolute, MAX_SCORECARD_FILE_BYTES, (name) => `${name} is too large to be a scorecard file.`)
  return { fileName: basename(absolute), bytes }
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
    // JSON.parse's own message quotes the text around the fault: an error must never show a
    // file's content (it may be a key file the user picked by mistake). Only the place is kept.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1]
    const where = position === undefined ? '' : ` (at character ${Number(position) + 1})`
    throw new AppError('BAD_INPUT', `${fileName} is not valid JSON${where}, so it cannot be a scorecard file.`)
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
