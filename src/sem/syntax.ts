/**
 * lavaan model syntax → flat list of user statements.
 *
 * Grammar (lavaan's, single group):
 *   statement  := lhs op rhs            separated by newlines or ";"; a statement continues on the next
 *                                       line after an operator, "+", "*" or "," or when the next line
 *                                       starts with "+"
 *   op         := "=~" | "~" | "~~" | ":=" | "==" | "<" | ">"
 *   rhs        := term ("+" term)*      for =~, ~, ~~ ("1" as a term means the intercept, `y ~ 1`)
 *   term       := (modifier "*")* name
 *   modifier   := number | NA | label | start(number) | label("x") | equal("x") | c(one value)
 *                 or `number ? name` for a start value
 *   :=, ==, <, > take an arithmetic expression of labels (+ − * / ^, parentheses, sqrt/exp/log/abs).
 * Comments start with "#" or "!".
 *
 * Syntax errors name the line and column and what was expected.
 */
import { PathlabError } from "../errors";

export type SemOp = "=~" | "~" | "~~" | "~1" | ":=" | "==" | "<" | ">";

/** An arithmetic expression over parameter labels (for `:=` and constraints). */
export type Expr =
  | { kind: "num"; value: number }
  | { kind: "ref"; name: string; line: number; col: number }
  | { kind: "neg"; arg: Expr }
  | { kind: "bin"; op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }
  | { kind: "call"; fn: string; args: Expr[] };

/** One user statement element, e.g. `visual =~ a*x2` (one per rhs term). */
export interface SyntaxRow {
  lhs: string;
  op: SemOp;
  rhs: string;
  /** Label given with `a*x`, `label("a")` or `equal("a")`. */
  label?: string;
  /** Fixed value from `0.5*x`; NaN for an explicit `NA*x` (free, overriding a default fix). */
  fixed?: number;
  /** Start value from `start(0.5)*x` or `0.5?x`. */
  start?: number;
  /** For `:=`, `==`, `<`, `>`: the right-hand side expression. */
  expr?: Expr;
  /** For `==`, `<`, `>`: the left-hand side expression. */
  lhsExpr?: Expr;
  line: number;
  col: number;
}

type TokKind = "ident" | "num" | "str" | "op" | "nl" | "eof";
interface Token {
  kind: TokKind;
  text: string;
  line: number;
  col: number;
}

const OPERATORS = ["=~", "~~", ":=", "==", "<~", "<=", ">=", "~", "<", ">", "*", "+", "-", "/", "^", "(", ")", ",", "?", ";"];

function tokenize(src: string): { tokens: Token[]; lines: string[] } {
  const lines = src.split(/\r\n|\r|\n/);
  const tokens: Token[] = [];
  lines.forEach((rawLine, li) => {
    const line = li + 1;
    let i = 0;
    const s = rawLine;
    while (i < s.length) {
      const ch = s[i];
      if (ch === "#" || ch === "!") break;
      if (ch === " " || ch === "\t") {
        i++;
        continue;
      }
      const col = i + 1;
      if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(s[i + 1] ?? ""))) {
        const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i));
        if (m) {
          if (!(Math.abs(Number(m[0])) <= MAX_VALUE))
            throw new PathlabError(`Model syntax error at line ${line}, column ${col}: the number ${m[0]} is too large to be a parameter value (beyond ±1e100).`, {
              hint: `${rawLine}\n${" ".repeat(col - 1)}^  Write the value in other units, or use a reasonable fixed value.`,
              code: "sem.syntax",
            });
          tokens.push({ kind: "num", text: m[0], line, col });
          i += m[0].length;
          continue;
        }
      }
      if (/[A-Za-z_.]/.test(ch)) {
        const m = /^[A-Za-z_.][A-Za-z0-9_.]*/.exec(s.slice(i))!;
        tokens.push({ kind: "ident", text: m[0], line, col });
        i += m[0].length;
        continue;
      }
      if (ch === '"' || ch === "'") {
        const end = s.indexOf(ch, i + 1);
        if (end < 0) throw syntaxError(lines, line, col, "a closing quote", "end of line");
        tokens.push({ kind: "str", text: s.slice(i + 1, end), line, col });
        i = end + 1;
        continue;
      }
      const op = OPERATORS.find((o) => s.startsWith(o, i));
      if (op) {
        tokens.push(op === ";" ? { kind: "nl", text: ";", line, col } : { kind: "op", text: op, line, col });
        i += op.length;
        continue;
      }
      throw syntaxError(lines, line, col, "a variable name, number or operator", JSON.stringify(ch));
    }
    tokens.push({ kind: "nl", text: "\\n", line, col: s.length + 1 });
  });
  tokens.push({ kind: "eof", text: "end of model", line: lines.length, col: (lines[lines.length - 1] ?? "").length + 1 });
  return { tokens, lines };
}

function syntaxError(lines: string[], line: number, col: number, expected: string, found: string): PathlabError {
  const text = lines[line - 1] ?? "";
  return new PathlabError(`Model syntax error at line ${line}, column ${col}: expected ${expected} but found ${found}.`, {
    hint: `${text.trim() === "" ? "(empty line)" : text}\n${" ".repeat(Math.max(0, col - 1))}^  Statements look like "f =~ x1 + x2", "y ~ a*x", "x1 ~~ x2", "ind := a*b".`,
    code: "sem.syntax",
  });
}

const STATEMENT_OPS = new Set(["=~", "~", "~~", ":=", "==", "<", ">"]);
/** Deepest nesting and largest size of a := / == expression. */
const MAX_EXPR_DEPTH = 200;
const MAX_EXPR_NODES = 2000;
/** Largest number accepted in the syntax: beyond it, implied moments overflow double precision. */
const MAX_VALUE = 1e100;
/** R's special values (and JavaScript's Infinity): not labels. */
const RESERVED = new Set(["NaN", "Inf", "Infinity", "TRUE", "FALSE", "NULL", "NA_integer_", "NA_real_", "NA_character_"]);

/** Parses lavaan model syntax into flat rows (one per right-hand-side term). */
export function parseModelSyntax(model: string): SyntaxRow[] {
  if (typeof model !== "string" || model.trim() === "")
    throw new PathlabError("The model syntax is empty.", { hint: 'Write e.g. "visual =~ x1 + x2 + x3".', code: "sem.syntax" });
  const { tokens, lines } = tokenize(model);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const describe = (t: Token) => (t.kind === "nl" ? (t.text === ";" ? '";"' : "end of line") : t.kind === "eof" ? "end of model" : `"${t.text}"`);
  const fail = (t: Token, expected: string): never => {
    throw syntaxError(lines, t.line, t.col, expected, describe(t));
  };
  const skipNl = () => {
    while (peek().kind === "nl") pos++;
  };
  const isOp = (t: Token, text: string) => t.kind === "op" && t.text === text;
  /** After a term: does the statement continue with "+" on the next line? */
  const continuesWithPlus = () => {
    let k = pos;
    while (tokens[k].kind === "nl" && tokens[k].text !== ";") k++;
    return isOp(tokens[k], "+") && k > pos;
  };

  const rows: SyntaxRow[] = [];

  // Expressions (:=, ==) are parsed recursively: bound their nesting and size so that a
  // pathological definition is a syntax error, not a stack overflow.
  let depth = 0;
  let nodes = 0;
  const count = (t: Token) => {
    if (++nodes > MAX_EXPR_NODES)
      throw new PathlabError(`Model syntax error at line ${t.line}: the expression has more than ${MAX_EXPR_NODES} terms and operators.`, {
        hint: "Split it: define partial sums with := (e.g. s1 := a1*b1 + a2*b2) and add those.",
        code: "sem.syntax",
      });
  };
  const enter = (t: Token) => {
    count(t);
    if (++depth > MAX_EXPR_DEPTH)
      throw new PathlabError(`Model syntax error at line ${t.line}, column ${t.col}: the expression is nested more than ${MAX_EXPR_DEPTH} levels deep.`, {
        hint: "Simplify the expression: define intermediate parameters with := and refer to them.",
        code: "sem.syntax",
      });
  };
  const leave = () => {
    depth--;
  };

  const parseNumber = (): number => {
    let sign = 1;
    if (isOp(peek(), "-")) {
      next();
      sign = -1;
    } else if (isOp(peek(), "+")) next();
    const t = peek();
    if (t.kind !== "num") fail(t, "a number");
    next();
    return sign * Number(t.text);
  };

  // Expression parser (precedence climbing) for :=, ==, <, >.
  const parseExpr = (): Expr => {
    nodes = 0;
    depth = 0;
    return parseAdd();
  };
  // A chain a + b + c … is parsed iteratively (its size is bounded by count, not depth).
  const parseAdd = (): Expr => {
    let left = parseMul();
    for (;;) {
      const t = peek();
      if (isOp(t, "+") || isOp(t, "-")) {
        next();
        skipNl();
        count(t);
        left = { kind: "bin", op: t.text as "+" | "-", left, right: parseMul() };
      } else return left;
    }
  };
  const parseMul = (): Expr => {
    let left = parseUnary();
    for (;;) {
      const t = peek();
      if (isOp(t, "*") || isOp(t, "/")) {
        next();
        skipNl();
        count(t);
        left = { kind: "bin", op: t.text as "*" | "/", left, right: parseUnary() };
      } else return left;
    }
  };
  const parseUnary = (): Expr => {
    const t = peek();
    if (isOp(t, "-") || isOp(t, "+")) {
      next();
      enter(t);
      const arg = parseUnary();
      leave();
      return t.text === "-" ? { kind: "neg", arg } : arg;
    }
    return parsePow();
  };
  const parsePow = (): Expr => {
    const base = parseAtom();
    const t = peek();
    if (isOp(t, "^")) {
      next();
      enter(t);
      const right = parseUnary();
      leave();
      return { kind: "bin", op: "^", left: base, right };
    }
    return base;
  };
  const parseAtom = (): Expr => {
    const t = peek();
    enter(t);
    const e = parseAtomInner(t);
    leave();
    return e;
  };
  const parseAtomInner = (t: Token): Expr => {
    if (t.kind === "num") {
      next();
      return { kind: "num", value: Number(t.text) };
    }
    if (isOp(t, "(")) {
      next();
      skipNl();
      const e = parseAdd();
      skipNl();
      if (!isOp(peek(), ")")) fail(peek(), '")"');
      next();
      return e;
    }
    if (t.kind === "ident") {
      next();
      if (isOp(peek(), "(")) {
        const fn = t.text;
        if (!["sqrt", "exp", "log", "abs"].includes(fn)) fail(t, "a label, number or one of sqrt(), exp(), log(), abs()");
        next();
        const args = [parseAdd()];
        if (!isOp(peek(), ")")) fail(peek(), '")"');
        next();
        return { kind: "call", fn, args };
      }
      checkLabel(t, "in an expression");
      return { kind: "ref", name: t.text, line: t.line, col: t.col };
    }
    return fail(t, "a label, number or \"(\"");
  };
  /** R's reserved words and special values are not labels (lavaan would read NaN*x as free, Infinity*x as a label). */
  const checkLabel = (t: Token, where: string) => {
    if (RESERVED.has(t.text))
      throw new PathlabError(`Model syntax error at line ${t.line}, column ${t.col}: "${t.text}" cannot be used as a label ${where}.`, {
        hint: `${lines[t.line - 1]}\n${" ".repeat(Math.max(0, t.col - 1))}^  ${t.text === "NaN" || t.text === "Inf" || t.text === "Infinity" ? "Write NA* to free a parameter, a finite number to fix it, or a plain label such as a*." : "Use a plain label such as a* or b1*."}`,
        code: "sem.syntax",
      });
  };

  /** Parses one `(modifier *)* name` term of =~, ~ or ~~ statements. */
  const parseTerm = (lhs: string, op: SemOp, line: number, col: number): SyntaxRow => {
    const row: SyntaxRow = { lhs, op, rhs: "", line, col };
    for (;;) {
      const t = peek();
      // Modifier candidates.
      if (t.kind === "num" || isOp(t, "-")) {
        const startTok = t;
        const v = parseNumber();
        if (isOp(peek(), "*")) {
          next();
          skipNl();
          row.fixed = v;
          continue;
        }
        if (isOp(peek(), "?")) {
          next();
          row.start = v;
          continue;
        }
        // A bare "1" is the intercept term (y ~ 1).
        if (v === 1 && startTok.kind === "num" && (op === "~" || op === "~1")) {
          row.op = "~1";
          row.rhs = "";
          return row;
        }
        return fail(peek(), '"*" after the number (e.g. "0.5*x1")');
      }
      if (t.kind === "ident") {
        next();
        if (isOp(peek(), "(") && ["start", "label", "equal", "c"].includes(t.text)) {
          next();
          const a = peek();
          let value: number | string;
          if (a.kind === "str") {
            next();
            value = a.text;
          } else if (a.kind === "ident" && (a.text === "NA" || t.text === "c")) {
            next();
            value = a.text === "NA" ? NaN : a.text;
          } else value = parseNumber();
          if (isOp(peek(), ",")) fail(peek(), '")" (multiple-group modifiers are not supported)');
          if (!isOp(peek(), ")")) fail(peek(), '")"');
          next();
          if (!isOp(peek(), "*")) fail(peek(), `"*" after ${t.text}(...)`);
          next();
          skipNl();
          if (t.text === "start") row.start = Number(value);
          else if (typeof value === "number") row.fixed = value;
          else {
            checkLabel({ ...a, text: value }, "or modifier");
            row.label = value;
          }
          continue;
        }
        if (isOp(peek(), "*")) {
          next();
          skipNl();
          if (t.text === "NA") row.fixed = NaN;
          else {
            checkLabel(t, "or modifier");
            row.label = t.text;
          }
          continue;
        }
        if (isOp(peek(), "?")) fail(peek(), '"*" (a start value is written "0.5?x" with a number)');
        if (t.text === "NA") fail(peek(), '"*" after NA (e.g. "NA*x1")');
        row.rhs = t.text;
        return row;
      }
      return fail(t, op === "~" ? "a variable name or 1" : "a variable name");
    }
  };

  skipNl();
  while (peek().kind !== "eof") {
    const first = peek();
    // Left-hand side: expression for constraints, name(s) otherwise.
    const save = pos;
    let lhsNames: string[] = [];
    if (first.kind === "ident") {
      lhsNames.push(next().text);
      while (isOp(peek(), "+") && tokens[pos + 1]?.kind === "ident") {
        next();
        lhsNames.push(next().text);
      }
    }
    let opTok = peek();
    if (!(opTok.kind === "op" && STATEMENT_OPS.has(opTok.text))) {
      // Could be a constraint with an expression on the left (e.g. "a + b == 1").
      pos = save;
      lhsNames = [];
      try {
        const lhsExpr = parseExpr();
        opTok = peek();
        if (opTok.kind === "op" && (opTok.text === "==" || opTok.text === "<" || opTok.text === ">")) {
          next();
          skipNl();
          const expr = parseExpr();
          rows.push({ lhs: exprText(lhsExpr), op: opTok.text as SemOp, rhs: exprText(expr), lhsExpr, expr, line: first.line, col: first.col });
          endStatement();
          continue;
        }
      } catch {
        /* fall through to the generic error below */
      }
      pos = save;
      if (first.kind !== "ident") fail(first, "a variable or factor name at the start of a statement");
      next();
      if (opTok.kind === "op" && opTok.text === "<~") fail(opTok, 'one of =~ ~ ~~ := (formative "<~" is not supported)');
      fail(peek(), 'an operator: one of "=~", "~", "~~", ":=", "=="');
    }
    if (lhsNames.length === 0) fail(first, "a variable or factor name before the operator");
    next();
    skipNl();
    const op = opTok.text as SemOp;
    if (op === ":=") {
      if (lhsNames.length !== 1) fail(first, "a single name for the defined parameter");
      const expr = parseExpr();
      rows.push({ lhs: lhsNames[0], op, rhs: exprText(expr), expr, line: first.line, col: first.col });
      endStatement();
      continue;
    }
    if (op === "==" || op === "<" || op === ">") {
      const expr = parseExpr();
      const lhsExpr: Expr = { kind: "ref", name: lhsNames[0], line: first.line, col: first.col };
      rows.push({ lhs: lhsNames[0], op, rhs: exprText(expr), lhsExpr, expr, line: first.line, col: first.col });
      endStatement();
      continue;
    }
    for (;;) {
      const termTok = peek();
      const proto = parseTerm("", op, termTok.line, termTok.col);
      for (const lhs of lhsNames) rows.push({ ...proto, lhs });
      if (isOp(peek(), "+")) {
        next();
        skipNl();
        continue;
      }
      if (continuesWithPlus()) {
        skipNl();
        next();
        skipNl();
        continue;
      }
      break;
    }
    endStatement();
  }
  return rows;

  function endStatement() {
    const t = peek();
    if (t.kind === "eof") return;
    if (t.kind !== "nl") fail(t, 'end of statement (a new line or ";"), or "+" and another term');
    skipNl();
  }
}

/** Text of an expression (for the `rhs` column of `:=` rows, like lavaan prints it). */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case "num":
      return String(e.value);
    case "ref":
      return e.name;
    case "neg":
      return `-${exprText(e.arg)}`;
    case "call":
      return `${e.fn}(${e.args.map(exprText).join(",")})`;
    case "bin": {
      const wrap = (x: Expr, parentOp: string) =>
        x.kind === "bin" && (parentOp === "*" || parentOp === "/" || parentOp === "^") && (x.op === "+" || x.op === "-")
          ? `(${exprText(x)})`
          : exprText(x);
      return `${wrap(e.left, e.op)}${e.op}${wrap(e.right, e.op)}`;
    }
  }
}

/** Labels an expression refers to. */
export function exprRefs(e: Expr, out: { name: string; line: number; col: number }[] = []): { name: string; line: number; col: number }[] {
  if (e.kind === "ref") out.push({ name: e.name, line: e.line, col: e.col });
  else if (e.kind === "neg") exprRefs(e.arg, out);
  else if (e.kind === "bin") {
    exprRefs(e.left, out);
    exprRefs(e.right, out);
  } else if (e.kind === "call") e.args.forEach((a) => exprRefs(a, out));
  return out;
}

/** Evaluates an expression with label values from `env`. */
export function evalExpr(e: Expr, env: (name: string) => number): number {
  switch (e.kind) {
    case "num":
      return e.value;
    case "ref":
      return env(e.name);
    case "neg":
      return -evalExpr(e.arg, env);
    case "call": {
      const a = evalExpr(e.args[0], env);
      return e.fn === "sqrt" ? Math.sqrt(a) : e.fn === "exp" ? Math.exp(a) : e.fn === "log" ? Math.log(a) : Math.abs(a);
    }
    case "bin": {
      const l = evalExpr(e.left, env);
      const r = evalExpr(e.right, env);
      switch (e.op) {
        case "+":
          return l + r;
        case "-":
          return l - r;
        case "*":
          return l * r;
        case "/":
          return l / r;
        case "^":
          return Math.pow(l, r);
      }
    }
  }
}
