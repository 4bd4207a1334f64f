/**
 * The engine's notices (cluster warnings, start-up report lines, member exit reasons, connection
 * test words, export notes) come from the engine-notices catalogue: their English must stay the
 * sentences the engine wrote before, which integration tests and the engine log read.
 */
import { describe, expect, it } from 'vitest'
import { describeProblem } from '../../../src/main/connections/connection-problems'
import { startupReportOf } from '../../../src/main/engine/startup-report'
import { exportNotes } from '../../../src/main/exports/export-readme'
import { exitWords, restartFailedWords } from '../../../src/main/process/exit-words'
import { english } from '../../../src/main/words/english'
import { words, type EngineWordsKey } from '../../../src/shared/engine-words/engine-words'
import { japaneseWords as japanese } from '../../helpers/engine-words-japanese'
import { clusterDef } from '../exports/export-args'

// The English the engine wrote before its words moved into the catalogue.
const CASES: [EngineWordsKey, Record<string, string | number>, string][] = [
  [
    'engine-notices:warning.runRecordNotWritten',
    { message: 'EACCES: permission denied' },
    'etcd Desk could not record its running members (run.json): EACCES: permission denied. If etcd Desk stops unexpectedly, the next start will not find them; stop them before quitting.',
  ],
  [
    'engine-notices:startup.unreadable',
    { cluster: 'lab', error: 'cluster.json is not JSON' },
    'Cluster lab could not be read and is not shown: cluster.json is not JSON',
  ],
  [
    'engine-notices:startup.notChecked',
    { cluster: 'scarred', message: 'run.json is not a run record' },
    'Members of cluster scarred left running by the last run could not be checked (run.json is not a run record); stop any that still run before starting it.',
  ],
  [
    'engine-notices:startup.changeNotFinished',
    { cluster: 'demo', message: 'no quorum' },
    'A membership change of cluster demo left half done by the last run could not be finished: no quorum',
  ],
  [
    'engine-notices:startup.upgradeInterruptedStarted',
    {
      cluster: 'crashy',
      target: '3.5.16',
      where: 'etcd1 (3.5.16); etcd2, etcd3 (3.4.23)',
      member: 'etcd2',
      version: '3.4.23',
    },
    'The change of cluster crashy to etcd 3.5.16 was interrupted when etcd Desk last stopped: etcd1 (3.5.16); etcd2, etcd3 (3.4.23). etcd2, stopped half way through its swap, was started on etcd 3.4.23. Continue or abort it from Upgrade.',
  ],
  [
    'engine-notices:exit.restartFailed',
    { message: 'Member etcd2 of cluster demo did not become healthy in time.' },
    'automatic restart failed: Member etcd2 of cluster demo did not become healthy in time.',
  ],
]

describe('engine notices in English', () => {
  it.each(CASES)('%s says what the engine said before', (key, values, sentence) => {
    expect(english(words(key, values))).toBe(sentence)
  })

  it('names how a member exited, on purpose or not, as before', () => {
    const cases: [Parameters<typeof exitWords>, string][] = [
      [[null, { code: null, signal: 'SIGKILL' }], 'exited unexpectedly with signal SIGKILL'],
      [[null, { code: 2, signal: null }], 'exited unexpectedly with exit code 2'],
      [[null, { code: null, signal: null }], 'exited unexpectedly with an unknown status'],
      [['stopped', { code: 0, signal: null }], 'stopped (exit code 0)'],
      [['startTimedOut', { code: null, signal: 'SIGTERM' }], 'start timed out (signal SIGTERM)'],
      [['removed', { code: null, signal: null }], 'removed from the cluster (an unknown status)'],
      [
        ['killed', { code: null, signal: 'SIGKILL' }],
        'killed with SIGKILL from etcd Desk (signal SIGKILL)',
      ],
    ]
    for (const [[stop, exit], sentence] of cases)
      expect(english(exitWords(stop, exit))).toBe(sentence)
  })

  it('writes the start-up report as before, one and many members', () => {
    const outcome = (cluster: string, member: string, action: string, pid = 100) =>
      ({ cluster, member, pid, action }) as Parameters<typeof startupReportOf>[0][number]
    const report = startupReportOf(
      [
        outcome('demo', 'etcd1', 'adopted'),
        outcome('demo', 'etcd2', 'adopted'),
        outcome('demo', 'etcd3', 'adopted'),
        outcome('lab', 'etcd1', 'stopped'),
        outcome('lab', 'etcd2', 'gone'),
        outcome('lab', 'etcd3', 'gone'),
        outcome('lab', 'etcd4', 'not-ours', 4242),
      ],
      [words('engine-notices:startup.unreadable', { cluster: 'old', error: 'bad JSON' })],
    )
    expect(report?.lines).toEqual([
      'Cluster old could not be read and is not shown: bad JSON',
      'Adopted 3 members of cluster demo still running from the last run.',
      'Stopped 1 member of cluster lab left running by the last run.',
      '2 members of cluster lab running at the end of the last run had exited since.',
      'Process 4242, recorded for member etcd4 of cluster lab, is now another program; it was left alone.',
    ])
    expect(report?.lineWords.map(english)).toEqual(report?.lines)
    expect(english(words('engine-notices:startup.gone', { count: 1, cluster: 'x' }))).toBe(
      '1 member of cluster x running at the end of the last run had exited since.',
    )
    expect(startupReportOf([])).toBeNull()
  })

  it('keeps the connection test’s plain words', () => {
    const refused = describeProblem(new Error('14 UNAVAILABLE: connect ECONNREFUSED 127.0.0.1:1'))
    expect(refused.problem).toBe('connection-refused')
    expect(refused.words).toBe(
      'Nothing listens on that host and port: check the port (2379 by default) and that etcd runs.',
    )
    expect(refused.problemWords).toEqual(
      words('engine-notices:connectionProblem.connection-refused'),
    )
    const unknownCa = describeProblem(new Error('unable to verify the first certificate'))
    expect(unknownCa.words).toBe(
      'The server’s certificate is not signed by the CA given (unknown authority): choose the CA file that signed it.',
    )
  })

  it('keeps the export notes (README.txt stays English)', () => {
    const def = clusterDef('3.5.16', true)
    const learner = { ...def.members[2]!, isLearner: true, etcdVersion: '3.4.23' }
    const notes = exportNotes({ ...def, members: [def.members[0]!, def.members[1]!, learner] })
    expect(notes.map(english)).toEqual([
      'It starts a new, empty cluster with the same names, ports, token and flags (new member and cluster IDs); move keys with Import/Export or restore a snapshot.',
      'etcd3 start as voting members (learners are made with member add).',
      'The members run different etcd versions (3.5.16, 3.4.23).',
      "The certificates are valid for 127.0.0.1, ::1, localhost: give the members' hosts (systemd) and the export issues certificates for them from the cluster's CA.",
    ])
  })
})

describe('engine notices in Japanese', () => {
  it('translates the stop asked for inside an exit reason, and counts members', () => {
    expect(japanese(exitWords('startTimedOut', { code: null, signal: 'SIGTERM' }))).toBe(
      '起動がタイムアウト (シグナル SIGTERM)',
    )
    expect(japanese(exitWords(null, { code: 1, signal: null }))).toBe(
      '終了コード 1 で予期せず終了しました',
    )
    expect(japanese(restartFailedWords('boom'))).toBe('自動再起動に失敗しました: boom')
    expect(japanese(words('engine-notices:startup.adopted', { count: 1, cluster: 'demo' }))).toBe(
      '前回の実行から動き続けていたクラスタ demo のメンバー 1 台を引き継ぎました。',
    )
  })
})
