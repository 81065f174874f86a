// A child process for the crash-safety test: opens a workspace and commits numbered renames as
// fast as it can, printing each number after its commit returns, until it is killed.
import { WorkspaceSession } from '../../src-main/backend/workspace/workspace-session'

const path = process.argv[2]!
const session = new WorkspaceSession()
session.open(path)
for (let i = 1; ; i++) {
  session.rename(`Edit ${i}`)
  session.setSection(i % 2 === 0 ? 'discover' : 'simulate')
  process.stdout.write(`${i}\n`)
}
