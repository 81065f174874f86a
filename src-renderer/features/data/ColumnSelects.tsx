import { COLUMN_TYPES, type AttributeLevel, type ColumnRole, type ColumnType, type DateOrder } from '@shared/domain/dataset'
import { DATE_ORDER_LABELS, ROLE_GROUPS, ROLE_LABELS, TYPE_LABELS } from './data-labels'

interface SelectProps<T> {
  /** The column's name, so each control's accessible name says which column it changes. */
  column: string
  value: T
  disabled?: boolean
  onChange(value: T): void
}

export function ColumnTypeSelect({ column, value, disabled, onChange }: SelectProps<ColumnType>) {
  return (
    <select
      className="select"
      aria-label={`Type of ${column}`}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as ColumnType)}
    >
      {COLUMN_TYPES.map((type) => (
        <option key={type} value={type}>
          {TYPE_LABELS[type]}
        </option>
      ))}
    </select>
  )
}

export function ColumnRoleSelect({ column, value, disabled, onChange }: SelectProps<ColumnRole>) {
  return (
    <select
      className="select"
      aria-label={`Role of ${column}`}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as ColumnRole)}
    >
      {ROLE_GROUPS.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}

export function DateOrderSelect({ column, value, disabled, onChange }: SelectProps<DateOrder | null>) {
  return (
    <select
      className="select select--small"
      aria-label={`Date order of ${column}`}
      value={value ?? ''}
      disabled={disabled}
      onChange={(event) => onChange((event.target.value || null) as DateOrder | null)}
    >
      {value === null ? <option value="">Day/month order…</option> : null}
      {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((order) => (
        <option key={order} value={order}>
          {DATE_ORDER_LABELS[order]}
        </option>
      ))}
    </select>
  )
}

export function ColumnLevelSelect({ column, value, disabled, onChange }: SelectProps<AttributeLevel>) {
  return (
    <select
      className="select select--small"
      aria-label={`Level of ${column}`}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as AttributeLevel)}
    >
      <option value="account">Account fact</option>
      <option value="deal">Deal fact</option>
    </select>
  )
}
