/**
 * Logs that teach, end to end in browser mode: a 1-member cluster, its Logs tab — a real etcd line
 * with the member's ID followed by its name and the catalogue's explanation under it, the "Only
 * explained lines" filter, and the cluster timeline with the user's own restart of the member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { createClusterByClicking } from './harness/create-by-clicking'
import { etcdctlAt } from './harness/etcdctl'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

// Browser mode: the same window and engine as the app, without a display server.
const browser = launchers().find((l) => l.name === 'browser')

describe.skipIf(!browser)('logs that teach (browser)', () => {
  let app: LaunchedApp
  let endpoint = ''
  const etcdctl = etcdctlAt(() => endpoint)

  beforeAll(async () => {
    app = await (browser as NonNullable<typeof browser>).launch('e2e-logs-teach')
  }, 180_000)

  afterAll(() => closeCleanly(app))

  it('names the member in a real line and explains it, with etcd’s documentation', async () => {
    const { page } = app
    ;[endpoint] = (await createClusterByClicking(page, app.dataDir, {
      name: 'teach',
      members: 1,
    })) as [string]
    // The member's own ID, as etcd reports it (etcdctl prints it in hex).
    const id = (await etcdctl('member', 'list')).split(',')[0]?.trim() ?? ''
    expect(id).toMatch(/^[0-9a-f]+$/)

    await page.getByRole('tab', { name: 'Logs' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Logs' })
    const box = panel.getByRole('log', { name: 'Log lines' })
    // raft's "raft.node: <id> elected leader <id> at term 2", with the name after each ID.
    const elected = box
      .locator('.log-entry')
      .filter({ hasText: `${id} (etcd1) elected leader ${id} (etcd1)` })
    await elected.first().waitFor({ timeout: 20_000 })
    const note = elected.first().getByRole('note', { name: 'Explanation' })
    await expect.poll(() => note.textContent()).toContain('A leader was elected')
    const docs = note.getByRole('link', { name: 'etcd documentation' })
    expect(await docs.getAttribute('href')).toMatch(/^https:\/\/etcd\.io\/docs\/v3\.5\//)
    // The tooltip keeps the line as etcd wrote it.
    expect(await elected.first().locator('.log-line').getAttribute('title')).toContain(
      `raft.node: ${id} elected leader ${id} at term`,
    )
    await screenshot(page, 'browser-logs-teach-01-named-and-explained')
  })

  it('shows only the explained lines on request', async () => {
    const { page } = app
    const panel = page.getByRole('tabpanel', { name: 'Logs' })
    const box = panel.getByRole('log', { name: 'Log lines' })
    const counts = () => panel.locator('.toolbar__count').textContent()
    const before = await counts()
    await panel.getByRole('checkbox', { name: 'Only explained lines' }).check()
    await expect.poll(counts).not.toBe(before)
    const [shown, total] = ((await counts()) ?? '').match(/[\d,]+/g) ?? []
    expect(Number(shown?.replace(/,/g, ''))).toBeLessThan(Number(total?.replace(/,/g, '')))
    // Every row left is an explained one: a line with its note.
    const rows = await box.locator('.log-line').count()
    expect(rows).toBeGreaterThan(0)
    expect(await box.getByRole('note', { name: 'Explanation' }).count()).toBe(rows)
    await screenshot(page, 'browser-logs-teach-02-only-explained')
    await panel.getByRole('checkbox', { name: 'Only explained lines' }).uncheck()
    await expect.poll(counts).toBe(before)
  })

  it('puts the user’s restart and the member’s states on the cluster timeline', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Members', exact: true }).click()
    await page.getByRole('button', { name: 'Restart etcd1' }).click()
    await page.getByRole('tab', { name: 'Logs' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Logs' })
    const timeline = panel.getByRole('list', { name: 'Cluster timeline' })
    const items = timeline.getByRole('listitem')
    await items.filter({ hasText: /Restarting member etcd1: done/ }).waitFor({ timeout: 30_000 })
    await items.filter({ hasText: 'etcd1 is stopping' }).first().waitFor()
    await items.filter({ hasText: 'etcd1 is running' }).first().waitFor()
    await items
      .filter({ hasText: /etcd1 elected leader/ })
      .first()
      .waitFor()
    // Newest first: the restart's return to running comes before the create's.
    const texts = await items.allTextContents()
    const running = texts.flatMap((t, i) => (t.includes('etcd1 is running') ? [i] : []))
    expect(running.length).toBeGreaterThanOrEqual(2)
    expect(running[0]).toBeLessThan(texts.findIndex((t) => /You.*cluster teach/.test(t)))
    await screenshot(page, 'browser-logs-teach-03-timeline')
  })
})
