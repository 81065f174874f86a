/** Every error that can cross a process boundary carries one of these codes. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'NOT_A_WORKSPACE',
  'CORRUPT_WORKSPACE',
  'NEWER_VERSION',
  'NO_WORKSPACE_OPEN',
  'NOT_SUPPORTED',
  'PERMISSION_DENIED',
  /** The workspace is open for writing in another session (another app window, the CLI); names who has it. */
  'WORKSPACE_IN_USE',
  /** The disk (or the file's size limit) is full; the change was not saved, nothing before it was lost. */
  'DISK_FULL',
  'UNAUTHORIZED',
  'CANCELLED',
  /** What the caller holds was computed from data that has since changed (e.g. an import); fetch it again. */
  'STALE',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorShape {
  code: ErrorCode
  /** One human sentence that names the file, sheet, row or column where relevant. */
  message: string
  details?: Record<string, unknown>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

/** Codes caused by what the user asked for, as opposed to a fault in the app. */
export function isUserError(code: ErrorCode): boolean {
  return code !== 'INTERNAL' && code !== 'UNKNOWN_METHOD'
}
