import { describe, expect, it } from 'vitest'
import type { OnePagerContent } from '@shared/domain/one-pager'
import { noEvidenceContent } from '../../src-main/backend/export/no-evidence-content'
import { defaultOnePagerDocument, normalizeBlocks } from '@shared/export/default-one-pager'
import { onePagerDocumentSchema } from '@shared/contract/one-pager-schema'
import { blockHasContent, printedBlocks } from '../../src-renderer/features/export/one-pager/block-content'
import { criteriaByAttribute, joinQualifies } from '../../src-renderer/features/export/one-pager/criteria-by-attribute'
import {
  overflowAmount,
  overflowingBlocks,
  PAPER,
  previewScale,
  printableHeight
} from '../../src-renderer/features/export/one-pager/page-geometry'
import { tierRanges } from '../../src-renderer/features/export/one-pager/one-pager-format'

describe('the one-page rule', () => {
  it('knows Letter and A4 in CSS pixels at 96 per inch', () => {
    expect(PAPER.letter.width).toBe(816)
    expect(PAPER.letter.height).toBe(1056)
    expect(PAPER.a4.width).toBeCloseTo(793.7, 1)
    expect(PAPER.a4.height).toBeCloseTo(1122.5, 1)
    expect(printableHeight('letter')).toBe(1056 - 96)
  })

  it('flags exactly the blocks whose bottom passes the printable height, in page order', () => {
    const limit = printableHeight('letter')
    const blocks = [
      { id: 'header' as const, bottom: 80 },
      { id: 'statement' as const, bottom: 200 },
      { id: 'evidence' as const, bottom: limit + 0.4 },
      { id: 'messaging' as const, bottom: limit + 40 },
      { id: 'channels' as const, bottom: limit + 12 }
    ]
    expect(overflowingBlocks(blocks, limit)).toEqual(['messaging', 'channels'])
    expect(overflowAmount(blocks, limit)).toBe(40)
    expect(overflowingBlocks(blocks.slice(0, 3), limit)).toEqual([])
    expect(overflowAmount(blocks.slice(0, 3), limit)).toBe(1)
  })

  it('scales the preview to the box, never above 1 and never to a dot', () => {
    expect(previewScale('letter', 408)).toBe(0.5)
    expect(previewScale('letter', 2000)).toBe(1)
    expect(previewScale('letter', 816, 528)).toBe(0.5)
    expect(previewScale('letter', 50)).toBe(0.3)
    expect(previewScale('letter', 0)).toBe(1)
  })
})

describe('what the page prints', () => {
  const content = (): OnePagerContent =>
    noEvidenceContent(
      { clientName: 'Acme', date: '2026-01-31', statements: ['A.', 'B.', 'C.'] },
      {
        draftedStatements: ['A.', 'B.', 'C.'],
        statementEvidence: [null, null, null],
        scorecard: {
          id: 1,
          name: 'Core ICP',
          version: null,
          categories: [{ name: 'Firmographic', budget: 30, criteria: [{ attribute: 'Industry', qualifies: 'is SaaS', points: 30 }] }],
          tiers: [
            { name: 'A', min: 80, color: '#2f855a' },
            { name: 'B', min: 60, color: '#d69e2e' },
            { name: 'C', min: 0, color: '#a0aec0' }
          ],
          disqualifiers: []
        }
      }
    )

  it('leaves out hidden blocks and blocks with nothing to print', () => {
    const c = content()
    expect(printedBlocks(c)).toEqual(['header', 'statement', 'definition', 'scorecard', 'evidence'])
    expect(blockHasContent('buying', c)).toBe(false)
    c.document.triggers = 'A new CRO'
    c.document.blocks = c.document.blocks.map((b) => (b.id === 'definition' ? { ...b, visible: false } : b))
    expect(printedBlocks(c)).toEqual(['header', 'statement', 'scorecard', 'evidence', 'buying'])
    // Tiers alone sort nothing: a scorecard without criteria prints no scorecard block.
    c.scorecard.categories = [{ name: 'Firmographic', budget: 30, criteria: [] }]
    expect(blockHasContent('scorecard', c)).toBe(false)
  })

  it('lists every block once, appending missing ones hidden', () => {
    expect(
      normalizeBlocks([
        { id: 'evidence', visible: true },
        { id: 'evidence', visible: false }
      ]).map((b) => [b.id, b.visible])
    ).toEqual([
      ['evidence', true],
      ['header', false],
      ['statement', false],
      ['definition', false],
      ['scorecard', false],
      ['disqualifiers', false],
      ['buying', false],
      ['channels', false],
      ['messaging', false],
      ['core-vs-adjacent', false]
    ])
  })

  it('groups criteria per attribute and names every value of a long list', () => {
    const rows = criteriaByAttribute([
      { attribute: 'Industry', qualifies: 'is SaaS', points: 5 },
      { attribute: 'Employees', qualifies: '51-200', points: 3 },
      { attribute: 'Industry', qualifies: 'is FinTech', points: 4 }
    ])
    expect(rows.map((r) => [r.attribute, r.criteria.length])).toEqual([
      ['Industry', 2],
      ['Employees', 1]
    ])
    expect(joinQualifies(['is SaaS', 'is FinTech'])).toBe('is SaaS, FinTech')
    expect(joinQualifies(['is not Retail', 'is SaaS'])).toBe('is not Retail; is SaaS')
    expect(joinQualifies(['is A', 'is B', 'is C', 'is D', 'is E', 'is F', 'is G'])).toBe('is A, B, C, D, E, F, G')
    expect(joinQualifies(['is SaaS, FinTech', 'is SaaS, FinTech, Media'])).toBe('is SaaS, FinTech, Media')
    expect(tierRanges([{ min: 80 }, { min: 60 }, { min: 0 }])).toEqual(['80-100', '60-79', '0-59'])
  })
})

describe('the document schema', () => {
  const valid = () => defaultOnePagerDocument({ clientName: 'Acme', date: '2026-01-31', statements: ['A.'], adjacentScorecardId: null })

  it('accepts the default document and refuses bad colours, logos, lengths and repeated blocks', () => {
    expect(onePagerDocumentSchema.safeParse(valid()).success).toBe(true)
    const png = `data:image/png;base64,${'A'.repeat(100)}`
    expect(onePagerDocumentSchema.safeParse({ ...valid(), logoDataUrl: png }).success).toBe(true)
    const bad = [
      { brandColor: 'red' },
      { brandColor: '#12345' },
      { logoDataUrl: 'https://example.com/logo.png' },
      { logoDataUrl: `data:image/gif;base64,${'A'.repeat(8)}` },
      { logoDataUrl: `data:image/png;base64,${'A'.repeat(1_500_000)}` },
      { clientName: 'x'.repeat(121) },
      { statements: ['1', '2', '3', '4', '5', '6'] },
      { date: '31.01.2026' },
      { paper: 'legal' },
      {
        blocks: [
          { id: 'header', visible: true },
          { id: 'header', visible: false }
        ]
      }
    ]
    for (const change of bad)
      expect(onePagerDocumentSchema.safeParse({ ...valid(), ...change }).success, JSON.stringify(change).slice(0, 60)).toBe(false)
  })
})
