import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { RuntimePlan } from '../cluster/cluster-runtime'
import { jsonText, messageOf, type BundleEntry, type CollectContext } from './bundle-entry'
import type { MemberDiagnosis } from './status-entries'

const execFileAsync = promisify(execFile)

/** Why: `etcdctl version` prints and exits at once; one that hangs is reported, not waited for. */
const TOOL_VERSION_TIMEOUT_MS = 10_000

/**
 * The versions a bug report starts with: etcd Desk's, Node's and the platform; the etcd each member
 * is run with (its binary) and reports (its status); the cluster version; etcdctl's and etcdutl's.
 */
export async function versionsEntry(
  ctx: CollectContext,
  appVersion: string,
  members: readonly MemberDiagnosis[],
  clusterVersion: string | null,
): Promise<BundleEntry> {
  const { runtime } = ctx
  ctx.step('versions')
  const plan = await runtime.plan().catch((error: unknown) => {
    runtime.log.warn({ err: error }, 'diagnosis: resolving the etcd binaries failed')
    ctx.note(`etcd binaries: not resolved (${messageOf(error)})`)
    return null
  })
  const versions = {
    app: appVersion,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    cluster: {
      configured: runtime.def.etcdVersion,
      resolved: runtime.def.resolvedVersion,
      clusterVersion,
    },
    members: members.map((m) => ({
      member: m.member,
      configured: m.etcdVersion,
      binary: binaryOf(ctx, plan, m.member),
      reported: m.status?.version ?? null,
    })),
    etcdctl: plan ? await toolVersion(ctx, 'etcdctl', plan.binary.etcdctl) : null,
    etcdutl: plan?.binary.etcdutl ? await toolVersion(ctx, 'etcdutl', plan.binary.etcdutl) : null,
  }
  return {
    path: 'versions.json',
    text: jsonText(versions),
    about: "Versions of etcd Desk, Node, each member's etcd (run and reported), etcdctl, etcdutl.",
  }
}

/** The etcd binary etcd Desk runs a member with (its own version in a mixed-version cluster). */
function binaryOf(ctx: CollectContext, plan: RuntimePlan | null, member: string) {
  const slot = ctx.runtime.slots.find((s) => s.spec.name === member)
  if (!plan || !slot) return null
  const binary = plan.binaryOf(slot)
  return { path: binary.etcd, version: binary.version }
}

/** A tool's `version` output and path; the error in words when it cannot run. */
async function toolVersion(ctx: CollectContext, name: string, path: string) {
  try {
    const { stdout } = await execFileAsync(path, ['version'], {
      timeout: TOOL_VERSION_TIMEOUT_MS,
    })
    return { path, output: stdout.trim() }
  } catch (error) {
    ctx.runtime.log.warn({ err: error, path }, `diagnosis: ${name} version failed`)
    ctx.note(`${name} version: could not run ${path} (${messageOf(error)})`)
    return { path, output: null, error: messageOf(error) }
  }
}
