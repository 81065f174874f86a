import type { PageSetup } from 'exceljs'

/**
 * How every sheet prints: one page wide, as many pages tall as the rows need, landscape for
 * the wide ones. `fitToPage` is what switches the fit on (Excel ignores fitToWidth without it;
 * the Scored accounts sheet of the sample then printed 345 pages, most of them column strips).
 */
export function printOnePageWide(orientation: 'portrait' | 'landscape', titleRow?: number): Partial<PageSetup> {
  return {
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    // The header row on every printed page, so page 40 still says which column is which.
    ...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {})
  }
}
