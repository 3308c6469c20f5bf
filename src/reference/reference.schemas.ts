import { z } from 'zod';

const authoritySchema = z.object({
  abbr: z.string().describe('The abbreviation that starts a number: 国 or a province (粤, 京 …).'),
  name: z.string().describe('The region, or the national administration for 国.'),
  seenInRealNumbers: z.boolean().describe('Whether numbers with this prefix have been seen in public material.'),
});

const guangdongCitySchema = z.object({
  city: z.string().describe('City name.'),
  prefix: z.string().nullable().describe('Filing number prefix (粤穗); null where none is known.'),
  seenInRealNumbers: z.boolean().describe('Whether filings with this prefix have been seen in public material.'),
});

export const authoritiesResponseSchema = z.object({
  authorities: z.array(authoritySchema).describe('Every issuing authority the number engine accepts.'),
  guangdongCities: z.array(guangdongCitySchema).describe('Guangdong prefecture-level cities and their class I filing prefixes.'),
});

const catalogue2002EntrySchema = z.object({
  code4: z.string().describe('The 68xx code.'),
  code2: z.string().describe('The two digits that appear in a certificate number.'),
  name: z.string().describe('Category name.'),
});

export const cataloguesResponseSchema = z.object({
  catalogue2002: z.array(catalogue2002EntrySchema).describe('The 2002 catalogue, for numbers first registered before 2018-08-01.'),
  catalogue2017: z
    .array(z.object({ code: z.string().describe('01–22.'), name: z.string().describe('Category name.') }))
    .describe('The 2017 catalogue, from 2018-08-01.'),
  ivd: z.object({ code: z.string(), name: z.string() }).describe('The code IVD reagents carry in both eras.'),
});
