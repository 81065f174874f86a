import { useState } from 'react'
import type { Condition } from '@shared/engine/scorecard/model'
import { Dialog } from '../../components/Dialog'
import { useDiscoverStore } from '../../stores/discover-store'

/** "Add as knockout to…": the scorecard is chosen in a small dialog so the table row stays compact. */
export function KnockoutButton({ name, condition }: { name: string; condition: Condition }) {
  const [open, setOpen] = useState(false)
  const scorecards = useDiscoverStore((s) => s.scorecards)
  const [id, setId] = useState<number | null>(null)
  const chosen = id ?? scorecards[0]?.id ?? null

  return (
    <>
      <button type="button" className="button button--ghost button--small" onClick={() => setOpen(true)}>
        Add as knockout to…
      </button>
      {open ? (
        <Dialog
          title="Add a knockout"
          description={
            <>
              Accounts with <strong>{name}</strong> will be disqualified by the scorecard, whatever their points.
            </>
          }
          onClose={() => setOpen(false)}
          footer={
            <>
              <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={chosen === null}
                onClick={() => {
                  if (chosen !== null) void useDiscoverStore.getState().addKnockout(chosen, name, condition)
                  setOpen(false)
                }}
              >
                Add knockout
              </button>
            </>
          }
        >
          {scorecards.length === 0 ? (
            <p className="muted">There is no scorecard yet. Suggest one below, or create one in Scorecards.</p>
          ) : (
            <label className="field">
              <span className="field__label">Scorecard</span>
              <select className="input" value={chosen ?? ''} onChange={(e) => setId(Number(e.target.value))} data-autofocus>
                {scorecards.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.knockoutCount} knockout{s.knockoutCount === 1 ? '' : 's'})
                  </option>
                ))}
              </select>
            </label>
          )}
        </Dialog>
      ) : null}
    </>
  )
}
