import type { Condition, ConditionOp } from '@shared/engine/scorecard/model'
import { OPERAND_SHAPE, OPS_BY_KIND } from '@shared/engine/scorecard/operators'
import type { PaletteAttribute } from './attributes'
import { RangeHistogram } from './RangeHistogram'
import { ValuePicker } from './ValuePicker'

const OP_LABELS: Record<ConditionOp, string> = {
  in: 'is any of',
  not_in: 'is none of',
  between: 'is between',
  lt: 'is less than',
  gt: 'is more than',
  is_true: 'is yes',
  is_false: 'is no',
  contains_any: 'has any of',
  contains_all: 'has all of',
  is_missing: 'is missing'
}

interface ConditionFieldsProps {
  condition: Condition
  attribute: PaletteAttribute | undefined
  onChange(patch: Partial<Condition>): void
}

function numberOrNull(text: string): number | null {
  const value = Number(text)
  return text.trim() === '' || !Number.isFinite(value) ? null : value
}

/** The operator and its operands, shaped by the attribute's kind. */
export function ConditionFields({ condition, attribute, onChange }: ConditionFieldsProps) {
  const ops = attribute ? OPS_BY_KIND[attribute.kind] : [condition.op]
  const shape = OPERAND_SHAPE[condition.op]
  const topValues = attribute?.topValues ?? []

  const changeOp = (op: ConditionOp): void => {
    // Keep the operands when the shape stays (in -> not_in); otherwise start from the data again.
    const nextShape = OPERAND_SHAPE[op]
    const base: Partial<Condition> = { op, values: undefined, min: undefined, max: undefined, value: undefined }
    if (nextShape === shape) onChange({ ...base, values: condition.values, min: condition.min, max: condition.max, value: condition.value })
    else if (nextShape === 'values') onChange({ ...base, values: [topValues[0]?.value ?? ''] })
    else if (nextShape === 'range') onChange({ ...base, min: 0, max: null })
    else if (nextShape === 'value') onChange({ ...base, value: condition.min ?? condition.max ?? 0 })
    else onChange(base)
  }

  return (
    <div className="sc-condition">
      <select
        className="input input--small"
        aria-label={`Operator for ${condition.attribute}`}
        value={condition.op}
        onChange={(e) => changeOp(e.target.value as ConditionOp)}
      >
        {ops.map((op) => (
          <option key={op} value={op}>
            {OP_LABELS[op]}
          </option>
        ))}
      </select>
      {shape === 'values' ? (
        <ValuePicker
          attribute={condition.attribute}
          options={topValues}
          selected={condition.values ?? []}
          onChange={(values) => onChange({ values })}
        />
      ) : null}
      {shape === 'range' ? (
        <div className="sc-range">
          <input
            className="input input--small"
            type="number"
            aria-label={`Minimum ${condition.attribute}`}
            placeholder="no min"
            value={condition.min ?? ''}
            onChange={(e) => {
              const min = numberOrNull(e.target.value)
              if (min !== null || condition.max != null) onChange({ min })
            }}
          />
          <span className="muted" aria-hidden>
            to
          </span>
          <input
            className="input input--small"
            type="number"
            aria-label={`Maximum ${condition.attribute}`}
            placeholder="no max"
            value={condition.max ?? ''}
            onChange={(e) => {
              const max = numberOrNull(e.target.value)
              if (max !== null || condition.min != null) onChange({ max })
            }}
          />
        </div>
      ) : null}
      {shape === 'range' || shape === 'value' ? <RangeHistogram attribute={attribute} condition={condition} /> : null}
      {shape === 'value' ? (
        <input
          className="input input--small sc-range__single"
          type="number"
          aria-label={`Value of ${condition.attribute}`}
          value={condition.value ?? ''}
          onChange={(e) => {
            const value = numberOrNull(e.target.value)
            if (value !== null) onChange({ value })
          }}
        />
      ) : null}
    </div>
  )
}
