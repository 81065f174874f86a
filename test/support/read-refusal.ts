import { expect } from 'vitest'
import { AppError } from '../../src-main/backend/app-error'
import { readTable } from '../../src-main/backend/import/read'

/** The AppError readTable refuses `bytes` with; fails the test when the file is read. */
export function readRefusal(bytes: Uint8Array, name: string): AppError {
  try {
    readTable(bytes, name, {}, () => undefined)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error(`expected ${name} to be refused`)
}
