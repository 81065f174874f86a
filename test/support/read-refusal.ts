import { expect } from 'vitest'
import { AppError } from '../../src-main/backend/app-error'
import { readTable } from '../../src-main/backend/import/read'

/**
 * The AppError readTable refuses `bytes` with; fails the test when the file is read. `columnar`
 * reads as the app's import does (straight into columns where the file allows).
 */
export function readRefusal(bytes: Uint8Array, name: string, columnar = false): AppError {
  try {
    readTable(bytes, name, { columnar }, () => undefined)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error(`expected ${name} to be refused`)
}
