'use strict'
// Loaded with `node --require` in tests of the built command: loading a .ts file, or tsx itself,
// fails the process at once, in the main thread and in worker threads alike (a worker inherits
// --require through execArgv).
const Module = require('node:module')
const original = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  const resolved = original.call(this, request, ...rest)
  if (/\.(c|m)?ts$/.test(resolved) || /[\\/]node_modules[\\/]tsx[\\/]/.test(resolved)) {
    process.stderr.write(`TypeScript loaded at run time: ${resolved}\n`)
    process.exit(3)
  }
  return resolved
}
