import type { CatalogueChip, Citation } from './types'

/**
 * Common accelerators with the figures of the reference (ai-diffusion-rule.md §2, "TPP / PD of common
 * chips"). Dense (non-sparse) throughput. Where the source lists a TPP that differs from the arithmetic
 * on its own throughput, the source's TPP is kept and the difference noted. Derived values are marked
 * `derived`; estimates of die area say so. Nothing here comes from outside the reference.
 */

const KELLY =
  "GitHub s-w-kelly/chip-export-controls src/data/chipData.js (vendor datasheets; die areas from NVIDIA blog/whitepaper, TechPowerUp, Tom's Hardware)"
const kelly = (note?: string): Citation => ({
  citation: KELLY,
  confidence: 'weak',
  ...(note ? { note } : {}),
})
const kellyDie = (estimate: boolean): Citation => ({
  citation: KELLY,
  confidence: 'weak',
  ...(estimate ? { note: 'Estimate (the source marks it "~").' } : {}),
})

export const CHIP_CATALOGUE: readonly CatalogueChip[] = [
  {
    id: 'nvidia-h100-sxm',
    vendor: 'NVIDIA',
    name: 'NVIDIA H100 SXM',
    aliases: ['H100', 'H100 SXM', 'H100-SXM'],
    precisions: [
      { label: 'FP16', tops: 989.5, bitLength: 16 },
      { label: 'FP8', tops: 1979, bitLength: 8 },
    ],
    dieArea: 814,
    throughputSource: {
      citation: `${KELLY}; the 15,832 TPP reference point used by commentators`,
      confidence: 'secondary',
    },
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-h100-pcie',
    vendor: 'NVIDIA',
    name: 'NVIDIA H100 PCIe',
    aliases: ['H100 PCIe'],
    precisions: [{ label: 'FP16', tops: 756.5, bitLength: 16 }],
    dieArea: 814,
    throughputSource: {
      citation:
        'Reference arithmetic: assumes H100 PCIe dense FP16 equals the H800 PCIe entry (756.5 → 12,104)',
      confidence: 'unconfirmed',
      note: 'Derived, not in any source the reference read. NOT CONFIRMED.',
    },
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-h100-nvl',
    vendor: 'NVIDIA',
    name: 'NVIDIA H100 NVL',
    aliases: ['H100 NVL'],
    tpp: 13364,
    dieArea: 814,
    throughputSource: kelly(
      'FP16 835.5 TFLOPS; the source lists TPP 13,364 (835.5 × 16 would be 13,368). Source value kept.',
    ),
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-h200-sxm',
    vendor: 'NVIDIA',
    name: 'NVIDIA H200 SXM',
    aliases: ['H200', 'H200 SXM'],
    precisions: [{ label: 'FP16', tops: 989.5, bitLength: 16 }],
    dieArea: 814,
    throughputSource: {
      citation: `${KELLY}; Tom's Hardware via gokawiil.com ("TPP score of 15,832")`,
      confidence: 'secondary',
    },
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-h200-nvl',
    vendor: 'NVIDIA',
    name: 'NVIDIA H200 NVL',
    aliases: ['H200 NVL'],
    tpp: 13364,
    dieArea: 814,
    throughputSource: kelly('FP16 835.5 TFLOPS; the source lists TPP 13,364. Source value kept.'),
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-h20',
    vendor: 'NVIDIA',
    name: 'NVIDIA H20',
    aliases: ['H20'],
    precisions: [
      { label: 'FP16', tops: 148, bitLength: 16 },
      { label: 'FP8', tops: 296, bitLength: 8 },
    ],
    dieArea: 814,
    throughputSource: kelly(),
    dieAreaSource: kellyDie(false),
    note: 'The source labels it 3A090.b.2, but its own numbers (TPP 2,368 < 2,400; PD 2.91 < 3.2) fall below both .b prongs. The April 2025 licence requirement for China was an is-informed action, not a 3A090 classification.',
  },
  {
    id: 'nvidia-h800-sxm',
    vendor: 'NVIDIA',
    name: 'NVIDIA H800 SXM',
    aliases: ['H800', 'H800 SXM'],
    precisions: [{ label: 'FP16', tops: 989.5, bitLength: 16 }],
    dieArea: 814,
    throughputSource: kelly(),
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-h800-pcie',
    vendor: 'NVIDIA',
    name: 'NVIDIA H800 PCIe',
    aliases: ['H800 PCIe'],
    precisions: [{ label: 'FP16', tops: 756.5, bitLength: 16 }],
    dieArea: 814,
    throughputSource: kelly(),
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-a100',
    vendor: 'NVIDIA',
    name: 'NVIDIA A100',
    aliases: ['A100', 'A100 SXM', 'A100 PCIe'],
    precisions: [
      { label: 'FP16', tops: 312, bitLength: 16 },
      { label: 'INT8', tops: 624, bitLength: 8 },
    ],
    dieArea: 826,
    throughputSource: {
      citation: `${KELLY}; Epoch note ("just above the 4800 line")`,
      confidence: 'secondary',
    },
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-a800',
    vendor: 'NVIDIA',
    name: 'NVIDIA A800',
    aliases: ['A800', 'A800 SXM', 'A800 PCIe'],
    precisions: [
      { label: 'FP16', tops: 312, bitLength: 16 },
      { label: 'INT8', tops: 624, bitLength: 8 },
    ],
    dieArea: 826,
    throughputSource: kelly(),
    dieAreaSource: kellyDie(false),
  },
  {
    id: 'nvidia-b100',
    vendor: 'NVIDIA',
    name: 'NVIDIA B100',
    aliases: ['B100'],
    precisions: [
      { label: 'FP16', tops: 1750, bitLength: 16 },
      { label: 'FP4', tops: 7000, bitLength: 4 },
    ],
    dieArea: 1628,
    throughputSource: kelly(),
    dieAreaSource: {
      citation: `${KELLY} (estimate from Tom's Hardware)`,
      confidence: 'weak',
      note: 'Estimate.',
    },
  },
  {
    id: 'nvidia-b200',
    vendor: 'NVIDIA',
    name: 'NVIDIA B200',
    aliases: ['B200'],
    precisions: [
      { label: 'FP16', tops: 2250, bitLength: 16 },
      { label: 'FP8', tops: 4500, bitLength: 8 },
      { label: 'FP4', tops: 9000, bitLength: 4 },
    ],
    dieArea: 1628,
    throughputSource: kelly(),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'nvidia-b300',
    vendor: 'NVIDIA',
    name: 'NVIDIA B300',
    aliases: ['B300'],
    precisions: [{ label: 'FP4', tops: 14000, bitLength: 4 }],
    dieArea: 1628,
    throughputSource: kelly(),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'amd-mi210',
    vendor: 'AMD',
    name: 'AMD Instinct MI210',
    aliases: ['MI210'],
    precisions: [{ label: 'FP16', tops: 181, bitLength: 16 }],
    dieArea: 790,
    throughputSource: kelly('The source marks it "NAC eligible", 3A090.b.'),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'amd-mi250x',
    vendor: 'AMD',
    name: 'AMD Instinct MI250X',
    aliases: ['MI250X'],
    precisions: [{ label: 'FP16', tops: 383, bitLength: 16 }],
    dieArea: 1580,
    throughputSource: kelly(),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'amd-mi300x',
    vendor: 'AMD',
    name: 'AMD Instinct MI300X',
    aliases: ['MI300X'],
    tpp: 20919,
    dieArea: 1017,
    throughputSource: kelly(
      'FP8 2,614.9 TFLOPS → 20,919 (the source\'s fp16 field "312" looks like a typo; TPP is derived from FP8).',
    ),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'amd-mi325x',
    vendor: 'AMD',
    name: 'AMD Instinct MI325X',
    aliases: ['MI325X'],
    tpp: 20919,
    dieArea: 1017,
    throughputSource: kelly(
      "Rounding conflict: 20,919 (s-w-kelly) vs 20,800 (Tom's Hardware: 1,300 TFLOPS × 16). The higher value is kept.",
    ),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'amd-mi350x',
    vendor: 'AMD',
    name: 'AMD Instinct MI350X',
    aliases: ['MI350X'],
    tpp: 36910,
    dieArea: 1017,
    throughputSource: kelly('FP4 9,227.5 TFLOPS → 36,910.'),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'amd-mi355x',
    vendor: 'AMD',
    name: 'AMD Instinct MI355X',
    aliases: ['MI355X'],
    tpp: 40265,
    dieArea: 1017,
    throughputSource: kelly('FP4 10,066.3 TFLOPS → 40,265.'),
    dieAreaSource: kellyDie(true),
  },
  {
    id: 'amd-mi308',
    vendor: 'AMD',
    name: 'AMD Instinct MI308 (China SKU)',
    aliases: ['MI308'],
    tpp: 2368,
    throughputSource: {
      citation: KELLY,
      confidence: 'unconfirmed',
      note: 'Specs not public; the source assumes the H20 figure as an estimate only. No die area, so the 3A090 outcome cannot be told.',
    },
  },
  {
    id: 'intel-gaudi-3',
    vendor: 'Intel',
    name: 'Intel Gaudi 3',
    aliases: ['Gaudi 3', 'Gaudi3'],
    precisions: [{ label: 'BF16/FP8', tops: 1835, bitLength: 16 }],
    throughputSource: {
      citation:
        "Throughput 1,835 TFLOPS from elblog.pl / avalanchenoticias [W]; TPP 1,835 × 16 is the reference author's arithmetic",
      confidence: 'derived',
      note: 'Derived TPP ≈ 29,360; no die area.',
    },
  },
  {
    id: 'google-tpu-v5p',
    vendor: 'Google',
    name: 'Google TPU v5p',
    aliases: ['TPU v5p'],
    precisions: [
      { label: 'BF16', tops: 459, bitLength: 16 },
      { label: 'INT8', tops: 918, bitLength: 8 },
    ],
    throughputSource: {
      citation:
        "Throughput from gentic.news, rooflinenotes.dev [W]; TPP is the reference author's arithmetic",
      confidence: 'derived',
      note: 'Derived TPP 7,344; no die area.',
    },
  },
]

function key(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
}

const INDEX = new Map<string, CatalogueChip>()
for (const chip of CHIP_CATALOGUE) {
  for (const k of [chip.id, chip.name, ...chip.aliases]) INDEX.set(key(k), chip)
}

/** A catalogue chip by id, name or alias (case-insensitive), or undefined. */
export function findCatalogueChip(ref: string): CatalogueChip | undefined {
  return INDEX.get(key(ref))
}
