import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('keys')
  const tree = useMemo(
    () => (decoded?.fields ? fieldTreeLines(decoded.fields, KUBERNETES_OBJECT_FIELDS) : null),
    [decoded],
  )
  if (!decoded) return <p className="value-body__note">{t('kubernetes.notKubernetes')}</p>
  const { metadata } = decoded
  const facts: [string, string | null][] = [
    [t('kubernetes.kind'), decoded.kind || '—'],
    [t('kubernetes.apiVersion'), decoded.apiVersion || '—'],
    [t('kubernetes.name'), metadata.name],
    [t('kubernetes.namespace'), metadata.namespace],
    [t('kubernetes.uid'), metadata.uid],
    [t('kubernetes.resourceVersion'), metadata.resourceVersion],
    [t('kubernetes.contentType'), decoded.contentType || null],
    [t('kubernetes.contentEncoding'), decoded.contentEncoding || null],
  ]
  return (
    <div className="kubernetes-value">
      <dl className="kubernetes-value__type" aria-label={t('kubernetes.object')}>
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([term, value]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
      </dl>
      <p className="muted">{t('kubernetes.readOnly', { size: formatBytes(decoded.rawSize) })}</p>
      {tree ? (
        <pre className="value-body__text" aria-label={t('kubernetes.tree')}>
          {tree.lines.join('\n')}
        </pre>
      ) : (
        <p className="value-body__note">{t('kubernetes.notProtobuf')}</p>
      )}
      {tree && (tree.omitted > 0 || decoded.isTruncated) && (
        <p className="value-body__note">
          {tree.omitted > 0
            ? t('kubernetes.cutLines', { count: tree.omitted })
            : t('kubernetes.cut')}
        </p>
      )}
    </div>
  )
}
