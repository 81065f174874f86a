#!/usr/bin/env node
'use strict'
// Runs the built CLI (out/main/cli.js): starting from JavaScript takes a fraction of the time
// that transpiling the TypeScript on every call took. The stale check `npm run web` uses
// rebuilds first when a source is newer than the build, so `icp` never runs stale code.
const { join } = require('node:path')
const { pathToFileURL } = require('node:url')

import(pathToFileURL(join(__dirname, '..', 'scripts', 'build-if-stale.mjs')).href).then(({ buildIfStale }) => {
  buildIfStale({ quiet: true })
  require('../out/main/cli.js')
})
