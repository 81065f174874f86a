/**
 * A small evaluator of the Salesforce formula grammar the CRM pack writes: numbers, "strings"
 * with backslash escapes, field names, + - * / &, comparisons (= <> < <= > >=), and the
 * functions IF, AND, OR, NOT, ISBLANK, ISPICKVAL, INCLUDES, CONTAINS, TEXT, ROUND, MAX, MIN, DATE.
 * Blank fields are blanks (null), as the setup sheet asks: comparisons with a blank are blank,
 * and IF on a blank takes the else branch. Written from Salesforce's formula reference so the
 * test checks the formulas' meaning, not our generator against itself.
 */

export type SfValue = number | string | boolean | null | string[] | { date: number }

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'id'; value: string } | { kind: 'op'; value: string }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      i++
    } else if (/[0-9.]/.test(ch)) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?/.exec(text.slice(i))!
      tokens.push({ kind: 'num', value: Number(m[0]) })
      i += m[0].length
    } else if (ch === '"') {
      let value = ''
      i++
      while (text[i] !== '"') {
        if (i >= text.length) throw new SyntaxError('unterminated string')
        if (text[i] === '\\') {
          const next = text[i + 1]!
          value += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next
          i += 2
        } else value += text[i++]
      }
      i++
      tokens.push({ kind: 'str', value })
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!
      tokens.push({ kind: 'id', value: m[0] })
      i += m[0].length
    } else {
      const two = text.slice(i, i + 2)
      if (['<=', '>=', '<>', '!=', '=='].includes(two)) {
        tokens.push({ kind: 'op', value: two })
        i += 2
      } else if ('+-*/&=<>(),'.includes(ch)) {
        tokens.push({ kind: 'op', value: ch })
        i++
      } else throw new SyntaxError(`unexpected "${ch}" at ${i}`)
    }
  }
  return tokens
}

type Node =
  | { type: 'lit'; value: SfValue }
  | { type: 'field'; name: string }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'bin'; op: string; left: Node; right: Node }
  | { type: 'neg'; arg: Node }

export function parseFormula(text: string): Node {
  const tokens = tokenize(text)
  let at = 0
  const peek = (): Token | undefined => tokens[at]
  const expect = (value: string) => {
    const t = tokens[at++]
    if (!t || t.kind !== 'op' || t.value !== value) throw new SyntaxError(`expected "${value}" at token ${at}`)
  }
  const isOp = (...values: string[]) => {
    const t = peek()
    return t?.kind === 'op' && values.includes(t.value)
  }
  function comparison(): Node {
    let left = concat()
    while (isOp('=', '==', '<>', '!=', '<', '<=', '>', '>=')) {
      const op = (tokens[at++] as { value: string }).value
      left = { type: 'bin', op, left, right: concat() }
    }
    return left
  }
  function concat(): Node {
    let left = additive()
    while (isOp('&')) {
      at++
      left = { type: 'bin', op: '&', left, right: additive() }
    }
    return left
  }
  function additive(): Node {
    let left = term()
    while (isOp('+', '-')) {
      const op = (tokens[at++] as { value: string }).value
      left = { type: 'bin', op, left, right: term() }
    }
    return left
  }
  function term(): Node {
    let left = unary()
    while (isOp('*', '/')) {
      const op = (tokens[at++] as { value: string }).value
      left = { type: 'bin', op, left, right: unary() }
    }
    return left
  }
  function unary(): Node {
    if (isOp('-')) {
      at++
      return { type: 'neg', arg: unary() }
    }
    return primary()
  }
  function primary(): Node {
    const t = tokens[at++]
    if (!t) throw new SyntaxError('unexpected end')
    if (t.kind === 'num') return { type: 'lit', value: t.value }
    if (t.kind === 'str') return { type: 'lit', value: t.value }
    if (t.kind === 'op' && t.value === '(') {
      const inner = comparison()
      expect(')')
      return inner
    }
    if (t.kind === 'id') {
      if (isOp('(')) {
        at++
        const args: Node[] = []
        if (!isOp(')')) {
          args.push(comparison())
          while (isOp(',')) {
            at++
            args.push(comparison())
          }
        }
        expect(')')
        return { type: 'call', name: t.value.toUpperCase(), args }
      }
      if (t.value.toUpperCase() === 'TRUE') return { type: 'lit', value: true }
      if (t.value.toUpperCase() === 'FALSE') return { type: 'lit', value: false }
      return { type: 'field', name: t.value }
    }
    throw new SyntaxError(`unexpected token ${JSON.stringify(t)}`)
  }
  const node = comparison()
  if (at !== tokens.length) throw new SyntaxError(`trailing tokens from ${at}`)
  return node
}

const isBlank = (v: SfValue): boolean => v === null || v === '' || (Array.isArray(v) && v.length === 0)
const num = (v: SfValue): number | null =>
  v === null ? null : typeof v === 'number' ? v : typeof v === 'object' && !Array.isArray(v) ? v.date : NaN

export function evaluate(node: Node, fields: Readonly<Record<string, SfValue>>): SfValue {
  const ev = (n: Node) => evaluate(n, fields)
  switch (node.type) {
    case 'lit':
      return node.value
    case 'field':
      if (!(node.name in fields)) throw new ReferenceError(`unknown field ${node.name}`)
      return fields[node.name]!
    case 'neg': {
      const v = num(ev(node.arg))
      return v === null ? null : -v
    }
    case 'bin': {
      const l = ev(node.left)
      const r = ev(node.right)
      if (node.op === '&') return `${l ?? ''}${r ?? ''}`
      if (l === null || r === null) return null
      if (['+', '-', '*', '/'].includes(node.op)) {
        const a = num(l)!
        const b = num(r)!
        return node.op === '+' ? a + b : node.op === '-' ? a - b : node.op === '*' ? a * b : a / b
      }
      const a = typeof l === 'object' && !Array.isArray(l) ? l.date : l
      const b = typeof r === 'object' && !Array.isArray(r) ? r.date : r
      switch (node.op) {
        case '=':
        case '==':
          return a === b
        case '<>':
        case '!=':
          return a !== b
        case '<':
          return (a as number) < (b as number)
        case '<=':
          return (a as number) <= (b as number)
        case '>':
          return (a as number) > (b as number)
        case '>=':
          return (a as number) >= (b as number)
      }
      throw new Error(node.op)
    }
    case 'call': {
      const a = node.args
      switch (node.name) {
        case 'IF': {
          const c = ev(a[0]!)
          return c === true ? ev(a[1]!) : ev(a[2]!)
        }
        case 'AND':
          return a.every((x) => ev(x) === true)
        case 'OR':
          return a.some((x) => ev(x) === true)
        case 'NOT': {
          const v = ev(a[0]!)
          return v === null ? null : !v
        }
        case 'ISBLANK':
          return isBlank(ev(a[0]!))
        case 'TEXT': {
          const v = ev(a[0]!)
          return v === null ? '' : String(v)
        }
        case 'ISPICKVAL':
          return ev(a[0]!) === ev(a[1]!)
        case 'INCLUDES': {
          const v = ev(a[0]!)
          return Array.isArray(v) && v.includes(ev(a[1]!) as string)
        }
        case 'CONTAINS':
          return String(ev(a[0]!) ?? '').includes(String(ev(a[1]!) ?? ''))
        case 'ROUND': {
          const v = num(ev(a[0]!))
          const digits = num(ev(a[1]!))!
          if (v === null) return null
          const f = 10 ** digits
          // Salesforce rounds half away from zero.
          return (Math.sign(v) * Math.round(Math.abs(v) * f)) / f
        }
        case 'MAX':
        case 'MIN': {
          const vs = a.map((x) => num(ev(x)))
          if (vs.some((v) => v === null)) return null
          return node.name === 'MAX' ? Math.max(...(vs as number[])) : Math.min(...(vs as number[]))
        }
        case 'DATE':
          return { date: Date.UTC(num(ev(a[0]!))!, num(ev(a[1]!))! - 1, num(ev(a[2]!))!) }
      }
      throw new Error(`unknown function ${node.name}`)
    }
  }
}
