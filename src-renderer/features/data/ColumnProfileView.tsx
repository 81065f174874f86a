import { AlertTriangle } from 'lucide-react'
import type { ColumnProfile } from '@shared/domain/dataset'
import { TYPE_LABELS } from './data-labels'
import { formatCount, formatPercent, plural } from './data-format'
import { MiniHistogram, TopValueBars } from './MiniCharts'

/** What the data in one column looks like: gaps, variety, the common values, and what could not be read. */
export function ColumnProfileView({ profile }: { profile: ColumnProfile }) {
  const filled = profile.rowCount - profile.missingCount
  // Bars of ones say nothing; for ids and names a few examples say more.
  const unique = profile.topValues.length > 0 && profile.topValues.every((v) => v.count === 1)
  const spread = profile.type === 'number' || profile.type === 'range' || profile.type === 'date'
  return (
    <div className="profile">
      <p className="profile__facts">
        <span className={profile.missingCount > profile.rowCount / 2 ? 'profile__fact--high' : undefined}>
          {formatPercent(profile.missingCount, profile.rowCount)} missing
        </span>
        <span aria-hidden>·</span>
        <span>{formatCount(profile.distinctCount)} distinct</span>
      </p>
      {spread && profile.histogram && profile.histogram.length > 0 ? (
        <MiniHistogram bins={profile.histogram} type={profile.type} />
      ) : unique ? (
        <p className="profile__examples" title={profile.topValues.map((v) => v.value).join(', ')}>
          Every value differs, e.g.{' '}
          {profile.topValues
            .slice(0, 3)
            .map((v) => v.value)
            .join(', ')}
        </p>
      ) : profile.topValues.length > 0 ? (
        <TopValueBars values={profile.topValues} total={filled} />
      ) : null}
      {profile.unparsedCount > 0 ? (
        <p className="profile__warning">
          <AlertTriangle size={14} aria-hidden />
          <span>
            {plural(profile.unparsedCount, 'value')} not read as {TYPE_LABELS[profile.type]}
            {profile.unparsedExamples.length > 0 ? ': ' : ''}
            {profile.unparsedExamples.map((example, i) => (
              <mark key={i} className="profile__example">
                {example === '' ? '(blank)' : example}
              </mark>
            ))}
          </span>
        </p>
      ) : null}
    </div>
  )
}
