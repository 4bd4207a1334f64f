import type { TFunction } from 'i18next'
import type { ErrorData } from '../../../../shared/result'
import { engineWordsText } from '../../i18n/engine-words'

/** Short "label: value" facts from an error's detail (port, member, holder process…). */
export function errorFacts(error: ErrorData, t: TFunction<'shared'>): string[] {
  switch (error.code) {
    case 'PORT_IN_USE': {
      const d = error.detail
      if (!d) return []
      const owner = d.owner
        ? t('facts.owner', { command: d.owner.command || t('facts.aProcess'), pid: d.owner.pid })
        : null
      return [
        t('facts.member', { member: d.member }),
        t('facts.port', { port: d.port, kind: d.kind }),
        ...(d.usedBy ? [t('facts.usedBy', { cluster: d.usedBy })] : []),
        ...(owner ? [t('facts.heldBy', { owner })] : []),
      ]
    }
    case 'START_TIMEOUT':
    case 'MEMBER_CRASHED':
    case 'MEMBER_RUNNING':
    case 'MEMBER_NOT_RUNNING':
    case 'MEMBER_NOT_FOUND':
      return error.detail ? [t('facts.member', { member: error.detail.member })] : []
    case 'KEY_CONFLICT':
      return error.detail
        ? [t('facts.modRevision', { revision: error.detail.currentModRevision })]
        : []
    case 'PERMISSION_DENIED': {
      const d = error.detail
      if (!d) return []
      return [
        ...(d.user ? [t('facts.user', { user: d.user })] : []),
        ...(d.key ? [t('facts.key', { key: d.key })] : []),
        ...(d.permission ? [t('facts.permission', { permission: d.permission })] : []),
      ]
    }
    case 'AUTH_FAILED':
    case 'USER_NOT_FOUND':
    case 'USER_EXISTS':
      return error.detail ? [t('facts.user', { user: error.detail.user })] : []
    case 'WEAK_PASSWORD': {
      const d = error.detail
      if (!d) return []
      const reason = engineWordsText(t as unknown as TFunction)(d.reasonWords, d.reason)
      return [t('facts.user', { user: d.user }), t('facts.it', { reason })]
    }
    case 'ROLE_NOT_FOUND':
    case 'ROLE_EXISTS':
      return error.detail ? [t('facts.role', { role: error.detail.role })] : []
    case 'CLUSTER_BUSY':
      return error.detail ? [t('facts.running', { label: error.detail.label })] : []
    default:
      return upgradeFacts(error, t)
  }
}

/** Facts of the version-change errors: versions, the safe hops, the member that failed. */
function upgradeFacts(error: ErrorData, t: TFunction<'shared'>): string[] {
  switch (error.code) {
    case 'UPGRADE_PATH_UNSAFE': {
      const d = error.detail
      if (!d) return []
      return [
        t('facts.membersRun', { versions: d.from.join(', ') }),
        t('facts.target', { target: d.target }),
        ...(d.hops ? [t('facts.safePath', { hops: d.hops.join(t('facts.then')) })] : []),
      ]
    }
    case 'DOWNGRADE_UNSUPPORTED':
      return error.detail?.snapshotId
        ? [t('facts.snapshotBefore', { id: error.detail.snapshotId })]
        : []
    case 'ALARMS_ACTIVE':
      return error.detail ? [t('facts.alarms', { alarms: error.detail.alarms.join(', ') })] : []
    case 'DISCOVERY_FULL':
    case 'DISCOVERY_SIZE_MISMATCH':
    case 'DISCOVERY_UNREACHABLE':
    case 'DISCOVERY_UNAVAILABLE': {
      const d = error.detail
      if (!d) return []
      return [
        ...(d.member ? [t('facts.member', { member: d.member })] : []),
        t('facts.discoveryUrl', { url: d.url }),
        ...('expected' in d
          ? [t('facts.size', { size: d.size ?? t('facts.missing'), expected: d.expected })]
          : []),
        ...(d.reason ? [t('facts.said', { reason: d.reason })] : []),
      ]
    }
    case 'CONNECTION_FAILED':
      return (
        error.detail?.problems.map(
          (p) =>
            `${p.endpoint}: ${engineWordsText(t as unknown as TFunction)(p.problemWords, p.words)}`,
        ) ?? []
      )
    case 'CONNECTION_FILE_INVALID':
      return error.detail
        ? [
            t('facts.file', { file: error.detail.file }),
            t('facts.it', { reason: error.detail.reason }),
          ]
        : []
    case 'TLS_MEMBER_FAILED': {
      const d = error.detail
      if (!d) return []
      return [
        t('facts.member', { member: d.member }),
        t('facts.phase', { phase: d.phase }),
        d.reverted ? t('facts.reverted') : t('facts.checkMembers'),
      ]
    }
    case 'LEARNER_UPDATE_UNSAFE':
      return error.detail
        ? [
            t('facts.learner', { member: error.detail.member }),
            t('facts.etcd', { version: error.detail.version }),
          ]
        : []
    case 'MEMBER_UPGRADE_FAILED': {
      const d = error.detail
      if (!d) return []
      return [
        t('facts.member', { member: d.member }),
        t('facts.newVersion', { version: d.version }),
        d.rolledBackTo
          ? t('facts.runsAgainOn', { version: d.rolledBackTo })
          : t('facts.notRolledBack'),
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
