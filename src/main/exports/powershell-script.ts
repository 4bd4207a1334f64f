import type { ClusterDefinition } from '../../shared/cluster'
import { endpointsOf } from '../cluster/etcd-flags'
import { exportArgs, pathsUnder } from './export-flags'
import type { ExportTexts } from './export-texts'

/** One PowerShell single-quoted string (a quote is doubled; nothing else is special inside). */
function psString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/**
 * start-cluster.ps1 and stop-cluster.ps1: the bash scripts' twins for Windows (PowerShell 5.1 and
 * 7). Same flags and relative paths. Start-Process joins its argument list with spaces without
 * quoting, which is safe here: cluster and member names, ports and relative paths hold no space.
 */
export function powershellScripts(
  def: ClusterDefinition,
  texts: ExportTexts,
): Record<string, string> {
  const paths = pathsUnder('', def.tls === true)
  const starts = def.members.map((m) => {
    const args = exportArgs(def, m, paths).map(psString).join(', ')
    return `Start-Member ${psString(m.name)} @(${args})`
  })
  const tls = def.tls
    ? ' --cacert=tls\\ca.crt --cert=tls\\clients\\etcdctl.crt --key=tls\\clients\\etcdctl.key'
    : ''
  const start = `# ${texts.title}
# ${texts.origin}
# Starts every member in the background, data in data\\<member>, output in logs\\<member>.log.
# etcd: etcd.exe on PATH, or $env:ETCD_BIN = 'C:\\path\\to\\etcd.exe' (etcd ${def.resolvedVersion}).
# Stop: .\\stop-cluster.ps1 (Windows has no SIGTERM: etcd is stopped at once).
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$EtcdBin = if ($env:ETCD_BIN) { $env:ETCD_BIN } else { 'etcd' }
New-Item -ItemType Directory -Force -Path data, logs, run | Out-Null

function Start-Member([string]$Name, [string[]]$Arguments) {
  $PidFile = Join-Path 'run' "$Name.pid"
  if ((Test-Path $PidFile) -and (Get-Process -Id (Get-Content $PidFile) -ErrorAction SilentlyContinue)) {
    Write-Host "$Name already runs (pid $(Get-Content $PidFile))"
    return
  }
  $Process = Start-Process -FilePath $EtcdBin -ArgumentList $Arguments -WorkingDirectory $PSScriptRoot \`
    -RedirectStandardError (Join-Path 'logs' "$Name.log") -RedirectStandardOutput (Join-Path 'logs' "$Name.out.log") \`
    -NoNewWindow -PassThru
  Set-Content -Path $PidFile -Value $Process.Id
  Write-Host "started $Name (pid $($Process.Id)), log: logs\\$Name.log"
}

${starts.join('\n')}

Write-Host ''
Write-Host 'Check: etcdctl --endpoints=${endpointsOf(def)}${tls} endpoint health'
Write-Host 'Stop:  .\\stop-cluster.ps1'
`
  const stop = `# ${texts.title}
# Stops the members start-cluster.ps1 started, by their pid files in run\\.
Set-Location -LiteralPath $PSScriptRoot
Get-ChildItem -Path run -Filter *.pid -ErrorAction SilentlyContinue | ForEach-Object {
  $MemberPid = [int](Get-Content $_.FullName)
  Stop-Process -Id $MemberPid -ErrorAction SilentlyContinue
  Write-Host "stopped $($_.BaseName) (pid $MemberPid)"
  Remove-Item $_.FullName
}
`
  return { 'start-cluster.ps1': start, 'stop-cluster.ps1': stop }
}
