import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { writeOutputFile } from '../backend/fs/write-output-file'
import type { CliCommand, CliRun } from './cli-command'
import { UsageError } from './cli-io'
import { scorecardId } from './simulate-commands'

/**
 * One deliverable `icp export` can write: the option that names its file, and how to make its
 * bytes from the backend. Adding an output (the PDF, say) is one more entry in EXPORT_OUTPUTS;
 * `options` lists any extra options the output reads (e.g. --paper).
 */
export interface ExportOutput {
  option: string
  label: string
  options?: CliCommand['options']
  /** The file's bytes, with any notes the consultant must read before handing it over. */
  produce(run: CliRun, scorecardId: number): Promise<Uint8Array | { bytes: Uint8Array; notes: string[] }>
}

const CRMS = ['hubspot', 'salesforce', 'generic'] as const

function crmOf(run: CliRun): (typeof CRMS)[number] {
  const crm = run.options['crm'] ?? 'generic'
  if (!CRMS.includes(crm as never)) throw new UsageError(`--crm is hubspot, salesforce or generic, not "${String(crm)}".`)
  return crm as (typeof CRMS)[number]
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

function outcomeOf(run: CliRun): 'won' | 'best' | 'retained' {
  const outcome = run.options['outcome'] ?? 'won'
  if (outcome !== 'won' && outcome !== 'best' && outcome !== 'retained')
    throw new UsageError(`--outcome is won, best or retained, not "${String(outcome)}".`)
  return outcome
}

function paperOf(run: CliRun): 'letter' | 'a4' | undefined {
  const paper = run.options['paper']
  if (paper === undefined) return undefined
  if (paper !== 'letter' && paper !== 'a4') throw new UsageError(`--paper is letter or a4, not "${String(paper)}".`)
  return paper
}

export const EXPORT_OUTPUTS: ExportOutput[] = [
  {
    option: 'pdf',
    label: 'ICP one-pager',
    options: { paper: { type: 'string' } },
    async produce(run, id) {
      // Without --paper, the paper the consultant chose in the Export section.
      const paper = paperOf(run)
      return (await run.call('export-pdf', paper ? { scorecardId: id, paper } : { scorecardId: id })).bytes
    }
  },
  {
    option: 'xlsx',
    label: 'workbook',
    options: { outcome: { type: 'string' } },
    async produce(run, id) {
      return (await run.call('export-workbook', { scorecardId: id, outcome: outcomeOf(run) })).bytes
    }
  },
  {
    option: 'csv',
    label: 'scored accounts',
    async produce(run, id) {
      return (await run.call('export-scored-csv', { scorecardId: id })).bytes
    }
  },
  {
    option: 'sql',
    label: 'SQL',
    async produce(run, id) {
      return encode((await run.call('export-sql', { scorecardId: id })).text)
    }
  },
  {
    option: 'crm-pack',
    label: 'CRM hand-over pack',
    options: { crm: { type: 'string' } },
    async produce(run, id) {
      const pack = await run.call('export-crm-pack', { scorecardId: id, crm: crmOf(run) })
      return { bytes: pack.bytes, notes: pack.warnings }
    }
  },
  {
    option: 'scorecard-file',
    label: 'scorecard file',
    async produce(run, id) {
      return (await run.call('scorecard-export-file', { id })).bytes
    }
  }
]

interface Written {
  kind: string
  out: string
  bytes: number
  notes?: string[]
}

export const exportCommand: CliCommand = {
  words: ['export'],
  usage: `icp export WORKSPACE --scorecard NAME ${EXPORT_OUTPUTS.map((o) => `[--${o.option} FILE]`).join(' ')} [--crm hubspot|salesforce|generic] [--paper letter|a4] [--outcome won|best|retained] [--json]`,
  summary:
    'Write the client deliverables: the PDF one-pager, the XLSX workbook, scored accounts CSV, SQL, the CRM hand-over pack and the scorecard file.',
  options: Object.assign(
    { scorecard: { type: 'string' } },
    ...EXPORT_OUTPUTS.map((o) => ({ [o.option]: { type: 'string' }, ...o.options }))
  ) as CliCommand['options'],
  positionals: ['WORKSPACE'],
  async run(run) {
    const wanted = EXPORT_OUTPUTS.flatMap((output) => {
      const file = run.options[output.option]
      return typeof file === 'string' ? [{ output, out: resolve(run.cwd, file) }] : []
    })
    if (run.options['crm'] !== undefined && typeof run.options['crm-pack'] !== 'string') {
      throw new UsageError('--crm chooses the CRM of the hand-over pack: name its file with --crm-pack FILE.zip.')
    }
    if (wanted.length === 0)
      throw new UsageError(`Name at least one file to write: ${EXPORT_OUTPUTS.map((o) => `--${o.option} FILE`).join(', ')}.`)
    const seen = new Set<string>()
    for (const { out } of wanted) {
      if (seen.has(out)) throw new UsageError(`Two outputs name the same file, ${out}.`)
      seen.add(out)
      const folder = dirname(out)
      if (!existsSync(folder) || !statSync(folder).isDirectory())
        throw new UsageError(`The folder ${folder} does not exist; nothing was written.`)
      if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`${out} is a folder, not a file; nothing was written.`)
    }
    const id = await scorecardId(run)
    // Everything is made before anything is written, so a failure leaves no partial set of files;
    // each file is written to a temporary name and renamed, so none is ever half-written.
    const made = []
    for (const { output, out } of wanted) {
      const produced = await output.produce(run, id)
      made.push({ output, out, ...(produced instanceof Uint8Array ? { bytes: produced, notes: [] } : produced) })
    }
    const written: Written[] = made.map(({ output, out, bytes, notes }) => {
      writeOutputFile(out, bytes)
      return { kind: output.option, out, bytes: bytes.length, ...(notes.length > 0 ? { notes } : {}) }
    })
    const name = typeof run.options['scorecard'] === 'string' ? run.options['scorecard'] : ''
    run.print({ scorecard: name, outputs: written }, () =>
      written
        .map((w) =>
          [
            `Wrote the ${EXPORT_OUTPUTS.find((o) => o.option === w.kind)?.label ?? w.kind} to ${w.out}`,
            ...(w.notes ?? []).map((n) => `  ! ${n}`)
          ].join('\n')
        )
        .join('\n')
    )
  }
}
