// One symbol per shelter kind, told apart by shape, by a one-character glyph and by colour, so a
// person who cannot tell the colours apart (or reads a grey print-out) still can.

import { escapeHtml } from './html.js';

export const SHELTER_KINDS = ['evacuation_site', 'designated_shelter', 'welfare_shelter', 'child_welfare_shelter'];

export const SHELTER_SYMBOLS = {
  evacuation_site: { shape: 'circle', colour: '#00703C', glyph: { ja: '場', en: 'E' } },
  designated_shelter: { shape: 'square', colour: '#0B5CAD', glyph: { ja: '避', en: 'S' } },
  welfare_shelter: { shape: 'diamond', colour: '#B34700', glyph: { ja: '福', en: 'W' } },
  child_welfare_shelter: { shape: 'hexagon', colour: '#7B1FA2', glyph: { ja: '子', en: 'C' } },
};

const SIZE = 34;

function outline(shape) {
  switch (shape) {
    case 'circle':
      return '<circle cx="17" cy="17" r="14"/>';
    case 'square':
      return '<rect x="4" y="4" width="26" height="26" rx="2"/>';
    case 'diamond':
      return '<polygon points="17,1 33,17 17,33 1,17"/>';
    case 'hexagon':
      return '<polygon points="17,1 31,9 31,25 17,33 3,25 3,9"/>';
    default:
      throw new Error(`unknown symbol shape: ${shape}`);
  }
}

export function symbolFor(kind) {
  const symbol = SHELTER_SYMBOLS[kind];
  if (!symbol) {
    throw new Error(`unknown shelter kind: ${kind}`);
  }
  return symbol;
}

/**
 * An inline SVG for a kind: white-edged shape filled with the kind's colour and its glyph in white.
 * `label` becomes the accessible name. The glyph follows the language so it can be read aloud.
 */
export function shelterSvg(kind, lang, label, size = SIZE) {
  const symbol = symbolFor(kind);
  const glyph = symbol.glyph[lang] || symbol.glyph.ja;
  return (
    `<svg class="shelter-symbol shelter-symbol--${kind}" width="${size}" height="${size}" viewBox="0 0 34 34"` +
    ` role="img" aria-label="${escapeHtml(label)}">` +
    `<g fill="${symbol.colour}" stroke="#FFFFFF" stroke-width="2.5">${outline(symbol.shape)}</g>` +
    `<text x="17" y="17" dy="0.36em" text-anchor="middle" font-size="15" font-weight="700" fill="#FFFFFF"` +
    ` aria-hidden="true">${glyph}</text></svg>`
  );
}

export const SYMBOL_SIZE = SIZE;
