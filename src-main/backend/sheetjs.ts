import type * as SheetJS from 'xlsx'
import { lazyRequire } from './lazy-require'

/** SheetJS (the `xlsx` package), loaded on first use: workbooks read, call lists and scored deals written. */
export const sheetjs = lazyRequire<typeof SheetJS>('xlsx')
