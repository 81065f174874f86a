import { Info } from 'lucide-react'
import type { ImportPreview } from '@shared/domain/import'
import { formatCount } from '../data-format'

const SHOWN = 20

/** What the reader noticed and rows it left out: visible, but folded away until asked for. */
export function ReviewNotices({ preview }: { preview: ImportPreview }) {
  const { warnings, skipped } = preview
  if (warnings.length === 0 && skipped.length === 0) return null
  const first = skipped
    .slice(0, 2)
    .map((s) => `row ${formatCount(s.row)} (${s.reason})`)
    .join('; ')
  return (
    <div className="notes" aria-label="Notes on this file">
      {warnings.map((warning, i) => (
        <p key={i} className="notes__item">
          <Info size={15} aria-hidden /> {warning}
        </p>
      ))}
      {skipped.length > 0 ? (
        <details className="notes__item notes__details">
          <summary>
            <Info size={15} aria-hidden /> Skipped rows: {first}
            {skipped.length > 2 ? '; …' : ''}
          </summary>
          <ul>
            {skipped.slice(0, SHOWN).map((s) => (
              <li key={s.row}>
                Row {formatCount(s.row)}: {s.reason}
              </li>
            ))}
            {skipped.length > SHOWN ? <li>and {formatCount(skipped.length - SHOWN)} more</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
