/** What the write probe saw during an operation, in one sentence. */
export function ProbeLine(props: { probe: { ok: number; failed: number } | null }) {
  const { probe } = props
  if (!probe) {
    return <p className="muted">The write probe did not run, so client impact was not measured.</p>
  }
  return (
    <p className={probe.failed > 0 ? 'field__issue' : 'muted'} role="status">
      Write probe meanwhile: {probe.ok} writes succeeded, {probe.failed} failed.
    </p>
  )
}
