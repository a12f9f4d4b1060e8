// Hand-written SVG charts (no library): a sparkline for the indicator tiles and a bar chart for the age of
// pending cases. Elements are built with the DOM API, so they work under the page's CSP (no inline styles).
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

/** A 12-month trend line; missing values break the line. */
export function sparkline(values, width = 120, height = 28) {
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'spark', role: 'img' });
  const known = values.filter((v) => v != null);
  if (known.length === 0) return root;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  let points = [];
  const flush = () => {
    if (points.length > 1) root.appendChild(svg('polyline', { points: points.join(' '), class: 'spark-line' }));
    points = [];
  };
  values.forEach((v, i) => {
    if (v == null) { flush(); return; }
    const x = 2 + i * step;
    const y = height - 3 - ((v - min) / span) * (height - 6);
    points.push(x.toFixed(1) + ',' + y.toFixed(1));
    if (i === values.length - 1) root.appendChild(svg('circle', { cx: x, cy: y, r: 2, class: 'spark-dot' }));
  });
  flush();
  return root;
}

/** Vertical bars with their labels and values underneath; {label, value} items. */
export function barChart(items, width = 420, height = 160) {
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'bars', role: 'img' });
  const max = Math.max(1, ...items.map((i) => i.value || 0));
  const band = width / Math.max(1, items.length);
  items.forEach((item, i) => {
    const h = ((item.value || 0) / max) * (height - 40);
    const x = i * band + band * 0.15;
    root.appendChild(svg('rect', { x, y: height - 24 - h, width: band * 0.7, height: h, class: 'bar' }));
    const value = svg('text', { x: x + band * 0.35, y: height - 28 - h, class: 'bar-value', 'text-anchor': 'middle' });
    value.textContent = item.value == null ? '' : String(item.value);
    root.appendChild(value);
    const label = svg('text', { x: x + band * 0.35, y: height - 8, class: 'bar-label', 'text-anchor': 'middle' });
    label.textContent = item.label;
    root.appendChild(label);
  });
  return root;
}
