import { describe, expect, it } from 'vitest'
import { japaneseMessage } from '../../helpers/engine-words-japanese'
import { english } from '../../../src/main/words/english'
import { words, type EngineWordsKey } from '../../../src/shared/engine-words/engine-words'

// The English the engine wrote before its words moved into the catalogue: integration tests and
// the engine log read exactly these sentences.
const CASES: [EngineWordsKey, Record<string, string | number>, string][] = [
  ['engine-steps-cluster:label.startCluster', { cluster: 'demo' }, 'Starting cluster demo'],
  ['engine-steps-cluster:label.memberRestart', { member: 'etcd2' }, 'Restarting member etcd2'],
  [
    'engine-steps-cluster:label.memberLatencyAdd',
    { member: 'etcd3', ms: 200 },
    'Adding 200 ms to member etcd3',
  ],
  [
    'engine-steps-cluster:label.memberAddLearner',
    { member: 'etcd4' },
    'Adding member etcd4 as a learner',
  ],
  ['engine-steps-cluster:step.membersHealthy', { ready: 2, total: 3 }, '2 of 3 members healthy'],
  [
    'engine-steps-cluster:step.waitingForAnswer',
    { member: 'etcd1' },
    'waiting for etcd1 to answer (no quorum without more members)',
  ],
  [
    'engine-steps-cluster:step.waitingForSettle',
    { answer: 'unhealthy cluster', seconds: '4.8' },
    'etcd answers “unhealthy cluster”: it accepts membership changes once every member has been connected for 5 s; waiting (4.8 s)',
  ],
  [
    'engine-steps-cluster:note.addedLearnerAfterWait',
    { member: 'etcd4', id: '8e9e05c52164694d', seconds: '1.2' },
    'etcd added etcd4 as a learner (id 8e9e05c52164694d) after waiting 1.2 s',
  ],
  [
    'engine-steps-cluster:note.keptData',
    { member: 'etcd2', dir: '/data/demo/etcd2' },
    "kept etcd2's data in /data/demo/etcd2; a new etcd2 gets a fresh folder",
  ],
  [
    'engine-steps-cluster:note.resume.addRolledBack',
    { member: 'etcd4', cluster: 'demo' },
    'Rolled back adding member etcd4 to cluster demo: it could not start, so etcd removed it again.',
  ],
]

describe('engine-steps-cluster words', () => {
  it.each(CASES)('%s is the English the engine always wrote', (key, values, sentence) => {
    expect(english(words(key, values))).toBe(sentence)
  })

  it.each(CASES)('%s has a Japanese message naming the same values', (key, values) => {
    const message = japaneseMessage(key)
    expect(message, `${key} in ja/engine-steps-cluster.json`).toMatch(
      /[\u3040-\u30ff\u4e00-\u9fff]/,
    )
    for (const name of Object.keys(values)) expect(message).toContain(`{{${name}}}`)
  })

  it('passes an etcd error message through unescaped, as etcd wrote it', () => {
    const error = 'etcdserver: re-configuration failed due to not enough started members'
    expect(
      english(words('engine-steps-cluster:note.didNotStart', { member: 'etcd4', error })),
    ).toBe(`etcd4 did not start: ${error}`)
  })
})
