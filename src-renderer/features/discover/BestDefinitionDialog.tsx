import { useState } from 'react'
import { BEST_CUSTOMER_METRICS, type BestCustomerDefinition, type BestCustomerMetric } from '@shared/domain/discover'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useBestDefinition } from '../../queries/discover-queries'
import { useDiscoverStore } from '../../stores/discover-store'
import { METRIC_LABELS } from './metric-labels'

type Row = { on: boolean; direction: 'higher' | 'lower'; weight: number }

// Which way is good for each metric, so a first definition is right without thinking about it.
const NATURAL: Record<BestCustomerMetric, 'higher' | 'lower'> = {
  ltv: 'higher',
  acv: 'higher',
  nrr: 'higher',
  tenure: 'higher',
  nps: 'higher',
  'time-to-value': 'lower',
  'support-tickets': 'lower',
  'sales-cycle-days': 'lower',
  churned: 'lower'
}

function initialRows(definition: BestCustomerDefinition | null): Record<BestCustomerMetric, Row> {
  const rows = {} as Record<BestCustomerMetric, Row>
  for (const metric of BEST_CUSTOMER_METRICS) {
    const set = definition?.metrics.find((m) => m.metric === metric)
    rows[metric] = set ? { on: true, direction: set.direction, weight: set.weight } : { on: false, direction: NATURAL[metric], weight: 1 }
  }
  return rows
}

/** "Best customers = top X% of won accounts by a weighted composite of success metrics." */
export function BestDefinitionDialog({ onClose }: { onClose(): void }) {
  const saved = useBestDefinition().data ?? null
  const error = useDiscoverStore((s) => s.errors.definition ?? null)
  const busy = useDiscoverStore((s) => s.busy === 'definition')
  const [rows, setRows] = useState(() => initialRows(saved && saved.metrics.length > 0 ? saved : null))
  const [top, setTop] = useState(saved && saved.metrics.length > 0 ? saved.topPercent : 20)
  const chosen = BEST_CUSTOMER_METRICS.filter((m) => rows[m].on)
  const valid = chosen.length > 0 && top >= 1 && top <= 99 && chosen.every((m) => rows[m].weight > 0)
  const patch = (metric: BestCustomerMetric, change: Partial<Row>): void =>
    setRows((r) => ({ ...r, [metric]: { ...r[metric], ...change } }))

  const submit = async (): Promise<void> => {
    const definition: BestCustomerDefinition = {
      metrics: chosen.map((metric) => ({ metric, direction: rows[metric].direction, weight: rows[metric].weight })),
      topPercent: top
    }
    if (await useDiscoverStore.getState().defineBest(definition)) onClose()
  }

  return (
    <Dialog
      title="Define best customers"
      description="Best customers are the top share of won accounts by a weighted score of the metrics you choose."
      onClose={onClose}
      width="wide"
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={!valid || busy} onClick={() => void submit()}>
            {busy ? 'Finding the cohort…' : 'Show the cohort'}
          </button>
        </>
      }
    >
      <div className="best-form">
        {error ? <ErrorNotice error={error} onDismiss={() => useDiscoverStore.getState().dismiss('definition')} /> : null}
        <table className="best-form__table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Better when</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {BEST_CUSTOMER_METRICS.map((metric) => {
              const row = rows[metric]
              const label = METRIC_LABELS[metric]
              return (
                <tr key={metric} className={row.on ? undefined : 'best-form__off'}>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={row.on}
                        onChange={(e) => patch(metric, { on: e.target.checked })}
                        data-autofocus={metric === 'ltv' ? true : undefined}
                      />
                      {label}
                    </label>
                  </td>
                  <td>
                    <select
                      className="input input--small"
                      aria-label={`Better when ${label} is`}
                      value={row.direction}
                      disabled={!row.on}
                      onChange={(e) => patch(metric, { direction: e.target.value === 'lower' ? 'lower' : 'higher' })}
                    >
                      <option value="higher">Higher is better</option>
                      <option value="lower">Lower is better</option>
                    </select>
                  </td>
                  <td>
                    <input
                      type="number"
                      className="input input--small input--number"
                      aria-label={`Weight of ${label}`}
                      min={0}
                      max={100}
                      step={0.5}
                      value={row.weight}
                      disabled={!row.on}
                      onChange={(e) => patch(metric, { weight: Number(e.target.value) })}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <label className="best-form__top">
          <span className="field__label">Best = top</span>
          <input
            type="number"
            className="input input--small input--number"
            aria-label="Top percent of won accounts"
            min={1}
            max={99}
            value={top}
            onChange={(e) => setTop(Number(e.target.value))}
          />
          <span>% of won accounts by the weighted score</span>
        </label>
      </div>
    </Dialog>
  )
}
