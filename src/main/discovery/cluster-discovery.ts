import { randomUUID } from 'node:crypto'
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import type { ClusterDefinition, ClusterSpec } from '../../shared/cluster'
import type { DiscoveryCommands, RegistryEntry } from '../../shared/contract'
import {
  discoveryProtocolFor,
  discoveryUrlOf,
  registryKeyOf,
  sizeKeyOf,
  v2DiscoveryUrlOf,
  type DiscoverySetting,
} from '../../shared/discovery'
import type { DiscoveryRegistryView } from '../../shared/discovery-registry'
import { lineOf } from '../../shared/etcd-lines'
import { shellCommand } from '../../shared/shell-words'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import { memberFolder, type DataLayout } from '../store/data-layout'
import { DiscoveryEtcd } from './discovery-etcd'
import { listRegistry, readSize, writeSize } from './discovery-registry'
import { readRegistryView } from './registry-view'

/** What discovery needs of the engine. */
export interface ClusterDiscoveryDeps {
  layout: DataLayout
  log: EngineLog
  /** The etcd on PATH (or configured): a discovery etcd ≤ 3.5 when the cluster's is newer. */
  systemEtcd: () => Promise<EtcdBinary | null>
  /** Ports clusters hold or reserve: the discovery etcd never takes one. */
  takenPorts: () => ReadonlySet<number>
  /** True while a cluster bootstrapped by discovery exists: the discovery etcd stays for it. */
  isNeeded: () => boolean
}

/**
 * Discovery bootstrap for the engine: runs the data directory's discovery etcd, creates each
 * cluster's token with its size, checks the registry before a first start, and stops the
 * discovery etcd when no cluster needs it any more (README "Discovery").
 */
export class ClusterDiscovery {
  readonly etcd: DiscoveryEtcd

  constructor(private readonly deps: ClusterDiscoveryDeps) {
    this.etcd = new DiscoveryEtcd(deps.layout.root, deps.log.child({ module: 'discovery' }))
  }

  /** At engine open: adopts a discovery etcd an earlier engine left running, stopped if unneeded. */
  async load(): Promise<void> {
    await this.etcd.load()
    await this.stopIfUnused()
  }

  /**
   * For a spec with bootstrap 'discovery': runs the discovery etcd and creates a fresh token with
   * the cluster's size (the v2 or v3 protocol, by the members' lines). Undefined for static.
   */
  async prepare(spec: ClusterSpec, binary: EtcdBinary): Promise<DiscoverySetting | undefined> {
    if (spec.bootstrap !== 'discovery') return undefined
    const lines = spec.members.map((m) => lineOf(m.etcdVersion ?? binary.version) ?? '3.4')
    const protocol = discoveryProtocolFor(lines)
    await this.ensureRunning(binary, protocol === 'v2')
    const setting = {
      protocol,
      token: randomUUID(),
      size: spec.members.length,
      endpoint: this.endpoint(),
    }
    await writeSize(setting, setting.size)
    this.deps.log.info(
      { cluster: spec.name, url: discoveryUrlOf(setting) },
      'discovery token created',
    )
    return setting
  }

  /**
   * Before members start: when any of them still has to bootstrap (no data yet), the discovery
   * etcd must run and the token must hold the right size — else members would wait forever for
   * peers that never come (a wrong size) or fail one by one (unreachable), so it is said first.
   */
  async beforeStart(def: ClusterDefinition, binary: EtcdBinary): Promise<void> {
    const discovery = def.discovery
    if (!discovery) return
    const bootstrapping = def.members.filter((m) => !m.joined)
    const fresh = await Promise.all(bootstrapping.map((m) => this.hasNoData(def, m)))
    if (!fresh.some(Boolean)) return
    await this.ensureRunning(binary, discovery.protocol === 'v2')
    const size = await readSize(discovery)
    if (size !== bootstrapping.length) {
      const url = discoveryUrlOf(discovery)
      throw new EngineError(
        'DISCOVERY_SIZE_MISMATCH',
        size === null
          ? `Cluster ${def.name}: the discovery token at ${url} has no size; its members would never find each other.`
          : `Cluster ${def.name}: the discovery token at ${url} says ${size} members, but the cluster has ${bootstrapping.length}.`,
        { url, cluster: def.name, size, expected: bootstrapping.length },
      )
    }
  }

  /** The members registered under a cluster's token (oldest first), read through the engine. */
  registry(def: ClusterDefinition): Promise<RegistryEntry[]> {
    if (!def.discovery) return Promise.resolve([])
    return listRegistry(def.discovery)
  }

  /**
   * The Keys tab's "Discovery registry": every key under the cluster's token, read from the
   * discovery etcd when it runs (null for a static cluster). Read-only: it never starts one.
   */
  registryView(def: ClusterDefinition): Promise<DiscoveryRegistryView | null> {
    return readRegistryView(def, this.etcd.isRunning ? this.etcd.endpoint : null)
  }

  /** The discovery side of the Commands tab: the discovery etcd, the token's curl, the listing. */
  async commands(def: ClusterDefinition, etcdctl: string): Promise<DiscoveryCommands | undefined> {
    const d = def.discovery
    if (!d) return undefined
    // The commands still show without the registry's entries; why they are missing is logged.
    const entries = this.etcd.isRunning
      ? await this.registry(def).catch((error: unknown) => {
          this.deps.log.warn(
            { cluster: def.name, err: error },
            'reading the discovery registry failed',
          )
          return null
        })
      : null
    const ctl = (...args: string[]) => shellCommand(etcdctl, [`--endpoints=${d.endpoint}`, ...args])
    return {
      etcd: this.etcd.command ?? '(the discovery etcd has not been started in this data directory)',
      createToken:
        d.protocol === 'v2'
          ? shellCommand('curl', [
              '-X',
              'PUT',
              `${v2DiscoveryUrlOf(d)}/_config/size`,
              '-d',
              `value=${d.size}`,
            ])
          : ctl('put', sizeKeyOf(d.token), String(d.size)),
      listRegistry:
        d.protocol === 'v2'
          ? shellCommand('curl', ['-s', `${v2DiscoveryUrlOf(d)}?recursive=true`])
          : ctl('get', '--prefix', registryKeyOf(d.token)),
      entries,
    }
  }

  /** Stops the discovery etcd once no discovery cluster is left (after a delete). */
  async stopIfUnused(): Promise<void> {
    if (!this.deps.isNeeded()) await this.etcd.stop()
  }

  /** Engine close: stops it, or leaves it for the next engine with the members kept running. */
  async close(keepRunning: boolean): Promise<void> {
    if (keepRunning && this.deps.isNeeded()) this.etcd.release()
    else await this.etcd.stop()
  }

  private async ensureRunning(binary: EtcdBinary, needsV2: boolean): Promise<void> {
    const system = await this.deps.systemEtcd().catch((error: unknown) => {
      this.deps.log.warn({ err: error }, 'the system etcd could not be described for discovery')
      return null
    })
    const binaries = system ? [binary, system] : [binary]
    await this.etcd.ensure(binaries, needsV2, this.deps.takenPorts())
  }

  private endpoint(): string {
    const endpoint = this.etcd.endpoint
    if (!endpoint) throw new Error('the discovery etcd has no port')
    return endpoint
  }

  /** True when a member has never started (etcd writes `member/` into its data dir at bootstrap). */
  private async hasNoData(def: ClusterDefinition, m: ClusterDefinition['members'][number]) {
    const dir = join(this.deps.layout.memberDataDir(def.name, memberFolder(m)), 'member')
    return access(dir).then(
      () => false,
      () => true,
    )
  }
}
