import type { DiscoverAttribute } from '@shared/domain/discover'
import type { ChartColors } from '../../theme/chart-colors'

/**
 * One colour per strength, shared by the IV chart and the badges so the two read as one scale.
 * CSS values (theme tokens) for style props; the IV chart's SVG takes the resolved colours from
 * useChartColors() instead, since SVG attributes do not resolve var().
 */
export const STRENGTH_COLORS: Record<DiscoverAttribute['strength'], string> = {
  none: 'var(--strength-none)',
  weak: 'var(--strength-weak)',
  medium: 'var(--strength-medium)',
  strong: 'var(--strength-strong)'
}

export function strengthChartColor(c: ChartColors, strength: DiscoverAttribute['strength']): string {
  return { none: c.strengthNone, weak: c.strengthWeak, medium: c.strengthMedium, strong: c.strengthStrong }[strength]
}
