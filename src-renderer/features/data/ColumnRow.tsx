import type { ReactNode } from 'react'
import { LoaderCircle } from 'lucide-react'
import type { AttributeLevel, ColumnProfile, ColumnRole, ColumnType, DateOrder } from '@shared/domain/dataset'
import type { ColumnSetting } from '@shared/domain/import'
import { CategorySelect } from './CategorySelect'
import { ColumnLevelSelect, ColumnRoleSelect, ColumnTypeSelect, DateOrderSelect } from './ColumnSelects'
import { ColumnProfileView } from './ColumnProfileView'
import { TYPE_LABELS } from './data-labels'
import { LabelField } from './LabelField'
import { PlaceholderList } from './PlaceholderList'

export interface ColumnRowHandlers {
  onType(index: number, type: ColumnType, dateOrder?: DateOrder | null): void
  onRole(index: number, role: ColumnRole): void
  onCategory(index: number, category: string | null): void
  onLevel(index: number, level: AttributeLevel): void
  /** Stored columns only: count a placeholder spelling as missing, or keep it as a value. */
  onPlaceholder?: ((index: number, token: string, missing: boolean) => void) | undefined
  /** Stored columns only: the client-facing label ('' returns to the proposed one). */
  onLabel?: ((index: number, label: string) => void) | undefined
}

interface ColumnRowProps extends ColumnRowHandlers {
  profile: ColumnProfile
  setting: ColumnSetting
  /** The column is being re-read as another type; its controls wait. */
  pending: boolean
}

/** One column: its name, how it is read, what it means, and what its values look like. */
export function ColumnRow({ profile, setting, pending, onType, onRole, onCategory, onLevel, onPlaceholder, onLabel }: ColumnRowProps) {
  const name = profile.name || `Column ${profile.index + 1}`
  const ignored = setting.role === 'ignore'
  // The reason belongs to the suggestion: once the role is changed here it no longer applies.
  const why = setting.role === profile.role ? profile.roleReason : null
  const level = setting.level ?? profile.level ?? 'account'
  return (
    <tr className={`coltable__row${ignored ? ' coltable__row--ignored' : ''}`}>
      <th scope="row" className="coltable__name">
        <span className="coltable__title" title={name}>
          {name}
        </span>
        {profile.inferredType !== setting.type ? (
          <span className="coltable__guess">Guessed {TYPE_LABELS[profile.inferredType]}</span>
        ) : null}
        {onLabel && !ignored ? (
          <LabelField column={name} label={profile.label} disabled={pending} onSave={(label) => onLabel(profile.index, label)} />
        ) : profile.label !== profile.name && !ignored ? (
          <span className="coltable__guess">Shown as “{profile.label}”</span>
        ) : null}
      </th>
      <td>
        <div className="coltable__stack">
          <div className="coltable__with-spinner">
            <ColumnTypeSelect column={name} value={setting.type} disabled={pending} onChange={(type) => onType(profile.index, type)} />
            {pending ? <LoaderCircle className="spin" size={16} aria-label="Re-reading the column" /> : null}
          </div>
          {setting.type === 'date' && (profile.dateOrderAmbiguous || setting.dateOrder) ? (
            <div className={profile.dateOrderAmbiguous ? 'needs-choice' : undefined}>
              <DateOrderSelect
                column={name}
                value={setting.dateOrder ?? null}
                disabled={pending}
                onChange={(order) => onType(profile.index, 'date', order)}
              />
              {profile.dateOrderAmbiguous ? <span className="needs-choice__hint">Day and month could be either way round</span> : null}
            </div>
          ) : null}
        </div>
      </td>
      <td>
        <div className="coltable__stack">
          <ColumnRoleSelect column={name} value={setting.role} onChange={(role) => onRole(profile.index, role)} />
          {why ? <p className="coltable__why">{why}</p> : null}
        </div>
      </td>
      <td>
        {setting.role === 'attribute' ? (
          <div className="coltable__stack">
            <CategorySelect column={name} value={setting.category} onChange={(category) => onCategory(profile.index, category)} />
            <ColumnLevelSelect column={name} value={level} disabled={pending} onChange={(next) => onLevel(profile.index, next)} />
            {profile.levelReason && level === profile.level ? <p className="coltable__why">{profile.levelReason}</p> : null}
          </div>
        ) : (
          <span className="muted" aria-label="No category for this role">
            —
          </span>
        )}
      </td>
      <td>
        <ColumnProfileView profile={profile} />
        <PlaceholderList
          column={name}
          placeholders={profile.placeholders}
          disabled={pending}
          onChange={onPlaceholder ? (token, missing) => onPlaceholder(profile.index, token, missing) : undefined}
        />
      </td>
    </tr>
  )
}

/** The column list's frame, shared by the import review and the stored tables. */
export function ColumnTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="coltable__scroll">
      <table className="coltable" aria-label={label}>
        <colgroup>
          <col className="coltable__col-name" />
          <col className="coltable__col-type" />
          <col className="coltable__col-role" />
          <col className="coltable__col-category" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Role</th>
            <th scope="col">Category and level</th>
            <th scope="col">Values</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
