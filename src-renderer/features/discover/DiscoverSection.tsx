import { Telescope } from 'lucide-react'
import { SectionIntro } from '../shell/SectionIntro'

export function DiscoverSection() {
  return (
    <SectionIntro
      title="Discover"
      icon={Telescope}
      purpose="See which account traits really separate the best customers from the rest: win rate with intervals, lift, weight of evidence and information value."
    />
  )
}
