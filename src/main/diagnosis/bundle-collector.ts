import type { CollectContext, BundleEntry } from './bundle-entry'
import { commandsEntry } from './commands-entry'
import { definitionEntries } from './definition-entries'
import { engineLogEntry, memberLogEntries } from './log-entries'
import { metricsEntries } from './metrics-entries'
import { statusEntries } from './status-entries'
import { versionsEntry } from './versions-entry'

/** What collecting needs beyond the cluster. */
export interface CollectOptions {
  appVersion: string
  engineLogFile: string
}

/** How many progress steps collecting a cluster takes (plus one for writing the archive). */
export function collectSteps(ctx: Pick<CollectContext, 'runtime'>): number {
  const members = ctx.runtime.view().members
  const running = members.filter((m) => m.state === 'running').length
  // definition, status, alarms, versions, engine log, commands; metrics per running member,
  // a log per member; then writing the archive.
  return 6 + running + members.length + 1
}

/**
 * Collects every file of a cluster's bundle except README and manifest, in the order a reader
 * wants them. Each part that cannot be read leaves a note and the rest goes on: a bundle of a
 * broken cluster is exactly when one is needed.
 */
export async function collectBundle(
  ctx: CollectContext,
  options: CollectOptions,
): Promise<BundleEntry[]> {
  const definition = await definitionEntries(ctx)
  const status = await statusEntries(ctx)
  const versions = await versionsEntry(
    ctx,
    options.appVersion,
    status.members,
    status.clusterVersion,
  )
  const metrics = await metricsEntries(ctx)
  const logs = await memberLogEntries(ctx)
  const engineLog = await engineLogEntry(ctx, options.engineLogFile)
  const commands = await commandsEntry(ctx)
  return [
    ...definition,
    versions,
    ...status.entries,
    ...metrics,
    ...logs,
    ...(engineLog ? [engineLog] : []),
    ...(commands ? [commands] : []),
  ]
}
