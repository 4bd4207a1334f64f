/**
 * The Metrics tab end to end, in browser mode: a 1-member cluster, its Metrics tab opened, the
 * charts filling from the member's real /metrics while keys are written, hover reading values.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePorts } from '../helpers/free-port'
import { screenshot } from './harness/chromium'
import { etcdctlAt } from './harness/etcdctl'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

// Browser mode: the same window and engine as the app, without a display server.
const browser = launchers().find((l) => l.name === 'browser')

describe.skipIf(!browser)('the Metrics tab (browser)', () => {
  let app: LaunchedApp
  let endpoint = ''
  const etcdctl = etcdctlAt(() => endpoint)

  beforeAll(async () => {
    app = await (browser as NonNullable<typeof browser>).launch('e2e-metrics')
  }, 180_000)

  afterAll(() => closeCleanly(app))

  it('charts a running member from its /metrics, values on hover', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Create cluster' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Create cluster' })
    await dialog.getByLabel('Client port of etcd1').waitFor()
    await dialog.getByLabel('Name', { exact: true }).fill('charts')
    await dialog.getByLabel('Members', { exact: true }).selectOption('1')
    const [client, peer] = await freePorts(2)
    // Typed after the 1-member suggestion arrived, so a late suggestion cannot replace them.
    await dialog.getByLabel('Client port of etcd2').waitFor({ state: 'detached' })
    await dialog.getByLabel('Client port of etcd1').fill(String(client))
    await dialog.getByLabel('Peer port of etcd1').fill(String(peer))
    await expect
      .poll(() => dialog.getByLabel('Client port of etcd1').inputValue())
      .toBe(String(client))
    await dialog.getByRole('button', { name: 'Create', exact: true }).click()
    await dialog.waitFor({ state: 'detached', timeout: 60_000 })
    await page.getByText('leader', { exact: false }).first().waitFor({ timeout: 20_000 })
    const saved = JSON.parse(
      readFileSync(join(app.dataDir, 'clusters', 'charts', 'cluster.json'), 'utf8'),
    ) as { members: { clientPort: number }[] }
    endpoint = `http://127.0.0.1:${saved.members[0]?.clientPort ?? client}`

    await page.getByRole('tab', { name: 'Metrics' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Metrics' })
    const raft = panel.getByRole('figure', { name: 'Raft index' })
    await raft.getByRole('row', { name: /etcd1/ }).waitFor({ timeout: 20_000 })
    await expect.poll(raftIndexOnHover, { timeout: 20_000 }).toBeGreaterThan(0)
    const before = await raftIndexOnHover()
    // Writes move the raft index; the next samples chart it.
    for (let i = 0; i < 5; i++) await etcdctl('put', `/metrics/${i}`, 'v')
    await expect.poll(raftIndexOnHover, { timeout: 20_000 }).toBeGreaterThanOrEqual(before + 5)
    for (const title of ['DB size (bytes)', 'WAL fsync p99 (ms)', 'Client requests (per second)']) {
      await panel.getByRole('figure', { name: title }).getByRole('row', { name: /etcd1/ }).waitFor()
    }
    await screenshot(page, 'browser-metrics-01-charts')

    /** The raft index etcd1's legend shows with the cursor at the right edge of the chart. */
    async function raftIndexOnHover(): Promise<number> {
      const box = await raft.locator('.u-over').boundingBox()
      if (!box) throw new Error('the Raft index chart has no plot area')
      await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2)
      const text = await raft.getByRole('row', { name: /etcd1/ }).locator('td').first().innerText()
      const value = Number(text.replace(/[^\d]/g, ''))
      return text.includes('–') || text.includes('--') || text === '' ? -1 : value
    }
  })
})
