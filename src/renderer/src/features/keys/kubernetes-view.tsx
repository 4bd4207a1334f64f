import { Fragment, useMemo } from 'react'
import { decodeKubernetesValue } from '../../../../shared/kubernetes-value'
import { fieldTreeLines, KUBERNETES_OBJECT_FIELDS } from '../../../../shared/proto-field-tree'
import { formatBytes } from '../shared/bytes'

/**
 * A Kubernetes protobuf value, read-only: its type (apiVersion, kind), the metadata every object
 * shares, and a field tree of the object decoded without its schema. Always plain text.
 */
export function KubernetesView(props: { value: Uint8Array }) {
  const decoded = useMemo(() => decodeKubernetesValue(props.value), [props.value])
  const tree = useMemo(
    () => (decoded?.fields ? fieldTreeLines(decoded.fields, KUBERNETES_OBJECT_FIELDS) : null),
    [decoded],
  )
  if (!decoded) return <p className="value-body__note">Not a Kubernetes protobuf value.</p>
  const { metadata } = decoded
  const facts: [string, string | null][] = [
    ['Kind', decoded.kind || '—'],
    ['API version', decoded.apiVersion || '—'],
    ['Name', metadata.name],
    ['Namespace', metadata.namespace],
    ['UID', metadata.uid],
    ['Resource version', metadata.resourceVersion],
    ['Content type', decoded.contentType || null],
    ['Content encoding', decoded.contentEncoding || null],
  ]
  return (
    <div className="kubernetes-value">
      <dl className="kubernetes-value__type" aria-label="Kubernetes object">
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([term, value]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
      </dl>
      <p className="muted">
        Read-only. The object ({formatBytes(decoded.rawSize)}) is decoded without its schema: field
        numbers, named only for the metadata every object shares, with strings where the bytes are
        text. Change Kubernetes objects through the API server (kubectl), not in etcd.
      </p>
      {tree ? (
        <pre className="value-body__text" aria-label="Field tree">
          {tree.lines.join('\n')}
        </pre>
      ) : (
        <p className="value-body__note">
          The object itself is not protobuf; see it as Text or Hex.
        </p>
      )}
      {tree && (tree.omitted > 0 || decoded.isTruncated) && (
        <p className="value-body__note">
          The tree is cut{tree.omitted > 0 ? ` (${tree.omitted} more lines)` : ''}: the object is
          very large. See it as Hex, or read it through the API server.
        </p>
      )}
    </div>
  )
}
