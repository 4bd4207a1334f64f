import { describe, expect, it } from 'vitest'
import { japaneseMessage, japaneseWords } from '../../helpers/engine-words-japanese'
import { TLS_SWITCH_PHASES } from '../../../src/shared/tls-switch'
import { say } from '../../../src/main/maintenance/maintenance-words'
import { english } from '../../../src/main/words/english'
import { words, type EngineWordsKey } from '../../../src/shared/engine-words/engine-words'

// The English the engine wrote before its words moved into the catalogue: integration tests and
// the engine log read exactly these sentences.
const CASES: [EngineWordsKey, Record<string, string | number>, string][] = [
  [
    'engine-steps-maintenance:label.defragment',
    { cluster: 'maint' },
    'Defragmenting cluster maint',
  ],
  [
    'engine-steps-maintenance:label.moveVersion',
    { cluster: 'demo', version: '3.4.23' },
    'Moving cluster demo to etcd 3.4.23',
  ],
  [
    'engine-steps-maintenance:label.authEnable',
    { cluster: 'ops' },
    'Enabling authentication on ops',
  ],
  [
    'engine-steps-maintenance:step.streamedBytes',
    { member: 'etcd2', bytes: '3.0 MB' },
    'streaming the snapshot of etcd2: 3.0 MB',
  ],
  [
    'engine-steps-maintenance:step.defragmentingLeader',
    { member: 'etcd1' },
    'defragmenting etcd1 (the leader at the start)',
  ],
  [
    'engine-steps-maintenance:note.defragmented',
    { member: 'etcd2', before: '1.2 MB', after: '24 kB', ms: 80 },
    'etcd2: 1.2 MB → 24 kB in 80 ms',
  ],
  [
    'engine-steps-maintenance:note.restoredKeysSaved',
    { keys: '301', revision: '305', saved: '302' },
    '301 keys at revision 305 (the snapshot was saved at revision 302)',
  ],
  [
    'engine-steps-maintenance:note.fillRefused',
    { keys: 40, bytes: '4.0 MB' },
    'etcd refused a write after 40 keys (4.0 MB): database space exceeded, NOSPACE alarm raised',
  ],
  [
    'engine-steps-maintenance:note.swapped',
    { member: 'etcd3', from: '3.4.23', to: '3.5.16', seconds: '2.4' },
    'etcd3: etcd 3.4.23 → 3.5.16, healthy and caught up in 2.4 s',
  ],
  [
    'engine-steps-maintenance:note.phaseDone.peers',
    { member: 'etcd2', seconds: '3.1' },
    'etcd2: moving its peer URL to https (member update), then restarting — done in 3.1 s',
  ],
  [
    'engine-steps-maintenance:note.rootRoleKept',
    { role: 'root' },
    'role root already exists (kept from an earlier enable)',
  ],
  [
    'engine-steps-maintenance:note.authAlreadyOn',
    {},
    "authentication was already on: root's password checked with etcd",
  ],
]

describe('engine-steps-maintenance words', () => {
  it.each(CASES)('%s is the English the engine always wrote', (key, values, sentence) => {
    expect(english(words(key, values))).toBe(sentence)
  })

  it.each(CASES)('%s has a Japanese message naming the same values', (key, values) => {
    const message = japaneseMessage(key)
    expect(message, `${key} in ja/engine-steps-maintenance.json`).toMatch(
      /[\u3040-\u30ff\u4e00-\u9fff]/,
    )
    for (const name of Object.keys(values)) expect(message).toContain(`{{${name}}}`)
  })

  it('names the TLS switch phase it continues in, in Japanese too', () => {
    expect(english(say('note.continuingTls', { phase: 'https-only' }))).toBe(
      'continuing in phase https-only',
    )
    for (const phase of TLS_SWITCH_PHASES) {
      const japanese = japaneseWords(say('note.continuingTls', { phase }))
      expect(japanese).toMatch(/^フェーズ「[^$]+」から続けます$/)
      expect(japanese).not.toContain(phase)
    }
  })

  it('say() makes the same words as words() with the namespace', () => {
    expect(say('step.compacting', { revision: '12' })).toEqual(
      words('engine-steps-maintenance:step.compacting', { revision: '12' }),
    )
    expect(say('note.noAlarm')).toEqual({ key: 'engine-steps-maintenance:note.noAlarm' })
  })

  it('passes commands and etcd error messages through unescaped, as they were written', () => {
    const args = "member update 8e9e05c52164694d --peer-urls=https://127.0.0.1:2380 'a&b'"
    expect(english(say('step.etcdctl', { args }))).toBe(`etcdctl ${args}`)
    const error = 'etcdserver: leader changed (3 < "4")'
    expect(english(say('note.leadershipNotMoved', { to: 'etcd2', error, from: 'etcd1' }))).toBe(
      `could not move leadership to etcd2 (${error}); defragmenting etcd1 as the leader`,
    )
  })
})
