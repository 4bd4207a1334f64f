import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEtcdLogLine } from '../../../src/main/logs/zap-line-parser'
import { explainLogLine, LOG_EXPLANATION_IDS } from '../../../src/shared/log-explanations'

interface FixtureLine {
  expect: string | null
  line: string
  etcd?: string
}

const FIXTURES = join(__dirname, '../../fixtures/etcd-logs')
const load = (name: string): FixtureLine[] =>
  (JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { lines: FixtureLine[] }).lines

/** The entry that explains a line as the Logs view gets it (parsed by the engine's parser). */
const explain = (text: string) =>
  explainLogLine({ ...parseEtcdLogLine(text, '2026-12-01T00:00:00.000Z'), seq: 1, member: 'etcd1' })

const REAL = ['3.5.16-zap.json', '3.4.23-zap.json', '3.4.23-capnslog.json', 'etcdctl-client.json']

describe.each(REAL)('the log catalogue on real lines of %s', (file) => {
  const lines = load(file)
  it.each(lines.map((l) => [l.expect ?? 'nothing', l.line] as const))(
    'explains as %s: %s',
    (expected, line) => {
      expect(explain(line)?.id ?? 'nothing').toBe(expected)
    },
  )
})

describe('the log catalogue on lines built from etcd’s source (slow disk, overloaded network)', () => {
  it.each(load('from-source.json').map((l) => [l.expect, l.line] as const))(
    'explains as %s: %s',
    (expected, line) => {
      expect(explain(line)?.id).toBe(expected)
    },
  )
})

describe('the catalogue’s coverage', () => {
  const all = [...REAL, 'from-source.json'].flatMap(load)
  const explained = new Set(all.map((l) => l.expect).filter((id) => id !== null))

  it('covers what a learner meets, each topic on a real line of both versions', () => {
    const byVersion = (v: string) =>
      new Set(
        [...REAL.filter((f) => f.startsWith(v)).flatMap(load), ...load('etcdctl-client.json')]
          .filter((l) => !l.etcd || l.etcd === v)
          .map((l) => l.expect),
      )
    const learner = [
      'election-lost-leader',
      'election-elected-leader',
      'election-started',
      'peer-stream-lost',
      'peer-unreachable',
      'apply-took-too-long',
      'cluster-id-mismatch',
      'space-exceeded',
      'compaction-done',
      'compacted-revision',
      'member-removed-self',
    ]
    for (const version of ['3.4.23', '3.5.16']) {
      const seen = byVersion(version)
      expect(
        learner.filter((id) => !seen.has(id)),
        version,
      ).toEqual([])
    }
    expect(explained.has('election-pre-vote')).toBe(true)
    expect(explained.has('disk-slow-fdatasync')).toBe(true)
  })

  it('links every explanation to a page of etcd’s v3.5 documentation', () => {
    for (const line of all.filter((l) => l.expect !== null)) {
      expect(explain(line.line)?.docsUrl).toMatch(
        /^https:\/\/etcd\.io\/docs\/v3\.5\/[a-z-/]+\/(#[a-z0-9-]+)?$/,
      )
    }
  })

  it.each(['en', 'ja'])(
    'has the words of every entry in the %s catalogue, and no others',
    (lang) => {
      const file = join(
        __dirname,
        `../../../src/renderer/src/i18n/locales/${lang}/logExplanations.json`,
      )
      const words = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>
      expect(Object.keys(words).sort()).toEqual([...LOG_EXPLANATION_IDS].sort())
      for (const id of LOG_EXPLANATION_IDS) {
        expect(Object.keys(words[id] ?? {}).sort(), id).toEqual(['action', 'meaning', 'title'])
        expect(words[id]?.meaning?.length, id).toBeGreaterThan(20)
        expect(words[id]?.action?.length, id).toBeGreaterThan(5)
      }
    },
  )
})
