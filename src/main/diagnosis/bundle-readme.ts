import type { DiagnosisFile } from '../../shared/diagnosis'
import { jsonText, type BundleEntry } from './bundle-entry'

/** What the README and manifest need to know of the bundle. */
export interface BundleFacts {
  cluster: string
  createdAt: string
  appVersion: string
  /** Every other file, as it will be written. */
  files: DiagnosisFile[]
  notes: string[]
}

/** The bundle's README.txt: what it is, what is left out on purpose, and what is in each file. */
export function readmeEntry(facts: BundleFacts): BundleEntry {
  const width = Math.max(...facts.files.map((f) => f.path.length), 'manifest.json'.length)
  const lines = [
    `etcd Desk diagnosis of cluster ${facts.cluster}`,
    `Made ${facts.createdAt} by etcd Desk ${facts.appVersion}.`,
    '',
    'What etcd maintainers ask for in a bug report: the cluster definition, versions, the',
    "member list, every member's status and alarms, a metrics sample, the last lines of each",
    "member's log, etcd Desk's engine log, and the etcdctl commands that reproduce the checks.",
    '',
    'Left out on purpose:',
    '- passwords (root and other users) and etcd Desk access tokens: never included;',
    '- private keys: never included; TLS certificates only as subject, issuer, names and',
    '  validity (certificates.json), not as files;',
    '- keys and values stored in etcd: not read.',
    'Logs are copied as written, with private key blocks and secret-named fields removed.',
    '',
    'Files:',
    ...facts.files.map((f) => `  ${f.path.padEnd(width)}  ${f.about}`),
    `  ${'manifest.json'.padEnd(width)}  Every file of this bundle with its size (machine-readable).`,
    '',
    ...(facts.notes.length > 0
      ? ['Not collected:', ...facts.notes.map((n) => `- ${n}`), '']
      : ['Everything was collected.', '']),
  ]
  return {
    path: 'README.txt',
    text: lines.join('\n'),
    about: 'What this bundle holds and leaves out.',
  }
}

/** manifest.json: every file of the bundle (README included) with its size and description. */
export function manifestEntry(facts: BundleFacts): BundleEntry {
  return {
    path: 'manifest.json',
    text: jsonText({
      cluster: facts.cluster,
      createdAt: facts.createdAt,
      appVersion: facts.appVersion,
      files: facts.files,
      notes: facts.notes,
    }),
    about: 'Every file of this bundle with its size (machine-readable).',
  }
}
