export type DeskRole = 'preparer' | 'reviewer'

export interface DeskUser {
  name: string
  displayName: string
  role: DeskRole
  active: boolean
  createdAt: string
}

/** Who the session acts as; `registered: false` until the OS user is added to the desk. */
export interface CurrentUser {
  name: string
  displayName: string
  role: DeskRole
  registered: boolean
}
