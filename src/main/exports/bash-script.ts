import type { ClusterDefinition } from '../../shared/cluster'
import { shellCommand } from '../../shared/shell-words'
import { exportArgs, pathsUnder } from './export-flags'
import { etcdctlLine, type ExportTexts } from './export-texts'

/**
 * start-cluster.sh: one etcd per member in the background (as etcd Desk runs them, from the export
 * folder, so data/, logs/ and tls/ are relative), its pid in run/<member>.pid; and
 * stop-cluster.sh, which stops them by those pid files (SIGTERM, then SIGKILL after 10 s).
 */
export function bashScripts(def: ClusterDefinition, texts: ExportTexts): Record<string, string> {
  const paths = pathsUnder('', def.tls === true)
  const starts = def.members.map((m) =>
    shellCommand('start_member', [m.name, ...exportArgs(def, m, paths)]),
  )
  const start = `#!/usr/bin/env bash
# ${texts.title}
# ${texts.origin}
# Starts every member in the background, data in data/<member>, output in logs/<member>.log.
# etcd: the one on PATH, or ETCD_BIN=/path/to/etcd ./start-cluster.sh (etcd ${def.resolvedVersion}).
# Stop: ./stop-cluster.sh (or kill "$(cat run/<member>.pid)").
set -euo pipefail
cd "$(dirname "$0")"
ETCD_BIN="\${ETCD_BIN:-etcd}"
if ! command -v "$ETCD_BIN" >/dev/null; then
  echo "etcd not found: put etcd ${def.resolvedVersion} on PATH or set ETCD_BIN" >&2
  exit 1
fi
version="$("$ETCD_BIN" --version | sed -n 's/^etcd Version: //p')"
case "$version" in
  ${lineGlob(def.resolvedVersion)}) ;;
  *) echo "warning: this cluster ran etcd ${def.resolvedVersion}, $ETCD_BIN is $version; flags differ between lines" >&2 ;;
esac
mkdir -p data logs run
${def.tls ? 'chmod 700 tls\n' : ''}
start_member() {
  local name="$1"
  shift
  if [ -f "run/$name.pid" ] && kill -0 "$(cat "run/$name.pid")" 2>/dev/null; then
    echo "$name already runs (pid $(cat "run/$name.pid"))"
    return
  fi
  "$ETCD_BIN" "$@" >>"logs/$name.log" 2>&1 &
  echo $! >"run/$name.pid"
  echo "started $name (pid $!), log: logs/$name.log"
}

${starts.join('\n')}

echo
echo "Check: ${etcdctlLine(def, 'tls').replace(/"/g, '\\"')} endpoint health"
echo "Stop:  ./stop-cluster.sh"
`
  const stop = `#!/usr/bin/env bash
# ${texts.title}
# Stops the members start-cluster.sh started, by their pid files in run/.
set -uo pipefail
cd "$(dirname "$0")"
for file in run/*.pid; do
  [ -e "$file" ] || continue
  pid="$(cat "$file")"
  name="$(basename "$file" .pid)"
  if kill -TERM "$pid" 2>/dev/null; then
    # Why 10 s: a leader hands leadership over before it exits; a hung member gets SIGKILL.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$file"
done
`
  return { 'start-cluster.sh': start, 'stop-cluster.sh': stop }
}

/** A case pattern matching the patches of a version's line ("3.5.16" → "3.5.*"). */
function lineGlob(version: string): string {
  return `${version.split('.').slice(0, 2).join('.')}.*`
}
