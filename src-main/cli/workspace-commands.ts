import { basename, extname } from 'node:path'
import type { WorkspaceSummary } from '@shared/domain/workspace'
import type { CliCommand } from './cli-command'
import { formatBytes } from '@shared/format'
import { formatTimestamp, keyValueLines } from './format'

function describe(summary: WorkspaceSummary): string {
  return keyValueLines([
    ['Name', summary.name],
    ['File', `${summary.path} (${formatBytes(summary.sizeBytes)})`],
    ['Format', `${summary.formatVersion} (created by ICP Workbench ${summary.createdByVersion})`],
    ['Created', formatTimestamp(summary.createdAt)],
    ['Last changed', formatTimestamp(summary.updatedAt)],
    ['Section', summary.currentSection]
  ])
}

export const workspaceCreate: CliCommand = {
  words: ['workspace', 'create'],
  usage: 'icp workspace create FILE [--name NAME] [--json]',
  summary: 'Create a new, empty workspace file (.icpw is added when missing).',
  options: { name: { type: 'string' } },
  positionals: ['FILE'],
  async run({ positionals: [file], options, call, print }) {
    const name = typeof options['name'] === 'string' ? options['name'] : basename(file!, extname(file!))
    const summary = await call('workspace-create', { name, path: file! })
    print(summary, () => `Created workspace "${summary.name}"\n${describe(summary)}`)
  }
}

export const workspaceInfo: CliCommand = {
  words: ['workspace', 'info'],
  usage: 'icp workspace info FILE [--json]',
  summary: 'Show what a workspace file holds, without changing it.',
  options: {},
  positionals: ['FILE'],
  async run({ positionals: [file], call, print }) {
    const summary = await call('workspace-inspect', { path: file! })
    print(summary, () => describe(summary))
  }
}
