/**
 * One shell word for copy and paste: left bare when it only holds characters no POSIX shell
 * treats specially, else single-quoted. Not shell-quote's quote(): it backslash-escapes every
 * '=' and ',', unreadable for learners.
 */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/** A command line as one string a POSIX shell runs as given. */
export function shellCommand(binary: string, args: readonly string[]): string {
  return [binary, ...args].map(shellWord).join(' ')
}
