import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { WORKSPACE_EXTENSION } from '@shared/app-info'
import type { WorkspaceSummary } from '@shared/domain/workspace'
import { AppError } from '../app-error'
import { appRoot } from '../app-paths'
import type { BackendContext } from '../backend-context'

export const SAMPLE_FILE_NAME = `Sample workspace${WORKSPACE_EXTENSION}`

/**
 * The sample the app ships: a generated B2B SaaS client with a Core ICP, an Adjacent ICP and an
 * export draft, built at build time by scripts/sample-workspace (the product carries no
 * generator code).
 */
export const bundledSamplePath = (): string => join(appRoot(), 'resources', 'sample', SAMPLE_FILE_NAME)

/**
 * Opens the user's own copy of the sample, made from the shipped file on first use, so what
 * the user changes is kept and a later "Open sample" comes back to it.
 */
export function openSampleWorkspace(ctx: BackendContext, folder: string): WorkspaceSummary {
  const path = join(folder, SAMPLE_FILE_NAME)
  if (!existsSync(path)) copySample(path)
  try {
    return ctx.session.open(path)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    throw new AppError(error.code, `${error.message} Delete ${path} to start again from the shipped sample.`, { path })
  }
}

function copySample(path: string): void {
  const shipped = bundledSamplePath()
  if (!existsSync(shipped)) {
    throw new AppError(
      'NOT_FOUND',
      `The sample workspace is not built (${shipped} is missing). Run "npm run build" in the project folder.`,
      {
        path: shipped
      }
    )
  }
  // Read and write rather than copy: inside a packaged app the file sits in an asar archive.
  const partial = `${path}.${process.pid}.partial`
  try {
    writeFileSync(partial, readFileSync(shipped))
    renameSync(partial, path)
  } finally {
    rmSync(partial, { force: true })
  }
}
