import { ArrowDownRight, ArrowUpRight, Minus } from 'lucide-react'
import type { CompareReport } from '@shared/domain/simulation'
import { figureSpecs, toneOf, TONE_WORDS, type FigureSpec } from './compare-format'
import { SIDE_LABELS } from './CompareSetup'

function FigureCard({ spec, report }: { spec: FigureSpec; report: CompareReport }) {
  const delta = report.delta[spec.key]
  const shown = delta === null ? '—' : spec.change(delta)
  const tone = toneOf(delta, spec.direction, shown)
  const Icon =
    tone === 'better' || (tone === 'neutral' && delta! > 0) ? ArrowUpRight : tone === 'worse' || tone === 'neutral' ? ArrowDownRight : Minus
  return (
    <div className="cmp-card" role="group" aria-label={spec.name}>
      <div className="cmp-card__head">
        <span className="sim-card__name">{spec.name}</span>
        <span className={`cmp-delta cmp-delta--${tone}`} aria-label={`Change ${shown}: ${TONE_WORDS[tone]}`} title={TONE_WORDS[tone]}>
          {tone === 'none' ? null : <Icon size={13} aria-hidden />}
          {tone === 'same' ? 'same' : tone === 'none' ? 'n/a' : shown}
        </span>
      </div>
      <dl className="cmp-card__values">
        <div className="cmp-card__row">
          <dt>
            <span className="cmp-side__mark cmp-side__mark--a" aria-hidden />
            {SIDE_LABELS.a}
          </dt>
          <dd>{spec.value(report.a)}</dd>
        </div>
        <div className="cmp-card__row cmp-card__row--b">
          <dt>
            <span className="cmp-side__mark cmp-side__mark--b" aria-hidden />
            {SIDE_LABELS.b}
          </dt>
          <dd>{spec.value(report.b)}</dd>
        </div>
      </dl>
      <div className="cmp-card__hint">{spec.hint}</div>
    </div>
  )
}

/** Each headline figure under both sides with the change between them, coloured by whether it is better. */
export function CompareFigures({ report }: { report: CompareReport }) {
  return (
    <div className="cmp-cards" role="region" aria-label="Headline figures compared">
      {figureSpecs(report.outcome).map((spec) => (
        <FigureCard key={spec.key} spec={spec} report={report} />
      ))}
      <div className="cmp-card cmp-card--swap" role="group" aria-label="Top-tier moves">
        <div className="cmp-card__head">
          <span className="sim-card__name">Top-tier moves</span>
        </div>
        <dl className="cmp-card__values">
          <div className="cmp-card__row">
            <dt>Entering</dt>
            <dd className={report.entering.total > 0 ? 'cmp-in' : undefined}>
              {report.entering.total > 0 ? `+${report.entering.total.toLocaleString()}` : '0'}
            </dd>
          </div>
          <div className="cmp-card__row">
            <dt>Leaving</dt>
            <dd className={report.leaving.total > 0 ? 'cmp-out' : undefined}>
              {report.leaving.total > 0 ? `−${report.leaving.total.toLocaleString()}` : '0'}
            </dd>
          </div>
        </dl>
        <div className="cmp-card__hint">accounts listed below</div>
      </div>
    </div>
  )
}
