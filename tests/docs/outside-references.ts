import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * References a user's clone cannot follow: the domain notes the docs were written from live
 * outside the repository, and issue numbers belong to a tracker the reader may not see. Each hit
 * is `file:line: what`.
 */
export function outsideReferences(root: string, file: string, text: string): string[] {
  const hits: string[] = [];
  // Stylesheets and pages carry colours such as #000, which are not issue numbers.
  const checkIssues = !/\.(css|html)$/.test(file);
  text.split('\n').forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    for (const name of ['NUMBERS.md', 'CERTIFICATES.md']) if (line.includes(name)) hits.push(`${at}: names ${name}`);
    for (const m of line.matchAll(/(?:\.\.\/)+shared\b/g)) {
      // `../shared/app-error.ts` inside src is src/shared; only a path leaving the repository is outside.
      const target = path.resolve(root, path.dirname(file), m[0]);
      if (path.relative(root, target).startsWith('..')) hits.push(`${at}: points at ${m[0]} outside the repository`);
    }
    // The domain notes came with reference tables; their contents now live in src/numbers/reference and docs/.
    for (const m of line.matchAll(/\breference\/[\w-]+\.csv\b/g)) {
      if (!existsSync(path.join(root, path.dirname(file), m[0])) && !existsSync(path.join(root, m[0]))) {
        hits.push(`${at}: points at ${m[0]}, which is not in the repository`);
      }
    }
    if (!checkIssues) return;
    // A bare #123 or "issue 123"; an upstream project's issue is written owner/repo#123 and is allowed.
    if (/(?<![\w/&])#\d+\b/.test(line) || /\bissues?\s+(?:no\.?\s*)?\d+\b/i.test(line) || /\/issues\/\d+/.test(line)) {
      hits.push(`${at}: names an issue number`);
    }
  });
  return hits;
}
