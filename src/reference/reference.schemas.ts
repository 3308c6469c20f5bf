import { z } from 'zod';

const authoritySchema = z.object({
  abbr: z.string().describe('证号开头的简称：国或省份（粤、京等）。 The abbreviation that starts a number: 国 or a province (粤, 京 …).'),
  name: z.string().describe('所属地区；国为国家药品监督管理局。 The region, or the national administration for 国.'),
  seenInRealNumbers: z
    .boolean()
    .describe('公开资料中是否见过以此开头的证号。 Whether numbers with this prefix have been seen in public material.'),
});

const guangdongCitySchema = z.object({
  city: z.string().describe('城市名称。 City name.'),
  prefix: z.string().nullable().describe('备案编号前缀（如粤穗）；未知时为 null。 Filing number prefix (粤穗); null where none is known.'),
  seenInRealNumbers: z
    .boolean()
    .describe('公开资料中是否见过以此开头的备案编号。 Whether filings with this prefix have been seen in public material.'),
});

export const authoritiesResponseSchema = z.object({
  authorities: z.array(authoritySchema).describe('证号引擎接受的全部审批部门。 Every issuing authority the number engine accepts.'),
  guangdongCities: z
    .array(guangdongCitySchema)
    .describe('广东省各地级市及其第一类备案编号前缀。 Guangdong prefecture-level cities and their class I filing prefixes.'),
});

const catalogue2002EntrySchema = z.object({
  code4: z.string().describe('四位 68xx 编码。 The 68xx code.'),
  code2: z.string().describe('出现在证号中的两位数字。 The two digits that appear in a certificate number.'),
  name: z.string().describe('类别名称。 Category name.'),
});

export const cataloguesResponseSchema = z.object({
  catalogue2002: z
    .array(catalogue2002EntrySchema)
    .describe('2002 版分类目录，用于 2018-08-01 之前首次注册的证号。 The 2002 catalogue, for numbers first registered before 2018-08-01.'),
  catalogue2017: z
    .array(z.object({ code: z.string().describe('编码 01–22。 01–22.'), name: z.string().describe('类别名称。 Category name.') }))
    .describe('2017 版分类目录，自 2018-08-01 起使用。 The 2017 catalogue, from 2018-08-01.'),
  ivd: z
    .object({ code: z.string(), name: z.string() })
    .describe('体外诊断试剂在两个版本中使用的编码。 The code IVD reagents carry in both eras.'),
});
