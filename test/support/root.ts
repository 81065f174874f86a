import { join } from 'node:path'

/** The repository's root folder, wherever the tests run from. */
export const ROOT = join(__dirname, '..', '..')
