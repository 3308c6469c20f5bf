import { z } from 'zod';
import { FAMILIES } from './number.types.ts';

export const CertificateNumberInput = z
  .string()
  .max(2000)
  .describe(
    '证号，按任意常见写法输入均可。 A certificate number typed any way people type it: spaces, full-width, traditional characters, old formats.',
  );

const catalogueReadingSchema = z
  .object({
    catalogue: z.enum(['2002', '2017']).describe('本解读所用的分类目录。 Which classification catalogue this reading uses.'),
    code: z.string().describe('分类编码：2002 版为四位 68xx，2017 版为两位。 The catalogue code: 4-digit 68xx for 2002, 2-digit for 2017.'),
    name: z.string().describe('类别名称。 The category name.'),
  })
  .meta({ id: 'CatalogueReading' });

export const parsedNumberSchema = z
  .object({
    canonical: z.string().describe('规范号码：certref 各处使用的唯一标识。 The canonical number: the identity used everywhere in certref.'),
    family: z.enum(FAMILIES).describe('证号格式类别。 The number format family.'),
    authority: z
      .string()
      .describe('审批部门简称：国（国家药监局）或省份（粤、京等）。 Issuing authority abbreviation: 国 (NMPA) or a province (粤, 京 …).'),
    authorityName: z.string().describe('审批部门全称。 The authority in full.'),
    city: z
      .string()
      .nullable()
      .describe('第一类备案的城市简称（如穗），没有时为 null。 City abbreviation of a class I filing (穗), or null.'),
    cityName: z.string().nullable().describe('城市全称，没有时为 null。 The city in full, or null.'),
    form: z
      .enum(['准', '进', '许'])
      .nullable()
      .describe(
        '注册证类型：准为境内，进为进口，许为港澳台；备案凭证为 null。 准 domestic, 进 imported, 许 Hong Kong/Macao/Taiwan; null for filings.',
      ),
    origin: z
      .enum(['domestic', 'imported', 'hmt'])
      .describe('产品来源：domestic 境内、imported 进口、hmt 港澳台。 Where the product comes from.'),
    year: z.number().int().describe('证号中的年份。 The year in the number.'),
    yearMeaning: z
      .enum(['first_registration', 'filing', 'approval'])
      .describe(
        '年份的含义：首次注册年份（延续注册时不变）、备案年份，或（旧格式）该次批准的年份。 What the year means: first registration (kept at renewal), filing year, or that approval (legacy).',
      ),
    class: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('管理类别。 Management class.'),
    code: z.string().nullable().describe('两位分类编码；备案为 null。 Two-digit classification code; null for filings.'),
    serial: z.string().describe('流水号。 Serial number.'),
    catalogue: z
      .array(catalogueReadingSchema)
      .describe('分类编码在目录中的解读；有歧义时两种都给出。 Catalogue reading(s) of the code; both when ambiguous.'),
    matchKey: z
      .string()
      .describe('匹配键：应找到同一证书的各种写法，其匹配键相同。 Equal for all spellings that must find the same certificate.'),
    flags: z
      .array(z.string())
      .describe('被去除或修正的内容：后缀、“号”字、全角字符等。 What was stripped or repaired: suffixes, 号, full-width characters …'),
    warnings: z.array(z.string()).describe('不影响结果的提示，如 unknown_category_code。 Non-fatal findings, e.g. unknown_category_code.'),
  })
  .meta({ id: 'ParsedNumber' });

const normaliseErrorSchema = z
  .object({
    reason: z
      .string()
      .describe(
        '稳定的原因代码：empty、bad_digit_count、unknown_authority 等。 Stable reason code: empty, bad_digit_count, unknown_authority …',
      ),
    message: z.object({ zh: z.string(), en: z.string() }).describe('中英文说明。 Explanation in Chinese and English.'),
    suggestions: z.array(z.string()).describe('与输入只差一处编辑的有效证号。 Valid numbers one edit away from the input.'),
  })
  .meta({ id: 'NormaliseError' });

const normaliseResultSchema = z
  .object({
    numbers: z.array(parsedNumberSchema).describe('在输入中找到的全部证号，按出现顺序。 Every number found in the input, in order.'),
    error: normaliseErrorSchema.nullable().describe('未找到证号的原因；找到时为 null。 Why no number was found; null when some were.'),
  })
  .meta({ id: 'NormaliseResult' });

export const normaliseBatchBodySchema = z
  .strictObject({
    inputs: z.array(CertificateNumberInput).min(1).max(1000).describe('最多 1000 条输入。 Up to 1,000 inputs.'),
  })
  .describe('待规范化的输入。 Inputs to normalise.');

export const normaliseBatchResponseSchema = z.object({
  results: z
    .array(normaliseResultSchema.extend({ input: z.string().describe('原样返回的输入。 The input as given.') }))
    .describe('每条输入一个结果，顺序与输入相同。 One result per input, in order.'),
});
