import { readFileSync } from 'node:fs'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height of a PNG, read from its IHDR chunk (the first chunk after the signature). */
function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG')
  if (png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** Width and height of a PNG file. */
export function pngFileSize(path: string): { width: number; height: number } {
  return pngSize(readFileSync(path))
}

/** The images of a .ico: the size its directory claims and the size of the PNG it holds. */
export function icoImages(ico: Buffer): Array<{ declared: number; actual: number }> {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO')
  const count = ico.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i
    const declared = ico.readUInt8(at) || 256
    const length = ico.readUInt32LE(at + 8)
    const offset = ico.readUInt32LE(at + 12)
    const { width } = pngSize(ico.subarray(offset, offset + length))
    return { declared, actual: width }
  })
}

/** The elements of a .icns: their type and the width of the PNG each holds. */
export function icnsImages(icns: Buffer): Array<{ type: string; width: number }> {
  if (icns.toString('ascii', 0, 4) !== 'icns') throw new Error('not an ICNS')
  if (icns.readUInt32BE(4) !== icns.length) throw new Error('ICNS length does not match the file')
  const images: Array<{ type: string; width: number }> = []
  for (let at = 8; at < icns.length;) {
    const type = icns.toString('ascii', at, at + 4)
    const length = icns.readUInt32BE(at + 4)
    images.push({ type, width: pngSize(icns.subarray(at + 8, at + length)).width })
    at += length
  }
  return images
}
