import type { ClusterSpec, ClusterView } from '../../../../shared/cluster'
import { validateAgainstClusters, type SpecIssue } from '../../../../shared/validate-cluster-spec'
import type { EngineWordsText } from '../../i18n/engine-words'

/** A spec issue with its words in the window's language. */
export interface DraftIssue extends SpecIssue {
  message: string
}

/** Everything wrong with a draft, checked in the window before anything is sent (as the engine does). */
export function draftIssues(
  spec: ClusterSpec,
  clusters: readonly ClusterView[],
  text: EngineWordsText,
): DraftIssue[] {
  return validateAgainstClusters(
    spec,
    clusters.map((c) => c.definition),
  ).map((issue) => ({ ...issue, message: text(issue.words, '') }))
}

/** The messages of the issues at one field path, joined; undefined when there are none. */
export function messageAt(issues: readonly DraftIssue[], path: string): string | undefined {
  const found = issues.filter((i) => i.path === path)
  return found.length > 0 ? found.map((i) => i.message).join(' ') : undefined
}
