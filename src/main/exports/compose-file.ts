import { Document } from 'yaml'
import type { ClusterDefinition } from '../../shared/cluster'
import { memberVersionOf } from '../../shared/cluster-rules'
import { exportArgs, pathsUnder } from './export-flags'
import type { ExportTexts } from './export-texts'

/**
 * etcd's official image (etcd's release script pushes gcr.io/etcd-development/etcd:v<version>,
 * and the same to quay.io/coreos/etcd); its etcd is /usr/local/bin/etcd on 3.4 to 3.7.
 */
export const ETCD_IMAGE = 'gcr.io/etcd-development/etcd'

/** Where the binary is in the official image, and where the export mounts data and certificates. */
const IMAGE_ETCD = '/usr/local/bin/etcd'
const CONTAINER_DATA_DIR = '/var/lib/etcd'
const CONTAINER_TLS_ROOT = '/etc/etcd'

/**
 * docker-compose.yml: one service per member on the official image of the member's version.
 * Why host networking: the members keep the cluster's exact URLs (127.0.0.1 and its ports), so
 * the flags stay the app's and the certificates (made for 127.0.0.1 and localhost) stay valid;
 * on a compose network they would need new names and new certificates.
 */
export function composeFile(def: ClusterDefinition, texts: ExportTexts): string {
  const paths = pathsUnder(CONTAINER_TLS_ROOT, def.tls === true, CONTAINER_DATA_DIR)
  const services: Record<string, unknown> = {}
  for (const member of def.members) {
    services[member.name] = {
      image: `${ETCD_IMAGE}:v${memberVersionOf(def, member)}`,
      network_mode: 'host',
      command: [IMAGE_ETCD, ...exportArgs(def, member, paths)],
      volumes: [
        `./data/${member.name}:${CONTAINER_DATA_DIR}`,
        ...(def.tls ? [`./tls:${CONTAINER_TLS_ROOT}/tls:ro`] : []),
      ],
      restart: 'unless-stopped',
    }
  }
  const doc = new Document({ name: `etcd-${def.name}`, services })
  doc.commentBefore = [
    ` ${texts.title}`,
    ` ${texts.origin}`,
    ' Start: docker compose up -d    Logs: docker compose logs -f    Stop: docker compose down',
    ' Host networking (Linux; Docker Desktop needs host networking turned on): the members use',
    ' the same addresses and ports as in etcd Desk, so stop that cluster first.',
  ].join('\n')
  return doc.toString({ lineWidth: 0 })
}
