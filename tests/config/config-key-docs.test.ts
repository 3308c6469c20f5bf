import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configKeyDocs } from '../../src/config/config-docs.ts';
import { wrapText } from '../../src/config/text-wrap.ts';

describe('configKeyDocs', () => {
  it('reads group, both languages, the default as written in the environment, and the example', () => {
    const schema = z.object({
      FLAG: z
        .enum(['true', 'false'])
        .transform((value) => value === 'true')
        .default(true)
        .meta({ group: 'server', description: '开关 / A switch' }),
      SECRET: z.string().optional().meta({ group: 'access', description: '密钥 / A secret', example: 'change-me' }),
    });
    expect(configKeyDocs(schema)).toEqual([
      { key: 'FLAG', group: 'server', zh: '开关', en: 'A switch', defaultValue: 'true', example: undefined },
      { key: 'SECRET', group: 'access', zh: '密钥', en: 'A secret', defaultValue: undefined, example: 'change-me' },
    ]);
  });

  it('names a key whose .meta() is not last in its chain (so the docs would lose it)', () => {
    const schema = z.object({ LATE: z.coerce.number().meta({ group: 'server', description: '数 / A number' }).default(1) });
    expect(() => configKeyDocs(schema)).toThrow(/^LATE：.*\/ LATE: \.meta\(\) must come last/);
  });

  it('names a key whose description is not Chinese, then " / ", then English', () => {
    const schema = z.object({ ENGLISH_ONLY: z.string().optional().meta({ group: 'server', description: 'Only English' }) });
    expect(() => configKeyDocs(schema)).toThrow(/ENGLISH_ONLY: description must be "中文 \/ English"/);
  });
});

describe('wrapText', () => {
  it('breaks English between words and Chinese between characters, within the width', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('数据库文件路径', 6)).toEqual(['数据库', '文件路', '径']);
  });

  it('keeps closing punctuation on the line before and opening brackets on the line after', () => {
    expect(wrapText('数据库，文件', 6)).toEqual(['数据库，', '文件']);
    expect(wrapText('数据（库）', 6)).toEqual(['数据', '（库）']);
  });
});
