// How a priority band looks: a colour and the letter, always together (the letter carries the
// meaning for anyone who cannot tell the colours apart), and a marker size that falls with the band.

export const BAND_STYLES = {
  A: { colour: '#B3001B', text: '#FFFFFF', radius: 9 },
  B: { colour: '#D95F02', text: '#FFFFFF', radius: 7.5 },
  C: { colour: '#E6B000', text: '#1B1F24', radius: 6 },
  D: { colour: '#5F6B78', text: '#FFFFFF', radius: 5 },
};

const UNKNOWN = { colour: '#9AA5B1', text: '#1B1F24', radius: 5 };

export function bandStyle(band) {
  return BAND_STYLES[band] || UNKNOWN;
}

/** Leaflet circle-marker options for a resident's home in the band; the chosen one is outlined. */
export function pointStyle(band, selected = false) {
  const s = bandStyle(band);
  return {
    radius: selected ? s.radius + 4 : s.radius,
    color: selected ? '#000000' : '#FFFFFF',
    weight: selected ? 3 : 1.5,
    fillColor: s.colour,
    fillOpacity: 0.9,
    opacity: 1,
  };
}
