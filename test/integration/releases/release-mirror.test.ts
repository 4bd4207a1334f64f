import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { openTestEngine } from '../../helpers/engine-fixture'
import { startReleaseMirror, type ReleaseMirror } from '../../helpers/release-mirror'

const run = promisify(execFile)

describe('the loopback release mirror', () => {
  let mirror: ReleaseMirror
  let engine: Engine

  beforeAll(async () => {
    mirror = await startReleaseMirror(['3.5.16'])
    engine = await openTestEngine('release-mirror', mirror.engineOptions)
  })

  afterAll(async () => {
    await engine?.close()
    await mirror?.close()
  })

  it("installs Debian trixie's etcd 3.5.16 into an engine, from the mirror only", async () => {
    const binary = await engine.releases.install('3.5.16')
    expect(binary).toMatchObject({ version: '3.5.16', source: 'release' })
    expect(binary.etcd.startsWith(engine.layout.releasesDir)).toBe(true)
    expect(binary.etcdutl).not.toBeNull()
    const { stdout } = await run(binary.etcd, ['--version'])
    expect(stdout).toMatch(/etcd Version: 3\.5\.16\b/)
    expect(mirror.server.countOf('/v3.5.16/etcd-v3.5.16-linux-amd64.tar.gz')).toBe(1)
    expect(mirror.server.countOf('/v3.5.16/SHA256SUMS')).toBeGreaterThanOrEqual(1)
    expect(mirror.server.requests.every((r) => !r.viaProxy)).toBe(true)
  })
})
