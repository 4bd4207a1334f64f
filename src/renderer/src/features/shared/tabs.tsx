/** One tab of a tab list. */
export interface TabItem<T extends string> {
  id: T
  label: string
}

/** Id of the tab panel a tab controls, so panels can point back with aria-labelledby. */
export function tabPanelId(scope: string, id: string): string {
  return `${scope}-panel-${id}`
}

/** Id of a tab button. */
export function tabId(scope: string, id: string): string {
  return `${scope}-tab-${id}`
}

/** An ARIA tab list: one tab is selected, arrow keys move between tabs. */
export function Tabs<T extends string>(props: {
  scope: string
  label: string
  tabs: readonly TabItem<T>[]
  selected: T
  onSelect: (id: T) => void
  className?: string
}) {
  const { scope, tabs, selected, onSelect } = props
  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    const index = tabs.findIndex((t) => t.id === selected)
    const next = tabs[(index + step + tabs.length) % tabs.length]
    if (!next) return
    onSelect(next.id)
    document.getElementById(tabId(scope, next.id))?.focus()
  }
  return (
    <div
      role="tablist"
      aria-label={props.label}
      className={props.className ?? 'tabs'}
      onKeyDown={onKeyDown}
    >
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={tabId(scope, tab.id)}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls={tabPanelId(scope, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}
