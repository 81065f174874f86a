import { useState } from 'react'
import type { Condition } from '@shared/engine/scorecard/model'
import { Dialog } from '../../components/Dialog'
import { useDiscoverStore } from '../../stores/discover-store'
import { ScorecardSelect } from '../../components/ScorecardSelect'
import { useScorecardPicker } from '../../queries/scorecard-queries'

/** "Add as knockout to…": the scorecard is chosen in a small dialog so the table row stays compact. */
export function KnockoutButton({ name, condition }: { name: string; condition: Condition }) {
  const [open, setOpen] = useState(false)
  const scorecards = useScorecardPicker()
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
            <ScorecardSelect
              scorecards={scorecards}
              value={chosen}
              onChange={setId}
              detail={(s) => `(${s.knockoutCount} knockout${s.knockoutCount === 1 ? '' : 's'})`}
              autoFocus
            />
          )}
        </Dialog>
      ) : null}
    </>
  )
}
