/**
 * "Search everything" in the Keys tab: the request, what the engine streams back, and how a
 * pattern is understood. Shared so the window can refuse a bad regular expression as it is typed
 * with the very rules the engine applies.
 */
import { words, type EngineWords } from './engine-words/engine-words'
import type { ErrorData } from './result'

/** Every search mode, in the order the window offers them. */
export const SEARCH_MODES = ['substring', 'glob', 'regex'] as const

/** How the pattern is read: a plain substring, a glob over the whole key, or a regular expression. */
export type SearchMode = (typeof SEARCH_MODES)[number]

/** Longest pattern accepted (a search pattern is typed, not pasted data). */
export const MAX_SEARCH_PATTERN_CHARS = 1024

/**
 * Bounds of "at most N results" (the setting and a search's own cap). Why a cap at all: results
 * live in the window's memory and in the pushes; a search for "a" must not copy the keyspace.
 */
export const SEARCH_RESULT_LIMITS = { min: 10, max: 100_000 } as const

/** The cap of a fresh install. */
export const DEFAULT_SEARCH_MAX_RESULTS = 1_000

/** What a search looks for (the cluster and the prefix travel with it in the request). */
export interface SearchPattern {
  pattern: string
  mode: SearchMode
  /** Match letters regardless of case. */
  ignoreCase?: boolean
}

/** One key that matched. */
export interface KeySearchMatch {
  key: Uint8Array
  modRevision: string
  /** Size of the value in bytes when values were searched; null for a keys-only search. */
  valueSize: number | null
  /** Where the pattern matched. */
  matchedIn: 'key' | 'value' | 'key-and-value'
  /** For a value match: the text around the first match when the value is text, else null. */
  preview: string | null
}

/** Where a search stands: still scanning, finished, stopped at its result cap, or failed. */
export type KeySearchState = 'running' | 'done' | 'capped' | 'failed'

/** One push of a running search: its new matches and its progress. */
export interface KeySearchUpdate {
  cluster: string
  searchId: string
  /** Matches found since the previous update, in key order. */
  matches: KeySearchMatch[]
  /** Keys examined so far. */
  scanned: number
  /** Keys under the prefix at the search's revision, or null until they are counted. */
  total: number | null
  state: KeySearchState
  /** Why the search failed (state 'failed'), else null. */
  error: ErrorData | null
}

/** A pattern that cannot be used, with the reason in words (english() for the engine's message). */
export interface PatternProblem {
  reason: EngineWords
}

/** A compiled pattern: a substring to find as is, or a regular expression to test text with. */
export type CompiledPattern = { kind: 'substring'; text: string } | { kind: 'regex'; regex: RegExp }

/**
 * Compiles a pattern as the engine will use it: a case-sensitive substring stays a substring
 * (searched on the raw bytes), anything else becomes a regular expression over the text.
 */
export function compileSearchPattern(search: SearchPattern): CompiledPattern | PatternProblem {
  const { pattern, mode } = search
  if (pattern === '') return { reason: words('engine-rules:search.empty') }
  if (pattern.length > MAX_SEARCH_PATTERN_CHARS) {
    return { reason: words('engine-rules:search.tooLong', { max: MAX_SEARCH_PATTERN_CHARS }) }
  }
  const flags = search.ignoreCase ? 'i' : ''
  switch (mode) {
    case 'substring':
      return flags === ''
        ? { kind: 'substring', text: pattern }
        : { kind: 'regex', regex: new RegExp(escapeRegExp(pattern), flags) }
    case 'glob':
      return { kind: 'regex', regex: new RegExp(`^${globToRegExpSource(pattern)}$`, `s${flags}`) }
    case 'regex':
      try {
        return { kind: 'regex', regex: new RegExp(pattern, flags) }
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error)
        // V8's reason is the JavaScript engine's own English, kept as a value (like etcd's errors).
        return { reason: words('engine-rules:search.badRegex', { pattern, why: stripPrefix(why) }) }
      }
  }
}

/** True when compileSearchPattern refused the pattern. */
export function isPatternProblem(value: CompiledPattern | PatternProblem): value is PatternProblem {
  return 'reason' in value
}

/**
 * A glob as a regular expression source: `*` any run of characters ('/' included), `?` one
 * character, `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) sets, `\` escapes the next character.
 */
function globToRegExpSource(glob: string): string {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*') out += '.*'
    else if (c === '?') out += '.'
    else if (c === '\\' && i + 1 < glob.length) out += escapeRegExp(glob[++i] as string)
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2)
      if (close < 0) {
        out += '\\['
        continue
      }
      let body = glob.slice(i + 1, close)
      const isNegated = body.startsWith('!') || body.startsWith('^')
      if (isNegated) body = body.slice(1)
      out += `[${isNegated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`
      i = close
    } else out += escapeRegExp(c)
  }
  return out
}

/** The text with every regular-expression metacharacter escaped. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** V8 says "Invalid regular expression: /(/: Unterminated group"; keep the last part. */
function stripPrefix(message: string): string {
  const at = message.lastIndexOf(': ')
  return at >= 0 ? message.slice(at + 2) : message
}
