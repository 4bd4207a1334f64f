import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'
import { screenshot } from './harness/chromium'

const execFileAsync = promisify(execFile)
/** True when the open dialog is a native <dialog> shown with showModal() (in the top layer). */
const IS_NATIVE_MODAL = "document.querySelector('dialog[open]')?.matches(':modal') === true"
/** True when the open dialog's panel scrolls and the dialog itself does not (its scrollbar would be backdrop). */
const IS_PANEL_SCROLLED =
  "(d => d.scrollHeight <= d.clientHeight && d.firstElementChild.scrollHeight > d.firstElementChild.clientHeight)(document.querySelector('dialog[open]'))"
/** Pixels between the log box's scroll position and its end (0 when it follows the end). */
const LOG_DISTANCE_FROM_END =
  "(b => b.scrollHeight - b.scrollTop - b.clientHeight)(document.querySelector('[role=log]'))"
const ENDPOINTS = 'http://127.0.0.1:2379,http://127.0.0.1:12379,http://127.0.0.1:22379'

/** etcdctl against the tutorial cluster. */
async function etcdctl(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('etcdctl', [`--endpoints=${ENDPOINTS}`, ...args], {
    env: { ...process.env, ETCDCTL_API: '3' },
    timeout: 20_000,
  })
  return stdout
}

/** The port table row of one member (its name is the row header). */
function memberRow(page: Page, member: string) {
  const header = page.getByRole('rowheader', { name: new RegExp(`^${member}\\b`) })
  return page.getByRole('row').filter({ has: header })
}

/** The member the port table marks as leader. */
async function shownLeader(page: Page): Promise<string | undefined> {
  const row = page.getByRole('row').filter({ hasText: 'leader' }).first()
  return (await row.getByRole('rowheader').innerText()).match(/etcd\d/)?.[0]
}

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`the tutorial journey (${launcher.name})`, () => {
    let app: LaunchedApp

    beforeAll(async () => {
      app = await launcher.launch('e2e-journey')
    }, 180_000)

    afterAll(() => closeCleanly(app))

    /** The member killed to show an election, started again later. */
    let killed = ''

    it('starts empty and says what to do next', async () => {
      await expect
        .poll(() => app.page.getByRole('button', { name: 'Create cluster' }).count())
        .toBeGreaterThan(0)
      await screenshot(app.page, `${launcher.name}-01-empty`)
    })

    it('opens the create dialog as a native modal dialog that Escape closes', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create cluster' })
      await dialog.getByLabel('Client port of etcd1').waitFor()
      // A string, run in the page: showModal() put it in the top layer, the page behind is inert.
      expect(await page.evaluate<boolean>(IS_NATIVE_MODAL)).toBe(true)
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
    })

    it('creates a 3-member cluster by clicking, on the tutorial ports', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Name', { exact: true }).fill('tutorial')
      await dialog.getByLabel('Members', { exact: true }).selectOption('3')
      await screenshot(page, `${launcher.name}-02-create-dialog`)
      await dialog.getByRole('button', { name: 'Create', exact: true }).click()
      for (const member of ['etcd1', 'etcd2', 'etcd3']) {
        await memberRow(page, member).getByText('running').waitFor({ timeout: 60_000 })
      }
      const table = page.getByRole('table').first()
      for (const port of [2379, 2380, 12379, 12380, 22379, 22380]) {
        await expect.poll(() => table.getByText(`127.0.0.1:${port}`).count()).toBeGreaterThan(0)
      }
      await page.getByText('leader', { exact: false }).first().waitFor({ timeout: 20_000 })
      await screenshot(page, `${launcher.name}-03-members`)
    })

    it('etcdctl sees three started members', async () => {
      const list = JSON.parse(await etcdctl('member', 'list', '-w', 'json')) as {
        members: { name: string }[]
      }
      expect(list.members.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3'])
    })

    it('runs the write probe: its counts rise, its keys are tagged, stopping removes them', async () => {
      const { page } = app
      const probe = page.getByRole('region', { name: 'Write probe' })
      await probe.getByRole('button', { name: 'Start write probe' }).click()
      const okCount = probe.locator('dt', { hasText: 'OK, last minute' }).locator('+ dd')
      await expect
        .poll(async () => Number((await okCount.innerText()).replace(/\D/g, '')), {
          timeout: 20_000,
        })
        .toBeGreaterThanOrEqual(40)
      await expect.poll(() => probe.getByText(/writes\/s/).count()).toBe(1)
      expect(
        await probe.locator('dt', { hasText: 'Failed, last minute' }).locator('+ dd').innerText(),
      ).toBe('0')
      await screenshot(page, `${launcher.name}-03b-write-probe`)
      await page.getByRole('tab', { name: 'Keys' }).click()
      const tags = page.getByRole('note', { name: 'etcd Desk write probe' })
      await expect.poll(() => tags.count(), { timeout: 20_000 }).toBe(3)
      await screenshot(page, `${launcher.name}-03c-write-probe-keys`)
      await page.getByRole('tab', { name: 'Members' }).click()
      await probe.getByRole('button', { name: 'Stop write probe' }).click()
      await probe.getByRole('button', { name: 'Start write probe' }).waitFor()
      expect(await etcdctl('get', '--prefix', '__etcd_desk_probe/', '--keys-only')).toBe('')
    })

    it('saves a key in the UI that etcdctl reads', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Keys' }).click()
      await page.getByRole('button', { name: 'New key' }).click()
      await page.getByLabel('Key', { exact: true }).fill('/e2e/hello')
      await page.getByLabel('Value', { exact: true }).fill('saved from the window')
      await page.getByRole('button', { name: 'Save' }).click()
      await expect
        .poll(() => etcdctl('get', '/e2e/hello', '--print-value-only'), { timeout: 20_000 })
        .toBe('saved from the window\n')
    })

    it('shows a key put by etcdctl without a reload', async () => {
      await etcdctl('put', '/e2e/from-cli', 'typed in a terminal')
      await app.page.getByText('/e2e/from-cli').first().waitFor({ timeout: 20_000 })
      await screenshot(app.page, `${launcher.name}-04-keys`)
    })

    it('elects another leader when the leader is killed in the UI', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Members' }).click()
      const leader = await shownLeader(page)
      expect(leader).toBeTruthy()
      // Kill acts at once (it is how the tutorial shows an election): no confirmation dialog.
      await page.getByRole('button', { name: `Kill ${leader}` }).click()
      await memberRow(page, leader!).getByText('stopped').waitFor({ timeout: 20_000 })
      expect(await page.getByRole('dialog').count()).toBe(0)
      await expect.poll(() => shownLeader(page), { timeout: 30_000 }).not.toBe(leader)
      await screenshot(page, `${launcher.name}-05-after-election`)
      killed = leader!
    })

    it('shows the operation in the header while the killed member starts again', async () => {
      const { page } = app
      const operation = page.getByRole('status', { name: 'Operation in progress' })
      await memberRow(page, killed)
        .getByRole('button', { name: `Start ${killed}`, exact: true })
        .click()
      await operation.getByText(`Starting member ${killed}`).waitFor({ timeout: 10_000 })
      await screenshot(page, `${launcher.name}-05b-operation-in-progress`)
      await memberRow(page, killed).getByText('running').waitFor({ timeout: 30_000 })
      await expect.poll(() => operation.textContent(), { timeout: 10_000 }).toBe('')
    })

    it('adds a learner by clicking, promotes it, and etcdctl agrees at each step', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Members' }).click()
      await page.getByRole('button', { name: 'Add member' }).click()
      const dialog = page.getByRole('dialog', { name: 'Add a member to tutorial' })
      await expect.poll(() => dialog.getByLabel('Member name').inputValue()).toBe('etcd4')
      expect(await dialog.getByRole('checkbox', { name: /As learner/ }).isChecked()).toBe(true)
      await screenshot(page, `${launcher.name}-05c-add-member`)
      await dialog.getByRole('button', { name: 'Add member' }).click()
      // etcd refuses member add for ~5 s after the restart above: the engine waits it out.
      await dialog.waitFor({ state: 'detached', timeout: 60_000 })
      await memberRow(page, 'etcd4').getByText('running').waitFor({ timeout: 30_000 })
      const listed = async () =>
        (
          JSON.parse(await etcdctl('member', 'list', '-w', 'json')) as {
            members: { name?: string; isLearner?: boolean }[]
          }
        ).members.find((m) => m.name === 'etcd4')
      expect(await listed()).toMatchObject({ isLearner: true })

      await page.getByRole('button', { name: 'Promote etcd4', exact: true }).click()
      await expect
        .poll(() => page.getByRole('button', { name: 'Promote etcd4', exact: true }).count(), {
          timeout: 60_000,
        })
        .toBe(0)
      expect((await listed())?.isLearner ?? false).toBe(false)
      await page.getByLabel('Quorum now').getByText('4 voters').waitFor({ timeout: 20_000 })
      await screenshot(page, `${launcher.name}-05d-membership`)
    })

    it('shows the selected member’s log lines in the Logs tab', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Logs' }).click()
      // The view follows the newest lines and draws only those in sight: the start-up lines of a
      // busy cluster have scrolled away, so find them as a user would, with the search field.
      const search = page.getByRole('searchbox', { name: 'Search' })
      await search.fill('published local member')
      await page
        .getByText(/published local member to cluster/i)
        .first()
        .waitFor({ timeout: 20_000 })
      await screenshot(page, `${launcher.name}-06-logs`)
      await search.fill('')
    })

    it('shows the exact commands', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Commands' }).click()
      await page
        .getByText(/--initial-cluster=etcd1=http:\/\/127\.0\.0\.1:2380/)
        .first()
        .waitFor()
      await screenshot(page, `${launcher.name}-07-commands`)
      // Long tabs scroll inside the workspace; the window itself never scrolls.
      // A string, run in the page: this file is type-checked without the DOM library.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollHeight - window.innerHeight',
      )
      expect(overflow).toBeLessThanOrEqual(0)
      // A command from "Explore with etcdctl", run in a shell exactly as the page shows it (member
      // list: it answers while the killed leader is still down).
      const shown = await page
        .locator('.command')
        .filter({ hasText: 'Members: IDs, names, peer and client URLs' })
        .locator('pre')
        .innerText()
      const { stdout } = await execFileAsync('bash', ['-c', shown], { timeout: 20_000 })
      for (const port of [2379, 12379, 22379]) expect(stdout).toContain(`127.0.0.1:${port}`)
      for (const name of ['etcd1', 'etcd2', 'etcd3']) expect(stdout).toContain(name)
      const twin = page.locator('.command').filter({ hasText: 'The write probe' })
      await twin.scrollIntoViewIfNeeded()
      await screenshot(page, `${launcher.name}-07b-commands-write-probe`)
    })

    it('shows the Logs tab as it was when switching back, still following the end', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Logs' }).click()
      const logs = page.getByRole('log', { name: 'Log lines' })
      await logs.waitFor()
      await expect.poll(() => logs.locator('.log-line').count()).toBeGreaterThan(0)
      await expect.poll(() => page.evaluate<number>(LOG_DISTANCE_FROM_END)).toBeLessThan(40)
      await page.getByRole('tab', { name: 'Commands' }).click()
    })

    it('opens Settings with the installed releases and the quit choice', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Settings', exact: true }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Start timeout (seconds)').waitFor()
      await dialog.getByText('Keep clusters running').waitFor()
      await screenshot(page, `${launcher.name}-08-settings`)
      expect(await page.evaluate<boolean>(IS_PANEL_SCROLLED)).toBe(true)
      const engineLog = dialog.getByRole('region', { name: 'Engine log' })
      await engineLog.getByText(join(app.dataDir, 'engine.log')).waitFor()
      if (launcher.name === 'browser') {
        const link = engineLog.getByRole('link', { name: 'View engine log' })
        expect(await link.getAttribute('href')).toMatch(/^\/engine-log\?token=\w/)
        expect(await link.getAttribute('rel')).toBe('noopener')
      }
      await engineLog.scrollIntoViewIfNeeded()
      await screenshot(page, `${launcher.name}-09-settings-engine-log`)
      await dialog.getByRole('button', { name: 'Close', exact: true }).click()
    })

    it('reported no page errors', () => {
      expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
      const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
      expect(errors, errors.join('\n')).toEqual([])
    })
  })
}
