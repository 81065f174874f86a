import { lazy, type ComponentType } from 'react'
import type { LucideIcon } from 'lucide-react'
import { Database, FileOutput, Gauge, LayoutList, Telescope } from 'lucide-react'
import type { AppCommand } from '@shared/contract'
import type { SectionId } from '@shared/domain/workspace'

// Each section is its own chunk: the start screen carries none of them (charts, drag and drop,
// the one-pager), so it paints sooner. Once it is up they are all fetched in the background
// (App and AppShell call preloadSections), so opening a section does not wait on them.
const loaders = {
  data: () => import('./data/DataSection').then((m) => ({ default: m.DataSection })),
  discover: () => import('./discover/DiscoverSection').then((m) => ({ default: m.DiscoverSection })),
  scorecards: () => import('./scorecards/ScorecardsSection').then((m) => ({ default: m.ScorecardsSection })),
  simulate: () => import('./simulate/SimulateSection').then((m) => ({ default: m.SimulateSection })),
  export: () => import('./export/ExportSection').then((m) => ({ default: m.ExportSection }))
} satisfies Record<SectionId, () => Promise<{ default: ComponentType }>>

const DataSection = lazy(loaders.data)
const DiscoverSection = lazy(loaders.discover)
const ScorecardsSection = lazy(loaders.scorecards)
const SimulateSection = lazy(loaders.simulate)
const ExportSection = lazy(loaders.export)

/** Fetches every section's chunk (the browser caches each module: a second call costs nothing). */
export function preloadSections(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined)
}

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
