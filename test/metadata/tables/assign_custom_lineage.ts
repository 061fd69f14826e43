import type { FunctionCase, FunctionTable } from './types.js';

interface Flu {
  ha?: string | null;
  na?: string | null;
  seg4?: string;
  seg6?: string;
  other?: string;
  refs?: Record<number, string | null>;
  variants?: number[];
}

function fluInputs(flu: Flu): Record<string, string | null> {
  const inputs: Record<string, string | null> = {};
  for (let segment = 1; segment <= 8; segment += 1) {
    const reference = segment === 4 ? (flu.seg4 ?? 'h1_h1n1pdm') : segment === 6 ? (flu.seg6 ?? 'n1_h1n1pdm') : (flu.other ?? 'h1n1pdm');
    inputs[`reference_seg${segment}`] = flu.refs && segment in flu.refs ? flu.refs[segment] : reference;
    inputs[`variant_seg${segment}`] = flu.variants?.includes(segment) ? 'true' : 'false';
  }
  inputs.subtype_seg4 = flu.ha === undefined ? 'H1' : flu.ha;
  inputs.subtype_seg6 = flu.na === undefined ? 'N1' : flu.na;
  return inputs;
}

const c = (name: string, flu: Flu, expect: string | null): FunctionCase => ({ source: '§8.8', name, inputs: fluInputs(flu), expect });
const seasonal = { seg4: 'h1n1', seg6: 'h1n1', other: 'h1n1' };
const h3n2 = { ha: 'H3', na: 'N2', seg4: 'h3_h3n2', seg6: 'n2_h3n2', other: 'h3n2' };

export const table: FunctionTable = {
  function: 'assign_custom_lineage',
  field: 'lineage',
  inputs: ['subtype_seg4', 'subtype_seg6', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [`reference_seg${n}`, `variant_seg${n}`])],
  args: { pattern: '^(?:.*_)?(?P<info>[^_]+)$', capture_group: 'info', uppercase: true },
  cases: [
    c('all h1n1pdm', {}, 'H1N1pdm'),
    c('seg4 variant', { variants: [4] }, 'H1N1pdm (variant)'),
    c('seg2 h3n2', { refs: { 2: 'h3n2' } }, 'H1N1pdm reassortant'),
    c('seg2 missing', { refs: { 2: null } }, 'H1N1pdm'),
    c('seasonal h1n1', seasonal, 'H1N1'),
    c('seasonal + seg3 h3n2', { ...seasonal, refs: { 3: 'h3n2' } }, 'H1N1 reassortant'),
    c('seasonal + seg1 variant', { ...seasonal, variants: [1] }, 'H1N1 (variant)'),
    c('H3N2', h3n2, 'H3N2'),
    c('H3N2 + seg1 h1n1pdm', { ...h3n2, refs: { 1: 'h1n1pdm' } }, 'H3N2 reassortant'),
    c('H5N1', { ha: 'H5', na: 'N1', seg4: 'h5_h5n1', seg6: 'n1_h5n1', other: 'h5n1' }, null),
    c('H7N9', { ha: 'H7', na: 'N9', seg4: 'h7_h7n9', seg6: 'n9_h7n9', other: 'h7n9' }, null),
    { source: '§8.8', name: 'empty', inputs: {}, expect: null },
    c('missing HA subtype', { ha: null }, null),
    c('missing NA subtype', { na: null }, null),
    c('both subtypes missing', { ha: null, na: null }, null),
  ],
};
