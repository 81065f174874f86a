import type { TestContext } from 'vitest'

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test skipped; `npm test` prints it beside the summary line. */
    skipReason?: string
  }
}

/**
 * Skips the running test, saying why. The reason goes into the task's meta as well as the skip
 * note: only meta reaches Vitest's JSON report, which scripts/test.mjs reads, so a skip is never
 * silent there either.
 */
export function skipBecause(ctx: TestContext, reason: string): never {
  ctx.task.meta.skipReason = reason
  return ctx.skip(reason)
}
