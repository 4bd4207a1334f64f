import type { ErrorData } from '../../../../shared/result'

/** Short "label: value" facts from an error's detail (port, member, holder process…). */
export function errorFacts(error: ErrorData): string[] {
  switch (error.code) {
    case 'PORT_IN_USE': {
      const d = error.detail
      if (!d) return []
      const owner = d.owner ? `${d.owner.command || 'a process'} (pid ${d.owner.pid})` : null
      return [
        `Member: ${d.member}`,
        `Port: ${d.port} (${d.kind})`,
        ...(d.usedBy ? [`Used by cluster: ${d.usedBy}`] : []),
        ...(owner ? [`Held by: ${owner}`] : []),
      ]
    }
    case 'START_TIMEOUT':
    case 'MEMBER_CRASHED':
    case 'MEMBER_RUNNING':
    case 'MEMBER_NOT_RUNNING':
    case 'MEMBER_NOT_FOUND':
      return error.detail ? [`Member: ${error.detail.member}`] : []
    case 'KEY_CONFLICT':
      return error.detail ? [`Current mod revision: ${error.detail.currentModRevision}`] : []
    case 'PERMISSION_DENIED': {
      const d = error.detail
      if (!d) return []
      return [
        ...(d.user ? [`User: ${d.user}`] : []),
        ...(d.key ? [`Key: ${d.key}`] : []),
        ...(d.permission ? [`Missing permission: ${d.permission}`] : []),
      ]
    }
    case 'AUTH_FAILED':
    case 'USER_NOT_FOUND':
    case 'USER_EXISTS':
      return error.detail ? [`User: ${error.detail.user}`] : []
    case 'ROLE_NOT_FOUND':
    case 'ROLE_EXISTS':
      return error.detail ? [`Role: ${error.detail.role}`] : []
    case 'CLUSTER_BUSY':
      return error.detail ? [`Running: ${error.detail.label}`] : []
    default:
      return upgradeFacts(error)
  }
}

/** Facts of the version-change errors: versions, the safe hops, the member that failed. */
function upgradeFacts(error: ErrorData): string[] {
  switch (error.code) {
    case 'UPGRADE_PATH_UNSAFE': {
      const d = error.detail
      if (!d) return []
      return [
        `Members run: ${d.from.join(', ')}`,
        `Target: ${d.target}`,
        ...(d.hops ? [`Safe path: ${d.hops.join(', then ')}`] : []),
      ]
    }
    case 'DOWNGRADE_UNSUPPORTED':
      return error.detail?.snapshotId
        ? [`Snapshot taken before the upgrade: ${error.detail.snapshotId}`]
        : []
    case 'ALARMS_ACTIVE':
      return error.detail ? [`Alarms: ${error.detail.alarms.join(', ')}`] : []
    case 'DISCOVERY_FULL':
    case 'DISCOVERY_SIZE_MISMATCH':
    case 'DISCOVERY_UNREACHABLE':
    case 'DISCOVERY_UNAVAILABLE': {
      const d = error.detail
      if (!d) return []
      return [
        ...(d.member ? [`Member: ${d.member}`] : []),
        `Discovery URL: ${d.url}`,
        ...('expected' in d ? [`Size: ${d.size ?? 'missing'} (members: ${d.expected})`] : []),
        ...(d.reason ? [`Said: ${d.reason}`] : []),
      ]
    }
    case 'CONNECTION_FAILED':
      return error.detail?.problems.map((p) => `${p.endpoint}: ${p.words}`) ?? []
    case 'CONNECTION_FILE_INVALID':
      return error.detail ? [`File: ${error.detail.file}`, `It ${error.detail.reason}`] : []
    case 'TLS_MEMBER_FAILED': {
      const d = error.detail
      if (!d) return []
      return [
        `Member: ${d.member}`,
        `Phase: ${d.phase}`,
        d.reverted ? 'It runs with its earlier flags again' : 'Check its state in the Members tab',
      ]
    }
    case 'LEARNER_UPDATE_UNSAFE':
      return error.detail
        ? [`Learner: ${error.detail.member}`, `etcd: ${error.detail.version}`]
        : []
    case 'MEMBER_UPGRADE_FAILED': {
      const d = error.detail
      if (!d) return []
      return [
        `Member: ${d.member}`,
        `New version: ${d.version}`,
        d.rolledBackTo
          ? `Runs again on: ${d.rolledBackTo}`
          : 'Not rolled back: check its state in the Members tab',
      ]
    }
    default:
      return []
  }
}

/** The last log lines attached to an error (a member that failed to start), if any. */
export function errorLogTail(error: ErrorData): string[] {
  if (error.code === 'MEMBER_UPGRADE_FAILED') return error.detail?.logTail ?? []
  if (error.code === 'DISCOVERY_FULL') return error.detail?.logTail ?? []
  if (error.code === 'TLS_MEMBER_FAILED') return error.detail?.logTail ?? []
  if (error.code !== 'START_TIMEOUT' && error.code !== 'MEMBER_CRASHED') return []
  return error.detail?.logTail ?? []
}
