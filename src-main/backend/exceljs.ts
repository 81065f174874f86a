import type ExcelJS from 'exceljs'
import { lazyRequire } from './lazy-require'

/** ExcelJS, loaded on first use: only the styled workbook export writes with it. */
export const exceljs = lazyRequire<typeof ExcelJS>('exceljs')
