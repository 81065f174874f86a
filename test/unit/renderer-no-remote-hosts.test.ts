import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildRendererIfStale, ROOT } from '../../scripts/web-host-process'

// The built renderer (out/renderer) references no remote host for anything it could load: fonts,
// scripts, images, styles, CSS url()s. Every absolute URL found in the build must be on the
// allow-list below, each entry with the reason it is provably not fetched.

const ALLOWED: Array<{ pattern: RegExp; why: string }> = [
  {
    pattern: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|1998\/Math\/MathML|XML\/1998\/namespace|2000\/xmlns\/?)$/,
    why: 'XML namespace names (SVG, XLink, XHTML, MathML) used by React and the SVG icons: identifiers, never requested'
  },
  {
    pattern: /^https:\/\/react\.dev\/errors\/\d*$/,
    why: 'React links its minified error messages to their explanation: text in an error message, never requested'
  },
  {
    pattern: /^https:\/\/(reactjs\.org|react\.dev|fb\.me)\/[\w./-]*$/,
    why: 'React warning text pointing to documentation: strings in console messages, never requested'
  },
  {
    pattern: /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+[\w./#-]*$/,
    why: "a library's source or issue link inside an error message or licence comment, never requested"
  },
  { pattern: /^https:\/\/zod\.dev\/[\w./#-]*$/, why: "zod's error text pointing to its docs, never requested" },
  {
    pattern: /^https:\/\/(mths\.be|feross\.org|opensource\.org|www\.apache\.org|developer\.mozilla\.org)\/[\w./#-]*$/,
    why: 'licence headers and comments in bundled code, never requested'
  },
  { pattern: /^https:\/\/(rsms\.me|github\.com\/rsms)\/?[\w./#-]*$/, why: "the Inter font's licence/author URL, never requested" },
  {
    pattern: /^https:\/\/(d3js\.org|recharts\.github\.io|react-redux\.js\.org|redux\.js\.org|redux-toolkit\.js\.org)\/[\w./#?=${}-]*$/,
    why: 'recharts and its d3/redux internals: doc links in comments and error/warning text, never requested'
  },
  {
    pattern: /^https:\/\/bit\.ly\/3cXEKWf$/,
    why: "immer (inside recharts' redux toolkit) names it in a thrown error's text, never requested"
  },
  {
    pattern: /^https?:\/\/json-schema\.org\/draft[\w./-]*#?$/,
    why: "zod's JSON-Schema output writes these as the $schema identifier string; never requested"
  },
  {
    pattern: /^(https:\/\/exa|http:\/\/\[(\.\.\.|\$\{value\})\])$/,
    why: 'zod\'s URL validator explains `new URL("https://exa\\nmple.com")` and `http://[...]` in comments and builds a string for a check; never requested'
  }
]

const TEXT_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt'])

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

let built: string[] = []
beforeAll(() => {
  buildRendererIfStale()
  built = files(join(ROOT, 'out', 'renderer')).filter((f) => TEXT_EXTENSIONS.has(extname(f)) && !f.endsWith('.map'))
}, 300_000)

describe('the built renderer', () => {
  it('loads nothing from a remote host: no remote src/href, CSS url(), @import, font or script', () => {
    expect(built.some((f) => f.endsWith('index.html'))).toBe(true)
    const loads: string[] = []
    for (const file of built) {
      const text = readFileSync(file, 'utf8')
      const where = relative(ROOT, file)
      // CSS url(...) and @import with a scheme or a protocol-relative //host.
      // (Case-sensitive: CSS writes url(); `new URL("https://…")` in a comment is not a load.)
      for (const m of text.matchAll(/\burl\(\s*['"]?\s*((?:[a-z][a-z0-9+.-]*:)?\/\/[^'")\s]+)/g)) loads.push(`${where}: url(${m[1]})`)
      for (const m of text.matchAll(/@import\s+(?:url\()?\s*['"]?((?:[a-z]+:)?\/\/[^'")\s;]+)/gi)) loads.push(`${where}: @import ${m[1]}`)
      // HTML attributes that load: src, href on link/script, srcset, poster, action.
      for (const m of text.matchAll(/\b(src|href|srcset|poster|action)\s*=\s*["']\s*((?:https?:)?\/\/[^"']+)/gi))
        loads.push(`${where}: ${m[1]}=${m[2]}`)
      // Module imports of a URL, fetch/XHR/WebSocket/EventSource/importScripts of a literal remote URL.
      for (const m of text.matchAll(
        /(?:\bimport\s*\(?|\bfrom|\bfetch\(|\bimportScripts\(|new\s+(?:WebSocket|EventSource|Worker)\()\s*["'`]((?:[a-z]+:)?\/\/[^"'`]+)/gi
      ))
        loads.push(`${where}: ${m[1]}`)
    }
    expect(loads).toEqual([])
  })

  it('mentions remote URLs only where the allow-list says why they are never fetched', () => {
    const unexplained = new Set<string>()
    for (const file of built) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\,;]+/gi)) {
        const url = m[0].replace(/[.:}]+$/, '')
        if (url.startsWith('http://127.0.0.1') || url.startsWith('http://localhost')) continue
        if (!ALLOWED.some((a) => a.pattern.test(url))) unexplained.add(`${relative(ROOT, file)}: ${url}`)
      }
    }
    expect([...unexplained]).toEqual([])
  })
})
