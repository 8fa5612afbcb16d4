import { contextBridge, ipcRenderer } from 'electron'
import { buildHeadroomApi } from './api'
import { buildShellApi } from './print'

// Only bound closures cross the bridge; the renderer never receives ipcRenderer or any Node object.
contextBridge.exposeInMainWorld(
  'headroom',
  buildHeadroomApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
)

// The shell's own print-to-PDF (a file written by main where the user chooses); absent in a browser.
contextBridge.exposeInMainWorld(
  'headroomShell',
  buildShellApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
)
