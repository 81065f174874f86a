import { useMemo } from 'react'
import { attributeLabels } from './attribute-label-lookup'
import { useDatasetSummary } from '../../queries/dataset-queries'

/** The label lookup for the open workspace; follows every edit in the Data section. */
export function useAttributeLabel(): (name: string) => string {
  const summary = useDatasetSummary().data ?? null
  return useMemo(() => attributeLabels(summary), [summary])
}
