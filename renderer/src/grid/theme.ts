import { colorSchemeVariable, themeQuartz } from 'ag-grid-community'

/** One grid theme for the app; light or dark follows `data-ag-theme-mode` set from the OS setting. */
export const gridTheme = themeQuartz.withPart(colorSchemeVariable).withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
})
