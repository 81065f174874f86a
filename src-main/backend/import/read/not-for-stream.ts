/**
 * Thrown by the streaming XLSX reader for a workbook laid out in a way it does not read exactly
 * as SheetJS does (merged cells, the 1904 date system, unusual markup): the caller then reads
 * the file with SheetJS, which keeps today's behaviour, errors included.
 */
export class NotForStream extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'NotForStream'
  }
}
