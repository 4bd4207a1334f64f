import type { OperationReport } from '../../../../shared/cluster'
import { CopyButton } from '../shared/copy-button'

/** The last cluster operation (member add, remove, pause, upgrade …) as the commands to type. */
export function OperationCommands(props: { report: OperationReport | null }) {
  const { report } = props
  const commands = report?.commands ?? []
  return (
    <section aria-labelledby="operation-commands-title">
      <h3 id="operation-commands-title">Your last cluster operation as commands</h3>
      {report && commands.length > 0 ? (
        <>
          <p className="muted">
            {report.label}
            {report.isSuccess ? '' : ' (it failed)'}: the same, step by step.
          </p>
          {commands.map((command, i) => (
            <div key={i} className="command">
              <div className="command__head">
                <span>Step {i + 1}</span>
                <CopyButton text={command} label={`Copy step ${i + 1} of ${report.label}`} />
              </div>
              <pre className="command__text">{command}</pre>
            </div>
          ))}
        </>
      ) : (
        <p className="muted">
          Add, promote, remove, pause a member, make one the leader or upgrade etcd: the same steps
          as <code>etcdctl</code> commands appear here.
        </p>
      )}
    </section>
  )
}
