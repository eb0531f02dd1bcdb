// Drawing decoded tile features on a 2D canvas context (already scaled for the screen's pixel
// ratio). Takes any object with the CanvasRenderingContext2D methods it calls, so the node tests
// draw on a recording stand-in.

import { cellSegments, hazardOrder, hazardPaint, shelterPaint } from './tileStyles.js';

function tracePath(ctx, rings) {
  ctx.beginPath();
  for (const ring of rings) {
    ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  }
}

/** Hazard zones: filled by depth or warning rank (holes kept: even-odd), inundation under landslides. */
export function drawHazards(ctx, features) {
  const polygons = features.filter((f) => f.type === 3)
    .sort((a, b) => hazardOrder(a.properties) - hazardOrder(b.properties));
  for (const f of polygons) {
    const paint = hazardPaint(f.properties);
    tracePath(ctx, f.rings);
    ctx.globalAlpha = paint.alpha;
    ctx.fillStyle = paint.fill;
    ctx.fill('evenodd');
    ctx.globalAlpha = 1;
    ctx.strokeStyle = paint.stroke;
    ctx.lineWidth = paint.width;
    ctx.stroke();
  }
  return polygons.length;
}

/** The pixel box of a feature's rings: [x0, y0, x1, y1]. */
export function boxOf(rings) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return [x0, y0, x1, y1];
}

/**
 * Resident cells as squares split from the top into the segments of `cellSegments` (most urgent
 * first), each as tall as its share of the people; a dark outline keeps neighbouring cells apart.
 */
export function drawCells(ctx, features, layer) {
  let drawn = 0;
  for (const f of features) {
    if (f.type !== 3) {
      continue;
    }
    const segments = cellSegments(layer, f.properties);
    const total = segments.reduce((sum, s) => sum + s.count, 0);
    if (total === 0) {
      continue;
    }
    const [x0, y0, x1, y1] = boxOf(f.rings);
    const height = y1 - y0;
    let y = y0;
    ctx.globalAlpha = 0.8;
    for (const s of segments) {
      const h = (height * s.count) / total;
      ctx.fillStyle = s.colour;
      ctx.fillRect(x0, y, x1 - x0, h);
      y += h;
    }
    ctx.globalAlpha = 1;
    ctx.strokeStyle = 'rgba(20, 20, 20, 0.7)';
    ctx.lineWidth = 1;
    ctx.strokeRect(x0, y0, x1 - x0, height);
    drawn++;
  }
  return drawn;
}

function shapePath(ctx, shape, x, y, r) {
  ctx.beginPath();
  switch (shape) {
    case 'square':
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.1);
      ctx.lineTo(x + r * 1.1, y);
      ctx.lineTo(x, y + r * 1.1);
      ctx.lineTo(x - r * 1.1, y);
      ctx.closePath();
      break;
    case 'hexagon':
      for (let i = 0; i < 6; i++) {
        const a = Math.PI / 6 + (i * Math.PI) / 3;
        const px = x + r * Math.cos(a);
        const py = y + r * Math.sin(a);
        if (i === 0) {
          ctx.moveTo(px, py);
        } else {
          ctx.lineTo(px, py);
        }
      }
      ctx.closePath();
      break;
    default:
      ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

/**
 * Shelter symbols at pixel positions (`[{x, y, properties}]`): the kind's shape and glyph filled
 * with the state's colour, white edged; open ones labelled with people there / capacity. Closed
 * shelters first, the fullest last (on top). Returns the paints drawn, in order.
 */
export function drawShelters(ctx, placed, lang, zoom) {
  const painted = placed.map((p) => ({ ...p, paint: shelterPaint(p.properties, lang, zoom) }))
    .sort((a, b) => a.paint.order - b.paint.order);
  for (const { x, y, paint } of painted) {
    shapePath(ctx, paint.shape, x, y, paint.radius);
    ctx.fillStyle = paint.fill;
    ctx.fill();
    ctx.strokeStyle = '#FFFFFF';
    ctx.lineWidth = 2.5;
    ctx.stroke();
    if (paint.radius >= 10) {
      ctx.fillStyle = '#FFFFFF';
      ctx.font = `700 ${Math.round(paint.radius * 1.1)}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(paint.glyph, x, y + 1);
    }
    if (paint.label) {
      ctx.font = '700 17px sans-serif';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.lineWidth = 4;
      ctx.strokeStyle = '#FFFFFF';
      ctx.strokeText(paint.label, x + paint.radius + 4, y);
      ctx.fillStyle = '#111111';
      ctx.fillText(paint.label, x + paint.radius + 4, y);
    }
  }
  return painted.map((p) => p.paint);
}

/** How far past a tile's edge a shelter symbol and its label can reach, in pixels. */
export const SHELTER_REACH = 64;
