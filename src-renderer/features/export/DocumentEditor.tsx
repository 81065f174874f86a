import { useId, useState, type ReactNode } from 'react'
import { ImageUp, Plus, RotateCcw, Trash2, X } from 'lucide-react'
import type { OnePagerBlockId, OnePagerContent, OnePagerDocument } from '@shared/domain/one-pager'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import { LOGO_MAX_BYTES } from '@shared/domain/one-pager'
import { BlockList } from './BlockList'

interface DocumentEditorProps {
  content: OnePagerContent
  scorecards: readonly ScorecardSummary[]
  overflow: readonly OnePagerBlockId[]
  onEdit(change: (doc: OnePagerDocument) => OnePagerDocument): void
}

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml']

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="ex-group">
      <legend className="ex-group__title">{title}</legend>
      {children}
    </fieldset>
  )
}

function TextField(props: {
  label: string
  value: string
  max: number
  onChange(value: string): void
  multiline?: boolean
  placeholder?: string
  name?: string
}) {
  const id = useId()
  const near = props.value.length > props.max * 0.8
  return (
    <div className="field ex-field">
      <label className="field__label" htmlFor={id}>
        {props.label}
        {near && (
          <span className="ex-field__count">
            {props.value.length}/{props.max}
          </span>
        )}
      </label>
      {props.multiline ? (
        <textarea
          id={id}
          name={props.name}
          className="input ex-textarea"
          rows={2}
          maxLength={props.max}
          value={props.value}
          placeholder={props.placeholder}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={props.name}
          className="input"
          maxLength={props.max}
          value={props.value}
          placeholder={props.placeholder}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  )
}

/** The consultant's side of the one-pager: every field saves as it is typed. */
export function DocumentEditor({ content, scorecards, overflow, onEdit }: DocumentEditorProps) {
  const doc = content.document
  const [logoError, setLogoError] = useState<string | null>(null)
  const set = <K extends keyof OnePagerDocument>(key: K, value: OnePagerDocument[K]) => onEdit((d) => ({ ...d, [key]: value }))
  const others = scorecards.filter((s) => s.id !== content.scorecard.id)

  const pickLogo = (file: File | undefined) => {
    setLogoError(null)
    if (!file) return
    if (!LOGO_TYPES.includes(file.type)) return setLogoError('Use a PNG, JPEG or SVG image.')
    if (file.size > LOGO_MAX_BYTES) return setLogoError('The logo must be under 1 MB.')
    const reader = new FileReader()
    reader.onload = () => set('logoDataUrl', String(reader.result))
    reader.onerror = () => setLogoError('That image could not be read.')
    reader.readAsDataURL(file)
  }

  return (
    <div className="ex-editor">
      <Group title="Blocks">
        <BlockList content={content} overflow={overflow} onChange={(blocks) => set('blocks', blocks)} />
      </Group>

      <Group title="Header">
        <TextField label="Client name" name="clientName" value={doc.clientName} max={120} onChange={(v) => set('clientName', v)} />
        <TextField
          label="Prepared by"
          name="preparedBy"
          value={doc.preparedBy}
          max={120}
          onChange={(v) => set('preparedBy', v)}
          placeholder="Your name and firm"
        />
        <div className="ex-row">
          <div className="field ex-field">
            <label className="field__label" htmlFor="ex-date">
              Date
            </label>
            <input id="ex-date" type="date" className="input" value={doc.date} onChange={(e) => set('date', e.target.value)} />
          </div>
          <div className="field ex-field">
            <label className="field__label" htmlFor="ex-color">
              Brand colour
            </label>
            <div className="ex-color">
              <input id="ex-color" type="color" value={doc.brandColor} onChange={(e) => set('brandColor', e.target.value)} />
              <code>{doc.brandColor}</code>
            </div>
          </div>
        </div>
        <div className="field ex-field">
          <span className="field__label">Logo</span>
          <div className="ex-logo">
            {doc.logoDataUrl ? (
              <img src={doc.logoDataUrl} alt="Client logo" className="ex-logo__image" />
            ) : (
              <span className="muted">No logo</span>
            )}
            <label className="button button--secondary button--small">
              <ImageUp size={14} aria-hidden />
              {doc.logoDataUrl ? 'Replace' : 'Choose image'}
              <input
                type="file"
                accept={LOGO_TYPES.join(',')}
                className="visually-hidden"
                onChange={(e) => {
                  pickLogo(e.target.files?.[0])
                  e.target.value = ''
                }}
              />
            </label>
            {doc.logoDataUrl && (
              <button type="button" className="button button--ghost button--small" onClick={() => set('logoDataUrl', null)}>
                <X size={14} aria-hidden /> Remove
              </button>
            )}
          </div>
          {logoError && (
            <span className="ex-field__error" role="alert">
              {logoError}
            </span>
          )}
        </div>
      </Group>

      <Group title="ICP statement">
        <p className="ex-hint">3-5 one-sentence hypotheses. Drafted from the scorecard; your edits are kept.</p>
        <ol className="ex-statements">
          {doc.statements.map((statement, i) => (
            <li key={i} className="ex-statement">
              <textarea
                className="input ex-textarea"
                aria-label={`Statement ${i + 1}`}
                rows={2}
                maxLength={400}
                value={statement}
                onChange={(e) =>
                  set(
                    'statements',
                    doc.statements.map((s, j) => (j === i ? e.target.value : s))
                  )
                }
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove statement ${i + 1}`}
                onClick={() =>
                  set(
                    'statements',
                    doc.statements.filter((_, j) => j !== i)
                  )
                }
              >
                <Trash2 size={14} aria-hidden />
              </button>
            </li>
          ))}
        </ol>
        <div className="ex-actions-inline">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={doc.statements.length >= 5}
            onClick={() => set('statements', [...doc.statements, ''])}
          >
            <Plus size={14} aria-hidden /> Add statement
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => set('statements', content.draftedStatements)}>
            <RotateCcw size={14} aria-hidden /> Redraft from the scorecard
          </button>
        </div>
        {doc.statements.filter((s) => s.trim()).length < 3 && (
          <p className="ex-hint ex-hint--warn">A crisp ICP statement has 3 to 5 hypotheses.</p>
        )}
      </Group>

      <Group title="Buying roles and triggers">
        <TextField
          label="Economic buyer"
          value={doc.economicBuyer}
          max={400}
          multiline
          onChange={(v) => set('economicBuyer', v)}
          placeholder="Who signs, and what they answer for"
        />
        <TextField
          label="Champion"
          value={doc.champion}
          max={400}
          multiline
          onChange={(v) => set('champion', v)}
          placeholder="Who carries it inside the account"
        />
        <TextField
          label="Triggers"
          value={doc.triggers}
          max={600}
          multiline
          onChange={(v) => set('triggers', v)}
          placeholder="Events that open a buying window"
        />
      </Group>

      <Group title="Channel fit">
        {(['outbound', 'content', 'partners', 'marketplaces'] as const).map((key) => (
          <TextField
            key={key}
            label={key.charAt(0).toUpperCase() + key.slice(1)}
            value={doc.channels[key]}
            max={300}
            onChange={(v) => set('channels', { ...doc.channels, [key]: v })}
          />
        ))}
      </Group>

      <Group title="Messaging frame">
        {(
          [
            ['target', 'Target', 'Who we talk to'],
            ['context', 'Context', 'What they face'],
            ['cost', 'Cost', 'What the problem costs them'],
            ['change', 'Change', 'What we change']
          ] as const
        ).map(([key, label, placeholder]) => (
          <TextField
            key={key}
            label={label}
            value={doc.messaging[key]}
            max={300}
            multiline
            placeholder={placeholder}
            onChange={(v) => set('messaging', { ...doc.messaging, [key]: v })}
          />
        ))}
      </Group>

      <Group title="Market">
        <label className="ex-block__label ex-field">
          <input type="checkbox" checked={doc.showMarket === true} onChange={(e) => set('showMarket', e.target.checked)} />
          <span>
            Print the market line under the evidence: the prospect list (Simulate › Prospects) scored with this scorecard — its size,
            prospects per tier, source and date
          </span>
        </label>
      </Group>
      <Group title="Core vs Adjacent ICP">
        <div className="field ex-field">
          <label className="field__label" htmlFor="ex-adjacent">
            Adjacent ICP
          </label>
          <select
            id="ex-adjacent"
            className="input"
            value={doc.adjacentScorecardId ?? ''}
            onChange={(e) => set('adjacentScorecardId', e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">None</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </Group>
    </div>
  )
}
