/**
 * Text widths for laying out figures before a browser draws them: diagram nodes and labels are
 * sized from these advance widths, and the overlap check measures labels the same way.
 *
 * The widths are DejaVu Sans (Book and Bold) advance widths in em, read from the font files'
 * horizontal metrics. DejaVu Sans is the widest common sans-serif fallback (it is what a Linux
 * browser draws when Arial or Helvetica is missing), so a label measured here is never narrower
 * than it will be drawn with the theme's font stack; characters outside the table count as 0.7 em
 * (1 em for wide East Asian characters).
 *
 * @example
 * textWidth("peic", 12);       // ≈ 22.4 px
 * textWidth("R² = .34", 11);   // ≈ 47 px
 */

const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~−²³×·→←↔′″…—–βγχαδεηλμρσθωΔΣΩ≤≥±°²";
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838,
  531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390,
  838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337,
  636, 838, 838, 401, 401, 838, 318, 838, 838, 838, 227, 374, 1000, 1000, 500, 638, 592, 578, 659, 612, 541, 634, 592, 636, 635, 634, 612, 837, 684, 632, 764,
  838, 838, 838, 500, 401,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838,
  580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457,
  838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365,
  712, 838, 838, 438, 438, 838, 380, 838, 838, 838, 264, 447, 1000, 1000, 500, 716, 681, 645, 687, 687, 557, 712, 633, 736, 716, 779, 687, 869, 774, 683, 850,
  838, 838, 838, 500, 438,
];

const regular = new Map<string, number>();
const bold = new Map<string, number>();
Array.from(CHARS).forEach((ch, i) => {
  regular.set(ch, REGULAR[i] / 1000);
  bold.set(ch, BOLD[i] / 1000);
});

/** Width in em of a character the table does not hold. */
function fallback(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  // CJK, Hangul and full-width forms are a full em wide.
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xff60);
  return wide ? 1 : 0.7;
}

/** Plain text of a plotly label: tags such as <b> and <i> dropped, entities decoded, lines split. */
export function plainLines(text: string): string[] {
  return text.split(/<br\s*\/?>/i).map((l) =>
    l
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&"),
  );
}

/** Width in px of one line of plain text at `size` px (bold when `isBold`). */
export function lineWidth(line: string, size: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let em = 0;
  for (const ch of line) em += table.get(ch) ?? fallback(ch);
  return em * size;
}

/**
 * Width in px of a (possibly multi-line, plotly-markup) label: its widest line. A line containing
 * <b> is measured bold.
 */
export function textWidth(text: string, size: number, isBold = false): number {
  const raw = text.split(/<br\s*\/?>/i);
  return Math.max(0, ...plainLines(text).map((l, i) => lineWidth(l, size, isBold || /<b>/i.test(raw[i]))));
}

/** Line height plotly uses for text at `size` px (its line spacing is 1.3 em). */
export function lineHeight(size: number): number {
  return size * 1.3;
}

/** Height in px of a label of `lines` lines. */
export function textHeight(lines: number, size: number): number {
  return lines * lineHeight(size);
}

/** Breaks text into lines no wider than `maxWidth` px at spaces (a longer single word keeps its own line). */
export function wrapText(text: string, size: number, maxWidth: number, isBold = false): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const word of text.split(/ +/)) {
    const next = cur ? cur + " " + word : word;
    if (cur && lineWidth(next, size, isBold) > maxWidth) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}
