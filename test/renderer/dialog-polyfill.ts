/**
 * jsdom 26 has `<dialog>` but neither `showModal()` nor `close()`. This gives it what the window
 * relies on, as browsers do it (HTML spec, "dialog" and "close requests"): showModal opens and
 * focuses the first focusable (or autofocus) descendant; close gives focus back and fires `close`;
 * Escape fires a cancelable `cancel` at the topmost modal dialog and closes it unless prevented.
 * Inertness of the page behind is not emulated: the end-to-end specs check it in Chromium.
 */

const FOCUSABLE =
  '[autofocus], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]'

const modals: HTMLDialogElement[] = []
const openers = new WeakMap<HTMLDialogElement, Element | null>()

function firstFocusable(dialog: HTMLDialogElement): HTMLElement | null {
  const autofocus = dialog.querySelector<HTMLElement>('[autofocus]')
  return autofocus ?? dialog.querySelector<HTMLElement>(FOCUSABLE)
}

/** Installs showModal, close and Escape handling on jsdom's HTMLDialogElement. */
export function installDialogPolyfill(): void {
  const proto = HTMLDialogElement.prototype
  if (typeof proto.showModal === 'function') return
  proto.showModal = function (this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError')
    if (!this.isConnected)
      throw new DOMException('The dialog is not connected.', 'InvalidStateError')
    openers.set(this, document.activeElement)
    this.open = true
    modals.push(this)
    firstFocusable(this)?.focus()
  }
  proto.show = function (this: HTMLDialogElement) {
    this.open = true
  }
  proto.close = function (this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return
    this.open = false
    if (returnValue !== undefined) this.returnValue = returnValue
    const index = modals.indexOf(this)
    if (index >= 0) modals.splice(index, 1)
    const opener = openers.get(this)
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    this.dispatchEvent(new Event('close'))
  }
  // Bubble phase on window: a page that cancels the Escape keydown keeps its dialog open.
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    const top = modals.filter((d) => d.isConnected && d.open).at(-1)
    if (!top) return
    const cancel = new Event('cancel', { cancelable: true })
    if (top.dispatchEvent(cancel)) top.close()
  })
}
