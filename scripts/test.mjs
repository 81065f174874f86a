// `npm test`: build, typecheck, lint, unit + renderer + backend tests (Vitest), end-to-end tests
// (Playwright in Chromium against browser mode). Every step runs even if an earlier one fails;
// skipped tests are listed with their reasons, the last line is "N passed, N failed, N skipped"
// summed over all of them, and the exit code is non-zero on any failure.
// `npm test -- <tier> [<tier>…]` runs only those tiers: checks (build, typecheck, lint, security),
// unit, renderer, backend, e2e. Extra arguments after `--` for a lone vitest or e2e tier go to it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ROOT } from './build-if-stale.mjs'

const bin = (name) => join(ROOT, 'node_modules', '.bin', name)
const totals = { passed: 0, failed: 0, skipped: 0 }
const summary = []
/** Printed right above the totals, so every skip says why where the count is read. */
const skips = []
/**
 * Each failed test with the start of its error, printed last: a CI log is often read from its
 * tail only, and a count without a name cannot be followed up.
 */
const failures = []
/** Tests that failed once and passed on their retry (see vitest.config.mts), with the first error. */
const flakes = []
const scratch = mkdtempSync(join(tmpdir(), 'icp-test-report-'))

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }
}

/** A step that is one check (typecheck, lint): it passes or fails as a whole. */
function check(title, command, args) {
  const { ok, seconds } = run(title, command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${title} (${seconds}s)`)
}

const TIERS = ['checks', 'unit', 'renderer', 'backend', 'e2e']
const VITEST_DIRS = { unit: 'test/unit/', renderer: 'test/renderer/', backend: 'test/backend/' }
const args = process.argv.slice(2)
const asked = args.filter((a) => TIERS.includes(a))
const unknown = args.filter((a) => !a.startsWith('-') && !TIERS.includes(a))
if (unknown.length > 0) {
  rmSync(scratch, { recursive: true, force: true })
  console.error(`Unknown test tier ${unknown.map((u) => `"${u}"`).join(', ')}; the tiers are ${TIERS.join(', ')}.`)
  process.exit(2)
}
const tiers = asked.length > 0 ? asked : TIERS
const passThrough = args.filter((a) => a.startsWith('-'))

function vitest(dirs) {
  const report = join(scratch, 'vitest.json')
  const title = `${dirs.map((d) => Object.keys(VITEST_DIRS).find((k) => VITEST_DIRS[k] === d)).join(', ')} tests (vitest)`
  const { ok, seconds } = run(title, bin('vitest'), [
    'run',
    ...dirs,
    ...passThrough,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`
  ])
  if (!existsSync(report)) {
    totals.failed += 1
    summary.push(`FAIL vitest produced no report (${seconds}s)`)
    return
  }
  const r = JSON.parse(readFileSync(report, 'utf8'))
  for (const { title, reason } of skippedVitestTests(r)) skips.push(`skipped: ${title} — ${reason}`)
  for (const { title, message } of failedVitestTests(r)) failures.push(`failed: ${title} — ${message}`)
  for (const { title, message } of flakyVitestTests(r)) flakes.push(`flaky: ${title} — passed on its retry; first ${message}`)
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  // A suite that fails to load has no failed tests but is a failure all the same.
  const failed = r.numFailedTests + (ok || r.numFailedTests > 0 ? 0 : 1)
  totals.passed += r.numPassedTests
  totals.failed += failed
  totals.skipped += skipped
  summary.push(`${failed ? 'FAIL' : 'ok  '} vitest: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped (${seconds}s)`)
}

/** Every skipped Vitest test with its reason (test/support/skip.ts puts it in the task's meta). */
function skippedVitestTests(report) {
  const found = []
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'pending' && test.status !== 'skipped' && test.status !== 'todo') continue
      found.push({
        title: [relative(ROOT, file.name), ...test.ancestorTitles, test.title].join(' › '),
        reason: test.meta?.skipReason ?? 'no reason given'
      })
    }
  }
  return found
}

/** Every failed Vitest test, or test file that failed to load, with the start of its error. */
function failedVitestTests(report) {
  const found = []
  for (const file of report.testResults ?? []) {
    const name = relative(ROOT, file.name)
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of failed) {
      found.push({ title: [name, ...test.ancestorTitles, test.title].join(' › '), message: errorStart(test.failureMessages?.[0]) })
    }
    if (failed.length === 0 && file.status === 'failed') found.push({ title: name, message: errorStart(file.message) })
  }
  return found
}

/** Every Vitest test that passed on a retry: its earlier runs' errors stay in its failure messages. */
function flakyVitestTests(report) {
  const found = []
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'passed' || !(test.failureMessages?.length > 0)) continue
      found.push({
        title: [relative(ROOT, file.name), ...test.ancestorTitles, test.title].join(' › '),
        message: errorStart(test.failureMessages[0])
      })
    }
  }
  return found
}

/** An error's message and the first place in the project it came from, for a one-glance summary. */
function errorStart(message) {
  const lines = String(message ?? 'no message')
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const said = lines.filter((line) => !line.startsWith('at ')).slice(0, 3)
  const where = lines.find((line) => line.startsWith('at ') && !line.includes('node_modules'))
  return [...said, ...(where ? [where.replace(`${ROOT}/`, '')] : [])].join(' | ').slice(0, 600)
}

function playwright() {
  const report = join(scratch, 'playwright.json')
  const { ok, seconds } = run(
    'end-to-end tests (playwright, browser mode)',
    bin('playwright'),
    ['test', ...passThrough, '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report
    }
  )
  if (!existsSync(report)) {
    totals.failed += 1
    summary.push(`FAIL playwright produced no report (${seconds}s)`)
    return
  }
  const parsed = JSON.parse(readFileSync(report, 'utf8'))
  const { stats, errors = [] } = parsed
  for (const { title, reason } of skippedTests(parsed)) skips.push(`skipped: ${title} — ${reason}`)
  for (const { title, message } of failedPlaywrightTests(parsed)) failures.push(`failed: ${title} — ${message}`)
  for (const error of errors) failures.push(`failed: playwright — ${errorStart(error.message)}`)
  for (const { title, message } of flakyPlaywrightTests(parsed)) flakes.push(`flaky: ${title} — passed on its retry; first ${message}`)
  const passed = stats.expected + stats.flaky
  const failed = stats.unexpected + errors.length + (ok || stats.unexpected + errors.length > 0 ? 0 : 1)
  totals.passed += passed
  totals.failed += failed
  totals.skipped += stats.skipped
  summary.push(`${failed ? 'FAIL' : 'ok  '} playwright: ${passed} passed, ${failed} failed, ${stats.skipped} skipped (${seconds}s)`)
}

/** Every test of a Playwright JSON report, with its suites' titles before its own. */
function playwrightTests(report) {
  const found = []
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) found.push({ title: [...path, spec.title].join(' › '), test })
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title])
  }
  for (const suite of report.suites ?? []) visit(suite, [suite.title])
  return found
}

/** Every skipped Playwright test with the reason it gave, so a skip is never silent. */
function skippedTests(report) {
  return playwrightTests(report)
    .filter(({ test }) => test.status === 'skipped')
    .map(({ title, test }) => ({
      title,
      reason: (test.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given'
    }))
}

/** Every Playwright test that ended other than expected (a flaky pass is not a failure). */
function failedPlaywrightTests(report) {
  return playwrightTests(report)
    .filter(({ test }) => test.status === 'unexpected')
    .map(({ title, test }) => ({ title, message: errorStart((test.results ?? []).map((result) => result.error).find(Boolean)?.message) }))
}

/** Every Playwright test that failed and then passed on its retry. */
function flakyPlaywrightTests(report) {
  return playwrightTests(report)
    .filter(({ test }) => test.status === 'flaky')
    .map(({ title, test }) => ({ title, message: errorStart((test.results ?? []).map((result) => result.error).find(Boolean)?.message) }))
}

// Built first, once: the tests run the built CLI, web host and renderer and open the sample the
// build makes, and parallel test files would otherwise each find the build stale and wait on one
// another to rebuild it.
if (tiers.includes('checks') || tiers.includes('e2e') || tiers.includes('backend')) {
  check('build (electron-vite; skipped when out/ is fresh)', process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs'), '--quiet'])
}
if (tiers.includes('checks')) {
  check('typecheck: main, backend, CLI, tests', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])
  check('typecheck: renderer, shared and renderer tests', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])
  check('typecheck: end-to-end tests (page callbacks typed against the DOM)', bin('tsc'), ['-p', 'tsconfig.e2e.json', '--noEmit'])
  check('format (prettier --check; `npm run format` fixes it)', bin('prettier'), ['--check', '--log-level', 'warn', '.'])
  check('lint (eslint, incl. import purity rules)', bin('eslint'), ['--max-warnings', '0', '.'])
  check('security: electronegativity and npm audit (docs/SECURITY.md)', process.execPath, [join(ROOT, 'scripts', 'security-scan.mjs')])
}
const vitestDirs = Object.keys(VITEST_DIRS)
  .filter((tier) => tiers.includes(tier))
  .map((tier) => VITEST_DIRS[tier])
if (vitestDirs.length > 0) vitest(vitestDirs)
if (tiers.includes('e2e')) playwright()
rmSync(scratch, { recursive: true, force: true })

console.log('\n━━ summary ━━')
for (const line of summary) console.log(line)
for (const line of skips) console.log(line)
for (const line of flakes) console.log(line)
for (const line of failures) console.log(line)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)
