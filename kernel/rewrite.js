// @ts-check
/**
 * Source rewrites the pathlab kernel applies to a cell before tslab compiles it.
 *
 * Shorthand properties. tslab keeps variables declared in earlier cells on an `exports` object and
 * rewrites each reference `data` to `exports.data`, but it resolves identifiers with the type
 * checker, which answers "the property" for the `data` of `{ data }`: the shorthand is left as is
 * and fails at run time with "data is not defined". Writing every shorthand out (`{ data: data }`)
 * before compiling is the same program and gives tslab a plain reference to rewrite. The edits
 * never add lines, so line numbers stay the user's; `mapColumn` turns a column of the rewritten
 * code back into the user's column for diagnostics.
 *
 * Interruptible awaits. An interrupt ends the cell that is awaiting, but the async work it started
 * would carry on (a loop that awaits keeps counting). Every `await x` of a cell becomes
 * `await __pathlabAwait(x)`: the same value, the same type, but if the kernel was interrupted while
 * it waited, the await throws the interruption instead of resuming, so the loop stops there.
 */

/** Declaration that makes `__pathlabAwait` known to the type checker (added to tslab's prevDecl). */
const AWAIT_DECL = "declare function __pathlabAwait<T>(value: T): T;";

/**
 * @typedef {{ line: number, col: number, added: number }} Edit
 *   An insertion at (0-based) line and column of the original source.
 */

/**
 * Both rewrites: shorthand properties written out, awaits made interruptible.
 * @param {any} ts the TypeScript module tslab uses
 * @param {string} src the cell as the user wrote it
 * @param {{ shorthand?: boolean, awaits?: boolean }} [which]
 * @returns {{ code: string, edits: Edit[] }}
 */
function rewriteCell(ts, src, which = { shorthand: true, awaits: true }) {
  const maybeShorthand = which.shorthand !== false && /[{,]\s*[A-Za-z_$][\w$]*\s*[,}=]/.test(src);
  const maybeAwait = which.awaits !== false && /\bawait\b/.test(src);
  if (!maybeShorthand && !maybeAwait) return { code: src, edits: [] };
  const sf = ts.createSourceFile("cell.ts", src, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {{ pos: number, text: string, order: number }[]} */
  const inserts = [];
  let depth = 0;
  /** @param {any} node */
  const visit = (node) => {
    if (maybeShorthand && ts.isShorthandPropertyAssignment(node)) inserts.push({ pos: node.name.end, text: `: ${node.name.getText(sf)}`, order: 0 });
    if (maybeAwait && ts.isAwaitExpression(node)) {
      depth++;
      inserts.push({ pos: node.expression.getStart(sf), text: "__pathlabAwait(", order: depth });
      // Closing parentheses of nested awaits that end at the same place: innermost first.
      inserts.push({ pos: node.expression.end, text: ")", order: -depth });
      ts.forEachChild(node, visit);
      depth--;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!inserts.length) return { code: src, edits: [] };
  inserts.sort((a, b) => a.pos - b.pos || a.order - b.order);
  let code = "";
  let at = 0;
  /** @type {Edit[]} */
  const edits = [];
  for (const ins of inserts) {
    code += src.slice(at, ins.pos) + ins.text;
    at = ins.pos;
    const lc = sf.getLineAndCharacterOfPosition(ins.pos);
    edits.push({ line: lc.line, col: lc.character, added: ins.text.length });
  }
  code += src.slice(at);
  return { code, edits };
}

/**
 * The user's column for a 1-based (line, column) of the rewritten code.
 * @param {Edit[]} edits @param {number} line 1-based @param {number} col 1-based
 */
function mapColumn(edits, line, col) {
  let shift = 0;
  for (const e of edits) {
    if (e.line !== line - 1) continue;
    // The edit sits at original column e.col, i.e. at e.col + shift in the rewritten line.
    if (e.col + shift < col - 1) shift += e.added;
  }
  return col - shift;
}

/** Only the shorthand rewrite. @param {any} ts @param {string} src */
function expandShorthand(ts, src) {
  return rewriteCell(ts, src, { shorthand: true, awaits: false });
}

/** tslab's declarations of earlier cells, plus the declaration of `__pathlabAwait`. @param {string} prevDecl */
function withAwaitDecl(prevDecl) {
  return prevDecl.includes(AWAIT_DECL) ? prevDecl : `${prevDecl}\n${AWAIT_DECL}\n`;
}

module.exports = { rewriteCell, expandShorthand, mapColumn, withAwaitDecl, AWAIT_DECL };
