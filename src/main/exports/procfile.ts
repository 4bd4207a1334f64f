import type { ClusterDefinition } from '../../shared/cluster'
import { shellCommand } from '../../shared/shell-words'
import { exportArgs, pathsUnder } from './export-flags'
import type { ExportTexts } from './export-texts'

/**
 * A Procfile for goreman, like the one in etcd's own repository: one line per member, the process
 * named after it. goreman runs each line with `sh -c` in the folder it is started in, so the
 * words are POSIX-quoted and the paths relative to the export folder.
 */
export function procfile(def: ClusterDefinition, texts: ExportTexts): string {
  const paths = pathsUnder('', def.tls === true)
  const lines = def.members.map(
    (m) => `${processName(m.name)}: ${shellCommand('etcd', exportArgs(def, m, paths))}`,
  )
  return `# ${texts.title}
# ${texts.origin}
# Use goreman to run \`go install github.com/mattn/goreman@latest\`, then in this folder:
#   goreman -f Procfile start
# etcd ${def.resolvedVersion} must be on PATH as etcd (or change "etcd" below).

${lines.join('\n')}
`
}

/** A goreman process name for a member: goreman takes letters, digits, '_' and '-' only. */
function processName(member: string): string {
  return member.replace(/[^A-Za-z0-9_-]/g, '_')
}
