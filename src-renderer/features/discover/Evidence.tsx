import { useState } from 'react'
import type { DiscoverReport } from '@shared/domain/discover'
import { AttributeTable } from './AttributeTable'
import { IvChart } from './IvChart'

function revealRow(detailId: string): void {
  const detail = document.getElementById(detailId)
  const row = detail?.closest('tr')?.previousElementSibling
  const scroller = detail?.closest('.main__content')
  if (!row || !scroller) return
  const top = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top
  if (top < 0 || top > scroller.clientHeight * 0.6) scroller.scrollBy({ top: top - 12, behavior: 'smooth' })
}

/**
 * The IV chart and the attribute table. With no signal they sit behind a disclosure: shown
 * openly, a ranking of noise would read as findings to a client.
 */
export function Evidence({ report }: { report: DiscoverReport }) {
  const [selected, setSelected] = useState<string | null>(null)
  const select = (name: string | null): void => {
    setSelected(name)
    if (name) {
      // After the row has opened, bring it into view (the chart sits above the table). Only the
      // section's own scroller moves: scrollIntoView would also shift the fixed app shell.
      requestAnimationFrame(() => revealRow(`attr-detail-${name.replace(/[^a-z0-9]+/gi, '-')}`))
    }
  }
  if (report.attributes.length === 0)
    return <p className="empty-note">No attributes to analyse: import accounts or deals with attributes in Data.</p>

  const body = (
    <div className="evidence">
      <section className="panel" aria-labelledby="iv-title">
        <header className="panel__header">
          <h3 id="iv-title">Information value by attribute</h3>
          <p className="panel__hint">How strongly each attribute separates the two groups. Click a bar to open the attribute.</p>
        </header>
        <IvChart attributes={[...report.attributes].sort((a, b) => b.iv - a.iv)} onSelect={select} />
      </section>
      <section className="panel panel--flush" aria-labelledby="attr-title">
        <header className="panel__header">
          <h3 id="attr-title">Attributes</h3>
          <p className="panel__hint">Sorted by information value. Open one to see each value with its interval.</p>
        </header>
        <AttributeTable report={report} selected={selected} onSelect={select} />
      </section>
    </div>
  )
  if (report.signal !== 'none') return body
  return (
    <details className="evidence-disclosure">
      <summary>Show the attributes anyway</summary>
      {body}
    </details>
  )
}
