import { useEffect, useEffectEvent, useRef } from 'react'

/**
 * A `<dialog>` ref shown as a modal while `open` is true and closed when it turns false. `onOpen`
 * runs just before each showing, so a dialog can clear what its last use left in its fields.
 */
export function useModalDialog(open: boolean, onOpen?: () => void) {
  const ref = useRef<HTMLDialogElement>(null)
  // An effect event: a new `onOpen` each render must not show the dialog again, only `open` does.
  const opening = useEffectEvent(() => onOpen?.())
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) {
      opening()
      d.showModal()
    } else if (!open && d.open) d.close()
  }, [open])
  return ref
}
