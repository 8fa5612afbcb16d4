import { AllCommunityModule, ModuleRegistry, setupAgTestIds } from 'ag-grid-community'

ModuleRegistry.registerModules([AllCommunityModule])
// Stable `data-testid`s on rows and cells (keyed by our getRowId), so e2e tests find a cell by the
// domain id instead of counting DOM rows the grid may not have rendered.
setupAgTestIds()
