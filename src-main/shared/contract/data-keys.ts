import type { MethodName } from './methods'

/**
 * The kinds of stored data a method can change or read. Coarse on purpose: a key names what a
 * user would call one thing ("the scorecards"), and a change refetches every screen reading it.
 */
export const DATA_KEYS = ['workspace', 'recents', 'dataset', 'scorecards', 'discover', 'export', 'prospects'] as const
export type DataKey = (typeof DATA_KEYS)[number]

/** A write lists what it changes; a read lists what its answer depends on. */
export type DataAccess = { readonly changes: readonly DataKey[] } | { readonly reads: readonly DataKey[] }

const everything = DATA_KEYS
const results = ['dataset', 'scorecards', 'discover'] as const
const deliverables = ['workspace', 'dataset', 'scorecards', 'discover', 'export'] as const

/**
 * What every method touches, declared once beside the contract and total over it (a new method
 * without an entry is a compile error). The backend announces `changes` in one `data-changed`
 * event after the write commits; the renderer's query layer refetches the queries whose `reads`
 * meet those keys, in the tab that wrote and in every other one. Kept apart from methods.ts so
 * the renderer can read it without bundling zod.
 */
export const dataAccess = {
  'app-info': { reads: [] },
  'workspace-create': { changes: everything },
  'workspace-open': { changes: everything },
  'workspace-inspect': { reads: everything },
  'workspace-open-sample': { changes: everything },
  'workspace-close': { changes: everything },
  'workspace-current': { reads: ['workspace'] },
  'workspace-rename': { changes: ['workspace', 'recents'] },
  'workspace-set-section': { changes: ['workspace'] },
  'workspace-files': { reads: ['recents', 'workspace'] },
  // Dialogs and staged files: nothing stored changes until import-commit.
  'workspace-choose-file': { changes: [] },
  'import-inspect': { changes: [] },
  'import-set-column': { changes: [] },
  'import-commit': { changes: ['dataset'] },
  'import-discard': { changes: [] },
  'dataset-summary': { reads: ['dataset'] },
  'dataset-set-column': { changes: ['dataset'] },
  'dataset-set-placeholder': { changes: ['dataset'] },
  'dataset-set-outcomes': { changes: ['dataset'] },
  'dataset-set-join': { changes: ['dataset'] },
  'dataset-join-list': { reads: ['dataset'] },
  'dataset-rows': { reads: ['dataset'] },
  'dataset-accounts': { reads: ['dataset'] },
  'dataset-remove-table': { changes: ['dataset'] },
  'dataset-set-missing-tokens': { changes: ['dataset'] },
  'dataset-table': { reads: ['dataset'] },
  'category-list': { reads: ['dataset'] },
  'category-add': { changes: ['dataset'] },
  'hygiene-list': { reads: ['dataset'] },
  'hygiene-add': { changes: ['dataset'] },
  'hygiene-remove': { changes: ['dataset'] },
  'hygiene-suggest': { reads: ['dataset'] },
  'scorecard-list': { reads: ['scorecards'] },
  'scorecard-get': { reads: ['scorecards'] },
  'scorecard-create': { changes: ['scorecards'] },
  'scorecard-save': { changes: ['scorecards'] },
  'scorecard-rename': { changes: ['scorecards'] },
  'scorecard-delete': { changes: ['scorecards'] },
  'scorecard-version-save': { changes: ['scorecards'] },
  'scorecard-version-list': { reads: ['scorecards'] },
  'scorecard-version-restore': { changes: ['scorecards'] },
  'scorecard-version-get': { reads: ['scorecards'] },
  'scorecard-import-file': { changes: ['scorecards'] },
  'scorecard-export-file': { reads: ['scorecards'] },
  'discover-run': { reads: ['dataset', 'discover'] },
  'discover-set-leak': { changes: ['discover'] },
  'best-definition-get': { reads: ['discover'] },
  'best-definition-set': { changes: ['discover'] },
  'best-cohort': { reads: ['dataset', 'discover'] },
  'discover-anti-icp': { reads: ['dataset', 'discover'] },
  'scorecard-check': { reads: results },
  'scorecard-suggest': { changes: ['scorecards'] },
  'scorecard-validate': { reads: results },
  'simulate-run': { reads: results },
  'simulate-compare': { reads: results },
  'simulate-band-accounts': { reads: results },
  'simulate-review': { reads: results },
  // A review is recorded as a version of the scorecard.
  'simulate-review-record': { changes: ['scorecards'] },
  // The scorecard travels in the input: the pack depends on the data and the outcome definition.
  'simulate-pack': { reads: ['dataset', 'discover'] },
  'simulate-masks': { reads: ['dataset', 'discover'] },
  'scorecard-evidence': { reads: results },
  'scorecard-explain': { reads: results },
  'score-export': { reads: results },
  'export-document-get': { reads: deliverables },
  'export-document-save': { changes: ['export'] },
  'export-pdf': { reads: deliverables },
  // Writes a file the user chose, outside the workspace.
  'export-save-as': { changes: [] },
  'app-open-file': { changes: [] },
  'export-workbook': { reads: deliverables },
  'export-scored-csv': { reads: deliverables },
  'export-sql': { reads: deliverables },
  'export-crm-mapping-get': { reads: deliverables },
  'export-crm-mapping-save': { changes: ['export'] },
  'export-crm-pack': { reads: deliverables },
  'export-review-pdf': { reads: deliverables },
  'prospects-import': { changes: ['prospects'] },
  'prospects-summary': { reads: ['prospects'] },
  'prospects-remove': { changes: ['prospects'] },
  // Proposals read the workspace's values and the scorecard's attributes as well as the list.
  'prospects-mapping-get': { reads: ['prospects', 'dataset', 'scorecards'] },
  'prospects-mapping-save': { changes: ['prospects'] },
  'prospects-score': { reads: ['prospects', 'dataset', 'scorecards'] },
  'prospects-export': { reads: ['prospects', 'dataset', 'scorecards'] },
  'recent-list': { reads: ['recents'] },
  'recent-remove': { changes: ['recents'] }
} as const satisfies { readonly [M in MethodName]: DataAccess }

/** What a write changes (empty for a read). */
export function changesOf(method: MethodName): readonly DataKey[] {
  const access: DataAccess = dataAccess[method]
  return 'changes' in access ? access.changes : []
}

/** Whether a read's answer may differ after a change to `keys` (a write is never cached). */
export function readsAny(method: MethodName, keys: readonly DataKey[]): boolean {
  const access: DataAccess = dataAccess[method]
  return 'reads' in access && access.reads.some((key) => keys.includes(key))
}
