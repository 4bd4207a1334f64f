import type { Page } from 'playwright-core'

/**
 * Words in Latin letters a Japanese window may show: etcd's and its tools' names, protocols,
 * units and file formats (etcd's Japanese community writes them so), and etcd Desk's own name.
 * Lower case; the e2e spec adds its own data (cluster and key names).
 */
export const LATIN_WORDS_IN_JAPANESE = new Set([
  'etcd',
  'etcdctl',
  'etcdutl',
  'curl',
  'github',
  'desk',
  'tls',
  'http',
  'https',
  'url',
  'urls',
  'id',
  'db',
  'ms',
  'cpu',
  'wal',
  'raft',
  'json',
  'jsonl',
  'grpc',
  'pem',
  'der',
  'ca',
  'san',
  'pid',
  'mib',
  'kib',
  'gib',
  'nospace',
  'sigstop',
  'sigkill',
  'sigterm',
  'sigcont',
  'fsync',
  'fdatasync',
  'ttl',
  'api',
  'kubernetes',
  'protobuf',
  'base',
  'utf',
  'hex',
  'yaml',
  'powershell',
  'bash',
  'procfile',
  'goreman',
  'docker',
  'compose',
  'systemd',
  'prometheus',
  'rpc',
  'os',
  'tcp',
  'ip',
  'ok',
  'sha',
  'glob',
  // etcd's own terms the Japanese catalogues keep in parentheses, as its community writes them:
  // lease keep-alive and revoke, alarm disarm, HashKV, the root user, /version's etcdcluster.
  'keep',
  'alive',
  'revoke',
  'disarm',
  'hashkv',
  'root',
  'etcdcluster',
  'version',
  // Format and key names: JSON Lines, Ctrl+C, the search field's example key "config", README.
  'lines',
  'ctrl',
  'config',
  'readme',
])

/**
 * Runs in the page (a string: this project's Node type check has no DOM): the visible text nodes
 * and the accessible names of visible elements, outside verbatim text.
 */
const COLLECT_TEXTS = `(() => {
  const VERBATIM = 'code, pre, kbd, samp, [translate="no"], script, style, noscript'
  const found = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement
    if (!parent || parent.closest(VERBATIM) || !parent.checkVisibility()) continue
    found.push(node.textContent || '')
  }
  for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (element.closest(VERBATIM) || !element.checkVisibility()) continue
    for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
      found.push(element.getAttribute(name) || '')
  }
  return found
})()`

/** A token that is a name, not prose: a flag, a path, a file, a URL, an assignment, a quote. */
const TECHNICAL = /^(-|\.{0,2}\/)|[/=_.:"'“”「」]|^[A-Z0-9]+$/

/** Commands in a sentence: etcdctl or etcdutl and its words up to the next non-ASCII, etcd --flags. */
const COMMAND = /\b(etcdctl|etcdutl)( [\x21-\x7e]+)+|\betcd( --[\x21-\x7e]+)+/g

/** The words of prose in a text: its Latin-letter words outside commands and technical tokens. */
function proseWords(text: string): string[] {
  return text
    .replace(COMMAND, ' ')
    .split(/[\s、。（）()・,;!?…]+/)
    .filter((token) => token !== '' && !TECHNICAL.test(token))
    .flatMap((token) => [...token.matchAll(/[A-Za-z][A-Za-z]+/g)].map(([word]) => word))
}

/**
 * The Latin-letter words (2+ letters, lower-cased) the page shows to a reader outside verbatim
 * text that `allowed` does not hold, each with the text it is in ("word «text»"): visible text
 * and the accessible names screen readers read (aria-label, title, placeholder, alt) of visible
 * elements. Verbatim text is what must never be translated: code and commands (`code`, `pre`,
 * `kbd`, `samp`), and what is marked `translate="no"` (keys, values, etcd's own log lines).
 */
export async function untranslatedWords(
  page: Page,
  allowed: ReadonlySet<string>,
): Promise<string[]> {
  const texts = await page.evaluate<string[]>(COLLECT_TEXTS)
  const words = new Map<string, string>()
  for (const text of texts) {
    for (const word of proseWords(text)) {
      const lower = word.toLowerCase()
      if (!allowed.has(lower) && !words.has(lower))
        words.set(lower, `${lower} «${text.trim().slice(0, 120)}»`)
    }
  }
  return [...words.keys()].sort().map((word) => words.get(word) as string)
}
