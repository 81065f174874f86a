/**
 * A range column ("11-50", "201-500", "10,001+", as Pipedrive and LinkedIn exports write company
 * size) is scored by one number per band (11-50 by 30.5). What a consultant and a client read
 * must be the bands: Discover's values and the one-pager's criteria say "51–500", never the
 * midpoints "125.5-350.5" the scoring cuts on.
 */
import { describe, expect, it } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { buildOnePagerContent } from '../../src-main/backend/export/one-pager-content'
import { testBackend } from '../support/backend'
import { importShape } from '../support/import-shape'
import { tempDir } from '../support/temp-dir'

const SIZE = 'Organization - Company size'

describe('a range column is said by the bands the export wrote', { timeout: 120_000 }, () => {
  it('in Discover and on the one-pager', async () => {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    try {
      await backend.call('workspace-create', { name: 'Pipedrive', path: 'w.icpw' })
      const crm = await importShape(backend, dir, { shape: 'pipedrive', seed: 9, accounts: 600, mess: 'typical' })
      const written = new Set(
        crm.tables
          .flatMap((t) => (t.table.headers.includes(SIZE) ? t.table.rows.map((r) => String(r[t.table.headers.indexOf(SIZE)] ?? '')) : []))
          .filter((v) => /\d/.test(v))
      )
      expect([...written].some((v) => /\d-\d/.test(v))).toBe(true)

      const report = await backend.call('discover-run', {})
      const size = report.attributes.find((a) => a.name === SIZE)!
      const labels = size.values.filter((v) => v.condition.op === 'between').map((v) => v.label)
      expect(labels.length).toBeGreaterThan(1)
      for (const label of labels) expect(label).toMatch(/^(\d[\d,]*–\d[\d,]*|\d[\d,]*\+|up to \d[\d,]*|\d[\d,]*)$/)
      // Each bound is one the export wrote: a band's low or high end.
      const bounds = new Set([...written].flatMap((v) => v.replace(/,/g, '').match(/\d+/g) ?? []))
      for (const label of labels) for (const n of label.replace(/,/g, '').match(/\d+/g) ?? []) expect(bounds, label).toContain(n)

      const bin = size.values.find((v) => v.condition.op === 'between' && v.condition.min != null && v.condition.max != null)!
      const created = await backend.call('scorecard-create', { name: 'By size' })
      const scorecard: Scorecard = {
        ...created.scorecard,
        categories: [{ name: 'Firmographic', budget: 100 }],
        criteria: [{ ...bin.condition, id: 'size', category: 'Firmographic', points: 20 }]
      }
      await backend.call('scorecard-save', { id: created.id, scorecard })
      const content = buildOnePagerContent(backend.context.session.require().db, created.id)
      expect(content.scorecard.categories[0]!.criteria[0]!.qualifies).toBe(bin.label)
      expect(content.scorecard.categories[0]!.criteria[0]!.qualifies).not.toMatch(/\.5/)
    } finally {
      backend.close()
    }
  })
})
