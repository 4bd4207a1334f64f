/**
 * Packs PNG images into the icon containers Windows (.ico) and macOS (.icns) expect. Both formats
 * accept PNG payloads as they are (ICO since Windows Vista, ICNS for the ic07–ic14 types), so no
 * pixel conversion is needed: https://en.wikipedia.org/wiki/ICO_(file_format),
 * https://en.wikipedia.org/wiki/Apple_Icon_Image_format
 */

/** One square PNG and its edge length in pixels. */
export interface SizedPng {
  size: number
  png: Buffer
}

/** The ICNS element types that hold a PNG, by pixel size (the @2x types reuse the same pixels). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; size: number }> = [
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 },
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
]

/** Builds a .ico holding every given PNG (at most 256 px each). */
export function encodeIco(images: readonly SizedPng[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon (2 would be cursor)
  header.writeUInt16LE(images.length, 4)
  const directory = Buffer.alloc(16 * images.length)
  let offset = header.length + directory.length
  images.forEach(({ size, png }, i) => {
    if (size > 256) throw new Error(`ICO images are at most 256 px, got ${size}`)
    const at = 16 * i
    // Width and height are one byte each; 0 stands for 256.
    directory.writeUInt8(size % 256, at)
    directory.writeUInt8(size % 256, at + 1)
    directory.writeUInt16LE(1, at + 4) // colour planes
    directory.writeUInt16LE(32, at + 6) // bits per pixel
    directory.writeUInt32LE(png.length, at + 8)
    directory.writeUInt32LE(offset, at + 12)
    offset += png.length
  })
  return Buffer.concat([header, directory, ...images.map((i) => i.png)])
}

/** Builds a .icns with one PNG element per type in ICNS_TYPES, taking the PNG of matching size. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.map(({ type, size }) => {
    const png = pngBySize.get(size)
    if (!png) throw new Error(`No ${size} px PNG for ICNS element ${type}`)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4) // the length counts the 8-byte element header
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(elements)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}
