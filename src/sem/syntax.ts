/**
 * lavaan model syntax → flat list of user statements.
 *
 * Grammar (lavaan's):
 *   statement  := lhs op rhs            separated by newlines or ";"; a statement continues on the next
 *                                       line after an operator, "+", "*" or "," or when the next line
 *                                       starts with "+"
 *   op         := "=~" | "~" | "~~" | ":=" | "==" | "<" | ">"
 *   rhs        := term ("+" term)*      for =~, ~, ~~ ("1" as a term means the intercept, `y ~ 1`)
 *   term       := (modifier "*")* name
 *   modifier   := number | NA | label | start(number) | label("x") | equal("x") | c(value, …)
 *                 or `number ? name` for a start value; c(v1, v2, …), start(c(…)), label(c(…))
 *                 give one value per group (multiple-group models)
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
  /**
   * The label came from `equal("…")`: it must name another parameter — by its label, or as
   * "lhs op rhs" (lavaan's default name, e.g. equal("visual=~x2")) — never a label of its own.
   */
  equalRef?: boolean;
  /** Multiple groups: one label per group from `c(a1, a2)*x` or `label(c("a1", "a2"))*x`. */
  groupLabel?: string[];
  /** Multiple groups: one fixed value per group from `c(1, NA)*x` (NaN = free in that group). */
  groupFixed?: number[];
  /** Multiple groups: one start value per group from `start(c(0.5, 0.7))*x`. */
  groupStart?: number[];
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
            throw new PathlabError(
              `Model syntax error at line ${line}, column ${col}: the number ${m[0]} is too large to be a parameter value (beyond ±1e100).`,
              {
                hint: `${rawLine}\n${" ".repeat(col - 1)}^  Write the value in other units, or use a reasonable fixed value.`,
                code: "sem.syntax",
              },
            );
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
  const parser = new Parser(tokenize(model));
  parser.skipNl();
  while (parser.peek().kind !== "eof") parser.statement();
  return parser.rows;
}

/** Recursive-descent parser over the token list; `rows` collects the statements. */
class Parser {
  readonly rows: SyntaxRow[] = [];
  private readonly tokens: Token[];
  private readonly lines: string[];
  private pos = 0;
  // Expressions (:=, ==) are parsed recursively: their nesting and size are bounded so that a
  // pathological definition is a syntax error, not a stack overflow.
  private depth = 0;
  private nodes = 0;

  constructor(src: { tokens: Token[]; lines: string[] }) {
    this.tokens = src.tokens;
    this.lines = src.lines;
  }

  peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private fail(t: Token, expected: string): never {
    const found = t.kind === "nl" ? (t.text === ";" ? '";"' : "end of line") : t.kind === "eof" ? "end of model" : `"${t.text}"`;
    throw syntaxError(this.lines, t.line, t.col, expected, found);
  }
  skipNl(): void {
    while (this.peek().kind === "nl") this.pos++;
  }
  private isOp(t: Token, text: string): boolean {
    return t.kind === "op" && t.text === text;
  }
  /** After a term: does the statement continue with "+" on the next line? */
  private continuesWithPlus(): boolean {
    let k = this.pos;
    while (this.tokens[k].kind === "nl" && this.tokens[k].text !== ";") k++;
    return this.isOp(this.tokens[k], "+") && k > this.pos;
  }
  private endStatement(): void {
    const t = this.peek();
    if (t.kind === "eof") return;
    if (t.kind !== "nl") this.fail(t, 'end of statement (a new line or ";"), or "+" and another term');
    this.skipNl();
  }

  /** One statement: `lhs op rhs`, a definition, or a constraint with an expression on the left. */
  statement(): void {
    const first = this.peek();
    const save = this.pos;
    const lhsNames: string[] = [];
    if (first.kind === "ident") {
      lhsNames.push(this.next().text);
      while (this.isOp(this.peek(), "+") && this.tokens[this.pos + 1]?.kind === "ident") {
        this.next();
        lhsNames.push(this.next().text);
      }
    }
    const opTok = this.peek();
    const isStatementOp = opTok.kind === "op" && STATEMENT_OPS.has(opTok.text);
    const isConstraint = isStatementOp && (opTok.text === "==" || opTok.text === "<" || opTok.text === ">");
    // "a + b == 1" is an expression constraint, not "a == 1" and "b == 1".
    if (!isStatementOp || (isConstraint && lhsNames.length !== 1)) {
      this.pos = save;
      if (this.expressionConstraint(first)) return;
      this.pos = save;
      if (first.kind !== "ident") this.fail(first, "a variable or factor name at the start of a statement");
      this.next();
      if (opTok.kind === "op" && opTok.text === "<~")
        throw new PathlabError(
          `Model line ${opTok.line}: the formative operator "<~" (a composite "${first.text} <~ …") is not supported; pathlab fits reflective measurement ("=~") only.`,
          {
            hint: `Score the composite yourself (e.g. a column ${first.text} = the sum or weighted sum of its items) and use it as an observed variable, or fit the composite in R's lavaan.`,
            code: "sem.unsupported",
          },
        );
      this.fail(this.peek(), 'an operator: one of "=~", "~", "~~", ":=", "=="');
    }
    if (lhsNames.length === 0) this.fail(first, "a variable or factor name before the operator");
    this.next();
    this.skipNl();
    const op = opTok.text as SemOp;
    const at = { line: first.line, col: first.col };
    if (op === ":=") {
      if (lhsNames.length !== 1) this.fail(first, "a single name for the defined parameter");
      const expr = this.parseExpr();
      this.rows.push({ lhs: lhsNames[0], op, rhs: exprText(expr), expr, ...at });
    } else if (isConstraint) {
      const expr = this.parseExpr();
      const lhsExpr: Expr = { kind: "ref", name: lhsNames[0], ...at };
      this.rows.push({ lhs: lhsNames[0], op, rhs: exprText(expr), lhsExpr, expr, ...at });
    } else this.terms(lhsNames, op);
    this.endStatement();
  }

  /** `expr == expr` (or < >) at the cursor; false (cursor undefined) if the statement is not one. */
  private expressionConstraint(first: Token): boolean {
    try {
      const lhsExpr = this.parseExpr();
      const opTok = this.peek();
      if (opTok.kind === "op" && (opTok.text === "==" || opTok.text === "<" || opTok.text === ">")) {
        this.next();
        this.skipNl();
        const expr = this.parseExpr();
        this.rows.push({ lhs: exprText(lhsExpr), op: opTok.text as SemOp, rhs: exprText(expr), lhsExpr, expr, line: first.line, col: first.col });
        this.endStatement();
        return true;
      }
    } catch {
      /* not a constraint: the caller reports the generic error */
    }
    return false;
  }

  /** The `+`-separated terms of =~, ~ or ~~, one row per term and left-hand name. */
  private terms(lhsNames: string[], op: SemOp): void {
    for (;;) {
      const termTok = this.peek();
      const proto = this.term(op, termTok.line, termTok.col);
      for (const lhs of lhsNames) this.rows.push({ ...proto, lhs });
      if (this.isOp(this.peek(), "+")) {
        this.next();
        this.skipNl();
        continue;
      }
      if (this.continuesWithPlus()) {
        this.skipNl();
        this.next();
        this.skipNl();
        continue;
      }
      return;
    }
  }

  private parseNumber(): number {
    let sign = 1;
    if (this.isOp(this.peek(), "-")) {
      this.next();
      sign = -1;
    } else if (this.isOp(this.peek(), "+")) this.next();
    const t = this.peek();
    if (t.kind !== "num") this.fail(t, "a number");
    this.next();
    return sign * Number(t.text);
  }

  /** Parses one `(modifier *)* name` term of =~, ~ or ~~ statements. */
  private term(op: SemOp, line: number, col: number): SyntaxRow {
    const row: SyntaxRow = { lhs: "", op, rhs: "", line, col };
    for (;;) {
      const t = this.peek();
      // Modifier candidates.
      if (t.kind === "num" || this.isOp(t, "-")) {
        const v = this.parseNumber();
        if (this.isOp(this.peek(), "*")) {
          this.next();
          this.skipNl();
          row.fixed = v;
          continue;
        }
        if (this.isOp(this.peek(), "?")) {
          this.next();
          row.start = v;
          continue;
        }
        // A bare "1" is the intercept term (y ~ 1).
        if (v === 1 && t.kind === "num" && (op === "~" || op === "~1")) {
          row.op = "~1";
          row.rhs = "";
          return row;
        }
        return this.fail(this.peek(), '"*" after the number (e.g. "0.5*x1")');
      }
      if (t.kind !== "ident") return this.fail(t, op === "~" ? "a variable name or 1" : "a variable name");
      this.next();
      if (this.isOp(this.peek(), "(") && ["start", "label", "equal", "c"].includes(t.text)) {
        this.modifierCall(t, row);
        continue;
      }
      if (this.isOp(this.peek(), "*")) {
        this.next();
        this.skipNl();
        if (t.text === "NA") row.fixed = NaN;
        else {
          this.checkLabel(t, "or modifier");
          row.label = t.text;
        }
        continue;
      }
      if (this.isOp(this.peek(), "?")) this.fail(this.peek(), '"*" (a start value is written "0.5?x" with a number)');
      if (t.text === "NA") this.fail(this.peek(), '"*" after NA (e.g. "NA*x1")');
      row.rhs = t.text;
      return row;
    }
  }

  /**
   * start(v)*, label("a")*, equal("a")*, c(v)*, and their multiple-group forms c(v1, v2, …)*,
   * start(c(…))*, label(c(…))* with one value per group (lavaan's group-specific modifiers).
   */
  private modifierCall(t: Token, row: SyntaxRow): void {
    this.next();
    let values: (number | string)[];
    const inner = this.peek();
    if (t.text !== "c" && inner.kind === "ident" && inner.text === "c" && this.isOp(this.tokens[this.pos + 1], "(")) {
      this.next();
      this.next();
      values = this.modifierValues(t.text === "start");
      if (!this.isOp(this.peek(), ")")) this.fail(this.peek(), '")"');
      this.next();
    } else values = this.modifierValues(t.text === "start");
    if (!this.isOp(this.peek(), ")")) this.fail(this.peek(), '")"');
    this.next();
    if (!this.isOp(this.peek(), "*")) this.fail(this.peek(), `"*" after ${t.text}(...)`);
    this.next();
    this.skipNl();
    const numeric = values.every((v) => typeof v === "number");
    const textual = values.every((v) => typeof v === "string");
    if (t.text === "start") {
      if (!numeric) this.fail(inner, "numbers in start(...)");
      if (values.length === 1) row.start = values[0] as number;
      else row.groupStart = values as number[];
      return;
    }
    if (t.text !== "c" && !textual) {
      // label(NA)* or label(0.5)*: a value, as before (lavaan reads these as fixed/free).
      if (values.length === 1 && typeof values[0] === "number") {
        row.fixed = values[0];
        return;
      }
      this.fail(inner, `labels in ${t.text}(...)`);
    }
    if (!numeric && !textual)
      throw new PathlabError(
        `Model syntax error at line ${inner.line}, column ${inner.col}: c(...) mixes labels and values (${values.map((v) => (typeof v === "number" ? (Number.isNaN(v) ? "NA" : String(v)) : v)).join(", ")}).`,
        {
          hint: `${this.lines[inner.line - 1]}\n${" ".repeat(Math.max(0, inner.col - 1))}^  Give one kind per modifier: values such as c(1, NA)*x1 (fixed/free per group) or labels such as c(a1, a2)*x1; write two modifiers for both, e.g. c(a1, a2)*c(1, NA)*x1.`,
          code: "sem.syntax",
        },
      );
    if (numeric) {
      if (values.length === 1) row.fixed = values[0] as number;
      else row.groupFixed = values as number[];
      return;
    }
    // lavaan removes all white space from the syntax, quoted labels included: equal("visual =~ x2")
    // names the parameter visual=~x2.
    const labels = (values as string[]).map((v) => v.replace(/\s+/g, ""));
    for (const v of labels) this.checkLabel({ ...inner, text: v }, "or modifier");
    if (t.text === "equal") row.equalRef = true;
    if (labels.length === 1) row.label = labels[0];
    else row.groupLabel = labels;
  }

  /** Comma-separated modifier values: numbers, NA (NaN), identifiers or quoted strings. */
  private modifierValues(numbersOnly: boolean): (number | string)[] {
    const out: (number | string)[] = [];
    for (;;) {
      const a = this.peek();
      if (a.kind === "str") {
        this.next();
        out.push(a.text);
      } else if (a.kind === "ident" && a.text === "NA") {
        this.next();
        out.push(NaN);
      } else if (a.kind === "ident" && !numbersOnly) {
        this.next();
        out.push(a.text);
      } else if (a.kind === "ident") this.fail(a, "a number or NA");
      else out.push(this.parseNumber());
      if (!this.isOp(this.peek(), ",")) return out;
      this.next();
      this.skipNl();
    }
  }

  /** R's special values (and JavaScript's Infinity) are not labels (lavaan reads NaN*x as free, Infinity*x as a label). */
  private checkLabel(t: Token, where: string): void {
    if (!RESERVED.has(t.text)) return;
    const special = t.text === "NaN" || t.text === "Inf" || t.text === "Infinity";
    throw new PathlabError(`Model syntax error at line ${t.line}, column ${t.col}: "${t.text}" cannot be used as a label ${where}.`, {
      hint: `${this.lines[t.line - 1]}\n${" ".repeat(Math.max(0, t.col - 1))}^  ${special ? "Write NA* to free a parameter, a finite number to fix it, or a plain label such as a*." : "Use a plain label such as a* or b1*."}`,
      code: "sem.syntax",
    });
  }

  // Expression parser (precedence climbing) for :=, ==, <, >.
  private parseExpr(): Expr {
    this.nodes = 0;
    this.depth = 0;
    return this.parseAdd();
  }
  private count(t: Token): void {
    if (++this.nodes > MAX_EXPR_NODES)
      throw new PathlabError(`Model syntax error at line ${t.line}: the expression has more than ${MAX_EXPR_NODES} terms and operators.`, {
        hint: "Split it: define partial sums with := (e.g. s1 := a1*b1 + a2*b2) and add those.",
        code: "sem.syntax",
      });
  }
  private enter(t: Token): void {
    this.count(t);
    if (++this.depth > MAX_EXPR_DEPTH)
      throw new PathlabError(`Model syntax error at line ${t.line}, column ${t.col}: the expression is nested more than ${MAX_EXPR_DEPTH} levels deep.`, {
        hint: "Simplify the expression: define intermediate parameters with := and refer to them.",
        code: "sem.syntax",
      });
  }
  /** A chain a + b + c … is parsed iteratively (its size is bounded by count, not depth). */
  private parseAdd(): Expr {
    let left = this.parseMul();
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, "+") && !this.isOp(t, "-")) return left;
      this.next();
      this.skipNl();
      this.count(t);
      left = { kind: "bin", op: t.text as "+" | "-", left, right: this.parseMul() };
    }
  }
  private parseMul(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, "*") && !this.isOp(t, "/")) return left;
      this.next();
      this.skipNl();
      this.count(t);
      left = { kind: "bin", op: t.text as "*" | "/", left, right: this.parseUnary() };
    }
  }
  private parseUnary(): Expr {
    const t = this.peek();
    if (!this.isOp(t, "-") && !this.isOp(t, "+")) return this.parsePow();
    this.next();
    this.enter(t);
    const arg = this.parseUnary();
    this.depth--;
    return t.text === "-" ? { kind: "neg", arg } : arg;
  }
  private parsePow(): Expr {
    const base = this.parseAtom();
    const t = this.peek();
    if (!this.isOp(t, "^")) return base;
    this.next();
    this.enter(t);
    const right = this.parseUnary();
    this.depth--;
    return { kind: "bin", op: "^", left: base, right };
  }
  private parseAtom(): Expr {
    const t = this.peek();
    this.enter(t);
    const e = this.atom(t);
    this.depth--;
    return e;
  }
  private atom(t: Token): Expr {
    if (t.kind === "num") {
      this.next();
      return { kind: "num", value: Number(t.text) };
    }
    if (this.isOp(t, "(")) {
      this.next();
      this.skipNl();
      const e = this.parseAdd();
      this.skipNl();
      if (!this.isOp(this.peek(), ")")) this.fail(this.peek(), '")"');
      this.next();
      return e;
    }
    if (t.kind !== "ident") return this.fail(t, 'a label, number or "("');
    this.next();
    if (this.isOp(this.peek(), "(")) {
      const fn = t.text;
      if (!["sqrt", "exp", "log", "abs"].includes(fn)) this.fail(t, "a label, number or one of sqrt(), exp(), log(), abs()");
      this.next();
      const args = [this.parseAdd()];
      if (!this.isOp(this.peek(), ")")) this.fail(this.peek(), '")"');
      this.next();
      return { kind: "call", fn, args };
    }
    this.checkLabel(t, "in an expression");
    return { kind: "ref", name: t.text, line: t.line, col: t.col };
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
        x.kind === "bin" && (parentOp === "*" || parentOp === "/" || parentOp === "^") && (x.op === "+" || x.op === "-") ? `(${exprText(x)})` : exprText(x);
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
