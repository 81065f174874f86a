import { ArrowLeftRight, Flag, Globe2, Ruler, X } from 'lucide-react'
import type { HygieneRule, HygieneRuleView } from '@shared/domain/data-views'
import { useApiQuery } from '../../../queries/api-queries'
import { useDataStore } from '../../../stores/data-store'
import { plural } from '../data-format'

const ICONS: Record<HygieneRule['kind'], typeof Flag> = { merge: ArrowLeftRight, 'us-state': Flag, country: Globe2, bands: Ruler }

/** The saved rules in the order they apply, each with how much of the data it touches. */
const NO_RULES: HygieneRuleView[] = []

export function RuleList() {
  const rules = useApiQuery('hygiene-list', {}).data ?? NO_RULES
  const removeRule = useDataStore((s) => s.removeRule)
  return (
    <section className="panel" aria-labelledby="rules-title">
      <header className="panel__header">
        <h3 id="rules-title">Rules</h3>
        <p className="panel__hint">Applied in this order to the stored data and again to every file imported later.</p>
      </header>
      {rules.length === 0 ? (
        <p className="empty-note">No rules yet. Add one to merge spellings, standardise states or countries, or band a number.</p>
      ) : (
        <ol className="rules" aria-label="Hygiene rules">
          {rules.map((view) => {
            const Icon = ICONS[view.rule.kind]
            return (
              <li key={view.id} className="rules__item">
                <Icon className="rules__icon" size={16} aria-hidden />
                <span className="rules__text">
                  <span className="rules__description">{view.description}</span>
                  <span className="rules__affected">
                    {view.affectedRows === 0 ? 'Changes no rows now' : `Changes ${plural(view.affectedRows, 'row')}`}
                  </span>
                </span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove rule: ${view.description}`}
                  onClick={() => void removeRule(view.id)}
                >
                  <X size={16} aria-hidden />
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
