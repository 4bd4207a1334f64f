import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkMemberCommands, parseEtcdCommand } from '../../../src/shared/etcd-command-check'

/** The three commands of the tutorial the product grew from, typo included (etcd3's "etcd="). */
function tutorialCommands(): string[] {
  const text = readFileSync(
    new URL('../../fixtures/tutorial-three-members.txt', import.meta.url),
    'utf8',
  )
  return text.split(/^\$ /m).filter((c) => c.trim().startsWith('etcd'))
}

const fixed = (cmd: string): string =>
  cmd.replace('--initial-cluster etcd=', '--initial-cluster etcd1=')

describe('member command check', () => {
  it('finds the three tutorial commands', () => {
    expect(tutorialCommands()).toHaveLength(3)
  })

  it("rejects the tutorial's --initial-cluster typo, naming member and flag", () => {
    const issues = checkMemberCommands(tutorialCommands().map(parseEtcdCommand))
    expect(issues.length).toBeGreaterThan(0)
    expect(issues[0]).toMatchObject({ member: 'etcd3', flag: '--initial-cluster' })
    expect(issues[0]?.message).toContain('"etcd=http://localhost:2380" matches no member')
    expect(issues[0]?.message).toContain('did you mean etcd1?')
  })

  it('accepts the corrected commands', () => {
    expect(checkMemberCommands(tutorialCommands().map(fixed).map(parseEtcdCommand))).toEqual([])
  })

  it('reports a wrong peer URL and a different token', () => {
    const cmds = tutorialCommands().map(fixed)
    cmds[1] = cmds[1]!
      .replace('etcd2=http://localhost:12380', 'etcd2=http://localhost:12381')
      .replace('etcd-cluster-1', 'other')
    const messages = checkMemberCommands(cmds.map(parseEtcdCommand)).map((i) => i.message)
    expect(messages.some((m) => m.includes('etcd2 is at http://localhost:12381'))).toBe(true)
    expect(messages.some((m) => m.includes('--initial-cluster-token "other"'))).toBe(true)
  })

  it('parses --flag=value and --flag value forms', () => {
    const { flags } = parseEtcdCommand("etcd --name=a --data-dir '/tmp/x y' --force-new-cluster")
    expect(flags.get('name')).toBe('a')
    expect(flags.get('data-dir')).toBe('/tmp/x y')
    expect(flags.get('force-new-cluster')).toBe('true')
  })
})
