import type { ReactNode } from 'react'

/** What to show where there is nothing yet: a title, what to do next, and maybe an action. */
export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{props.title}</p>
      {props.children && <div className="empty-state__text">{props.children}</div>}
      {props.action && <div className="empty-state__action">{props.action}</div>}
    </div>
  )
}
