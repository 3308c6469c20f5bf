import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenCitations, type Citation, citationsIn, type DocSections, readText, sectionsOf, textFilesUnder } from './doc-citations.ts';
import { outsideReferences } from './outside-references.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where citations are written; this folder's own examples of broken citations are left out. */
const CITING = ['src', 'scripts', 'seed', 'tests', 'docs', 'README.md'];
const citingFiles = CITING.flatMap((dir) => textFilesUnder(root, dir)).filter((f) => !f.startsWith(`tests${path.sep}docs${path.sep}`));
const citations: Citation[] = citingFiles.flatMap((file) => citationsIn(readText(root, file), file));

const docs = new Map<string, DocSections>(
  textFilesUnder(root, 'docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => [path.basename(f), sectionsOf(readText(root, f))]),
);

describe('docs citations', () => {
  it('finds the citations the code is known to make', () => {
    const written = (file: string) => citations.filter((c) => c.at.startsWith(file));
    expect(written(path.join('src', 'numbers', 'text', 'traditional.ts'))).toContainEqual(
      expect.objectContaining({ file: 'numbers.md', sections: [3], rows: [10] }),
    );
    expect(written(path.join('tests', 'numbers', 'support', 'valid-numbers.ts'))).toContainEqual(
      expect.objectContaining({ file: 'numbers.md', sections: [3], rows: [2, 8] }),
    );
    expect(written(path.join('src', 'certificates', 'current-document.ts'))).toContainEqual(
      expect.objectContaining({ file: 'certificates.md', sections: [2, 3] }),
    );
    expect(written(path.join('tests', 'autofill', 'autofill-rules.test.ts'))).toContainEqual(
      expect.objectContaining({ file: 'certificates.md', sections: [3], rules: [1] }),
    );
  });

  it('every docs/<file>.md §N (row M, rule M) citation points at a file, section, row and rule that exist', () => {
    expect(brokenCitations(citations, docs)).toEqual([]);
  });

  it('reports a citation of a missing file, section, row or rule', () => {
    const cited = citationsIn(
      [
        'see docs/numbers.md §9',
        'see docs/numbers.md §3 row 99',
        'see docs/certificates.md §3 rule 42',
        'see docs/certificates.md §30–31',
        'see docs/nowhere.md',
      ].join('\n'),
      'example',
    );
    expect(brokenCitations(cited, docs)).toEqual([
      'example:1: docs/numbers.md has no §9',
      'example:2: docs/numbers.md §3 has no row 99',
      'example:3: docs/certificates.md §3 has no rule 42',
      // Far past the last section, so that a section added to the end keeps this an example of a missing one.
      'example:4: docs/certificates.md has no §30',
      'example:4: docs/certificates.md has no §31',
      'example:5: docs/nowhere.md does not exist',
    ]);
  });

  it('nothing in src or README.md points at notes or tables outside the repository, or at an issue number', () => {
    const files = ['src', 'README.md'].flatMap((dir) => textFilesUnder(root, dir));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => outsideReferences(root, file, readText(root, file)))).toEqual([]);
  });

  it('recognises those references, and leaves src/shared imports and upstream issues alone', () => {
    const text = [
      "import { AppError } from '../shared/app-error.ts';",
      'as ../shared/domain/NUMBERS.md says',
      'see CERTIFICATES.md',
      'fixed in #12',
      'works around exceljs/exceljs#2063',
      'from `reference/authorities.csv`',
    ].join('\n');
    const allowed = ["import { AppError } from '../../shared/app-error.ts';", 'works around exceljs/exceljs#2063'].join('\n');
    expect(outsideReferences(root, path.join('src', 'a', 'b.ts'), allowed)).toEqual([]);
    expect(outsideReferences(root, 'README.md', text)).toEqual([
      'README.md:1: points at ../shared outside the repository',
      'README.md:2: names NUMBERS.md',
      'README.md:2: points at ../shared outside the repository',
      'README.md:3: names CERTIFICATES.md',
      'README.md:4: names an issue number',
      'README.md:6: points at reference/authorities.csv, which is not in the repository',
    ]);
  });
});
