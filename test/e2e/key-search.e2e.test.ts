/**
 * Keys → Search end to end: a cluster created by clicking, a few thousand keys written from
 * outside, then searched by key (substring, a bad regular expression) and by value, and a match
 * opened in the value viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedKeys } from '../integration/keys/key-fixtures'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'
import { createClusterByClicking } from './harness/create-by-clicking'

const CLUSTER = 'finder'
const KEY_COUNT = 3_000
const item = (i: number) => `/e2e/item-${String(i).padStart(4, '0')}`

/** The client URL of the cluster's only member, from its saved definition (cluster.json). */
for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`key search (${launcher.name})`, () => {
    let app: LaunchedApp

    beforeAll(async () => {
      app = await launcher.launch('e2e-search')
    }, 180_000)

    afterAll(() => closeCleanly(app))

    const form = () => app.page.getByRole('search', { name: 'Search keys' })
    const status = () => app.page.getByRole('status', { name: 'Search status' })
    const results = () => app.page.getByRole('list', { name: 'Search results' })

    it('creates a 1-member cluster and fills it from outside', async () => {
      const { page } = app
      const [endpoint] = await createClusterByClicking(page, app.dataDir, {
        name: CLUSTER,
        members: 1,
      })
      const entries: [string, string][] = Array.from({ length: KEY_COUNT }, (_, i) => [
        item(i),
        `value ${i}`,
      ])
      entries.push(['/e2e/config', 'mode=NEEDLE replicas=3'])
      await seedKeys(endpoint!, entries)
    })

    it('finds keys by substring, with progress, and opens a match', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Keys' }).click()
      await page.getByRole('button', { name: 'Search', exact: true }).click()
      await form().getByLabel('Search for').fill('item-01')
      await screenshot(page, `${launcher.name}-search-01-form`)
      await form().getByRole('button', { name: 'Search', exact: true }).click()
      await status().getByText('Done: scanned 3,001 keys · 100 matches').waitFor()
      await results()
        .getByRole('button', { name: /^\/e2e\/item-0100 in key/ })
        .waitFor()
      await screenshot(page, `${launcher.name}-search-02-results`)
      await results()
        .getByRole('button', { name: /^\/e2e\/item-0123 in key/ })
        .click()
      await page.getByLabel('Contents').getByText('value 123').waitFor()
      await screenshot(page, `${launcher.name}-search-03-opened`)
    })

    it('says which regular expression is not valid', async () => {
      await form().getByLabel('Match as').selectOption('Regular expression')
      await form().getByLabel('Search for').fill('item-(01')
      await form()
        .getByRole('alert')
        .getByText(/^\/item-\(01\/ is not a valid regular expression/)
        .waitFor()
      expect(await form().getByRole('button', { name: 'Search', exact: true }).isDisabled()).toBe(
        true,
      )
      await screenshot(app.page, `${launcher.name}-search-04-bad-regex`)
      await form().getByLabel('Search for').fill('item-29[0-9]7$')
      await form().getByRole('button', { name: 'Search', exact: true }).click()
      await status().getByText('Done: scanned 3,001 keys · 10 matches').waitFor()
    })

    it('finds a value when values are searched too', async () => {
      await form().getByLabel('Match as').selectOption('Substring')
      await form().getByLabel('Search values too').check()
      await form().getByLabel('Search for').fill('NEEDLE')
      await form().getByRole('button', { name: 'Search', exact: true }).click()
      await status().getByText('Done: scanned 3,001 keys · 1 match').waitFor()
      await results().getByText('mode=NEEDLE replicas=3').waitFor()
      await screenshot(app.page, `${launcher.name}-search-05-value-match`)
    })

    it('reported no page errors', () => {
      expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
      const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
      expect(errors, errors.join('\n')).toEqual([])
    })
  })
}
