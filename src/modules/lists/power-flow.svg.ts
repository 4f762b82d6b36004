import { html, type Html } from '../../portal/html.ts';
import type { PowerStep } from './powers.rules.ts';

/**
 * FIVE-3: the power-flow chart (权力运行流程图) drawn from a power's ordered steps, as an inline
 * SVG the portal serves without JavaScript. Boxes run top to bottom joined by arrows. The
 * drawing is 360 units wide and scales through its viewBox, so it stays legible at 375 px;
 * long Chinese labels wrap inside their box. Screen readers get role="img" with a <title>
 * and a <desc> that reads the whole procedure; the page also lists the steps as text.
 */

const WIDTH = 360;
const BOX_X = 20;
const BOX_W = WIDTH - 2 * BOX_X;
const PAD_X = 12;
const PAD_Y = 10;
const NAME_SIZE = 15;
const NAME_LINE = 21;
const DETAIL_SIZE = 13;
const DETAIL_LINE = 19;
const ARROW = 34;
const MARGIN = 8;

/** Closing punctuation a line must not start with (禁则): it stays with the character before it. */
const NO_LINE_START = /^[，。、；：？！）》」』”’,.;:?!)\]]/u;

/** Width of a text in em: CJK and full-width characters are one em, Latin letters and digits about half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
  return w;
}

/**
 * Breaks a label into lines of at most `maxEm`: between any two Chinese characters, but
 * not inside a Latin word or number (unless the word alone is too long), and never before
 * closing punctuation.
 */
export function wrapText(text: string, maxEm: number): string[] {
  const tokens = text.replace(/\s+/g, ' ').trim().match(/[A-Za-z0-9_.%/-]+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth(line + token) > maxEm && !NO_LINE_START.test(token)) {
      lines.push(line.trimEnd());
      line = '';
      if (token === ' ') continue;
    }
    if (!line && textWidth(token) > maxEm) {
      for (const ch of token) {
        if (line && textWidth(line + ch) > maxEm) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
      continue;
    }
    line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

type Box = { y: number; height: number; name: string[]; details: string[] };

function layout(steps: readonly PowerStep[]): { boxes: Box[]; height: number } {
  // One em short of the box, so the closing punctuation wrapText keeps on a full line still fits.
  const nameEm = (BOX_W - 2 * PAD_X) / NAME_SIZE - 1;
  const detailEm = (BOX_W - 2 * PAD_X) / DETAIL_SIZE - 1;
  let y = MARGIN;
  const boxes = steps.map((s, i) => {
    const name = wrapText(`${i + 1}. ${s.name}`, nameEm);
    const details = [`承办：${s.actor}`, s.timeLimit && `时限：${s.timeLimit}`, s.note && `说明：${s.note}`]
      .filter((d): d is string => Boolean(d))
      .flatMap((d) => wrapText(d, detailEm));
    const height = 2 * PAD_Y + name.length * NAME_LINE + details.length * DETAIL_LINE;
    const box = { y, height, name, details };
    y += height + ARROW;
    return box;
  });
  return { boxes, height: steps.length ? y - ARROW + MARGIN : 2 * MARGIN };
}

/** How the procedure reads aloud: every step with who acts and its time limit. */
export function flowDescription(steps: readonly PowerStep[]): string {
  const parts = steps.map((s, i) => `第${i + 1}步，${s.name}，由${s.actor}承办${s.timeLimit ? `，时限${s.timeLimit}` : ''}${s.note ? `（${s.note}）` : ''}`);
  return steps.length ? `共${steps.length}个环节，自上而下依次为：${parts.join('；')}。` : '尚未填写办理环节。';
}

/** `id` makes the title and description ids unique on the page that holds the chart. */
export function powerFlowSvg(opts: { id: string; title: string; steps: readonly PowerStep[] }): Html {
  const { boxes, height } = layout(opts.steps);
  const cx = WIDTH / 2;
  const box = (b: Box) => {
    const nameTop = b.y + PAD_Y + NAME_SIZE;
    const detailTop = b.y + PAD_Y + b.name.length * NAME_LINE + DETAIL_SIZE;
    return html`<g class="step"><rect x="${BOX_X}" y="${b.y}" width="${BOX_W}" height="${b.height}" rx="6" fill="#fff" stroke="#b0191e" stroke-width="2"/>
<text x="${cx}" text-anchor="middle" fill="#1f1f1f">${b.name.map((l, i) => html`<tspan x="${cx}" y="${nameTop + i * NAME_LINE}" font-size="${NAME_SIZE}" font-weight="700">${l}</tspan>`)}${b.details.map(
      (l, i) => html`<tspan x="${cx}" y="${detailTop + i * DETAIL_LINE}" font-size="${DETAIL_SIZE}" fill="#444">${l}</tspan>`,
    )}</text></g>`;
  };
  const arrow = (from: Box) => {
    const top = from.y + from.height;
    const tip = top + ARROW;
    return html`<g class="arrow"><line x1="${cx}" y1="${top}" x2="${cx}" y2="${tip - 8}" stroke="#555" stroke-width="2"/><polygon points="${cx - 6},${tip - 10} ${cx + 6},${tip - 10} ${cx},${tip}" fill="#555"/></g>`;
  };
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="power-flow" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc" font-family="PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif">
<title id="${opts.id}-title">${opts.title}</title>
<desc id="${opts.id}-desc">${flowDescription(opts.steps)}</desc>
${boxes.map((b, i) => html`${i > 0 ? arrow(boxes[i - 1]!) : ''}${box(b)}`)}
</svg>`;
}
