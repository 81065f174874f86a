import { Gauge } from 'lucide-react'
import { SectionIntro } from '../shell/SectionIntro'

export function SimulateSection() {
  return (
    <SectionIntro
      title="Simulate"
      icon={Gauge}
      purpose="Test score thresholds against the client's own history: win rate, sales cycle and revenue above and below, band table, gains and ROC."
    />
  )
}
