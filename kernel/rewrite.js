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
 */

/**
 * @typedef {{ line: number, col: number, added: number }} Edit
 *   An insertion at (0-based) line and column of the original source.
 */

/**
 * @param {any} ts the TypeScript module tslab uses
 * @param {string} src the cell as the user wrote it
 * @returns {{ code: string, edits: Edit[] }}
 */
function expandShorthand(ts, src) {
  if (!/[{,]\s*[A-Za-z_$][\w$]*\s*[,}=]/.test(src)) return { code: src, edits: [] };
  const sf = ts.createSourceFile("cell.ts", src, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {{ pos: number, text: string }[]} */
  const inserts = [];
  /** @param {any} node */
  const visit = (node) => {
    if (ts.isShorthandPropertyAssignment(node)) inserts.push({ pos: node.name.end, text: `: ${node.name.getText(sf)}` });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!inserts.length) return { code: src, edits: [] };
  inserts.sort((a, b) => a.pos - b.pos);
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

module.exports = { expandShorthand, mapColumn };
