import { useState } from 'react'
import { ChevronDown, ChevronRight } from 'lucide-react'
import {
  PLACE_PARTS,
  type AttributeChoice,
  type AttributeMapping,
  type PlacePart,
  type ProspectColumnSummary
} from '@shared/domain/prospects'
import { choiceOf } from './MappingStep'
import { count } from './prospect-words'

const READ_AS = ['whole', ...PLACE_PARTS, 'naics'] as const
type ReadAs = (typeof READ_AS)[number]
const READ_AS_WORDS: Readonly<Record<ReadAs, string>> = {
  whole: 'the value as written',
  city: 'the city of "City, State, Country"',
  state: 'the state of "City, State, Country"',
  country: 'the country of "City, State, Country"',
  naics: 'NAICS codes, by their titles'
}

function statusOf(m: AttributeMapping): { text: string; tone: 'ok' | 'warn' } {
  if (m.column === null) return { text: 'Not in this list: every prospect unknown', tone: 'warn' }
  const unmapped = m.values.filter((v) => v.mapped === null)
  const parts: string[] = []
  if (m.values.length > 0) parts.push(`${m.values.length - unmapped.length} of ${m.values.length} values map`)
  if (m.unreadable > 0) parts.push(`${count(m.unreadable)} prospects unknown`)
  if (m.empty > 0) parts.push(`${count(m.empty)} blank`)
  if (m.unitFactor !== 1) parts.push(`× ${count(m.unitFactor)}`)
  return { text: parts.length > 0 ? parts.join(' · ') : 'Every value reads', tone: unmapped.length > 0 || m.unreadable > 0 ? 'warn' : 'ok' }
}

/** One attribute's row of the mapping, with its values (unmapped first) when opened. */
export function AttributeMappingRow({
  mapping,
  columns,
  saving,
  onChange
}: {
  mapping: AttributeMapping
  columns: readonly ProspectColumnSummary[]
  saving: boolean
  onChange(choice: AttributeChoice): void
}) {
  const unmapped = mapping.values.filter((v) => v.mapped === null).length
  const [open, setOpen] = useState(unmapped > 0)
  const status = statusOf(mapping)
  const readAs: ReadAs = mapping.via ?? mapping.part ?? 'whole'
  const picklist = mapping.kind === 'category' || mapping.kind === 'multi'
  const values = [...mapping.values].sort((a, b) => Number(a.mapped !== null) - Number(b.mapped !== null) || b.count - a.count)
  const id = `pr-values-${mapping.attribute.replace(/[^A-Za-z0-9]/g, '-')}`
  return (
    <tbody className="pr-map-row" aria-busy={saving}>
      <tr>
        <th scope="row">
          <span className="pr-map-row__label">{mapping.label}</span>
          <span className="pr-map-row__kind">
            {mapping.kind === 'category'
              ? 'picklist'
              : mapping.kind === 'multi'
                ? 'list of items'
                : mapping.kind === 'boolean'
                  ? 'yes/no'
                  : 'number'}
          </span>
        </th>
        <td>
          <select
            className="input"
            aria-label={`List column for ${mapping.label}`}
            value={mapping.column ?? ''}
            disabled={saving}
            onChange={(e) =>
              onChange(choiceOf(mapping, { column: e.target.value || null, part: null, via: null, unitFactor: 1, values: [] }))
            }
          >
            <option value="">— not in this list —</option>
            {columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.examples.length > 0 ? ` (${c.examples.slice(0, 2).join(', ')})` : ''}
              </option>
            ))}
          </select>
          <span className="pr-map-row__reason">{mapping.reason}</span>
        </td>
        <td>
          {mapping.column !== null && mapping.kind === 'category' ? (
            <select
              className="input"
              aria-label={`How ${mapping.label} is read`}
              value={readAs}
              disabled={saving}
              onChange={(e) => {
                const next = e.target.value as ReadAs
                onChange(
                  choiceOf(mapping, {
                    part: next === 'whole' || next === 'naics' ? null : (next as PlacePart),
                    via: next === 'naics' ? 'naics' : null,
                    values: []
                  })
                )
              }}
            >
              {READ_AS.map((r) => (
                <option key={r} value={r}>
                  {READ_AS_WORDS[r]}
                </option>
              ))}
            </select>
          ) : mapping.column !== null && mapping.kind === 'number' ? (
            <span className="muted">{mapping.unitFactor === 1 ? 'numbers or bands' : `numbers × ${count(mapping.unitFactor)}`}</span>
          ) : null}
        </td>
        <td>
          <span className={`badge${status.tone === 'warn' ? ' badge--warning' : ''}`}>{status.text}</span>
        </td>
        <td className="num">
          {picklist && mapping.values.length > 0 ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={open}
              aria-controls={id}
              onClick={() => setOpen(!open)}
            >
              {open ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
              Values
            </button>
          ) : null}
        </td>
      </tr>
      {open && picklist ? (
        <tr id={id} className="pr-values">
          <td colSpan={5}>
            <table className="values-table pr-values__table" aria-label={`Values of ${mapping.label}`}>
              <thead>
                <tr>
                  <th scope="col">In the list</th>
                  <th scope="col" className="num">
                    Prospects
                  </th>
                  <th scope="col">Is, in the workspace</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {values.slice(0, 200).map((v) => (
                  <tr key={v.prospect} className={v.mapped === null ? 'pr-values__unmapped' : undefined}>
                    <th scope="row">{v.prospect}</th>
                    <td className="num">{count(v.count)}</td>
                    <td>
                      <select
                        className="input pr-input--small"
                        aria-label={`Workspace value for ${v.prospect}`}
                        value={v.mapped ?? ''}
                        disabled={saving}
                        onChange={(e) => {
                          const decided = mapping.values
                            .filter((x) => x.decided && x.prospect !== v.prospect)
                            .map((x) => ({ prospect: x.prospect, mapped: x.mapped }))
                          onChange(choiceOf(mapping, { values: [...decided, { prospect: v.prospect, mapped: e.target.value || null }] }))
                        }}
                      >
                        <option value="">— unmapped (unknown) —</option>
                        {mapping.vocabulary.map((w) => (
                          <option key={w} value={w}>
                            {w}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="pr-values__why">{v.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {values.length > 200 ? <p className="muted">The 200 most common of {count(values.length)} values (unmapped first).</p> : null}
          </td>
        </tr>
      ) : null}
    </tbody>
  )
}
