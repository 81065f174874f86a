import { useLayoutEffect, useRef, type CSSProperties } from 'react'
import type { PaperSize } from '@shared/domain/one-pager'
import type { ReviewCase, ReviewDecision, ReviewReport, ReviewTierFigures, ReviewWords } from '@shared/domain/review'
import { capitalize } from '@shared/format'
import { formatAuc, formatCount, formatDays, formatLongDate, formatMonth, formatPercent } from '../../export/one-pager/one-pager-format'
import { fitTypeScale, PAPER, printableHeight } from '../../export/one-pager/page-geometry'
import { Value } from '../../export/one-pager/Value'
import '../../export/one-pager/one-pager.css'
import './review-page.css'

export const DECISION_LABEL: Readonly<Record<ReviewDecision, string>> = {
  keep: 'Keep',
  're-weight': 'Re-weight',
  rebuild: 'Rebuild',
  'too-early': 'Too early to tell'
}

const DECISION_TONE: Readonly<Record<ReviewDecision, string>> = {
  keep: 'strong',
  're-weight': 'weak',
  rebuild: 'none',
  'too-early': 'weak'
}

const CASES_PRINTED = 5

const money = (amount: number | null): string =>
  amount === null
    ? '–'
    : amount >= 1e6
      ? `$${(amount / 1e6).toFixed(1)}M`
      : amount >= 1e3
        ? `$${Math.round(amount / 1e3)}K`
        : `$${Math.round(amount)}`

function Rate({ f, words }: { f: ReviewTierFigures; words: ReviewWords }) {
  if (f.winRate === null) return <span className="op-muted">no {words.records}</span>
  return (
    <>
      <strong>{formatPercent(f.winRate)}</strong>
      {f.ci && <span className="rv-ci"> {`${formatPercent(f.ci[0])}–${formatPercent(f.ci[1])}`}</span>}
      {f.tooSmall && (
        <span className="rv-small" title={`Under 30 ${words.decided}: the rate swings too much to act on`}>
          {' '}
          *
        </span>
      )}
    </>
  )
}

function period(from: string | null, through: string | null, words: ReviewWords): string {
  return from && through ? `${formatMonth(from)} – ${formatMonth(through)}` : `no ${words.decided}`
}

function Cases({ title, cases, total, empty }: { title: string; cases: readonly ReviewCase[]; total: number; empty: string }) {
  return (
    <section className="rv-cases">
      <h2 className="op-section__title">
        {title} <span className="rv-count">{formatCount(total)}</span>
      </h2>
      {cases.length === 0 ? (
        <p className="op-muted rv-empty">{empty}</p>
      ) : (
        <ul className="rv-case-list">
          {cases.slice(0, CASES_PRINTED).map((c) => (
            <li key={`${c.dealId}|${c.accountId}`}>
              <span className="rv-case__name">
                <Value text={c.accountName || c.accountId || c.dealId} />
              </span>{' '}
              <span className="rv-case__score">
                {c.score} · {c.tier}
                {c.amount !== null ? ` · ${money(c.amount)}` : ''}
              </span>
              <span className="rv-case__why">
                <Value text={c.reasons} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > CASES_PRINTED && cases.length > 0 && (
        <p className="op-muted rv-more">and {formatCount(total - Math.min(CASES_PRINTED, cases.length))} more</p>
      )}
    </section>
  )
}

interface ReviewPageProps {
  review: ReviewReport
  clientName: string
  brandColor: string
  paper: PaperSize
  /** Called after each layout with whether the page runs past one sheet. */
  onMeasure?(overflow: boolean): void
}

/**
 * The 90-day review as one page of paper, in the one-pager's style: verdict first, then the
 * tiers on the new deals against the period the scorecard was built on, drift, and the deals it
 * got wrong (a churn study's customers, in its words). The Simulate section shows it; the print
 * route prints it.
 */
export function ReviewPage({ review, clientName, brandColor, paper, onMeasure }: ReviewPageProps) {
  const geometry = PAPER[paper]
  const limit = printableHeight(paper)
  const contentRef = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const root = contentRef.current
    if (!root) return
    const heightAt = (scale: number) => {
      root.style.setProperty('--op-fit', String(scale))
      return root.scrollHeight
    }
    const fit = fitTypeScale(heightAt, limit, { min: 0.8, max: 1.15 })
    root.style.setProperty('--op-fit', String(fit))
    onMeasure?.(root.scrollHeight > limit + 0.5)
  })

  const style = {
    '--op-brand': brandColor,
    width: `${geometry.width}px`,
    height: `${geometry.height}px`,
    padding: `${geometry.margin}px`
  } as CSSProperties
  const { verdict, built, auc, words } = review
  const fresh = review.review
  const drift = review.attributeDrift.slice(0, 8)
  const freshRecords = `${words.fresh} ${words.records}`
  // A sales cycle (or a customer's tenure) needs a start date: without one the columns stay empty.
  const cycles = review.tiers.some((t) => t.built.medianCycleDays !== null || t.review.medianCycleDays !== null)
  const headings = [words.records, words.rate, ...(cycles ? [words.cycle] : []), words.amount].map((h) => capitalize(h))
  const span = headings.length
  return (
    <article className="op-page rv-page" style={style} data-paper={paper} aria-label="90-day review">
      <style>{`@page { size: ${geometry.cssSize}; margin: 0; }`}</style>
      <div className="op-bleed" aria-hidden="true" />
      <div ref={contentRef} className="op-content rv-content" style={{ height: `${limit}px` }}>
        <header className="op-header">
          <div>
            <div className="op-eyebrow">90-day ICP review</div>
            <h1 className="op-header__client">
              <Value text={clientName.trim() || 'Client'} />
            </h1>
          </div>
          <dl className="op-header__meta">
            <div>
              <dt>Scorecard</dt>
              <dd>
                <Value text={review.scorecard.name} />
              </dd>
            </div>
            <div>
              <dt>{review.sinceSource === 'built' ? 'Built on' : 'Compared with'}</dt>
              <dd>{period(built.from, built.through, words)}</dd>
            </div>
            <div>
              <dt>Reviewed</dt>
              <dd>{period(fresh.from, fresh.through, words)}</dd>
            </div>
          </dl>
        </header>

        <p className={`op-verdict op-verdict--${DECISION_TONE[verdict.decision]}`}>
          <span className="op-verdict__label">{DECISION_LABEL[verdict.decision]}</span> <Value text={verdict.sentence} />
        </p>

        {review.caveat && (
          <p className="rv-caveat">
            <Value text={review.caveat} />
          </p>
        )}

        <section>
          <h2 className="op-section__title">Tiers: the {freshRecords} against the earlier ones</h2>
          <table className="rv-table">
            <thead>
              <tr>
                <th rowSpan={2}>Tier</th>
                <th colSpan={span} className="rv-group">
                  {review.sinceSource === 'built' ? 'Built on' : `Before ${formatLongDate(review.since)}`} · {formatCount(built.deals)}{' '}
                  {words.records}
                </th>
                <th colSpan={span} className="rv-group rv-group--new">
                  Since {formatLongDate(review.since)} · {formatCount(fresh.deals)} {words.records}
                </th>
              </tr>
              <tr>
                {[...headings, ...headings].map((h, i) => (
                  <th key={i} className={i >= span ? 'rv-new' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {review.tiers.map((row) => (
                <tr key={row.tier}>
                  <th scope="row">
                    <Value text={row.tier} />
                  </th>
                  <td>{formatCount(row.built.deals)}</td>
                  <td>
                    <Rate f={row.built} words={words} />
                  </td>
                  {cycles && <td>{formatDays(row.built.medianCycleDays)}</td>}
                  <td>{money(row.built.meanWonAmount)}</td>
                  <td className="rv-new">{formatCount(row.review.deals)}</td>
                  <td className="rv-new">
                    <Rate f={row.review} words={words} />
                  </td>
                  {cycles && <td className="rv-new">{formatDays(row.review.medianCycleDays)}</td>}
                  <td className="rv-new">{money(row.review.meanWonAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="rv-note">
            AUC {formatAuc(auc.built)} on the {words.records} it was built on, {formatAuc(auc.review)} on the {freshRecords} (0.5 is
            chance). {words.rate}s of {words.decided} with their 95% intervals;{' '}
            {[...(cycles ? [words.cycleNote] : []), words.amountNote].join(', ')}.
            {review.tiers.some((t) => t.review.tooSmall || t.built.tooSmall) ? ` * under 30 ${words.decided}: too few to act on.` : ''}
            {review.undated > 0 ? ` ${formatCount(review.undated)} ${words.records} without a ${words.date} are in neither period.` : ''}
          </p>
        </section>

        {verdict.findings.length > 0 && (
          <section>
            <h2 className="op-section__title">What the verdict rests on</h2>
            <ul className="rv-findings">
              {verdict.findings.map((finding, i) => (
                <li key={i}>
                  <Value text={finding} />
                </li>
              ))}
            </ul>
          </section>
        )}

        <section>
          <h2 className="op-section__title">Drift since it was built</h2>
          <table className="rv-table rv-drift">
            <thead>
              <tr>
                <th>What it reads</th>
                <th>PSI</th>
                <th>Reading</th>
                <th>Biggest move (share of {words.records})</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">The score</th>
                <td>{review.scoreDrift.psi === null ? '–' : review.scoreDrift.psi.toFixed(2)}</td>
                <td className={`rv-reading rv-reading--${(review.scoreDrift.reading ?? 'stable').replace(' ', '-')}`}>
                  {review.scoreDrift.reading ?? '–'}
                </td>
                <td className="op-muted">scores in bands of 20 points</td>
              </tr>
              {drift.map((d) => (
                <tr key={d.attribute}>
                  <th scope="row">
                    <Value text={d.label} />
                  </th>
                  <td>{d.psi.toFixed(2)}</td>
                  <td className={`rv-reading rv-reading--${d.reading.replace(' ', '-')}`}>{d.reading}</td>
                  <td>
                    {d.moved[0] ? (
                      <>
                        <Value text={d.moved[0].label} /> {formatPercent(d.moved[0].before)} → {formatPercent(d.moved[0].after)}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="rv-note">Population stability index: under 0.10 stable, 0.10–0.25 some drift, 0.25 and over a real shift.</p>
        </section>

        <div className="rv-two">
          <Cases
            title={`${capitalize(words.wins)} it placed in the lowest tier`}
            cases={review.missedWins}
            total={review.missedWinsTotal}
            empty={`None: every ${words.fresh} ${words.win} scored above the lowest tier.`}
          />
          <Cases
            title={`${capitalize(words.losses)} it placed in the top tier`}
            cases={review.falseAlarms}
            total={review.falseAlarmsTotal}
            empty={`None: no ${words.fresh} ${words.loss} scored in the top tier.`}
          />
        </div>
      </div>
      <footer className="op-footer" style={{ left: geometry.margin, right: geometry.margin, bottom: geometry.margin / 2 - 6 }}>
        <span>
          <Value text={clientName.trim() || 'Client'} /> · 90-day ICP review
        </span>
        <span>
          {formatCount(fresh.deals)} {words.fresh} and {formatCount(built.deals)} earlier {words.decided} · ICP Workbench
        </span>
      </footer>
    </article>
  )
}
