import type { ErrorCode } from '../../../../shared/result'

/** What an error means for the user: a short title and the next step. */
export interface ErrorHint {
  title: string
  hint: string
}

/**
 * Every error code the engine can report, with what happened and what to do next. The Record type
 * makes a new ErrorCode without a hint a compile error.
 */
export const ERROR_HINTS: Record<ErrorCode, ErrorHint> = {
  INVALID_REQUEST: {
    title: 'The request was refused',
    hint: 'A value sent to the engine was not valid. Check the fields and try again.',
  },
  INVALID_SPEC: {
    title: 'The cluster settings are not valid',
    hint: 'Fix the fields marked below, then click Create again.',
  },
  PORT_IN_USE: {
    title: 'A port is already in use',
    hint: 'Stop the process holding the port, or choose other ports for this member.',
  },
  CLUSTER_EXISTS: {
    title: 'A cluster with this name already exists',
    hint: 'Choose another name, or delete the existing cluster first.',
  },
  CLUSTER_NOT_FOUND: {
    title: 'The cluster no longer exists',
    hint: 'It may have been deleted from another window. Pick another cluster from the list.',
  },
  MEMBER_NOT_FOUND: {
    title: 'The member no longer exists',
    hint: 'Reload the cluster list; the cluster may have been recreated.',
  },
  CLUSTER_RUNNING: {
    title: 'The cluster is running',
    hint: 'Click Stop all first, then try again.',
  },
  CLUSTER_NOT_RUNNING: {
    title: 'The cluster is not running',
    hint: 'Click Start all to start its members, then try again.',
  },
  CLUSTER_BUSY: {
    title: 'Another operation is running on this cluster',
    hint: 'Wait until it is done (the cluster header shows it), then try again.',
  },
  OPERATION_CANCELLED: {
    title: 'The operation was cancelled',
    hint: 'Something that must win (Stop all, delete, or quitting) cancelled it. Try again if you still want it.',
  },
  MEMBER_EXISTS: {
    title: 'A member with this name exists',
    hint: 'Choose another name for the new member.',
  },
  QUORUM_LOST: {
    title: 'This change would lose quorum',
    hint: 'Start the stopped members first, or remove a member that is down instead.',
  },
  CLUSTER_UNHEALTHY: {
    title: 'The cluster is not ready for a membership change',
    hint: 'etcd refuses changes until every member has been connected for about 5 s. Wait a moment and try again.',
  },
  LEARNER_NOT_IN_SYNC: {
    title: 'The learner has not caught up yet',
    hint: 'Make sure the learner runs, wait until its applied index is close to the leader’s, then promote it.',
  },
  TOO_MANY_LEARNERS: {
    title: 'The cluster already has a learner',
    hint: 'etcd 3.4 and 3.5 allow one learner at a time: promote or remove it first, or add this member as a voter.',
  },
  NOT_A_LEARNER: {
    title: 'The member is not a learner',
    hint: 'Only a learner can be promoted; this member already votes.',
  },
  NO_LEADER: {
    title: 'The cluster has no leader',
    hint: 'Start enough members for a quorum, wait for an election, then try again.',
  },
  NETWORK_FAULTS_OFF: {
    title: 'Network faults are off for this cluster',
    hint: 'Create a cluster with “Network faults” on to isolate members or add latency.',
  },
  SNAPSHOT_NOT_FOUND: {
    title: 'The snapshot no longer exists',
    hint: 'Save a new snapshot in the Maintenance tab, or pick another one.',
  },
  SNAPSHOT_INVALID: {
    title: 'The snapshot cannot be used',
    hint: 'The file is damaged or not an etcd snapshot. Save a new one.',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    title: 'The restore target is not empty',
    hint: 'A snapshot is restored into a new cluster only. Choose another name.',
  },
  MEMBER_RUNNING: {
    title: 'The member is already running',
    hint: 'Use Restart to start it again, or Stop it first.',
  },
  MEMBER_NOT_RUNNING: {
    title: 'The member is not running',
    hint: 'Click Start on its row first.',
  },
  UPGRADE_PATH_UNSAFE: {
    title: 'etcd cannot be changed to this version in one step',
    hint: 'Pick a version the Upgrade dialog offers, or take the hops it names (newest patch of this line first, then the next line).',
  },
  UPGRADE_AUTH_ENABLED: {
    title: 'Authentication is on',
    hint: 'etcd does not support a rolling 3.4 → 3.5 upgrade with authentication on. Turn it off first, or restore a snapshot into a new 3.5 cluster.',
  },
  DOWNGRADE_UNSUPPORTED: {
    title: 'etcd does not support this downgrade',
    hint: 'Pick a version one line down that etcd can go back to, or restore the snapshot taken before the upgrade into a new cluster (Maintenance tab).',
  },
  ALARMS_ACTIVE: {
    title: 'The cluster has active alarms',
    hint: 'Clear them in the Maintenance tab (free space, then disarm), then start the upgrade again.',
  },
  MEMBER_UPGRADE_FAILED: {
    title: 'A member did not come back on the new version',
    hint: 'The upgrade stopped there and that member was started on its old version again. Read its last log lines below; the other members are unchanged.',
  },
  NO_UPGRADE: {
    title: 'No upgrade to continue or stop',
    hint: 'It finished or was aborted meanwhile. Open Upgrade to start a new one.',
  },
  TLS_OFF: {
    title: 'This cluster does not use TLS',
    hint: 'It serves plain http, so it has no certificates. Use Enable TLS (Commands tab) to switch it without losing writes, or create a cluster with Secure with TLS.',
  },
  TLS_ALREADY_ON: {
    title: 'This cluster already uses TLS',
    hint: 'Its clients and peers use https. Rotate certificates (Commands tab) issues new ones from the same CA.',
  },
  TLS_SWITCH_UNSUPPORTED: {
    title: 'TLS cannot be turned on for this cluster',
    hint: 'Create a new cluster with Secure with TLS and move the keys over (snapshot, or export and import).',
  },
  TLS_SWITCH_PENDING: {
    title: 'Turning TLS on is not finished',
    hint: 'Finish it first: click Continue enabling TLS in the Commands tab.',
  },
  CONNECTION_FILE_INVALID: {
    title: 'A TLS file cannot be used',
    hint: 'Choose the file again: a CA or client certificate (PEM or DER) and an unencrypted private key (PKCS#1, PKCS#8 or SEC1).',
  },
  READ_ONLY: {
    title: 'This connection is read-only',
    hint: 'Nothing was sent. Turn read-only off in the connection’s settings to write to this cluster.',
  },
  CONNECTION_EXISTS: {
    title: 'That name is taken',
    hint: 'A connection or a local cluster already has this name; choose another.',
  },
  CONNECTION_NOT_FOUND: {
    title: 'No such connection',
    hint: 'It was deleted meanwhile (perhaps in another window).',
  },
  CONNECTION_PASSWORD_NEEDED: {
    title: 'The password is needed',
    hint: 'It is kept only for this session here (or could not be decrypted): enter it in the connection’s settings.',
  },
  CONNECTION_FAILED: {
    title: 'No endpoint answered',
    hint: 'Each endpoint’s problem is listed below. Test the connection again after fixing it.',
  },
  TLS_MEMBER_FAILED: {
    title: 'A member did not come back while TLS was turned on',
    hint: 'The switch stopped at that member; the others are unchanged. Read its last log lines below, fix the cause, then click Continue enabling TLS.',
  },
  LEARNER_UPDATE_UNSAFE: {
    title: 'A learner is in the way',
    hint: 'On this etcd, member update turns a learner into a voter without saying so. Promote the learner (Members tab) or remove it, then enable TLS.',
  },
  DISCOVERY_FULL: {
    title: 'The discovery token is full',
    hint: 'The registry already lists as many members as its size, so etcd refused one more (a token is single use). Delete this cluster and create it again: it gets a fresh token.',
  },
  DISCOVERY_SIZE_MISMATCH: {
    title: 'The discovery size does not fit the cluster',
    hint: 'The size saved under the token differs from the number of members (or is missing), so the members would wait for each other forever. Create the cluster again for a fresh token.',
  },
  DISCOVERY_UNREACHABLE: {
    title: 'The discovery service does not answer',
    hint: 'The members find each other through the discovery etcd at the URL shown. Check that nothing else took its port, then try again; or create the cluster with static bootstrap.',
  },
  DISCOVERY_UNAVAILABLE: {
    title: 'No discovery service for this version',
    hint: 'etcd 3.4 and 3.5 members need a discovery etcd of 3.5 or older (the v2 API). Use a 3.4/3.5 version for this cluster or the system etcd, or choose static bootstrap.',
  },
  ETCD_NOT_FOUND: {
    title: 'No etcd binary was found',
    hint: 'Install etcd (or put it on PATH) and restart etcd Desk, or choose another etcd version.',
  },
  ETCD_VERSION_UNSUPPORTED: {
    title: 'This etcd version is not supported',
    hint: 'Choose etcd 3.4 or newer in the etcd version field.',
  },
  ETCD_VERSION_CHANGED: {
    title: 'The etcd on PATH changed under this cluster',
    hint: 'Put the etcd version named above back on PATH, or create a new cluster with the etcd you have now.',
  },
  START_TIMEOUT: {
    title: 'The member did not become healthy in time',
    hint: 'Read the last log lines below (a port or data problem is usual), fix it, then click Start all.',
  },
  MEMBER_CRASHED: {
    title: 'The member exited while starting',
    hint: 'Read the exit reason and last log lines below, fix the cause, then start it again.',
  },
  STOP_TIMEOUT: {
    title: 'The member did not stop in time',
    hint: 'It was killed. Check its logs before starting it again.',
  },
  DATA_DIR_LOCKED: {
    title: 'Another etcd Desk uses this data directory',
    hint: 'Close the other etcd Desk (or browser-mode server), or start this one with another --data-dir.',
  },
  DATA_DIR_FOREIGN: {
    title: 'The data directory belongs to something else',
    hint: 'Choose an empty folder or one created by etcd Desk.',
  },
  DATA_DIR_UNWRITABLE: {
    title: 'The data directory cannot be written',
    hint: 'Check its permissions and free space, or choose another folder.',
  },
  KEY_NOT_FOUND: {
    title: 'The key does not exist',
    hint: 'It may have been deleted. Check the spelling, or create it with New key.',
  },
  AUTH_FAILED: {
    title: 'Wrong user name or password',
    hint: 'etcd refused the password for this user. Type it again, or set a new one as root (Access tab).',
  },
  PERMISSION_DENIED: {
    title: 'Permission denied',
    hint: 'The user lacks the permission named above. Grant it to one of their roles (Access tab), or browse as another user.',
  },
  USER_NOT_FOUND: {
    title: 'No such user',
    hint: 'The user may have been deleted (by etcdctl or another window). Refresh the Access tab.',
  },
  USER_EXISTS: {
    title: 'The user already exists',
    hint: 'Choose another name, or change this user’s password instead.',
  },
  ROLE_NOT_FOUND: {
    title: 'No such role',
    hint: 'Create the role first (Access tab), or pick one from the list.',
  },
  ROLE_EXISTS: {
    title: 'The role already exists',
    hint: 'Choose another name, or grant permissions to the existing role.',
  },
  AUTH_NOT_ENABLED: {
    title: 'Authentication is off',
    hint: 'Enable authentication in the Access tab first; with it off every client may do anything.',
  },
  ROOT_PASSWORD_NEEDED: {
    title: 'etcd Desk needs root’s password',
    hint: 'Authentication is on and root’s password is not known to this session. Enter it in the Access tab.',
  },
  WEAK_PASSWORD: {
    title: 'The password is too weak',
    hint: 'Use at least 8 characters that are not the user name.',
  },
  KEY_CONFLICT: {
    title: 'The key changed while you were editing it',
    hint: 'Your value was not saved. Compare with the current value, then overwrite or discard.',
  },
  LEASE_NOT_FOUND: {
    title: 'The lease does not exist',
    hint: 'It expired or was revoked (its keys went with it). Refresh the Leases tab.',
  },
  IMPORT_FILE_INVALID: {
    title: 'This file is not an etcd Desk export',
    hint: 'Choose a JSON Lines file made by Export (its first line names the format); the line named above is the first that is wrong.',
  },
  TRANSFER_CANCELLED: {
    title: 'Cancelled',
    hint: 'Nothing more was read or written. An import keeps the keys written before the cancel; run it again to finish.',
  },
  VALUE_TOO_LARGE: {
    title: 'The value is too large for etcd',
    hint: 'etcd refuses requests above its --max-request-bytes (1.5 MiB by default). Store a smaller value.',
  },
  ETCD_UNREACHABLE: {
    title: 'etcd did not answer',
    hint: 'Check that enough members are running for a quorum (Members tab), then retry.',
  },
  ETCD_REQUEST_FAILED: {
    title: 'etcd refused the request',
    hint: 'Read the message below; retry, or ask for fewer keys at a time.',
  },
  ENGINE_CLOSED: {
    title: 'etcd Desk is shutting down',
    hint: 'Wait for it to restart, then try again.',
  },
  RELEASE_NOT_FOUND: {
    title: 'This etcd release does not exist',
    hint: 'Choose another version from the list.',
  },
  PLATFORM_UNSUPPORTED: {
    title: 'This release has no build for this computer',
    hint: 'Choose another version, or install etcd yourself and use System etcd.',
  },
  DOWNLOAD_FAILED: {
    title: 'The download failed',
    hint: 'Check the network connection (or the release mirror) and try again.',
  },
  DOWNLOAD_CANCELLED: {
    title: 'The download was cancelled',
    hint: 'Start it again when you are ready.',
  },
  OFFLINE: {
    title: 'No network connection',
    hint: 'Connect to the network, or use an installed version or System etcd.',
  },
  CHECKSUM_MISMATCH: {
    title: 'The download is corrupt',
    hint: 'Its checksum does not match the release. Try again; if it persists, use another mirror.',
  },
  CHECKSUM_MISSING: {
    title: 'The release has no checksum',
    hint: 'etcd Desk installs verified archives only. Choose another version; for a local archive, give its SHA256SUMS, or confirm an unverified install if you trust it.',
  },
  ARCHIVE_INVALID: {
    title: 'The archive is not a valid etcd release',
    hint: 'Download it again or choose another version.',
  },
  DISK_FULL: {
    title: 'The disk is full',
    hint: 'Free some space (old clusters and releases take room), then try again.',
  },
  RELEASE_IN_USE: {
    title: 'This release is used by a cluster',
    hint: 'Delete the clusters that use this version (or wait for its install to finish), then remove it.',
  },
  FORBIDDEN: {
    title: 'This window may not talk to the engine',
    hint: 'Open etcd Desk from the URL the server printed (with its token), in a normal browser tab.',
  },
  DISCONNECTED: {
    title: 'The connection to etcd Desk was lost',
    hint: 'The window reconnects by itself; try again once the red banner is gone.',
  },
  INTERNAL: {
    title: 'Something went wrong',
    hint: 'Retry; if it keeps failing, check the engine output (the terminal running etcd Desk).',
  },
}

/** The title and next step for an error code. */
export function hintFor(code: ErrorCode): ErrorHint {
  return ERROR_HINTS[code]
}
