/**
 * The engine off the main thread, for data too large to score inside a frame (see
 * what-if-client.ts, INLINE_MAX_DEALS): the renderer posts the scorecard and threshold on every
 * slider step and the page never waits on scoring. The session holds the deals' outcome
 * figures and the criteria's masks; nothing here touches the network or the workspace.
 */
import { WhatIfSession } from '@shared/engine/simulation/what-if-session'
import { timedRun } from './timed-run'
import type { FromWorker, ToWorker } from './what-if-protocol'

/** The worker's global scope, typed by what is used (the DOM typings describe a window). */
const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
}

let session: WhatIfSession | null = null

const reply = (message: FromWorker): void => scope.postMessage(message)

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'load') {
    session = new WhatIfSession(message.pack)
    return
  }
  if (message.type === 'unload') {
    session = null
    return
  }
  if (message.type === 'masks') {
    session?.addMasks(message.masks)
    return
  }
  try {
    if (!session) throw new Error('The simulation data is not loaded yet.')
    const answer = timedRun(session, message.scorecard, message.request)
    if (answer.kind === 'missing') reply({ type: 'missing', id: message.id, conditionKeys: answer.conditionKeys })
    else reply({ type: 'report', id: message.id, report: answer.report, revision: answer.revision, computeMs: answer.computeMs })
  } catch (error) {
    reply({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) })
  }
}
