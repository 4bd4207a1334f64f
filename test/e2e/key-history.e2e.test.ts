/**
 * A key's history end to end, in Debian's Chromium against browser mode and real etcd: a key
 * written three times by etcdctl, its History dialog (versions, a JSON diff), a restore of the
 * first version, a restore refused after another client wrote the key, the compaction boundary,
 * and a Kubernetes protobuf value decoded in the value viewer.
 */
import { Etcd3 } from 'etcd3'
import type { Page } from 'playwright-core'
import { Writer } from 'protobufjs/minimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KUBERNETES_MAGIC } from '../../src/shared/kubernetes-value'
import { screenshot } from './harness/chromium'
import { etcdctlAt } from './harness/etcdctl'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'
import { createClusterByClicking } from './harness/create-by-clicking'

const KEY = '/app/config'
const CONFIG_MAP_KEY = '/registry/configmaps/default/demo'
const VERSIONS = [
  '{"image":"web:1","replicas":1}',
  '{"image":"web:1","replicas":2}',
  '{"image":"web:2","replicas":3}',
]

/** "k8s\0" + runtime.Unknown of a v1 ConfigMap demo/default with data {greeting: hello}. */
function configMapValue(): Buffer {
  const tag = (field: number) => (field << 3) | 2
  const meta = Writer.create().uint32(tag(1)).string('demo').uint32(tag(3)).string('default')
  const entry = Writer.create().uint32(tag(1)).string('greeting').uint32(tag(2)).string('hello')
  const raw = Writer.create()
    .uint32(tag(1))
    .bytes(meta.finish())
    .uint32(tag(2))
    .bytes(entry.finish())
  const type = Writer.create().uint32(tag(1)).string('v1').uint32(tag(2)).string('ConfigMap')
  const unknown = Writer.create()
    .uint32(tag(1))
    .bytes(type.finish())
    .uint32(tag(2))
    .bytes(raw.finish())
  return Buffer.concat([KUBERNETES_MAGIC, unknown.finish()])
}

/** Shows a tab of the cluster's workspace and answers its panel. */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
  return page.getByRole('tabpanel', { name })
}

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`key history (${launcher.name})`, () => {
    let app: LaunchedApp
    let endpoint = ''
    const shot = (step: string) => screenshot(app.page, `${launcher.name}-history-${step}`)

    /** etcdctl against the cluster, as a user types it. */

    const etcdctl = etcdctlAt(() => endpoint)

    beforeAll(async () => {
      app = await launcher.launch('e2e-history')
    }, 180_000)

    afterAll(() => closeCleanly(app))

    const history = () => app.page.getByRole('dialog', { name: `History of ${KEY}` })
    const versionRows = () => history().getByRole('row', { name: /^Version \d+$/ })

    it('creates a 1-member cluster and a key written three times', async () => {
      const { page } = app
      ;[endpoint] = (await createClusterByClicking(page, app.dataDir, {
        name: 'history',
        members: 1,
      })) as [string]
      for (const value of VERSIONS) await etcdctl('put', KEY, value)
      const etcd = new Etcd3({ hosts: endpoint })
      try {
        await etcd.put(CONFIG_MAP_KEY).value(configMapValue())
      } finally {
        etcd.close()
      }
    })

    it('opens the history of a key from its viewer: versions newest first and a JSON diff', async () => {
      const keys = await showTab(app.page, 'Keys')
      await keys.getByRole('button', { name: KEY, exact: true }).click()
      const viewer = keys.getByRole('region', { name: 'Selected key' })
      await viewer.getByText('Decoder: JSON').waitFor()
      await shot('01-key-viewer')
      await viewer.getByRole('button', { name: 'History' }).click()
      await expect.poll(() => versionRows().count(), { timeout: 20_000 }).toBe(3)
      expect(await history().getByText('time unknown').count()).toBe(3)
      const comparison = history().getByRole('region', { name: 'Comparison' })
      await comparison.getByText('JSON diff', { exact: false }).waitFor()
      const lines = await comparison.getByLabel('Differences').innerText()
      expect(lines).toContain('-   "image": "web:1",')
      expect(lines).toContain('+   "replicas": 3')
      await shot('02-versions')
      await history()
        .getByRole('radio', { name: /^Compare from version 1 / })
        .check()
      await comparison.getByText(/^From version 1 /).waitFor()
      await shot('03-diff')
    })

    it('restores the first version as a new revision', async () => {
      await history()
        .getByRole('button', { name: /^Restore version 1 / })
        .click()
      const confirm = history().getByRole('group', { name: 'Restore version 1' })
      await confirm.getByRole('button', { name: 'Restore version 1 now' }).click()
      await history()
        .getByText(/^Restored version 1: written back as revision \d+\.$/)
        .waitFor()
      await expect.poll(() => versionRows().count(), { timeout: 20_000 }).toBe(4)
      expect(await etcdctl('get', KEY, '--print-value-only')).toBe(`${VERSIONS[0]}\n`)
      await shot('04-restored')
    })

    it('refuses a restore after another client wrote the key', async () => {
      await etcdctl('put', KEY, '{"image":"web:3","replicas":5}')
      await history()
        .getByText(/^The key changed at revision \d+/)
        .waitFor({ timeout: 20_000 })
      await history()
        .getByRole('button', { name: /^Restore version 2 / })
        .click()
      await history().getByRole('button', { name: 'Restore version 2 now' }).click()
      const alert = history().getByRole('alert')
      await alert.getByText('Not restored: someone else changed this key.').waitFor()
      await shot('05-conflict')
      expect(await etcdctl('get', KEY, '--print-value-only')).toBe(
        '{"image":"web:3","replicas":5}\n',
      )
      await history().getByRole('button', { name: 'Close' }).click()
      await history().waitFor({ state: 'detached' })
    })

    it('shows where compaction cut the history', async () => {
      const status = JSON.parse(await etcdctl('get', KEY, '-w', 'json')) as {
        header: { revision: number }
        kvs: { mod_revision: number }[]
      }
      const compactAt = status.kvs[0]!.mod_revision - 1
      await etcdctl('compact', String(compactAt))
      const viewer = app.page.getByRole('region', { name: 'Selected key' })
      await viewer.getByRole('button', { name: 'History' }).click()
      await history()
        .getByText(`History before revision ${compactAt} was compacted: earlier versions are gone.`)
        .waitFor({ timeout: 20_000 })
      await shot('06-compacted')
      await history().getByRole('button', { name: 'Close' }).click()
      await history().waitFor({ state: 'detached' })
    })

    it('decodes a Kubernetes protobuf value to its kind and a field tree', async () => {
      const keys = app.page.getByRole('tabpanel', { name: 'Keys' })
      await keys.getByRole('button', { name: CONFIG_MAP_KEY, exact: true }).click()
      const viewer = keys.getByRole('region', { name: 'Selected key' })
      await viewer.getByText('Decoder: Kubernetes protobuf').waitFor()
      expect(await viewer.getByLabel('Kubernetes object').innerText()).toContain('ConfigMap')
      expect(await viewer.getByLabel('Field tree').innerText()).toContain('1 name: "demo"')
      await shot('07-kubernetes')
    })

    it('reported no page errors', () => {
      expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
      const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
      expect(errors, errors.join('\n')).toEqual([])
    })
  })
}
