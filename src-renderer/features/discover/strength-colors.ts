import type { DiscoverAttribute } from '@shared/domain/discover'

/** One colour per strength, shared by the IV chart and the badges so the two read as one scale. */
export const STRENGTH_COLORS: Record<DiscoverAttribute['strength'], string> = {
  none: '#c9ced8',
  weak: '#9db4e8',
  medium: '#4f7bdc',
  strong: '#1f3f8f'
}

export const LEAK_COLOR = '#9ca3af'
