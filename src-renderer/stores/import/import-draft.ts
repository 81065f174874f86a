import {
  isSingleColumnRole,
  type AttributeLevel,
  type ColumnProfile,
  type ColumnRole,
  type ColumnType,
  type DateOrder,
  type Outcome,
  type TableKind
} from '@shared/domain/dataset'
import type { HygieneRule } from '@shared/domain/data-views'
import type { ColumnSetting, ImportMode, ImportPreview, OutcomeMappingEntry } from '@shared/domain/import'
import { outcomeMappingFor } from '@shared/import/outcome-mapping-for'
import { outcomeWordsFor } from '@shared/export/outcome-words'
import type { OutcomeWords } from '@shared/domain/one-pager'

/** What the user decided about a staged file so far; nothing of it is saved until Import. */
export interface ImportDraft {
  kind: TableKind
  /** The user picked the kind (or refreshes a table of it); otherwise each re-read may suggest another. */
  kindChosen: boolean
  /** What the file looked like before any kind was imposed on the reader. */
  suggestedKind: TableKind
  columns: ColumnSetting[]
  /** Per proposed clean-up of the preview: kept (its rule is added on import) or not. */
  cleanups: boolean[]
  outcomes: OutcomeMappingEntry[]
  /** The column the outcome values were read from, so picking another column re-reads them. */
  outcomeColumn: number | null
  mode: ImportMode
  appendKey: string | null
}

export interface TypeEdit {
  index: number
  type: ColumnType
  dateOrder: DateOrder | null
}

function settingOf(column: ColumnProfile): ColumnSetting {
  return {
    index: column.index,
    type: column.type,
    role: column.role,
    category: column.category,
    dateOrder: column.dateOrder,
    level: column.level
  }
}

export function draftFromPreview(
  preview: ImportPreview,
  kind: { chosen: TableKind | null; suggested: TableKind },
  mode: ImportMode
): ImportDraft {
  const outcome = preview.columns.find((c) => c.role === 'outcome')
  return {
    kind: kind.chosen ?? kind.suggested,
    kindChosen: kind.chosen !== null,
    suggestedKind: kind.suggested,
    columns: preview.columns.map(settingOf),
    outcomes: preview.outcomeMapping.map((entry) => ({ ...entry })),
    outcomeColumn: outcome?.index ?? null,
    mode,
    appendKey: null,
    cleanups: preview.cleanups.map((c) => c.byDefault)
  }
}

/**
 * The words the staged file will be read in once imported (outcomeWordsFor, as the workspace
 * decides them): a churn flag whose yes is lost makes a study of customers, not deals.
 */
export function draftOutcomeWords(draft: ImportDraft, preview: ImportPreview): OutcomeWords {
  const column = draft.columns.find((c) => c.role === 'outcome')
  const name = column === undefined ? null : (preview.columns.find((c) => c.index === column.index)?.name ?? null)
  return outcomeWordsFor(
    name,
    draft.outcomes.map((entry) => [entry.value, entry.outcome] as const)
  )
}

/** Keep or drop one proposed clean-up (by its position in the preview's list). */
export function withCleanup(draft: ImportDraft, position: number, kept: boolean): ImportDraft {
  return { ...draft, cleanups: draft.cleanups.map((k, i) => (i === position ? kept : k)) }
}

/** The hygiene rules the import will add: the clean-ups kept, for columns still imported as attributes. */
export function keptCleanups(preview: ImportPreview, draft: ImportDraft): HygieneRule[] {
  return preview.cleanups.filter((c, i) => draft.cleanups[i] === true && draft.columns[c.index]?.role === 'attribute').map((c) => c.rule)
}

/**
 * After a re-read (another sheet, header row or table kind) the user's own choices should
 * survive wherever the same column name is still there: roles and categories directly, types
 * by replaying them against the new staging (returned for the caller to send).
 */
export function carryOverEdits(
  previous: { preview: ImportPreview; draft: ImportDraft },
  next: { preview: ImportPreview; draft: ImportDraft }
): { draft: ImportDraft; typeEdits: TypeEdit[] } {
  const typeEdits: TypeEdit[] = []
  const columns = next.draft.columns.map((setting) => {
    const name = next.preview.columns[setting.index]?.name
    const before = previous.preview.columns.find((c) => c.name === name)
    const chosen = before ? previous.draft.columns[before.index] : undefined
    if (!before || !chosen) return setting
    const carried = { ...setting }
    if (chosen.role !== before.role || chosen.category !== before.category) {
      carried.role = chosen.role
      carried.category = chosen.category
    }
    // The staged profile already carries a type change, so the guess to compare with is inferredType.
    const now = next.preview.columns[setting.index]
    const dateOrderChanged = chosen.type === 'date' && (chosen.dateOrder ?? null) !== (now?.dateOrder ?? null)
    if (chosen.type !== before.inferredType || dateOrderChanged) {
      typeEdits.push({ index: setting.index, type: chosen.type, dateOrder: chosen.dateOrder ?? null })
    }
    return carried
  })
  const outcomes = next.draft.outcomes.map((entry) => {
    const known = previous.draft.outcomes.find((e) => e.value === entry.value)
    return known ? { ...entry, outcome: known.outcome } : entry
  })
  return { draft: { ...next.draft, columns, outcomes, mode: previous.draft.mode, appendKey: previous.draft.appendKey }, typeEdits }
}

/** Outcome values of a column the user picked as the outcome, keeping mappings already chosen. */
export function outcomesOf(profile: ColumnProfile, known: readonly OutcomeMappingEntry[]): OutcomeMappingEntry[] {
  // The profile shows a yes/no column as Yes and No whatever the file stores (1/0, TRUE/FALSE):
  // outcomes are matched by the same key the backend uses, so those labels map the stored values.
  return outcomeMappingFor(
    profile.topValues,
    known.map((e) => [e.value, e.outcome] as const),
    profile.name
  )
}

export function withRole(draft: ImportDraft, preview: ImportPreview, index: number, role: ColumnRole): ImportDraft {
  const columns = draft.columns.map((setting) => {
    if (setting.index === index) {
      return { ...setting, role, category: role === 'attribute' ? setting.category : null }
    }
    // Two outcome or ID columns would make the analysis guess which one counts.
    if (isSingleColumnRole(role) && setting.role === role) return { ...setting, role: 'attribute' as const }
    return setting
  })
  if (role !== 'outcome' || draft.outcomeColumn === index) return { ...draft, columns }
  const profile = preview.columns[index]
  return {
    ...draft,
    columns,
    outcomeColumn: index,
    outcomes: profile ? outcomesOf(profile, draft.outcomes) : []
  }
}

export function withLevel(draft: ImportDraft, index: number, level: AttributeLevel): ImportDraft {
  return { ...draft, columns: draft.columns.map((s) => (s.index === index ? { ...s, level } : s)) }
}

export function withCategory(draft: ImportDraft, index: number, category: string | null): ImportDraft {
  return { ...draft, columns: draft.columns.map((s) => (s.index === index ? { ...s, category } : s)) }
}

export function withProfile(draft: ImportDraft, profile: ColumnProfile): ImportDraft {
  return {
    ...draft,
    columns: draft.columns.map((s) => (s.index === profile.index ? { ...s, type: profile.type, dateOrder: profile.dateOrder } : s))
  }
}

export function withOutcome(entries: readonly OutcomeMappingEntry[], value: string, outcome: Outcome | null): OutcomeMappingEntry[] {
  return entries.map((e) => (e.value === value ? { ...e, outcome } : e))
}

export function hasOutcomeColumn(draft: ImportDraft): boolean {
  return draft.columns.some((c) => c.role === 'outcome')
}

/** Why a mapping cannot support a win rate yet, or null when it can. */
export function outcomeGap(entries: readonly OutcomeMappingEntry[]): string | null {
  const won = entries.some((e) => e.outcome === 'won')
  const lost = entries.some((e) => e.outcome === 'lost')
  if (!won && !lost) return 'No value is mapped to Won or Lost yet, so no win rate can be computed.'
  if (!won) return 'No value is mapped to Won: every closed deal would count as lost.'
  if (!lost) return 'No value is mapped to Lost: every closed deal would count as won.'
  return null
}

/** A staging id the caller chooses up front, so Cancel can name the read before it answers. */
export function newStagingId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return `stg-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
