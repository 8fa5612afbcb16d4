import { contextBridge, ipcRenderer } from 'electron'
import { buildHeadroomApi } from './api'

// Only bound closures cross the bridge; the renderer never receives ipcRenderer or any Node object.
contextBridge.exposeInMainWorld(
  'headroom',
  buildHeadroomApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
)
