/** Shared look of the Simulate charts: muted axis text and grid, percentages on rate axes. */
export const AXIS = { fontSize: 12, fill: '#6b7280' }
export const GRID = '#e3e6ec'
export const asPct = (v: number): string => `${Math.round(v * 100)}%`
