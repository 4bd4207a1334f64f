/** One PEM block: its label ("CERTIFICATE", "EC PRIVATE KEY" …), its headers and its DER bytes. */
export interface PemBlock {
  label: string
  /** RFC 1421 headers such as `Proc-Type: 4,ENCRYPTED` (old-style encrypted keys). */
  headers: string[]
  der: Buffer
}

// Like Go's pem.Decode, an END line must end the line: "-----END X----------BEGIN Y-----" (two
// files joined by `cat` when the first lacked its last newline) is not a block boundary.
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----[ \t]*(?=\r?\n|$)/g
const GLUED = /-----END [A-Z0-9 ]+-----[ \t]*-----BEGIN /

/** True when the bytes are PEM text (they hold a BEGIN line), false for binary DER. */
export function isPem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).toString('latin1').includes('-----BEGIN ')
}

/** Why such a file is refused, in words that fit after "<file> …". */
export const GLUED_BLOCKS_REASON =
  'has a PEM block that ends on the line where the next one begins ("-----END …----------BEGIN …", two files joined without a line break), which etcd cannot read; put a line break between them'

/** True when a block ends on the line where the next begins, which Go cannot read. */
export function hasGluedBlocks(bytes: Uint8Array): boolean {
  return GLUED.test(Buffer.from(bytes).toString('latin1'))
}

/** The PEM blocks of a file, in order (text outside the blocks is ignored, as Go does). */
export function pemBlocks(bytes: Uint8Array): PemBlock[] {
  const text = Buffer.from(bytes).toString('latin1')
  return [...text.matchAll(BLOCK)].map((match) => {
    const lines = (match[2] ?? '').split(/\r?\n/)
    const headers = lines.filter((line) => line.includes(':'))
    const body = lines.filter((line) => !line.includes(':')).join('')
    return { label: match[1] ?? '', headers, der: Buffer.from(body, 'base64') }
  })
}
