import { z } from 'zod'
import type { AppInfo, RecentWorkspace, WorkspaceFileEntry, WorkspaceSummary } from '../domain/workspace'
import { SECTIONS } from '../domain/workspace'
import type { DatasetSummary, ImportPreview, StoredTable } from '../domain/import'
import type { ColumnProfile } from '../domain/dataset'
import type { BandAccountsPage, CompareReport, SimulationReport } from '../domain/simulation'
import type { PackedMask, SimulationPack } from '../engine/simulation/simulation-pack'
import type {
  AntiIcpEntry,
  BestCustomerCohort,
  BestCustomerDefinition,
  DiscoverReport,
  ScorecardCheck,
  ScorecardValidation
} from '../domain/discover'
import { BEST_CUSTOMER_METRICS } from '../domain/discover'
import { ATTRIBUTE_LEVELS, COLUMN_ROLES, COLUMN_TYPES, OUTCOMES, TABLE_KINDS } from '../domain/dataset'
import type { AccountPage, HygieneRule, HygieneRuleView, JoinListPage, TableRowsPage } from '../domain/data-views'
import type { ImportedScorecard, ScorecardFile, ScorecardSummary, ScorecardVersion, StoredScorecard } from '../domain/scorecards'
import { CONDITION_OPS, type Scorecard } from '../engine/scorecard/model'
import type { OnePagerContent } from '../domain/one-pager'
import type { ReviewReport } from '../domain/review'
import { CRM_FIELD_TYPES, CRM_KINDS, type CrmMapping, type CrmPack } from '../domain/crm'
import { onePagerDocumentSchema } from './one-pager-schema'
import { PLACE_PARTS, PROSPECT_SOURCES, type ProspectListSummary, type ProspectMapping, type ProspectScore } from '../domain/prospects'

/**
 * Declares one backend method: the zod schema validates its single object argument at the
 * boundary; the output type rides along as a phantom so the client and the handler table are
 * both derived from this one declaration. Curried so the schema's type is inferred.
 */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({
    input,
    output: undefined as unknown as Output
  })
}

const noInput = z.object({}).strict()

const workspaceName = z.string().trim().min(1, 'A workspace needs a name.').max(120, 'A workspace name can be at most 120 characters.')

const filePath = z.string().trim().min(1, 'A file path is required.').max(4096)

const tableKind = z.enum(TABLE_KINDS)
const columnType = z.enum(COLUMN_TYPES)
const dateOrder = z.enum(['mdy', 'dmy', 'ymd']).nullable()
const attributeLevel = z.enum(ATTRIBUTE_LEVELS).nullable()
const categoryName = z.string().trim().min(1).max(60)
const columnName = z.string().min(1).max(500)

/** A file to import: a path the host can read (desktop, CLI) or the bytes themselves (browser upload). */
const importSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: filePath }).strict(),
  z
    .object({
      kind: z.literal('upload'),
      fileName: z.string().trim().min(1).max(255),
      bytes: z.instanceof(Uint8Array)
    })
    .strict()
])

const columnSetting = z
  .object({
    index: z.number().int().min(0),
    type: columnType,
    role: z.enum(COLUMN_ROLES),
    category: categoryName.nullable(),
    dateOrder: dateOrder.optional(),
    level: attributeLevel.optional()
  })
  .strict()

const outcomeEntry = z.object({ value: z.string().max(500), outcome: z.enum(OUTCOMES).nullable() }).strict()

export const hygieneRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('merge'),
      column: columnName,
      from: z.array(z.string().max(500)).min(1).max(1000),
      to: z.string().trim().min(1).max(500)
    })
    .strict(),
  z.object({ kind: z.literal('us-state'), column: columnName, to: z.enum(['code', 'name']) }).strict(),
  z.object({ kind: z.literal('country'), column: columnName, to: z.enum(['code', 'name']) }).strict(),
  z
    .object({
      kind: z.literal('bands'),
      column: columnName,
      preset: z.enum(['employees', 'revenue', 'custom']),
      cuts: z.array(z.number().finite()).max(50).optional(),
      labels: z.array(z.string().max(60)).max(51).optional()
    })
    .strict()
]) satisfies z.ZodType<HygieneRule>

/**
 * The scorecard as the editor sends it: the model's shapes, checked for types only. What makes
 * a scorecard usable (whole points, tiers in order, known attributes) is the model's own
 * validation, whose messages name the criterion or tier the way the editor numbers them.
 */
const scorecardText = z.string().max(500)
const conditionFields = {
  attribute: scorecardText,
  op: z.enum(CONDITION_OPS),
  values: z.array(scorecardText).max(5000).optional(),
  min: z.number().finite().nullable().optional(),
  max: z.number().finite().nullable().optional(),
  value: z.number().finite().optional()
}
export const scorecardSchema = z
  .object({
    name: z.string().trim().min(1, 'A scorecard needs a name.').max(120, 'A scorecard name can be at most 120 characters.'),
    categories: z.array(z.object({ name: scorecardText, budget: z.number().finite() }).strict()).max(100),
    criteria: z
      .array(
        z
          .object({
            ...conditionFields,
            id: z.string().max(100),
            category: scorecardText,
            points: z.number().finite(),
            label: scorecardText.optional()
          })
          .strict()
      )
      .max(1000),
    knockouts: z.array(z.object({ ...conditionFields, name: scorecardText }).strict()).max(200),
    tiers: z.array(z.object({ name: scorecardText, min: z.number().finite(), color: z.string().max(100).optional() }).strict()).max(50),
    attributeCaps: z
      .array(z.object({ attribute: scorecardText, cap: z.number().finite() }).strict())
      .max(500)
      .optional()
  })
  .strict() satisfies z.ZodType<Scorecard>

const scorecardId = z.number().int().min(1)
const scorecardName = scorecardSchema.shape.name
/** A scorecard's working copy, or one of its saved versions. */
const scorecardRef = z.object({ scorecardId, versionId: scorecardId.optional() }).strict()

export const methods = {
  'app-info': method<AppInfo>()(noInput),

  /** Creates a new workspace file at `path` and opens it. */
  'workspace-create': method<WorkspaceSummary>()(z.object({ name: workspaceName, path: filePath }).strict()),
  'workspace-open': method<WorkspaceSummary>()(z.object({ path: filePath }).strict()),
  /** Reads a workspace file's summary without opening it for editing (writes nothing). */
  'workspace-inspect': method<WorkspaceSummary>()(z.object({ path: filePath }).strict()),
  /** Opens the sample workspace (a generated B2B SaaS client), building it on first use. */
  'workspace-open-sample': method<WorkspaceSummary>()(noInput),
  'workspace-close': method<null>()(noInput),
  'workspace-current': method<WorkspaceSummary | null>()(noInput),
  'workspace-rename': method<WorkspaceSummary>()(z.object({ name: workspaceName }).strict()),
  /** Remembers the section the user is in, so a reopened workspace comes back to it. */
  'workspace-set-section': method<WorkspaceSummary>()(z.object({ section: z.enum(SECTIONS) }).strict()),
  /** Browser mode: the workspace files in the host's data folder. */
  'workspace-files': method<WorkspaceFileEntry[]>()(noInput),
  /** Desktop: a native file dialog; `path` is null when the user cancels. */
  'workspace-choose-file': method<{ path: string | null }>()(
    z
      .object({
        purpose: z.enum(['create', 'open']),
        suggestedName: z.string().max(200).optional()
      })
      .strict()
  ),

  /** Reads and profiles a file without saving anything; the preview is kept until committed or discarded. */
  'import-inspect': method<ImportPreview>()(
    z
      .object({
        source: importSource,
        /** Chosen by the caller so it can cancel the read with import-discard while it runs. */
        stagingId: z
          .string()
          .regex(/^[A-Za-z0-9_-]{8,64}$/)
          .optional(),
        sheet: z.string().max(255).optional(),
        headerRow: z.number().int().min(1).max(1000).optional(),
        tableKind: tableKind.optional()
      })
      .strict()
  ),
  /** Re-reads one staged column as another type (e.g. a date column's day/month order). */
  'import-set-column': method<ColumnProfile>()(
    z.object({ stagingId: z.string().min(1), index: z.number().int().min(0), type: columnType, dateOrder: dateOrder.optional() }).strict()
  ),
  /** Saves a staged file as the workspace's accounts, deals or flat table, in one transaction. */
  'import-commit': method<DatasetSummary>()(
    z
      .object({
        stagingId: z.string().min(1),
        kind: tableKind,
        columns: z.array(columnSetting).max(5000),
        outcomeMapping: z.array(outcomeEntry).max(10000).optional(),
        mode: z.enum(['replace', 'append']),
        /** Append only: rows whose value in this column already exists replace the old rows. */
        appendKey: columnName.optional(),
        /** The proposed clean-ups the consultant kept (default: the spelling merges proposed by default). */
        rules: z.array(hygieneRuleSchema).max(2000).optional()
      })
      .strict()
  ),
  /** Forgets a staged file; while it is still being read, cancels the read. */
  'import-discard': method<null>()(z.object({ stagingId: z.string().min(1) }).strict()),

  'dataset-summary': method<DatasetSummary>()(noInput),
  'dataset-set-column': method<DatasetSummary>()(
    z
      .object({
        kind: tableKind,
        index: z.number().int().min(0),
        type: columnType.optional(),
        role: z.enum(COLUMN_ROLES).optional(),
        category: categoryName.nullable().optional(),
        dateOrder: dateOrder.optional(),
        level: attributeLevel.optional(),
        /** The client-facing name (null or blank: back to the proposed one). */
        label: z.string().max(120).nullable().optional()
      })
      .strict()
  ),
  /** Whether one placeholder spelling ("None", "999") counts as missing in one column; remembered by header. */
  'dataset-set-placeholder': method<DatasetSummary>()(
    z.object({ kind: tableKind, index: z.number().int().min(0), token: z.string().trim().min(1).max(200), missing: z.boolean() }).strict()
  ),
  'dataset-set-outcomes': method<DatasetSummary>()(z.object({ mapping: z.array(outcomeEntry).max(10000) }).strict()),
  'dataset-set-join': method<DatasetSummary>()(
    z.object({ accountsKey: columnName, dealsKey: columnName, mode: z.enum(['exact', 'normalized']) }).strict()
  ),
  'dataset-join-list': method<JoinListPage>()(
    z
      .object({
        list: z.enum(['matched-deals', 'unmatched-deals', 'accounts-without-deals']),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000)
      })
      .strict()
  ),
  /** Rows of a stored table as text, for the virtualised grid. */
  'dataset-rows': method<TableRowsPage>()(
    z.object({ kind: tableKind, offset: z.number().int().min(0), limit: z.number().int().min(1).max(2000) }).strict()
  ),
  /** The account-level view derived from the deals (won if any deal won), one page at a time. */
  'dataset-accounts': method<AccountPage>()(
    z
      .object({
        outcome: z.enum(['all', 'won', 'lost', 'open']),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(2000)
      })
      .strict()
  ),
  'dataset-remove-table': method<DatasetSummary>()(z.object({ kind: tableKind }).strict()),
  'dataset-set-missing-tokens': method<DatasetSummary>()(z.object({ tokens: z.array(z.string().max(60)).max(200) }).strict()),
  'dataset-table': method<StoredTable>()(z.object({ kind: tableKind }).strict()),

  'category-list': method<string[]>()(noInput),
  'category-add': method<string[]>()(z.object({ name: categoryName }).strict()),

  'hygiene-list': method<HygieneRuleView[]>()(noInput),
  'hygiene-add': method<HygieneRuleView[]>()(z.object({ rule: hygieneRuleSchema }).strict()),
  'hygiene-remove': method<HygieneRuleView[]>()(z.object({ id: z.number().int().min(1) }).strict()),
  /** Suggested merges of spellings of the same value in one column (e.g. "SaaS", "saas", "Software as a Service"). */
  'hygiene-suggest': method<Array<{ to: string; from: Array<{ value: string; count: number }> }>>()(
    z.object({ kind: tableKind, column: columnName }).strict()
  ),

  'scorecard-list': method<ScorecardSummary[]>()(noInput),
  'scorecard-get': method<StoredScorecard>()(z.object({ id: scorecardId }).strict()),
  /** A new scorecard with the default categories and tiers, or a copy of `from` (Core ICP -> Adjacent ICP). */
  'scorecard-create': method<StoredScorecard>()(z.object({ name: scorecardName, from: scorecardId.optional() }).strict()),
  /** Replaces the working copy with the whole scorecard (the editor saves after every edit); one transaction. */
  'scorecard-save': method<StoredScorecard>()(z.object({ id: scorecardId, scorecard: scorecardSchema }).strict()),
  'scorecard-rename': method<StoredScorecard>()(z.object({ id: scorecardId, name: scorecardName }).strict()),
  'scorecard-delete': method<ScorecardSummary[]>()(z.object({ id: scorecardId }).strict()),
  /** Saves the working copy as a named version ("Q3 review"). */
  'scorecard-version-save': method<ScorecardVersion[]>()(
    z.object({ id: scorecardId, note: z.string().trim().min(1, 'A version needs a note, e.g. "Q3 review".').max(500) }).strict()
  ),
  /** Newest first. */
  'scorecard-version-list': method<ScorecardVersion[]>()(z.object({ id: scorecardId }).strict()),
  /** Copies a version into the working copy; the versions themselves, later ones included, stay. */
  'scorecard-version-restore': method<StoredScorecard>()(z.object({ id: scorecardId, versionId: scorecardId }).strict()),
  'scorecard-version-get': method<Scorecard>()(z.object({ id: scorecardId, versionId: scorecardId }).strict()),
  /** Adds a scorecard from a portable `icp-scorecard/1` file, checked against the workspace's attributes. */
  'scorecard-import-file': method<ImportedScorecard>()(z.object({ source: importSource, name: scorecardName.optional() }).strict()),
  /** The scorecard as a portable `icp-scorecard/1` file. */
  'scorecard-export-file': method<ScorecardFile>()(z.object({ id: scorecardId }).strict()),

  /** Which attributes separate the target from the rest: bins, win rates, lift, WoE, IV, significance, leakage. */
  'discover-run': method<DiscoverReport>()(z.object({ target: z.enum(['won', 'best', 'retained']).optional() }).strict()),
  /** Overrules (or restores) an attribute's leakage flag; answers Discover's report again. */
  'discover-set-leak': method<DiscoverReport>()(
    z
      .object({ attribute: z.string().min(1).max(600), overruled: z.boolean(), target: z.enum(['won', 'best', 'retained']).optional() })
      .strict()
  ),
  /** The saved definition of best customers (null until the user sets one). */
  'best-definition-get': method<BestCustomerDefinition | null>()(noInput),
  'best-definition-set': method<BestCustomerCohort>()(
    z
      .object({
        definition: z
          .object({
            metrics: z
              .array(
                z
                  .object({
                    metric: z.enum(BEST_CUSTOMER_METRICS),
                    direction: z.enum(['higher', 'lower']),
                    weight: z.number().min(0).max(100)
                  })
                  .strict()
              )
              .min(1)
              .max(9),
            topPercent: z.number().min(1).max(99)
          })
          .strict()
      })
      .strict()
  ),
  /** Who is in the best-customer cohort and why (a page of members, best first). */
  'best-cohort': method<BestCustomerCohort>()(
    z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict()
  ),
  /** Values over-represented among lost deals (or churned customers), with what a knockout on each would have cost. */
  'discover-anti-icp': method<AntiIcpEntry[]>()(z.object({ target: z.enum(['won', 'retained']).optional() }).strict()),
  /** Checks a hand-made scorecard against the evidence and proposes re-weights (nothing is saved). */
  'scorecard-check': method<ScorecardCheck>()(
    z.object({ id: z.number().int().min(1), target: z.enum(['won', 'best', 'retained']).optional() }).strict()
  ),
  /** A scorecard built from the strongest evidence, saved as a new scorecard. */
  'scorecard-suggest': method<StoredScorecard & { auc: number | null; attributes: string[]; validation: ScorecardValidation }>()(
    z.object({ name: z.string().trim().min(1).max(120), target: z.enum(['won', 'best', 'retained']).optional() }).strict()
  ),
  /** How a saved scorecard's tiers hold up on the newest deals, against the standard, in one sentence. */
  'scorecard-validate': method<ScorecardValidation>()(
    z.object({ scorecardId: z.number().int().min(1), target: z.enum(['won', 'best', 'retained']).optional() }).strict()
  ),
  /** Threshold metrics, sweep, bands, capacity, knockout backtest and out-of-time for one scorecard. */
  'simulate-run': method<SimulationReport>()(
    z
      .object({
        scorecardId: z.number().int().min(1),
        threshold: z.number().int().min(0).max(100).optional(),
        capacity: z.number().int().min(1).optional(),
        outcome: z.enum(['won', 'best', 'retained']).optional(),
        splitDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
          .optional()
      })
      .strict()
  ),
  /**
   * Two scorecards (or versions) on the same deals and outcome: headline figures, b - a, and a page
   * of the accounts entering and leaving the top tier. Thresholds default to each top tier's minimum.
   */
  'simulate-compare': method<CompareReport>()(
    z
      .object({
        a: scorecardRef,
        b: scorecardRef,
        outcome: z.enum(['won', 'best', 'retained']).optional(),
        thresholdA: z.number().int().min(0).max(100).optional(),
        thresholdB: z.number().int().min(0).max(100).optional(),
        enteringOffset: z.number().int().min(0).optional(),
        leavingOffset: z.number().int().min(0).optional(),
        swapLimit: z.number().int().min(1).max(500).optional()
      })
      .strict()
  ),
  /** The decided deals of one score band (inclusive range) or of the Disqualified row, with each criterion's points. */
  'simulate-band-accounts': method<BandAccountsPage>()(
    z
      .object({
        scorecardId: z.number().int().min(1),
        outcome: z.enum(['won', 'best', 'retained']).optional(),
        from: z.number().int().min(0).max(100).optional(),
        to: z.number().int().min(0).max(100).optional(),
        disqualified: z.literal(true).optional(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500)
      })
      .strict()
      .refine(
        (band) => (band.disqualified ? band.from === undefined && band.to === undefined : band.from !== undefined && band.to !== undefined),
        {
          message: 'Give a score range (from and to) or disqualified: true, not both.'
        }
      )
      .refine((band) => band.from === undefined || band.to === undefined || band.from <= band.to, {
        message: 'A score range runs from the lower score to the higher one.',
        path: ['to']
      })
  ),
  /**
   * Everything the renderer's what-if worker needs to simulate `scorecard` on this data without
   * the attribute columns: per-deal outcome figures and one match mask per condition.
   */
  'simulate-pack': method<SimulationPack & { dataVersion: string }>()(
    z.object({ scorecard: scorecardSchema, outcome: z.enum(['won', 'best', 'retained']).optional() }).strict()
  ),
  /** Match masks for conditions the worker has not seen (a new criterion or an edited condition); STALE when the data changed. */
  'simulate-masks': method<PackedMask[]>()(
    z
      .object({
        dataVersion: z.string().max(100),
        conditions: z.array(z.object(conditionFields).strict()).min(1).max(1200)
      })
      .strict()
  ),
  /** Per criterion of a saved scorecard: decided deals matched, their win rate and lift. */
  'scorecard-evidence': method<Array<{ criterionId: string; deals: number; winRate: number | null; lift: number | null }>>()(
    z.object({ id: z.number().int().min(1) }).strict()
  ),
  /**
   * "Test a record": accounts whose name or id (or one of whose deal ids) contains the query, each
   * scored by its most recent deal (`dealId`, one of its `deals`), as every screen and export scores an account.
   */
  'scorecard-explain': method<
    Array<{
      dealId: string
      accountId: string
      accountName: string
      deals: number
      score: number
      tier: string
      reasons: Array<{ criterionId: string; attribute: string; matched: boolean; points: number }>
      knockouts: string[]
    }>
  >()(z.object({ id: z.number().int().min(1), query: z.string().max(200), limit: z.number().int().min(1).max(200) }).strict()),
  /** Every deal with its score, tier and points per criterion, as a CSV or XLSX file. */
  'score-export': method<{ fileName: string; bytes: Uint8Array }>()(
    z.object({ scorecardId: z.number().int().min(1), format: z.enum(['csv', 'xlsx']) }).strict()
  ),

  /** The one-pager of a scorecard as every deliverable prints it: the saved document (or the drafted default) and the evidence. */
  'export-document-get': method<OnePagerContent>()(z.object({ scorecardId: z.number().int().min(1) }).strict()),
  /** Saves the consultant's edits to the one-pager and answers the content resolved with them. */
  'export-document-save': method<OnePagerContent>()(
    z.object({ scorecardId: z.number().int().min(1), document: onePagerDocumentSchema }).strict()
  ),
  /** The one-pager printed by Chromium: one page, or an error naming what overflows. */
  'export-pdf': method<{ fileName: string; bytes: Uint8Array; pages: number }>()(
    z.object({ scorecardId: z.number().int().min(1), paper: z.enum(['letter', 'a4']).optional() }).strict()
  ),
  /** Desktop only: asks where to save with the native dialog and writes the file; null when cancelled. */
  'export-save-as': method<{ path: string } | null>()(
    z.object({ fileName: z.string().trim().min(1).max(255), bytes: z.instanceof(Uint8Array) }).strict()
  ),
  /** Desktop only: opens a file saved by export-save-as in its app, or shows it in its folder. */
  'app-open-file': method<null>()(z.object({ path: filePath, mode: z.enum(['open', 'folder']) }).strict()),
  /** The client's workbook: ICP, Scorecard (inputs), Scored accounts (live formulas), Bands, Data dictionary. */
  'export-workbook': method<{ fileName: string; bytes: Uint8Array }>()(
    z.object({ scorecardId: z.number().int().min(1), outcome: z.enum(['won', 'best', 'retained']).optional() }).strict()
  ),
  /** One row per account with its score, tier and points per criterion, as CSV. */
  'export-scored-csv': method<{ fileName: string; bytes: Uint8Array }>()(z.object({ scorecardId: z.number().int().min(1) }).strict()),
  /** The scorecard as one SQL query (score and tier) for scoring in a warehouse; docs/exports.md. */
  'export-sql': method<{ fileName: string; text: string }>()(z.object({ scorecardId: z.number().int().min(1) }).strict()),
  /** How the scorecard's attributes are named in the CRM: saved choices, else proposals; and the picklist values rules name. */
  'export-crm-mapping-get': method<CrmMapping>()(z.object({ scorecardId: z.number().int().min(1), crm: z.enum(CRM_KINDS) }).strict()),
  /** Saves the consultant's field names (kept by attribute, for every scorecard); refuses names the CRM would not accept. */
  'export-crm-mapping-save': method<CrmMapping>()(
    z
      .object({
        scorecardId: z.number().int().min(1),
        crm: z.enum(CRM_KINDS),
        fields: z
          .array(
            z
              .object({
                attribute: z.string().min(1).max(400),
                field: z.string().trim().min(1, 'Every attribute needs a CRM field name.').max(200),
                type: z.enum(CRM_FIELD_TYPES)
              })
              .strict()
          )
          .max(500)
      })
      .strict()
  ),
  /** The CRM hand-over pack (ZIP): setup sheet, keyed scores CSV, and the CRM's rules or formulas. */
  'export-crm-pack': method<CrmPack>()(z.object({ scorecardId: z.number().int().min(1), crm: z.enum(CRM_KINDS) }).strict()),

  /** The 90-day review: the deals closed since the scorecard was built (or since `since`) against the ones it was built on. */
  'simulate-review': method<ReviewReport>()(
    z
      .object({
        scorecardId: z.number().int().min(1),
        since: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.')
          .optional()
      })
      .strict()
  ),
  /** Saves the working copy as a version recording the period it was built on and the period just reviewed. */
  'simulate-review-record': method<ScorecardVersion[]>()(
    z
      .object({
        scorecardId: z.number().int().min(1),
        since: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.')
          .optional()
      })
      .strict()
  ),
  /** The review as one printed page in the one-pager's style. */
  'export-review-pdf': method<{ fileName: string; bytes: Uint8Array; pages: number }>()(
    z
      .object({
        scorecardId: z.number().int().min(1),
        since: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.')
          .optional(),
        paper: z.enum(['letter', 'a4']).optional()
      })
      .strict()
  ),

  /**
   * Reads a prospect list (accounts with no deals yet: an Apollo, Sales Navigator or ZoomInfo export,
   * or a plain CSV) and saves it as the workspace's prospect list, replacing the previous one.
   * The tool is recognised from the columns unless `tool` says it.
   */
  'prospects-import': method<ProspectListSummary>()(
    z
      .object({
        source: importSource,
        tool: z.enum(PROSPECT_SOURCES).optional(),
        sheet: z.string().max(255).optional(),
        stagingId: z
          .string()
          .regex(/^[A-Za-z0-9_-]{8,64}$/)
          .optional()
      })
      .strict()
  ),
  /** The stored prospect list, or null. */
  'prospects-summary': method<ProspectListSummary | null>()(noInput),
  'prospects-remove': method<null>()(noInput),
  /** How the scorecard's attributes and values map to the list: saved choices for the list's tool, else proposals. */
  'prospects-mapping-get': method<ProspectMapping>()(z.object({ scorecardId }).strict()),
  /** Saves the consultant's mapping for lists from the current list's tool (kept for the next list from it). */
  'prospects-mapping-save': method<ProspectMapping>()(
    z
      .object({
        scorecardId,
        attributes: z
          .array(
            z
              .object({
                attribute: z.string().min(1).max(600),
                column: z.string().min(1).max(500).nullable(),
                part: z.enum(PLACE_PARTS).nullable(),
                via: z.literal('naics').nullable(),
                unitFactor: z.number().finite().positive(),
                values: z.array(z.object({ prospect: z.string().max(1000), mapped: z.string().max(500).nullable() }).strict()).max(20000)
              })
              .strict()
          )
          .max(500)
      })
      .strict()
  ),
  /** The findable market (tiers, threshold, what narrows it, what could not be judged) and a page of the call list. */
  'prospects-score': method<ProspectScore>()(
    z
      .object({
        scorecardId,
        threshold: z.number().int().min(0).max(100).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(0).max(1000).optional()
      })
      .strict()
  ),
  /** The call list, best first, as CSV, XLSX, or the CRM pack's keyed scores CSV. */
  'prospects-export': method<{ fileName: string; bytes: Uint8Array }>()(
    z.object({ scorecardId, format: z.enum(['csv', 'xlsx', 'keyed']), crm: z.enum(CRM_KINDS).optional() }).strict()
  ),

  'recent-list': method<RecentWorkspace[]>()(noInput),
  'recent-remove': method<RecentWorkspace[]>()(z.object({ path: filePath }).strict())
} as const

export type Methods = typeof methods
export type MethodName = keyof Methods
/** What a caller passes (before zod trims and defaults). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
/** What a handler receives (after validation). */
export type ValidInput<M extends MethodName> = z.output<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = Methods[M]['output']

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name)
}
