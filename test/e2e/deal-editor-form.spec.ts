import { expect, test } from './fixtures'
import { ProjectsPage } from './pages/ProjectsPage'

/**
 * The deal editor tells a value not given from a value given but invalid: an invalid quantity or chip
 * figure is marked on its input with its message, computes no figures, and the save is refused with
 * wording that says to correct it, not to fill it in.
 */
test('deal editor: an invalid quantity is marked, computes nothing and is refused as invalid', async ({
  app,
}, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  await app.getByRole('button', { name: 'New deal' }).click()
  const editor = projects.editor
  await editor.fillDeal({
    name: 'Negative quantity',
    consignee: 'Sahyadri AI Labs Pvt',
    hq: 'IN',
    destination: 'IN',
    chip: 'nvidia-h100-sxm',
    quantity: 50,
  })
  const summary = editor.root.getByTestId('line-summary')
  const quantity = editor.field('Quantity (line 1)')
  // 50 × 15,832 TPP.
  await expect(summary).toContainText('line 791,600 TPP, 50.0 H100e')
  await expect(quantity).not.toHaveAttribute('aria-invalid', 'true')

  await quantity.fill('-50')
  await expect(quantity).toHaveAttribute('aria-invalid', 'true')
  await expect(quantity).toHaveAccessibleDescription('Quantity: a whole number of at least 1')
  // The chip's own figures stay; no line total is computed from the refused quantity.
  await expect(summary).toContainText('15,832 TPP each')
  await expect(summary).not.toContainText('line ')
  await expect(summary).not.toContainText('-791,600')
  // The determination panel does not call a value given but invalid "missing".
  const panel = app.getByRole('region', { name: /^Determination/ })
  await expect(panel).toContainText('To correct: line 1: quantity must be a whole number of at least 1')
  await expect(panel).not.toContainText('Missing:')
  await editor.root.getByRole('button', { name: 'Save draft' }).click()
  await expect(editor.root.getByRole('alert')).toHaveText(
    'Before saving, correct: line 1: quantity must be a whole number of at least 1.',
  )
  await testInfo.attach('invalid quantity', { body: await app.screenshot(), contentType: 'image/png' })

  // A missing value is still asked for as missing, and both are told apart in one sentence.
  await editor.field('Deal name').fill('')
  await expect(editor.root.getByRole('alert')).toHaveText(
    'Before saving, fill in: deal name. Correct: line 1: quantity must be a whole number of at least 1.',
  )

  // A custom chip's figure given but invalid is named by its label and marked too.
  await editor.field('Chip (line 1)').selectOption('__custom')
  await editor.field('Chip name').fill('Walk X1')
  await editor.field('TPP').fill('1600')
  await editor.field('Die area (mm²)').fill('-500')
  await expect(editor.field('Die area (mm²)')).toHaveAttribute('aria-invalid', 'true')
  await expect(editor.field('Die area (mm²)')).toHaveAccessibleDescription(
    'Die area: a positive number of mm²',
  )
  await expect(editor.root.getByRole('alert')).toContainText(
    'line 1: die area must be a positive number of mm²',
  )

  // The throughput as dense TOPS and bit length: each input, its message and the panel's lists say
  // the figure in the same words.
  await editor.field('TPP').fill('')
  await editor.field('Dense TOPS (or TFLOPS)').fill('800')
  const bitLength = editor.field('Bit length')
  await bitLength.fill('8.5')
  await expect(bitLength).toHaveAttribute('aria-invalid', 'true')
  await expect(bitLength).toHaveAccessibleDescription('Bit length: a whole number from 1 to 128')
  await expect(panel).toContainText('line 1: bit length must be a whole number from 1 to 128')
  await bitLength.fill('')
  await expect(panel).toContainText('Missing: line 1: TPP, or dense TOPS and bit length')
  await editor.field('Dense TOPS (or TFLOPS)').fill('')
  await editor.field('TPP').fill('1600')

  await editor.field('Die area (mm²)').fill('500')
  await quantity.fill('50')
  await editor.field('Deal name').fill('Negative quantity')
  await expect(quantity).not.toHaveAttribute('aria-invalid', 'true')
  await expect(editor.root.getByRole('alert')).toHaveCount(0)
  await expect(summary).toContainText('line 80,000 TPP')
})
