import type { ComponentType } from 'react'
import type { LucideIcon } from 'lucide-react'
import { Database, FileOutput, Gauge, LayoutList, Telescope } from 'lucide-react'
import type { AppCommand } from '@shared/contract'
import type { SectionId } from '@shared/domain/workspace'
import { DataSection } from './data/DataSection'
import { DiscoverSection } from './discover/DiscoverSection'
import { ExportSection } from './export/ExportSection'
import { ScorecardsSection } from './scorecards/ScorecardsSection'
import { SimulateSection } from './simulate/SimulateSection'

export interface SectionDefinition {
  id: SectionId
  label: string
  icon: LucideIcon
  command: AppCommand
  Component: ComponentType
}

/** The app's sections in navigation order: the workflow from raw data to deliverable. */
export const SECTION_DEFINITIONS: readonly SectionDefinition[] = [
  { id: 'data', label: 'Data', icon: Database, command: 'section-data', Component: DataSection },
  { id: 'discover', label: 'Discover', icon: Telescope, command: 'section-discover', Component: DiscoverSection },
  { id: 'scorecards', label: 'Scorecards', icon: LayoutList, command: 'section-scorecards', Component: ScorecardsSection },
  { id: 'simulate', label: 'Simulate', icon: Gauge, command: 'section-simulate', Component: SimulateSection },
  { id: 'export', label: 'Export', icon: FileOutput, command: 'section-export', Component: ExportSection }
]
