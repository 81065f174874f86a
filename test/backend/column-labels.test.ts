/**
 * Client-facing labels: proposed from the raw header on import, editable in the Data section,
 * kept by header in the workspace (next quarter's file keeps them), and printed on the
 * deliverables instead of the raw name.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildOnePagerContent } from '../../src-main/backend/export/one-pager-content'
import { testBackend } from '../support/backend'
import { importAsSuggested } from '../support/import-shape'
import { tempDir } from '../support/temp-dir'

function csv(rows: number): string {
  const lines = ['account_id,hq_country,num_employees,closed_won']
  for (let i = 0; i < rows; i++)
    lines.push(`A${i},${['US', 'DE', 'FR'][i % 3]},${10 + ((i * 37) % 900)},${i % 3 === 0 || i % 7 === 0 ? 'true' : 'false'}`)
  return `${lines.join('\n')}\n`
}

describe('column labels', () => {
  it('are proposed, edited, kept across a re-import, reset when blanked, and printed on the one-pager', async () => {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Labels', path: 'labels.icpw' })
    const path = join(dir, 'deals.csv')
    writeFileSync(path, csv(240))
    const preview = await importAsSuggested(backend, path)
    expect(preview.columns.map((c) => c.label)).toEqual(['Account ID', 'HQ country', 'Num employees', 'Closed won'])

    let summary = await backend.call('dataset-summary', {})
    const table = summary.tables[0]!
    const country = table.columns.find((c) => c.name === 'hq_country')!
    summary = await backend.call('dataset-set-column', { kind: table.kind, index: country.index, label: 'Headquarters' })
    expect(summary.tables[0]!.columns.find((c) => c.name === 'hq_country')!.label).toBe('Headquarters')
    // A bad label is refused with a reason and changes nothing.
    const tooLong = await backend.dispatch('dataset-set-column', { kind: table.kind, index: country.index, label: 'x'.repeat(121) })
    expect(tooLong.ok).toBe(false)

    // Next quarter's file with the same headers keeps the consultant's label.
    const again = await importAsSuggested(backend, path)
    expect(again.columns.find((c) => c.name === 'hq_country')!.label).toBe('Headquarters')

    const { id } = await backend.call('scorecard-create', { name: 'Labelled' })
    const created = await backend.call('scorecard-get', { id })
    await backend.call('scorecard-save', {
      id,
      scorecard: {
        ...created.scorecard,
        criteria: [
          { id: 'c1', category: created.scorecard.categories[0]!.name, attribute: 'hq_country', op: 'in', values: ['US'], points: 20 }
        ]
      }
    })
    const content = buildOnePagerContent(backend.context.session.require().db, id)
    expect(content.scorecard.categories[0]!.criteria[0]!.attribute).toBe('Headquarters')
    expect(JSON.stringify(content)).not.toContain('hq_country')

    // Blank: back to the proposal.
    summary = await backend.call('dataset-set-column', { kind: table.kind, index: country.index, label: '' })
    expect(summary.tables[0]!.columns.find((c) => c.name === 'hq_country')!.label).toBe('HQ country')
    backend.close()
  })
})
