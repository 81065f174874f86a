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
  return new AppError(
    'BAD_INPUT',
    `${fileName} is password-protected; remove the password in Excel (File > Info > Protect Workbook) and export again.`,
    { file: fileName, reason: 'encrypted' }
  )
}

export function decompressionBomb(fileName: string, reason: string): AppError {
  return new AppError('BAD_INPUT', `${fileName} was refused: ${reason}, which no real spreadsheet does (a "zip bomb").`, {
    file: fileName,
    reason: 'decompression-bomb'
  })
}
