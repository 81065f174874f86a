/**
 * The reading process's second thread. Reading a large CSV kept one core busy for seconds while
 * the machine's other core sat idle: the thread builds some of its columns while the reading
 * thread builds the rest (read/csv-columns-helper.ts).
 *
 * Staging is one synchronous call, so the reading thread waits for a reply without returning to
 * its event loop: the thread raises a shared flag once its reply is on the port, and the reply is
 * taken with receiveMessageOnPort. A thread that fails, or never answers, costs time and not
 * correctness: the caller then does the work itself.
 */
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  isMainThread,
  workerData,
  type MessagePort,
  type Transferable
} from 'node:worker_threads'

/** The key in workerData that marks a thread started as the helper. */
const HELPER = 'icpReaderHelperThread'

/** Flags in the shared Int32Array: the thread has loaded; its reply is on the port. */
const STARTED = 0
const REPLIED = 1

/** How long the thread may take to load (its module) before it is given up. */
const START_PATIENCE_MS = 5_000

interface ThreadData {
  port: MessagePort
  flags: Int32Array
}

type Reply = { ok: unknown } | { error: string }

/** A task the thread runs: its reply, and the buffers to move with it instead of copying. */
export type HelperTask = (payload: never) => {
  reply: unknown
  transfer?: Transferable[]
  /** The thread's last task: it ends once it has replied, and its memory is the process's again. */
  last?: boolean
}

export class HelperThread {
  private running: { worker: Worker; port: MessagePort; flags: Int32Array } | null = null
  /** The thread died before or between tasks (seen only while this thread's event loop turns). */
  private died = false

  /**
   * `entry`: a module that calls serveHelperTasks() when isHelperThread() (read-worker.ts);
   * `execArgv`: the thread's own Node options, when this thread's (inherited by default) do not
   * load it (TypeScript run by a loader registered in-process).
   */
  constructor(
    private readonly entry: string,
    private readonly execArgv?: string[]
  ) {}

  /** Whether the thread was started (and not stopped since). */
  get started(): boolean {
    return this.running !== null
  }

  /** Whether the task posted last has been answered (a task still being fed that has answered failed). */
  get replied(): boolean {
    return this.running !== null && Atomics.load(this.running.flags, REPLIED) === 1
  }

  /** Starts the thread now, so that it has loaded when its first task comes; false when it cannot start. */
  warm(): boolean {
    if (this.running !== null) return true
    try {
      const flags = new Int32Array(new SharedArrayBuffer(8))
      const { port1, port2 } = new MessageChannel()
      const data: ThreadData = { port: port2, flags }
      const worker = new Worker(this.entry, {
        workerData: { [HELPER]: data },
        transferList: [port2],
        // Its garbage is a young generation's worth at a time: V8's default for the reader's heap
        // kept about 20 MB more resident through profiling, for no measurable speed.
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
        ...(this.execArgv !== undefined ? { execArgv: this.execArgv } : {})
      })
      // Its failure shows as no reply, and the caller does the work itself.
      const died = (): void => {
        if (this.running?.worker === worker) this.died = true
      }
      worker.on('error', died)
      worker.on('exit', died)
      worker.unref()
      this.running = { worker, port: port1, flags }
      return true
    } catch {
      return false
    }
  }

  /**
   * Waits (letting the event loop turn, so that a death is seen) until the started thread has
   * loaded; false, and the thread stopped, when it died or took longer than `timeoutMs`. Where a
   * module cannot load in a thread (a packaged app's archive, say), the reading thread learns it
   * here instead of waiting out a task's patience.
   */
  async ready(timeoutMs: number): Promise<boolean> {
    const began = Date.now()
    while (this.running !== null && !this.died && Atomics.load(this.running.flags, STARTED) === 0 && Date.now() - began < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const loaded = this.running !== null && !this.died && Atomics.load(this.running.flags, STARTED) === 1
    if (!loaded) this.close()
    return loaded
  }

  /** Gives the thread a task (one at a time); false when it cannot run. */
  post(task: string, payload: unknown, transfer: Transferable[] = []): boolean {
    if (!this.warm()) return false
    const { port, flags } = this.running!
    Atomics.store(flags, REPLIED, 0)
    try {
      port.postMessage({ task, payload }, transfer)
      return true
    } catch {
      this.close()
      return false
    }
  }

  /**
   * The reply to the task posted last; null when it failed or, once loaded, took far longer than
   * `ownMs`, the calling thread's own work meanwhile (the thread is then stopped).
   */
  wait(ownMs: number): unknown {
    const patienceMs = Math.max(10_000, 4 * ownMs)
    const running = this.running
    if (running === null) return null
    const { flags, port } = running
    const began = Date.now()
    while (Atomics.load(flags, REPLIED) === 0) {
      const waited = Date.now() - began
      if (Atomics.load(flags, STARTED) === 0 ? waited > START_PATIENCE_MS : waited > patienceMs) break
      Atomics.wait(flags, REPLIED, 0, 50)
    }
    const reply = receiveMessageOnPort(port)?.message as Reply | undefined
    if (reply === undefined || 'error' in reply) {
      this.close()
      return null
    }
    return reply.ok
  }

  /** Stops the thread (its memory is the process's again). */
  close(): void {
    this.died = false
    if (this.running === null) return
    this.running.port.close()
    void this.running.worker.terminate()
    this.running = null
  }
}

/** Whether this thread was started by HelperThread. */
export function isHelperThread(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && HELPER in workerData
}

/** The helper thread's life: run each task posted, reply, raise the flag. */
export function serveHelperTasks(tasks: Record<string, HelperTask>): void {
  const { port, flags } = (workerData as Record<string, ThreadData>)[HELPER]!
  port.on('message', ({ task, payload }: { task: string; payload: never }) => {
    let reply: Reply = { error: `no task ${task}` }
    let transfer: Transferable[] = []
    let last = false
    try {
      const run = tasks[task]
      if (run !== undefined) {
        const done = run(payload)
        reply = { ok: done.reply }
        transfer = done.transfer ?? []
        last = done.last === true
      }
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) }
    }
    try {
      port.postMessage(reply, transfer)
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) })
    }
    Atomics.store(flags, REPLIED, 1)
    Atomics.notify(flags, REPLIED)
    // The reply stays on the port for the reading thread; process.exit() ends only this thread.
    if (last) process.exit(0)
  })
  Atomics.store(flags, STARTED, 1)
}
