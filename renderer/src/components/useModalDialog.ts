import { useEffect, useRef } from 'react'

/** A `<dialog>` ref shown as a modal while `open` is true and closed when it turns false. */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    else if (!open && d.open) d.close()
  }, [open])
  return ref
}
