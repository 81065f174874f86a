/** The app's mark: a target of concentric rings, drawn inline so nothing is fetched. */
export function AppMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden focusable="false">
      <rect width="64" height="64" rx="14" fill="#1e2a4a" />
      <circle cx="32" cy="32" r="20" fill="none" stroke="#5b8def" strokeWidth="5" />
      <circle cx="32" cy="32" r="10" fill="none" stroke="#8fb3ff" strokeWidth="5" />
      <circle cx="32" cy="32" r="3.5" fill="#f5b83d" />
    </svg>
  )
}
