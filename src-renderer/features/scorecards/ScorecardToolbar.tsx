import { useRef, useState } from 'react'
import { Copy, Download, History, Pencil, Plus, Redo2, Save, Trash2, Undo2, Upload } from 'lucide-react'
import { useApiQuery } from '../../queries/api-queries'
import { useScorecardStore } from '../../stores/scorecard-store'
import { editHistory } from '../shell/app-commands'
import { NameDialog } from './NameDialog'
import { VersionsDialog } from './VersionsDialog'

type Prompt = 'create' | 'duplicate' | 'rename' | 'version' | 'versions' | null

/** Which scorecard is open and everything done to it as a whole: create, copy, rename, delete, versions, files. */
export function ScorecardToolbar() {
  const list = useApiQuery('scorecard-list', {}).data ?? []
  const currentId = useScorecardStore((s) => s.currentId)
  const name = useScorecardStore((s) => s.scorecard?.name ?? '')
  const canUndo = useScorecardStore((s) => s.past.length > 0)
  const canRedo = useScorecardStore((s) => s.future.length > 0)
  const store = useScorecardStore.getState()
  const [prompt, setPrompt] = useState<Prompt>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const close = (): void => setPrompt(null)
  const open = currentId !== null

  return (
    <div className="sc-toolbar">
      <div className="sc-toolbar__group">
        <label className="sc-toolbar__picker">
          <span className="visually-hidden">Scorecard</span>
          <select
            className="input"
            aria-label="Scorecard"
            value={currentId ?? ''}
            disabled={list.length === 0}
            onChange={(e) => void store.select(Number(e.target.value))}
          >
            {list.length === 0 ? <option value="">No scorecards yet</option> : null}
            {list.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary button--small" onClick={() => setPrompt('create')}>
          <Plus size={14} aria-hidden /> New
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Duplicate"
          title="Duplicate"
          disabled={!open}
          onClick={() => setPrompt('duplicate')}
        >
          <Copy size={16} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Rename"
          title="Rename"
          disabled={!open}
          onClick={() => setPrompt('rename')}
        >
          <Pencil size={16} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Delete scorecard"
          title="Delete"
          disabled={!open}
          onClick={() => void store.remove()}
        >
          <Trash2 size={16} aria-hidden />
        </button>
      </div>
      <div className="sc-toolbar__group">
        <button
          type="button"
          className="icon-button"
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          disabled={!canUndo}
          onClick={() => editHistory('edit-undo', null, 'scorecards')}
        >
          <Undo2 size={16} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
          disabled={!canRedo}
          onClick={() => editHistory('edit-redo', null, 'scorecards')}
        >
          <Redo2 size={16} aria-hidden />
        </button>
        <span className="sc-toolbar__divider" aria-hidden />
        <button type="button" className="button button--secondary button--small" disabled={!open} onClick={() => setPrompt('version')}>
          <Save size={14} aria-hidden /> Save version
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!open} onClick={() => setPrompt('versions')}>
          <History size={14} aria-hidden /> Versions
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => fileInput.current?.click()}>
          <Upload size={14} aria-hidden /> Import
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!open} onClick={() => void store.exportFile()}>
          <Download size={14} aria-hidden /> Export
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Import a scorecard file"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void file.arrayBuffer().then((buffer) => store.importFile(file.name, new Uint8Array(buffer)))
          }}
        />
      </div>
      {prompt === 'create' ? (
        <NameDialog
          title="New scorecard"
          label="Scorecard name"
          initial="Core ICP"
          confirm="Create"
          onSubmit={(n) => void store.create(n)}
          onClose={close}
        />
      ) : null}
      {prompt === 'duplicate' && currentId !== null ? (
        <NameDialog
          title="Duplicate scorecard"
          label="Name of the copy"
          initial="Adjacent ICP"
          confirm="Duplicate"
          onSubmit={(n) => void store.create(n, currentId)}
          onClose={close}
        />
      ) : null}
      {prompt === 'rename' ? (
        <NameDialog
          title="Rename scorecard"
          label="Scorecard name"
          initial={name}
          confirm="Rename"
          onSubmit={(n) => void store.rename(n)}
          onClose={close}
        />
      ) : null}
      {prompt === 'version' ? (
        <NameDialog
          title="Save a version"
          label="Note"
          initial=""
          confirm="Save version"
          onSubmit={(n) => void store.saveVersion(n)}
          onClose={close}
        />
      ) : null}
      {prompt === 'versions' ? <VersionsDialog onClose={close} /> : null}
    </div>
  )
}
