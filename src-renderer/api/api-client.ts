import type { ApiErrorShape, EventName, Events, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { Transport } from './transport'

/** A backend call that failed; carries the coded error the backend returned. */
export class ApiCallError extends Error {
  readonly code: ApiErrorShape['code']
  readonly details: ApiErrorShape['details']

  constructor(readonly shape: ApiErrorShape) {
    super(shape.message)
    this.code = shape.code
    this.details = shape.details
  }
}

/** The typed client: one method name and its input in, its output out (or ApiCallError). */
export interface ApiClient {
  transport: Transport['kind']
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async call(method, input) {
      const result = await transport.invoke(method, input)
      if (!result.ok) throw new ApiCallError(result.error)
      return result.value as never
    },
    on: (event, listener) => transport.on(event, listener)
  }
}

export function errorShapeOf(error: unknown): ApiErrorShape {
  if (error instanceof ApiCallError) return error.shape
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
}
