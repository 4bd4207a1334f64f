import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

/** What a spec asks of the Create dialog. */
interface ClickedCluster {
  name: string
  /** Member rows (the dialog's default is 3). */
  members?: number
}

/**
 * Creates a cluster the way a user does — Create cluster, a name, a member count, Create — on
 * the free ports the engine suggests, waits until a leader shows, and answers the client URL of
 * each member as the engine saved it (so a spec never depends on ports it typed).
 */
export async function createClusterByClicking(
  page: Page,
  dataDir: string,
  cluster: ClickedCluster,
): Promise<string[]> {
  await page.getByRole('button', { name: 'Create cluster' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Create cluster' })
  await dialog.getByLabel('Client port of etcd1').waitFor()
  await dialog.getByLabel('Name', { exact: true }).fill(cluster.name)
  if (cluster.members !== undefined) {
    await dialog.getByLabel('Members', { exact: true }).selectOption(String(cluster.members))
    await dialog.getByText('Finding free ports…').waitFor({ state: 'hidden' })
  }
  await dialog.getByRole('button', { name: 'Create', exact: true }).click()
  // Why 60 s: creating includes the first start of every member and their first election.
  await dialog.waitFor({ state: 'detached', timeout: 60_000 })
  await page.getByText('leader', { exact: false }).first().waitFor({ timeout: 20_000 })
  return savedClientUrls(dataDir, cluster.name)
}

/** The client URLs of a cluster's members, from the cluster.json the engine wrote. */
export function savedClientUrls(dataDir: string, cluster: string): string[] {
  const file = join(dataDir, 'clusters', cluster, 'cluster.json')
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    host?: string
    members: { clientPort: number }[]
  }
  return saved.members.map((m) => `http://${saved.host ?? '127.0.0.1'}:${m.clientPort}`)
}
