import { LayoutList } from 'lucide-react'
import { SectionIntro } from '../shell/SectionIntro'

export function ScorecardsSection() {
  return (
    <SectionIntro
      title="Scorecards"
      icon={LayoutList}
      purpose="Build weighted points scorecards by drag and drop — criteria in categories, knockouts and tiers — with versions and undo."
    />
  )
}
