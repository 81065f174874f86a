import { useId, useState } from 'react'
import type { DiscoverAttribute, DiscoverReport } from '@shared/domain/discover'
import { unitTotals } from './discover-format'
import { LiftChart } from './LiftChart'
import { ValuesTable } from './ValuesTable'

type Binning = 'data' | 'bands'

/** One attribute opened: its values (or bins) as a table and as a lift chart with intervals. */
export function AttributeDetail({ attribute, report }: { attribute: DiscoverAttribute; report: DiscoverReport }) {
  const [binning, setBinning] = useState<Binning>('data')
  const name = useId()
  const bands = attribute.bands
  const values = binning === 'bands' && bands ? bands : attribute.values

  return (
    <div className="attr-detail">
      {bands ? (
        <div className="segmented" role="radiogroup" aria-label={`Bins of ${attribute.name}`}>
          {(
            [
              ['data', 'Data-driven bins'],
              ['bands', 'Standard bands']
            ] as const
          ).map(([id, label]) => (
            <label key={id} className="segmented__option">
              <input type="radio" name={name} checked={binning === id} onChange={() => setBinning(id)} />
              <span>{label}</span>
            </label>
          ))}
        </div>
      ) : null}
      <div className="attr-detail__body">
        <ValuesTable attribute={attribute} values={values} report={report} />
        <LiftChart attribute={attribute.name} values={values} baseRate={unitTotals(report, attribute).baseRate} />
      </div>
    </div>
  )
}
