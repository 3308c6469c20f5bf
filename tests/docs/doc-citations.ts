import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A place in the docs that code or prose points at: `docs/numbers.md §3 rows 2, 8`. */
export interface Citation {
  /** Where the citation was written: `src/numbers/render.ts:18`. */
  at: string;
  /** The file under `docs/`: `numbers.md`. */
  file: string;
  /** Sections cited; `§2–3` cites both. Empty when the file alone is cited. */
  sections: number[];
  rows: number[];
  rules: number[];
}

// `docs/x.md`, then optionally `§N` or `§N–M`, then optionally `row N`, `rows N, M` or `rule N`.
const CITATION = /docs\/([a-z0-9-]+\.md)(?:\s*§\s*(\d+)(?:\s*[–-]\s*(\d+))?(?:\s+(rows?|rules?)\s+(\d+(?:\s*(?:,|and)\s*\d+)*))?)?/g;

/** Every docs citation in a text, with `where` naming the file for the report. */
export function citationsIn(text: string, where: string): Citation[] {
  const found: Citation[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const m of line.matchAll(CITATION)) {
      const [, file, from, to, kind, list] = m;
      const first = from === undefined ? undefined : Number(from);
      const last = to === undefined ? first : Number(to);
      const sections: number[] = [];
      if (first !== undefined && last !== undefined) for (let s = first; s <= last; s++) sections.push(s);
      const numbers = list === undefined ? [] : (list.match(/\d+/g) ?? []).map(Number);
      found.push({
        at: `${where}:${index + 1}`,
        file: file!,
        sections,
        rows: kind?.startsWith('row') ? numbers : [],
        rules: kind?.startsWith('rule') ? numbers : [],
      });
    }
  });
  return found;
}

/** A markdown document cut into its numbered `## N. Title` sections. */
export type DocSections = Map<number, string>;

export function sectionsOf(markdown: string): DocSections {
  const sections: DocSections = new Map();
  let current: number | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^## (\d+)\.\s/.exec(line);
    if (heading) current = Number(heading[1]);
    else if (line.startsWith('## ')) current = null;
    else if (current !== null) sections.set(current, `${sections.get(current) ?? ''}${line}\n`);
    if (heading) sections.set(current!, '');
  }
  return sections;
}

/** A table row whose first cell is the number: `| 10  | traditional characters …`. */
function hasRow(section: string, row: number): boolean {
  return new RegExp(`^\\|\\s*${row}\\s*\\|`, 'm').test(section);
}

/** A list item that opens with the rule's name: `- **rule 1 — effective date.**`. */
function hasRule(section: string, rule: number): boolean {
  return new RegExp(`^\\s*(?:[-*]|\\d+\\.)\\s+\\**rule ${rule}\\b`, 'm').test(section);
}

/** What each citation points at that does not exist; empty when every citation lands. */
export function brokenCitations(citations: readonly Citation[], docs: ReadonlyMap<string, DocSections>): string[] {
  const broken: string[] = [];
  for (const c of citations) {
    const sections = docs.get(c.file);
    if (!sections) {
      broken.push(`${c.at}: docs/${c.file} does not exist`);
      continue;
    }
    for (const s of c.sections) {
      const body = sections.get(s);
      if (body === undefined) {
        broken.push(`${c.at}: docs/${c.file} has no §${s}`);
        continue;
      }
      for (const row of c.rows) if (!hasRow(body, row)) broken.push(`${c.at}: docs/${c.file} §${s} has no row ${row}`);
      for (const rule of c.rules) if (!hasRule(body, rule)) broken.push(`${c.at}: docs/${c.file} §${s} has no rule ${rule}`);
    }
  }
  return broken;
}

/** Text files under `dir` (relative to `root`), skipping dependencies and recorded outputs. */
export function textFilesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) return statSync(full, { throwIfNoEntry: false }) ? [dir] : [];
  const out: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '__snapshots__' || entry.name.startsWith('.')) continue;
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...textFilesUnder(root, relative));
    else if (/\.(ts|mts|mjs|js|md|json|jsonc|html|css)$/.test(entry.name)) out.push(relative);
  }
  return out;
}

export function readText(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}
