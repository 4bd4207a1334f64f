/** Fields that search or filter what is shown, most specific first. */
const SEARCH_LIKE = [
  'input[type="search"]:not([disabled])',
  '[role="searchbox"]',
  'input[placeholder*="search" i]:not([disabled])',
  'input[placeholder*="filter" i]:not([disabled])',
]

/** The first search-like field inside `root` that is not in a hidden part (a kept tab), or null. */
function findSearchField(root: ParentNode): HTMLElement | null {
  for (const selector of SEARCH_LIKE) {
    const fields = root.querySelectorAll<HTMLElement>(selector)
    const field = [...fields].find((f) => f.closest('[hidden]') === null)
    if (field) return field
  }
  return null
}

/**
 * The "Find" command: focuses (and selects) the search field of the open dialog if one is open,
 * else of `area` (the current tab), else the first one in the window. True when a field was found.
 */
export function focusSearchField(area: HTMLElement | null): boolean {
  const dialogs = document.querySelectorAll<HTMLElement>('dialog[open], [role="dialog"]')
  const topDialog = dialogs[dialogs.length - 1]
  // Why: behind an open dialog nothing should take focus; the dialog is what the user works in.
  const field = topDialog
    ? findSearchField(topDialog)
    : ((area && findSearchField(area)) ?? findSearchField(document))
  if (!field) return false
  field.focus()
  if (field instanceof HTMLInputElement) field.select()
  return true
}
