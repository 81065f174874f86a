import { Database } from 'lucide-react'
import { SectionIntro } from '../shell/SectionIntro'

export function DataSection() {
  return (
    <SectionIntro
      title="Data"
      icon={Database}
      purpose="Import the client's CRM exports — accounts and won/lost deals — fix column types and roles, and keep the data-hygiene rules for next quarter."
    />
  )
}
