import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { OnePagerBlockId, OnePagerContent } from '@shared/domain/one-pager'
import { noEvidenceContent } from '../../src-main/backend/export/no-evidence-content'
import { renderBlock } from '../../src-renderer/features/export/one-pager/OnePagerBlocks'
import { fitTypeScale, shareSpareHeight, TYPE_SCALE } from '../../src-renderer/features/export/one-pager/page-geometry'
import { unbreakableRanges } from '../../src-renderer/features/export/one-pager/unbreakable-ranges'

const RLO = '\u202e'

describe('figures that must not break across lines', () => {
  const nowrap = (text: string) =>
    unbreakableRanges(text)
      .filter((p) => p.nowrap)
      .map((p) => p.text)

  it('keeps ranges, comparisons and figures with units whole, and the text unchanged', () => {
    expect(nowrap('Employees 5-7')).toEqual(['5-7'])
    expect(nowrap('is ≤ 11 or 51 - 200 employees')).toEqual(['≤ 11', '51 - 200'])
    expect(nowrap('Annual Revenue $1.5M-$4M; 7.49M-26M')).toEqual(['$1.5M-$4M', '7.49M-26M'])
    expect(nowrap('cycle under 30 days, at least 10,001+')).toEqual(['under 30 days', 'at least 10,001+'])
    expect(nowrap('Tier A 80-100, win rate 18% – 27%')).toEqual(['80-100', '18% – 27%'])
    expect(nowrap('Industry is SaaS, FinTech')).toEqual([])
    for (const text of ['Employees 5-7 +1', 'is ≤ 11', 'no figures at all', '']) {
      expect(
        unbreakableRanges(text)
          .map((p) => p.text)
          .join('')
      ).toBe(text)
    }
  })
})

describe('fitting the page', () => {
  it('takes the largest type scale that fits, within its limits', () => {
    // A page whose content is 700px tall at scale 1 and grows in proportion.
    const height = (scale: number) => 700 * scale
    expect(fitTypeScale(height, 1000)).toBe(TYPE_SCALE.max)
    const fitted = fitTypeScale(height, 800)
    expect(height(fitted)).toBeLessThanOrEqual(800.5)
    expect(height(fitted + 0.01)).toBeGreaterThan(800)
    expect(fitTypeScale(height, 300)).toBe(TYPE_SCALE.min)
  })

  it('gives spare height to the chart rows first, then to the gaps, each up to its cap', () => {
    expect(shareSpareHeight(300, 3, 4, 40, 20)).toEqual({ row: 40, gap: 20 })
    expect(shareSpareHeight(90, 3, 4, 40, 20)).toEqual({ row: 29.83, gap: 0 })
    expect(shareSpareHeight(200, 3, 4, 40, 20)).toEqual({ row: 40, gap: 19.87 })
    expect(shareSpareHeight(200, 0, 4, 40, 20)).toEqual({ row: 0, gap: 20 })
    expect(shareSpareHeight(-50, 3, 4, 40, 20)).toEqual({ row: 0, gap: 0 })
  })
})

function content(): OnePagerContent {
  const base = noEvidenceContent({
    clientName: `Acme ${RLO}Holdings`,
    date: '2026-01-31',
    statements: [`Accounts in ${RLO}Texas win more often.`, 'Second.', 'Third.']
  })
  base.document.preparedBy = `Dana ${RLO}Reyes`
  base.document.triggers = `New ${RLO}CRO`
  return {
    ...base,
    scorecard: {
      id: 1,
      name: `Core ${RLO}ICP`,
      version: `Q3 ${RLO}review`,
      categories: [
        {
          name: `Firmo${RLO}graphic`,
          budget: 30,
          criteria: [
            { attribute: `Industry ${RLO}x`, qualifies: `is SaaS${RLO}`, points: 30 },
            { attribute: 'Employees', qualifies: `51-500${RLO}`, points: 20 },
            { attribute: 'Employees', qualifies: '5-7', points: 1 }
          ]
        }
      ],
      tiers: [
        { name: `A${RLO}`, min: 80, color: '#2f855a' },
        { name: 'B', min: 0, color: '#d69e2e' }
      ],
      disqualifiers: [`Education: Industry is ${RLO}Education`]
    },
    evidence: {
      deals: 120,
      wins: 40,
      firstClosed: '2025-01-01',
      lastClosed: '2025-12-31',
      auc: 0.7,
      topTier: { name: `A${RLO}`, lift: 1.5, winRate: 0.5 },
      tiers: [
        {
          name: `A${RLO}`,
          color: '#2f855a',
          min: 80,
          accounts: 55,
          wonAccounts: 28,
          deals: 60,
          wins: 30,
          winRate: 0.5,
          medianCycleDays: 30,
          small: false
        },
        {
          name: 'B',
          color: '#d69e2e',
          min: 0,
          accounts: 58,
          wonAccounts: 10,
          deals: 60,
          wins: 10,
          winRate: 1 / 6,
          medianCycleDays: 50,
          small: false
        }
      ],
      notes: [`Note ${RLO}one.`]
    },
    adjacent: {
      name: `Adj${RLO}acent`,
      categories: [{ name: 'Firmographic', budget: 30, criteria: [{ attribute: `Region${RLO}`, qualifies: 'is EMEA', points: 10 }] }]
    }
  }
}

/** The markup with every <bdi>…</bdi> (and what is nested in it) taken out. */
function outsideIsolates(html: string): string {
  let out = ''
  let depth = 0
  for (const token of html.split(/(<bdi>|<\/bdi>)/)) {
    if (token === '<bdi>') depth++
    else if (token === '</bdi>') depth--
    else if (depth === 0) out += token
  }
  return out
}

describe('bidirectional text on the one-pager', () => {
  const blocks: OnePagerBlockId[] = [
    'header',
    'statement',
    'definition',
    'scorecard',
    'disqualifiers',
    'buying',
    'evidence',
    'core-vs-adjacent'
  ]

  it('isolates every value, so a right-to-left override cannot reach the text after it', () => {
    const html = renderToStaticMarkup(
      createElement(Fragment, null, ...blocks.map((id) => createElement(Fragment, { key: id }, renderBlock(id, content()))))
    )
    // Every planted value is printed, and every override sits inside an isolate.
    const planted = [
      `Acme ${RLO}Holdings`,
      `Core ${RLO}ICP`,
      `Q3 ${RLO}review`,
      `Dana ${RLO}Reyes`,
      `Accounts in ${RLO}Texas win more often.`,
      `Firmo${RLO}graphic`,
      `Industry ${RLO}x`,
      `is SaaS${RLO}`,
      `51-500${RLO}`,
      `A${RLO}`,
      `Education: Industry is ${RLO}Education`,
      `New ${RLO}CRO`,
      `Note ${RLO}one.`,
      `Adj${RLO}acent`,
      `Region${RLO}`
    ]
    const text = html.replace(/<[^>]+>/g, '')
    for (const value of planted) expect(text, value).toContain(value)
    expect(html.split(RLO).length - 1).toBeGreaterThanOrEqual(planted.length)
    expect(outsideIsolates(html)).not.toContain(RLO)
    // The points after an isolated value are outside it: "+30" stays in logical order.
    expect(html).toMatch(/<bdi>is SaaS\u202e<\/bdi><\/span><\/td><td class="op-points">\+30<\/td>/)
  })

  it('keeps a range and the points after it on one line', () => {
    const html = renderToStaticMarkup(createElement(Fragment, null, renderBlock('scorecard', content())))
    expect(html).toContain('<span class="op-nowrap">5-7</span>')
    expect(html).toMatch(/5-7<\/span><\/bdi><\/span>\u00a0<span class="op-points">\+1<\/span>/)
  })
})
