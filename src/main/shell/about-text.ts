/** Versions shown in About. */
export interface AboutFacts {
  appVersion: string
  electron: string
  node: string
  chrome: string
  systemEtcd: { version: string; path: string } | null
  /** Versions the saved clusters run, by cluster. */
  clusterVersions: { cluster: string; version: string }[]
  installedReleases: string[]
}

/** The About text: etcd Desk, Electron, Node and the etcd binaries in use. */
export function aboutText(facts: AboutFacts): string {
  const lines = [
    `etcd Desk ${facts.appVersion}`,
    `Electron ${facts.electron} · Node ${facts.node} · Chromium ${facts.chrome}`,
    '',
    facts.systemEtcd
      ? `System etcd ${facts.systemEtcd.version} (${facts.systemEtcd.path})`
      : 'No etcd on PATH',
    facts.installedReleases.length > 0
      ? `Downloaded etcd releases: ${facts.installedReleases.join(', ')}`
      : 'No downloaded etcd releases',
  ]
  if (facts.clusterVersions.length > 0) {
    lines.push('', 'Clusters:')
    for (const { cluster, version } of facts.clusterVersions)
      lines.push(`  ${cluster}: etcd ${version}`)
  }
  return lines.join('\n')
}
