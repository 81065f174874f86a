import type { z } from 'zod'
import { changesOf, isMethodName, methods, type MethodName, type MethodOutput, type Result, type ValidInput } from '@shared/contract'
import { AppError } from './app-error'
import type { BackendContext } from './backend-context'
import { storageError } from './store/storage-errors'
import { refusePathSources } from './uploads-only'

export type Handler<M extends MethodName> = (input: ValidInput<M>, ctx: BackendContext) => MethodOutput<M> | Promise<MethodOutput<M>>

/** The handler table: one entry per contract method, so a missing handler is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> }

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>

/**
 * The only way into the backend: unknown method -> error, input validated with zod, handler
 * run, and every failure mapped to a coded error so no raw Error crosses a process boundary.
 */
export function createDispatch(
  handlers: Handlers,
  ctx: BackendContext,
  logInternalError: (method: string, error: unknown) => void = defaultLog
): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail('UNKNOWN_METHOD', `There is no backend method called "${String(method)}".`)
    }
    const parsed = methods[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: describeIssues(method, parsed.error),
          details: {
            issues: parsed.error.issues.map((issue) => ({
              path: issue.path.map(String).join('.'),
              message: issue.message
            }))
          }
        }
      }
    }
    try {
      if (ctx.locations.kind === 'data-dir') refusePathSources(method, parsed.data)
      const handler = handlers[method] as Handler<MethodName>
      const value = await handler(parsed.data as ValidInput<MethodName>, ctx)
      // Announced here, once, after the handler's transaction committed: every window and tab
      // (and every screen of this one) refreshes from the same declaration in the contract.
      const keys = changesOf(method)
      if (keys.length > 0) ctx.emit('data-changed', { keys, method })
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() }
      const storage = storageError(error, ctx.session.path)
      if (storage) return { ok: false, error: storage.toShape() }
      logInternalError(method, error)
      return fail('INTERNAL', `Something went wrong in ${method}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

function fail(code: 'UNKNOWN_METHOD' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

function describeIssues(method: string, error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return `Invalid input for ${method}.`
  const where = first.path.length > 0 ? ` (field "${first.path.join('.')}")` : ''
  return `Invalid input for ${method}${where}: ${first.message}`
}

function defaultLog(method: string, error: unknown): void {
  console.error(`[backend] ${method} failed`, error)
}
