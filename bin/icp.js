#!/usr/bin/env node
'use strict'
// Runs the CLI from its TypeScript source through tsx, so `icp` never needs a build step and
// never runs stale code. The tsconfig is named explicitly so the @shared alias resolves from
// any working directory.
const path = require('node:path')
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.node.json')
require('tsx/cjs')
require('../src-main/cli.ts')
