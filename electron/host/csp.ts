// One policy for the Electron session and the browser host.
export { CONTENT_SECURITY_POLICY } from '../security/csp'
