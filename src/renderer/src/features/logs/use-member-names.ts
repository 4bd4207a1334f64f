import { useMemo, useState } from 'react'
import type { ListedMember } from '../../../../shared/cluster'
import { memberNamesById } from '../../../../shared/member-id-names'

/**
 * Member names by hex ID, from the cluster's member list (ClusterStatus.memberList). The last
 * known list is kept while the cluster is stopped, so the lines of the last run keep their names.
 */
export function useMemberNames(
  list: readonly ListedMember[] | undefined,
): ReadonlyMap<string, string> {
  const [known, setKnown] = useState<readonly ListedMember[]>([])
  // Derived state, adjusted while rendering (react.dev: "storing information from previous renders").
  if (list && list.length > 0 && list !== known) setKnown(list)
  return useMemo(() => memberNamesById(known), [known])
}
