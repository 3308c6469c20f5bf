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
    catalogue: z.enum(['2002', '2017']).describe('Which classification catalogue this reading uses.'),
    code: z.string().describe('The catalogue code: 4-digit 68xx for 2002, 2-digit for 2017.'),
    name: z.string().describe('The category name.'),
  })
  .meta({ id: 'CatalogueReading' });

export const parsedNumberSchema = z
  .object({
    canonical: z.string().describe('The canonical number: the identity used everywhere in certref.'),
    family: z.enum(FAMILIES).describe('The number format family.'),
    authority: z.string().describe('Issuing authority abbreviation: 国 (NMPA) or a province (粤, 京 …).'),
    authorityName: z.string().describe('The authority in full.'),
    city: z.string().nullable().describe('City abbreviation of a class I filing (穗), or null.'),
    cityName: z.string().nullable().describe('The city in full, or null.'),
    form: z.enum(['准', '进', '许']).nullable().describe('准 domestic, 进 imported, 许 Hong Kong/Macao/Taiwan; null for filings.'),
    origin: z.enum(['domestic', 'imported', 'hmt']).describe('Where the product comes from.'),
    year: z.number().int().describe('The year in the number.'),
    yearMeaning: z
      .enum(['first_registration', 'filing', 'approval'])
      .describe('What the year means: first registration (kept at renewal), filing year, or that approval (legacy).'),
    class: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('Management class.'),
    code: z.string().nullable().describe('Two-digit classification code; null for filings.'),
    serial: z.string().describe('Serial number.'),
    catalogue: z.array(catalogueReadingSchema).describe('Catalogue reading(s) of the code; both when ambiguous.'),
    matchKey: z.string().describe('Equal for all spellings that must find the same certificate.'),
    flags: z.array(z.string()).describe('What was stripped or repaired: suffixes, 号, full-width characters …'),
    warnings: z.array(z.string()).describe('Non-fatal findings, e.g. unknown_category_code.'),
  })
  .meta({ id: 'ParsedNumber' });

const normaliseErrorSchema = z
  .object({
    reason: z.string().describe('Stable reason code: empty, bad_digit_count, unknown_authority …'),
    message: z.object({ zh: z.string(), en: z.string() }).describe('Explanation in Chinese and English.'),
    suggestions: z.array(z.string()).describe('Valid numbers one edit away from the input.'),
  })
  .meta({ id: 'NormaliseError' });

const normaliseResultSchema = z
  .object({
    numbers: z.array(parsedNumberSchema).describe('Every number found in the input, in order.'),
    error: normaliseErrorSchema.nullable().describe('Why no number was found; null when some were.'),
  })
  .meta({ id: 'NormaliseResult' });

export const normaliseBatchBodySchema = z
  .strictObject({
    inputs: z.array(CertificateNumberInput).min(1).max(1000).describe('Up to 1,000 inputs.'),
  })
  .describe('Inputs to normalise.');

export const normaliseBatchResponseSchema = z.object({
  results: z
    .array(normaliseResultSchema.extend({ input: z.string().describe('The input as given.') }))
    .describe('One result per input, in order.'),
});
