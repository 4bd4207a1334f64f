import { useState } from 'react'
import { revisionAtRest } from '../clusters/operation'
import { usePush } from '../shared/use-push'

/**
 * The revision of the latest view of `cluster` the engine pushed while no operation ran on it
 * (null before the first). The engine pushes the view after every authentication change — on or
 * off, users, roles, root's password, browse as — whichever window made it, so a request keyed
 * on this is asked again after each.
 */
export function useRevisionAtRest(cluster: string): number | null {
  const [revision, setRevision] = useState<number | null>(null)
  usePush('cluster:changed', (view) => {
    if (view.definition.name !== cluster) return
    const atRest = revisionAtRest(view)
    if (atRest !== 'operation-running') setRevision(atRest)
  })
  return revision
}
