import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { icnsImages, icoImages, pngFileSize } from './icon-files'

// These tests check the installer configuration without running the packer, which cannot fetch
// the Electron binary here (see README, "Building installers").
const root = join(import.meta.dirname, '..', '..', '..')

type Target = { target: string; arch: string[] }
type PlatformConfig = { target: Target[]; icon: string; [key: string]: unknown }
/** The part of electron-builder.yml these tests read. */
interface BuilderConfig {
  appId: string
  productName: string
  asar: boolean
  files: string[]
  directories: { buildResources: string }
  electronFuses: Record<string, boolean>
  linux: PlatformConfig
  mac: PlatformConfig
  win: PlatformConfig
}
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  build?: unknown
  main: string
  productName: string
  scripts: Record<string, string>
}
const targetsOf = (platform: 'linux' | 'mac' | 'win'): Target[] => config[platform].target

/** Pixel size of each ICNS element type (the @2x types hold twice their nominal size). */
const ICNS_TYPE_SIZES: Record<string, number> = {
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
}

describe('electron-builder configuration', () => {
  it('is the only configuration (no "build" key in package.json)', () => {
    expect(pkg.build).toBeUndefined()
  })

  it('passes electron-builder 26 own schema validation', async () => {
    // Why an internal module: electron-builder exposes its validation only inside the packer.
    // If this path moves in a future version, this test says so instead of passing silently.
    const builderPackage = createRequire(import.meta.url).resolve('electron-builder/package.json')
    const requireFromBuilder = createRequire(builderPackage)
    const { validateConfiguration } = requireFromBuilder(
      'app-builder-lib/out/util/config/config.js',
    ) as { validateConfiguration: (c: unknown, logger: unknown) => Promise<void> }
    const { DebugLogger } = requireFromBuilder('builder-util/out/DebugLogger.js') as {
      DebugLogger: new (enabled: boolean) => unknown
    }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('names the app', () => {
    expect(config.appId).toBe('io.etcddesk.app')
    expect(config.productName).toBe('etcd Desk')
    expect(pkg.productName).toBe('etcd Desk')
  })

  it('builds AppImage and deb on Linux, dmg for Intel and Apple silicon, nsis on Windows', () => {
    expect(targetsOf('linux')).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ])
    expect(targetsOf('mac')).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: ['x64'] }])
  })

  it('gives the deb a maintainer and the desktop entry a category', () => {
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/)
    expect(config.linux.category).toBe('Development')
  })

  it('packs only the build output into an asar archive', () => {
    expect(config.asar).toBe(true)
    expect(config.files).toEqual(['out/**', 'package.json'])
    for (const pattern of config.files) {
      expect(pattern).not.toMatch(/^(src|test|scripts|bench)\b|^\*\*/)
    }
    expect(pkg.main).toMatch(/^\.\/out\//)
  })

  it('flips the security fuses at pack time', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('builds installers with `npm run dist`', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
  })
})

describe('icons', () => {
  const resources = join(root, config.directories.buildResources)

  it('has a 1024 px icon.png in the build resources (electron-builder default icon)', () => {
    expect(pngFileSize(join(resources, 'icon.png'))).toEqual({ width: 1024, height: 1024 })
  })

  it('has the Linux set, every file as large as its name says', () => {
    const dir = join(root, config.linux.icon)
    const files = readdirSync(dir).sort()
    const sizes = files.map((f) => Number(/^(\d+)x\1\.png$/.exec(f)?.[1])).sort((a, b) => a - b)
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256, 512])
    for (const size of sizes) {
      expect(pngFileSize(join(dir, `${size}x${size}.png`))).toEqual({ width: size, height: size })
    }
  })

  it('has a Windows .ico with 16–256 px images of the sizes it declares', () => {
    const images = icoImages(readFileSync(join(root, config.win.icon)))
    for (const image of images) expect(image.actual).toBe(image.declared)
    expect(images.map((i) => i.declared)).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })

  it('has a macOS .icns whose every element holds a PNG of its type size, up to 1024 px', () => {
    const images = icnsImages(readFileSync(join(root, config.mac.icon)))
    for (const image of images) expect(image.width).toBe(ICNS_TYPE_SIZES[image.type])
    expect(images.map((i) => i.type)).toEqual(expect.arrayContaining(['ic07', 'ic09', 'ic10']))
  })

  it('keeps the drawings the icons are rendered from', () => {
    expect(existsSync(join(resources, 'icon.svg'))).toBe(true)
    expect(existsSync(join(resources, 'icon-small.svg'))).toBe(true)
  })
})
