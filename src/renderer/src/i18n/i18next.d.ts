import type common from './locales/en/common.json'
import type desk from './locales/en/desk.json'
import type errors from './locales/en/errors.json'
import type settings from './locales/en/settings.json'
import type shared from './locales/en/shared.json'
import type diagnosis from './locales/en/diagnosis.json'
import type clusterExport from './locales/en/clusterExport.json'
import type metrics from './locales/en/metrics.json'
import type timeline from './locales/en/timeline.json'
import type logExplanations from './locales/en/logExplanations.json'
import type clusters from './locales/en/clusters.json'
import type createCluster from './locales/en/create-cluster.json'
import type memberStatus from './locales/en/member-status.json'
import type portTable from './locales/en/port-table.json'
import type membership from './locales/en/membership.json'
import type keys from './locales/en/keys.json'
import type probe from './locales/en/probe.json'
import type leases from './locales/en/leases.json'
import type keySearch from './locales/en/key-search.json'
import type commands from './locales/en/commands.json'
import type maintenance from './locales/en/maintenance.json'
import type upgrade from './locales/en/upgrade.json'
import type auth from './locales/en/auth.json'
import type certificates from './locales/en/certificates.json'
import type discovery from './locales/en/discovery.json'
import type transfer from './locales/en/transfer.json'
import type connections from './locales/en/connections.json'
import type logs from './locales/en/logs.json'

/**
 * Typed keys: t('…') and useTranslation('…') are checked against the English catalogues.
 * A new namespace (locales/en/<feature>.json) adds one line here.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: {
      connections: typeof connections
      logs: typeof logs
      transfer: typeof transfer
      discovery: typeof discovery
      certificates: typeof certificates
      auth: typeof auth
      upgrade: typeof upgrade
      maintenance: typeof maintenance
      commands: typeof commands
      'key-search': typeof keySearch
      leases: typeof leases
      probe: typeof probe
      keys: typeof keys
      membership: typeof membership
      'port-table': typeof portTable
      'member-status': typeof memberStatus
      'create-cluster': typeof createCluster
      clusters: typeof clusters
      common: typeof common
      desk: typeof desk
      errors: typeof errors
      settings: typeof settings
      shared: typeof shared
      metrics: typeof metrics
      timeline: typeof timeline
      logExplanations: typeof logExplanations
      diagnosis: typeof diagnosis
      clusterExport: typeof clusterExport
    }
  }
}
