import { FileOutput } from 'lucide-react'
import { SectionIntro } from '../shell/SectionIntro'

export function ExportSection() {
  return (
    <SectionIntro
      title="Export"
      icon={FileOutput}
      purpose="Produce the client deliverables: the ICP one-pager as PDF, a live XLSX workbook, scored accounts as CSV and the scorecard file."
    />
  )
}
