import type { DatasetSummary } from '@shared/domain/import'
import { AddRuleForm } from './AddRuleForm'
import { MissingTokens } from './MissingTokens'
import { RuleList } from './RuleList'

/** The clean-up the client's export needs, kept as rules so next quarter's file gets the same. */
export function HygienePanel({ summary }: { summary: DatasetSummary }) {
  return (
    <div className="hygiene">
      <div className="stack">
        <RuleList />
        <MissingTokens tokens={summary.missingTokens} />
      </div>
      <AddRuleForm summary={summary} />
    </div>
  )
}
