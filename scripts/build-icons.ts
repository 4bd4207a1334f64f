/**
 * Renders the app icon from resources/icon.svg (and resources/icon-small.svg for tiny sizes) into
 * every file the installers use. The outputs are committed, so neither CI nor a packaging machine
 * needs this script or its renderer; run it after changing an SVG:
 *
 *   npx tsx scripts/build-icons.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import { encodeIcns, encodeIco, ICNS_TYPES } from './icon-containers'

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')

/** Sizes of the Linux icon set (resources/icons/NxN.png), the hicolor theme's usual sizes. */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
/** Sizes inside the Windows .ico: the shell picks 16–48 for lists, 256 for large tiles. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/**
 * Why a second drawing: at 32 px and below the key and desk legs of icon.svg blur into noise, so
 * tiny sizes use a bolder version of the same picture (three members on a desk).
 */
const SMALL_VARIANT_MAX = 32

const fullSvg = readFileSync(join(resources, 'icon.svg'), 'utf8')
const smallSvg = readFileSync(join(resources, 'icon-small.svg'), 'utf8')
const cache = new Map<number, Buffer>()

function render(size: number): Buffer {
  const cached = cache.get(size)
  if (cached) return cached
  const svg = size <= SMALL_VARIANT_MAX ? smallSvg : fullSvg
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
  cache.set(size, png)
  return png
}

function write(relative: string, data: Buffer): void {
  const path = join(resources, relative)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, data)
  process.stdout.write(`wrote resources/${relative} (${data.length} bytes)\n`)
}

write('icon.png', render(1024))
for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, render(size))
write('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: render(size) }))))
write('icon.icns', encodeIcns(new Map(ICNS_TYPES.map(({ size }) => [size, render(size)]))))
