/**
 * Column names from a file's header row (CSV, Excel). Empty header cells are named as R's read.csv
 * names them ("X", then "X.1", "X.2", …); a name that occurs twice is an error naming both columns,
 * because R's renaming of the second copy ("q1.1") silently changes which column a model uses.
 */
import { PathlabError } from "../errors";

/**
 * @param cells    the header row's cells
 * @param where    e.g. `sheet "Data" of survey.xlsx`, for the messages
 * @param position how a 0-based column index is shown (1-based number, or an Excel letter)
 */
export function headerNames(cells: unknown[], where: string, position: (j: number) => string = (j) => String(j + 1)): string[] {
  const names: string[] = [];
  const at = new Map<string, number>();
  const given = new Set(cells.map((c) => (c === null || c === undefined ? "" : String(c))));
  let blank = 0;
  cells.forEach((c, j) => {
    let name = c === null || c === undefined ? "" : String(c);
    if (name.trim() === "") {
      do name = blank++ === 0 ? "X" : `X.${blank - 1}`;
      while (given.has(name));
    }
    const prev = at.get(name);
    if (prev !== undefined)
      throw new PathlabError(`Column name "${name}" occurs twice in the header of ${where} (columns ${position(prev)} and ${position(j)}).`, {
        code: "data.duplicate-column",
        hint: "Rename one of the two columns in the file; pathlab will not guess which one you mean.",
      });
    at.set(name, j);
    names.push(name);
  });
  return names;
}

/** Excel's column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function excelColumn(j: number): string {
  let s = "";
  for (let n = j + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
