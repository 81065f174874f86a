import type { ReactNode } from 'react'
import { capitalize } from '@shared/format'
import type { OnePagerBlockId, OnePagerContent } from '@shared/domain/one-pager'
import { criteriaByAttribute, joinQualifies } from './criteria-by-attribute'
import { EvidenceChart } from './EvidenceChart'
import {
  formatAuc,
  formatCount,
  formatLift,
  formatLongDate,
  formatMonth,
  formatPercent,
  formatPoints,
  tierRanges
} from './one-pager-format'
import { Value } from './Value'

/** Blocks that take the page's full width; the others share two columns. */
export const WIDE_BLOCKS: ReadonlySet<OnePagerBlockId> = new Set(['header', 'statement', 'evidence', 'messaging', 'core-vs-adjacent'])

function Section({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`op-section ${className}`}>
      <h2 className="op-section__title">{title}</h2>
      {children}
    </section>
  )
}

const filled = (text: string) => text.trim().length > 0

function Header({ content }: { content: OnePagerContent }) {
  const { document: doc, scorecard } = content
  return (
    <header className="op-header">
      <div className="op-header__identity">
        {doc.logoDataUrl && <img className="op-header__logo" src={doc.logoDataUrl} alt="" />}
        <div>
          <div className="op-eyebrow">Ideal Customer Profile</div>
          <h1 className="op-header__client">
            <Value text={doc.clientName.trim() || 'Client name'} />
          </h1>
        </div>
      </div>
      <dl className="op-header__meta">
        <div>
          <dt>Scorecard</dt>
          <dd>
            <Value text={scorecard.name} />
            {scorecard.version && (
              <span className="op-muted">
                {' · '}
                <Value text={scorecard.version} />
              </span>
            )}
          </dd>
        </div>
        {doc.date && (
          <div>
            <dt>Date</dt>
            <dd>{formatLongDate(doc.date)}</dd>
          </div>
        )}
        {filled(doc.preparedBy) && (
          <div>
            <dt>Prepared by</dt>
            <dd>
              <Value text={doc.preparedBy} />
            </dd>
          </div>
        )}
      </dl>
    </header>
  )
}

const VERDICT_LABEL: Record<OnePagerContent['analysis']['strength'], string> = {
  none: 'Not supported by the data yet',
  weak: 'Partly supported by the data',
  strong: 'Supported by the data'
}

/** How far the data carries this profile, in plain words, printed under the header on every page. */
function Verdict({ analysis }: { analysis: OnePagerContent['analysis'] }) {
  return (
    <p className={`op-verdict op-verdict--${analysis.strength}`}>
      <span className="op-verdict__label">{VERDICT_LABEL[analysis.strength]}</span> <Value text={analysis.headline} />
    </p>
  )
}

function Statement({ content }: { content: OnePagerContent }) {
  const statements = content.document.statements.filter(filled)
  const { strength, dataNeeded } = content.analysis
  if (statements.length === 0 && dataNeeded.length === 0) return null
  // A statement's evidence prints while its text is as drafted: an edited sentence is the consultant's own.
  const evidenceOf = (statement: string): string | null => {
    const at = content.draftedStatements.findIndex((drafted) => drafted.trim() === statement.trim())
    return at >= 0 ? (content.statementEvidence[at] ?? null) : null
  }
  return (
    <section className="op-statement">
      <h2 className="op-section__title">{strength === 'none' ? 'Hypotheses to test' : content.outcomeWords.heading}</h2>
      {statements.length > 0 && (
        <ol className="op-statement__list">
          {statements.map((statement, i) => {
            const evidence = evidenceOf(statement)
            return (
              <li key={i}>
                <Value text={statement} />
                {evidence && (
                  <span className="op-statement__evidence">
                    <Value text={evidence} />
                  </span>
                )}
              </li>
            )
          })}
        </ol>
      )}
      {dataNeeded.length > 0 && (
        <div className="op-needed">
          <h3 className="op-needed__title">What would settle them</h3>
          <ul>
            {dataNeeded.map((line, i) => (
              <li key={i}>
                <Value text={line} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function Definition({
  categories,
  title = 'Definition by category',
  markUnsupported = false
}: {
  categories: OnePagerContent['scorecard']['categories']
  title?: string
  /** Tag the rows the data does not support (pointless when the verdict says none is). */
  markUnsupported?: boolean
}) {
  // What qualifies: the criteria that add points (the ones that take points away are in the scorecard).
  const used = categories.filter((c) => c.criteria.some((x) => x.points > 0))
  if (used.length === 0) return null
  return (
    <Section title={title}>
      <dl className="op-definition">
        {used.map((category) => (
          <div key={category.name} className="op-definition__category">
            <dt>
              <Value text={category.name} />
            </dt>
            {criteriaByAttribute(category.criteria.filter((c) => c.points > 0)).map((row) => (
              <dd key={row.attribute} className="op-definition__item">
                <span className="op-definition__attribute">
                  <Value text={row.attribute} />
                </span>{' '}
                <Value text={joinQualifies(row.criteria.map((c) => c.qualifies))} />
                {markUnsupported && row.criteria.every((c) => c.supported === false) && (
                  <>
                    {' '}
                    <span className="op-tag" title="Does not hold up on its own in the data">
                      unproven
                    </span>
                  </>
                )}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </Section>
  )
}

function ScorecardTable({ content }: { content: OnePagerContent }) {
  const { categories, tiers } = content.scorecard
  const used = categories.filter((c) => c.criteria.length > 0)
  if (used.length === 0) return null
  const ranges = tierRanges(tiers)
  return (
    <Section title="Scorecard">
      <table className="op-table">
        <tbody>
          {used.map((category) => (
            <ScorecardCategoryRows key={category.name} category={category} />
          ))}
        </tbody>
      </table>
      <ul className="op-tiers" aria-label="Tiers">
        {tiers.map((tier, i) => (
          <li key={tier.name} className="op-tier">
            <span className="op-tier__swatch" style={{ background: tier.color }} />
            <span className="op-tier__name">
              <Value text={tier.name} />
            </span>
            <span className="op-tier__range op-nowrap">{ranges[i]}</span>
          </li>
        ))}
      </ul>
    </Section>
  )
}

function ScorecardCategoryRows({ category }: { category: OnePagerContent['scorecard']['categories'][number] }) {
  const total = category.criteria.reduce((sum, c) => sum + Math.max(0, c.points), 0)
  return (
    <>
      <tr className="op-table__category">
        <th scope="rowgroup">
          <Value text={category.name} />
        </th>
        <td className="op-nowrap">{total} pts</td>
      </tr>
      {criteriaByAttribute(category.criteria).map((row) =>
        row.criteria.length === 1 ? (
          <tr key={row.attribute}>
            <td>
              <Value text={row.attribute} />{' '}
              <span className="op-muted">
                <Value text={row.criteria[0]!.qualifies} />
              </span>
            </td>
            <td className={row.criteria[0]!.points < 0 ? 'op-points op-points--negative' : 'op-points'}>
              {formatPoints(row.criteria[0]!.points)}
            </td>
          </tr>
        ) : (
          <tr key={row.attribute}>
            <td colSpan={2}>
              <Value text={row.attribute} />{' '}
              {row.criteria.map((c, i) => (
                // The space between criteria is where a long row may wrap.
                <span key={i} className="op-inline-criterion">
                  {i > 0 && ' '}
                  <span className="op-muted">
                    <Value text={c.qualifies} />
                  </span>
                  {'\u00a0'}
                  <span className={c.points < 0 ? 'op-points op-points--negative' : 'op-points'}>{formatPoints(c.points)}</span>
                </span>
              ))}
            </td>
          </tr>
        )
      )}
    </>
  )
}

function Disqualifiers({ content }: { content: OnePagerContent }) {
  if (content.scorecard.disqualifiers.length === 0) return null
  return (
    <Section title="Disqualifiers">
      <ul className="op-disqualifiers">
        {content.scorecard.disqualifiers.map((text, i) => (
          <li key={i}>
            <Value text={text} />
          </li>
        ))}
      </ul>
    </Section>
  )
}

function Pairs({ title, pairs }: { title: string; pairs: Array<[string, string]> }) {
  const shown = pairs.filter(([, text]) => filled(text))
  if (shown.length === 0) return null
  return (
    <Section title={title}>
      <dl className="op-pairs">
        {shown.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <Value text={text} />
            </dd>
          </div>
        ))}
      </dl>
    </Section>
  )
}

function Messaging({ content }: { content: OnePagerContent }) {
  const m = content.document.messaging
  const cells: Array<[string, string, string]> = [
    ['Target', 'Who we talk to', m.target],
    ['Context', 'What they face', m.context],
    ['Cost', 'What it costs them', m.cost],
    ['Change', 'What we change', m.change]
  ]
  if (!cells.some(([, , text]) => filled(text))) return null
  return (
    <Section title="Messaging frame">
      <div className="op-messaging">
        {cells.map(([label, hint, text]) => (
          <div key={label} className="op-messaging__cell">
            <div className="op-messaging__label">
              {label} <span className="op-muted">· {hint}</span>
            </div>
            <div>{filled(text) ? <Value text={text} /> : '–'}</div>
          </div>
        ))}
      </div>
    </Section>
  )
}

function Evidence({ content }: { content: OnePagerContent }) {
  const e = content.evidence
  const baseRate = e.deals > 0 ? e.wins / e.deals : null
  const period = e.firstClosed && e.lastClosed ? `${formatMonth(e.firstClosed)} – ${formatMonth(e.lastClosed)}` : 'Unknown'
  const { validation } = content.analysis
  const heldOut = validation.measuredOn === 'holdout' && validation.auc !== null
  const words = content.outcomeWords
  // No deals, or a scorecard with nothing to score: no lift, AUC or tiers to show.
  const scored = e.topTier !== null
  return (
    <Section title={words.evidenceTitle} className="op-evidence">
      <div className="op-evidence__body">
        <dl className="op-kpis">
          {scored && (
            <div className="op-kpi op-kpi--lead">
              <dt>
                {e.topTier ? (
                  <>
                    Lift of tier <Value text={e.topTier.name} />
                  </>
                ) : (
                  'Lift of the top tier'
                )}
              </dt>
              <dd>{formatLift(e.topTier?.lift ?? null)}</dd>
              <dd className="op-kpi__note">
                {formatPercent(e.topTier?.winRate ?? null)} {content.outcomeWords.rate} vs {formatPercent(baseRate)} overall
              </dd>
            </div>
          )}
          {!scored ? null : heldOut ? (
            <div className="op-kpi">
              <dt>{validation.kind === 'time' ? `AUC, newest ${words.records}` : 'AUC, held-out accounts'}</dt>
              <dd>{formatAuc(validation.auc)}</dd>
              <dd className="op-kpi__note">
                {formatAuc(e.auc)} on all {words.records} · 0.5 = chance, 1 = perfect
              </dd>
            </div>
          ) : (
            <div className="op-kpi">
              <dt>AUC</dt>
              <dd>{formatAuc(e.auc)}</dd>
              <dd className="op-kpi__note">on the {words.records} it was built on · 0.5 = chance</dd>
            </div>
          )}
          <div className="op-kpi">
            <dt>{capitalize(words.decided)}</dt>
            <dd>{formatCount(e.deals)}</dd>
            <dd className="op-kpi__note">
              {formatCount(e.wins)} {content.outcomeWords.won}
            </dd>
          </div>
          <div className="op-kpi">
            <dt>{words.periodLabel}</dt>
            <dd className="op-kpi__period op-nowrap">{period}</dd>
          </div>
        </dl>
        {scored && e.tiers.length > 0 && <EvidenceChart tiers={e.tiers} baseRate={baseRate} words={content.outcomeWords} />}
      </div>
      <ModelCard analysis={content.analysis} />
      {content.market ? (
        <p className="op-market" data-testid="one-pager-market">
          <Value text={content.market} />
        </p>
      ) : null}
      {e.notes.length > 0 && (
        <ul className="op-notes">
          {e.notes.map((note, i) => (
            <li key={i}>
              <Value text={note} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

/** Provenance in small print: what the scorecard was built on, what it was checked on, what it cannot say. */
function ModelCard({ analysis }: { analysis: OnePagerContent['analysis'] }) {
  return (
    <dl className="op-card" aria-label="Model card">
      <div>
        <dt>Built on</dt>
        <dd>
          <Value text={analysis.builtOn} />
        </dd>
      </div>
      <div>
        <dt>Checked on</dt>
        <dd>
          <Value text={analysis.validatedOn} />
        </dd>
      </div>
      {analysis.limits.length > 0 && (
        <div>
          <dt>Limits</dt>
          <dd>
            <ul>
              {analysis.limits.map((limit, i) => (
                <li key={i}>
                  <Value text={limit} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  )
}

function CoreVsAdjacent({ content }: { content: OnePagerContent }) {
  if (!content.adjacent) return null
  const column = (label: string, name: string, categories: OnePagerContent['scorecard']['categories']) => (
    <div className="op-compare__column">
      <div className="op-compare__label">
        {label}{' '}
        <span className="op-muted">
          · <Value text={name} />
        </span>
      </div>
      {categories
        .filter((c) => c.criteria.length > 0)
        .map((c) => (
          <p key={c.name} className="op-compare__line">
            <strong>
              <Value text={c.name} />:
            </strong>{' '}
            {c.criteria.map((x, i) => (
              <span key={i}>
                {i > 0 && '; '}
                <Value text={x.attribute} /> <Value text={x.qualifies} />
              </span>
            ))}
          </p>
        ))}
    </div>
  )
  return (
    <Section title="Core vs Adjacent ICP">
      <div className="op-compare">
        {column('Core', content.scorecard.name, content.scorecard.categories)}
        {column('Adjacent', content.adjacent.name, content.adjacent.categories)}
      </div>
    </Section>
  )
}

/** One block's printed content, or null when it has nothing to print (it is then left out). */
export function renderBlock(id: OnePagerBlockId, content: OnePagerContent): ReactNode {
  const doc = content.document
  switch (id) {
    case 'header':
      return (
        <>
          <Header content={content} />
          <Verdict analysis={content.analysis} />
        </>
      )
    case 'statement':
      return <Statement content={content} />
    case 'definition':
      return <Definition categories={content.scorecard.categories} markUnsupported={content.analysis.strength !== 'none'} />
    case 'scorecard':
      return <ScorecardTable content={content} />
    case 'disqualifiers':
      return <Disqualifiers content={content} />
    case 'buying':
      return (
        <Pairs
          title="Buying roles and triggers"
          pairs={[
            ['Economic buyer', doc.economicBuyer],
            ['Champion', doc.champion],
            ['Triggers', doc.triggers]
          ]}
        />
      )
    case 'channels':
      return (
        <Pairs
          title="Channel fit"
          pairs={[
            ['Outbound', doc.channels.outbound],
            ['Content', doc.channels.content],
            ['Partners', doc.channels.partners],
            ['Marketplaces', doc.channels.marketplaces]
          ]}
        />
      )
    case 'messaging':
      return <Messaging content={content} />
    case 'evidence':
      return <Evidence content={content} />
    case 'core-vs-adjacent':
      return <CoreVsAdjacent content={content} />
  }
}
