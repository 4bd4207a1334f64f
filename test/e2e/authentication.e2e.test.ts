/**
 * Authentication end to end: a cluster created by clicking, authentication enabled in the Access
 * tab (etcdctl without a user is then refused), a user who may only read /app/, the key browser
 * run as that user (a key under /app/ shows, one outside is refused by name), then disabled.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { etcdctlAt } from './harness/etcdctl'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'
import { createClusterByClicking } from './harness/create-by-clicking'

/**
 * Run in the page: records every text the header's operation status shows from now on (an auth
 * switch takes milliseconds, too short to catch by polling).
 */
const RECORD_OPERATIONS = `(() => {
  const status = document.querySelector('[role=status][aria-label="Operation in progress"]')
  window.shownOperations = []
  new MutationObserver(() => window.shownOperations.push(status.textContent)).observe(status, {
    childList: true,
    subtree: true,
    characterData: true,
  })
})()`
const ROOT_PASSWORD = 'root-secret-42'
const BOB_PASSWORD = 'bob-secret-42'

/** Shows a tab of the cluster's workspace and answers its panel. */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
  return page.getByRole('tabpanel', { name })
}

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`authentication (${launcher.name})`, () => {
    let app: LaunchedApp
    let endpoint = ''

    /** etcdctl against the cluster, as a user types it. */

    const etcdctl = etcdctlAt(() => endpoint)

    beforeAll(async () => {
      app = await launcher.launch('e2e-auth')
    }, 180_000)

    afterAll(async () => {
      await closeCleanly(app)
      expect(app?.pageErrors ?? []).toEqual([])
    })

    it('creates a 1-member cluster by clicking and saves two keys', async () => {
      const { page } = app
      ;[endpoint] = (await createClusterByClicking(page, app.dataDir, {
        name: 'guarded',
        members: 1,
      })) as [string]
      const keys = await showTab(page, 'Keys')
      for (const [key, value] of [
        ['/app/config', 'replicas=3'],
        ['/billing/card', 'secret'],
      ]) {
        await keys.getByRole('button', { name: 'New key' }).click()
        await keys.getByLabel('Key', { exact: true }).fill(key!)
        await keys.getByLabel('Value', { exact: true }).fill(value!)
        await keys.getByRole('button', { name: 'Save' }).click()
        await expect
          .poll(() => etcdctl('get', key!, '--print-value-only'), { timeout: 20_000 })
          .toBe(`${value}\n`)
      }
    })

    it('enables authentication with a root password; etcdctl without a user is refused', async () => {
      const { page } = app
      const access = await showTab(page, 'Access')
      const form = access.getByRole('form', { name: 'Enable authentication' })
      await form.getByLabel('Root password', { exact: true }).fill(ROOT_PASSWORD)
      await form.getByLabel('Repeat root password').fill(ROOT_PASSWORD)
      await screenshot(page, `${launcher.name}-auth-01-enable`)
      await page.evaluate(RECORD_OPERATIONS)
      await form.getByRole('button', { name: 'Enable authentication' }).click()
      await access.getByText('On: every client must log in as a user.').waitFor()
      // It ran as an operation of the cluster, its steps shown in the header.
      const shown = await page.evaluate<string[]>('window.shownOperations')
      expect(
        shown.filter((text) => text.startsWith('Enabling authentication on guarded —')),
      ).not.toEqual([])
      await access.getByLabel('Roles of root').getByText('root').waitFor()
      await expect(etcdctl('get', '/app/config')).rejects.toMatchObject({
        stderr: expect.stringContaining('user name is empty'),
      })
      // The Commands tab shows the enable as etcdctl steps, and its lines now log in as root.
      const commands = await showTab(page, 'Commands')
      const operation = commands.getByRole('region', {
        name: 'Your last cluster operation as commands',
      })
      await operation.getByText('Enabling authentication on guarded').waitFor()
      for (const step of ['user add root', 'role add root', 'user grant-role root root']) {
        await operation.getByText(`--endpoints=${endpoint} ${step}`, { exact: false }).waitFor()
      }
      await operation.getByText(`--endpoints=${endpoint} auth enable`, { exact: false }).waitFor()
      await commands
        .getByText(`--endpoints=${endpoint} --user=root member list -w table`, { exact: false })
        .waitFor()
      expect(await commands.getByText(ROOT_PASSWORD, { exact: false }).count()).toBe(0)
      await operation.scrollIntoViewIfNeeded()
      await screenshot(page, `${launcher.name}-auth-02-commands`)
    })

    it('creates a user who may read /app/ only', async () => {
      const { page } = app
      const access = await showTab(page, 'Access')
      const addRole = access.getByRole('form', { name: 'Add role' })
      await addRole.getByLabel('New role name').fill('app-reader')
      await addRole.getByRole('button', { name: 'Add role' }).click()
      const grant = access.getByRole('form', { name: 'Grant a permission to app-reader' })
      await grant.getByLabel('Key or prefix').fill('/app/')
      expect(await grant.getByRole('checkbox', { name: 'Prefix' }).isChecked()).toBe(true)
      await grant.getByLabel('Permission').selectOption('read')
      await grant.getByRole('button', { name: 'Grant permission' }).click()
      await access
        .getByLabel('Permissions of app-reader')
        .getByText('read /app/ (prefix)')
        .waitFor()
      const addUser = access.getByRole('form', { name: 'Add user' })
      await addUser.getByLabel('New user name').fill('bob')
      await addUser.getByLabel("New user's password").fill(BOB_PASSWORD)
      await addUser.getByRole('button', { name: 'Add user' }).click()
      await access.getByLabel('Role to grant to bob').selectOption('app-reader')
      await access.getByRole('button', { name: 'Grant role to bob' }).click()
      await access.getByLabel('Roles of bob').getByText('app-reader').waitFor()
      await screenshot(page, `${launcher.name}-auth-03-users-and-roles`)
      // etcdctl as bob agrees: /app/ yes, elsewhere no.
      expect(
        await etcdctl(`--user=bob:${BOB_PASSWORD}`, 'get', '/app/config', '--print-value-only'),
      ).toBe('replicas=3\n')
      await expect(
        etcdctl(`--user=bob:${BOB_PASSWORD}`, 'get', '/billing/card'),
      ).rejects.toMatchObject({
        stderr: expect.stringContaining('permission denied'),
      })
    })

    it('browses keys as bob: a key under /app/ shows, one outside is refused by name', async () => {
      const { page } = app
      const keys = await showTab(page, 'Keys')
      const browseAs = keys.getByRole('form', { name: 'Browse as' })
      await browseAs.getByLabel('Browse as user').selectOption('bob')
      await browseAs.getByLabel('Password of bob').fill(BOB_PASSWORD)
      await browseAs.getByRole('button', { name: 'Browse as' }).click()
      await browseAs.getByText('Browsing as bob').waitFor()
      await keys.getByLabel('Prefix', { exact: true }).fill('/app/')
      await keys.getByRole('button', { name: '/app/config' }).click()
      await keys.getByText('replicas=3').first().waitFor()
      expect(await keys.getByRole('button', { name: '/billing/card' }).count()).toBe(0)
      await screenshot(page, `${launcher.name}-auth-04-browse-as-bob`)
      await keys.getByLabel('Jump to').fill('/billing/card')
      await keys.getByRole('button', { name: 'Open', exact: true }).click()
      const denied = keys
        .getByRole('alert')
        .filter({ hasText: 'Could not open that key: Permission denied' })
      await denied.waitFor()
      expect(await denied.innerText()).toMatch(/bob.*read.*\/billing\/card/s)
      expect(await keys.getByText('secret', { exact: true }).count()).toBe(0)
      await screenshot(page, `${launcher.name}-auth-05-permission-denied`)
    })

    it('disables authentication: etcdctl works without a user again', async () => {
      const { page } = app
      const access = await showTab(page, 'Access')
      await access.getByRole('button', { name: 'Disable authentication' }).click()
      const dialog = page.getByRole('dialog', { name: 'Disable authentication?' })
      await dialog.getByRole('button', { name: 'Disable authentication' }).click()
      await access.getByText('Off: every client may read and write everything.').waitFor()
      expect(await etcdctl('get', '/billing/card', '--print-value-only')).toBe('secret\n')
      const keys = await showTab(page, 'Keys')
      await expect.poll(() => keys.getByRole('form', { name: 'Browse as' }).count()).toBe(0)
      await screenshot(page, `${launcher.name}-auth-06-disabled`)
    })
  })
}
