import type { LucideIcon } from 'lucide-react'

/**
 * A section whose tools have not shipped yet: its title and one line on what it will hold.
 * No sample numbers are shown, so nothing on screen can be mistaken for the client's data.
 */
export function SectionIntro({ title, icon: Icon, purpose }: { title: string; icon: LucideIcon; purpose: string }) {
  return (
    <section className="section" aria-labelledby="section-title">
      <header className="section__header">
        <h1 id="section-title">{title}</h1>
      </header>
      <div className="section-intro">
        <Icon className="section-intro__icon" size={40} strokeWidth={1.5} aria-hidden />
        <p className="section-intro__purpose">{purpose}</p>
      </div>
    </section>
  )
}
