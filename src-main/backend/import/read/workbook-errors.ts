/** The sentences for workbooks that cannot be opened, shared by every place that detects them. */
import { AppError } from '../../app-error'

export function damagedWorkbook(fileName: string, reason: string): AppError {
  // Named the way the user named the file: an .ods is not an "Excel workbook" to them.
  const kind = fileName.toLowerCase().endsWith('.ods') ? 'an OpenDocument spreadsheet' : 'an Excel workbook'
  return new AppError('BAD_INPUT', `${fileName} is damaged or incomplete (could not be read as ${kind}: ${reason}).`, {
    file: fileName,
    reason
  })
}

export function passwordProtected(fileName: string): AppError {
  // Said in the terms of the program that set the password.
  const how = fileName.toLowerCase().endsWith('.ods')
    ? 'save a copy without it in LibreOffice (File > Save As, with "Save with password" unticked)'
    : 'remove the password in Excel (File > Info > Protect Workbook)'
  return new AppError('BAD_INPUT', `${fileName} is password-protected; ${how} and export again.`, { file: fileName, reason: 'encrypted' })
}

export function decompressionBomb(fileName: string, reason: string): AppError {
  return new AppError('BAD_INPUT', `${fileName} was refused: ${reason}, which no real spreadsheet does (a "zip bomb").`, {
    file: fileName,
    reason: 'decompression-bomb'
  })
}

/** A cell named outside Excel's grid: no spreadsheet program writes one, and reading it would exhaust memory. */
export function beyondGrid(fileName: string, reference: string, part: string): AppError {
  return new AppError(
    'BAD_INPUT',
    `${fileName} was refused: ${part} places a value at ${reference}, outside the largest sheet Excel allows (column XFD, row 1,048,576). Open it in a spreadsheet program, remove what lies beyond, and export again.`,
    { file: fileName, reason: 'beyond-grid', reference, part }
  )
}
