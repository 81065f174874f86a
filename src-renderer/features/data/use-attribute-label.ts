import { useMemo } from 'react'
import { attributeLabels } from './attribute-label-lookup'
import { useDataStore } from '../../stores/data-store'

/** The label lookup for the open workspace; follows every edit in the Data section. */
export function useAttributeLabel(): (name: string) => string {
  const summary = useDataStore((s) => s.summary)
  return useMemo(() => attributeLabels(summary), [summary])
}
