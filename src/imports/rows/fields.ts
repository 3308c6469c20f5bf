/**
 * The columns an import understands, and the header texts that name them. Chinese headers come
 * from certificates, the reporting system's templates and provincial announcements; English ones
 * from exports of this service and other tools (snake_case and camelCase compare equal).
 */
export const FIELDS = [
  'number',
  'productName',
  'holder',
  'approvalDate',
  'effectiveDate',
  'expiryDate',
  'documentType',
  'modelSpec',
  'structure',
  'scope',
  'holderAddress',
  'productionAddress',
  'agentName',
  'agentAddress',
  'approvalDepartment',
  'changeDescription',
  'remarks',
  'previousNumbers',
] as const;

export type Field = (typeof FIELDS)[number];

/** A file without one of these columns is refused as a whole: its rows could not be stored. */
export const REQUIRED_FIELDS: readonly Field[] = ['number', 'productName', 'approvalDate'];

export const FIELD_ALIASES: Record<Field, readonly string[]> = {
  number: [
    '注册证编号',
    '备案编号',
    '注册证号',
    '备案号',
    '注册证/备案凭证编号',
    '注册(备案)证编号',
    '注册(备案)证号',
    '备案凭证编号',
    '注册备案号',
    'number',
    'certificate_number',
    'registration_number',
    'filing_number',
    'cert_no',
  ],
  productName: ['产品名称', '产品名称(通用名称)', '品名', 'product_name', 'product'],
  holder: ['注册人名称', '备案人名称', '注册人', '备案人', '注册人/备案人名称', '企业名称', 'holder', 'holder_name', 'registrant'],
  approvalDate: ['批准日期', '备案日期', '发证日期', '批准/备案日期', 'approval_date', 'filing_date', 'approved_on'],
  effectiveDate: ['生效日期', 'effective_date', 'effective_from'],
  expiryDate: ['有效期至', '有效期', '有效期截止日期', '失效日期', 'expiry_date', 'expiration_date', 'valid_until', 'expires_on'],
  documentType: ['文件类型', '证件类型', '文书类型', 'document_type', 'doc_type'],
  modelSpec: ['型号规格', '规格型号', '型号、规格', 'model_spec', 'models', 'model_specification'],
  structure: ['结构及组成', '主要组成成分', '结构组成', '产品描述', 'structure', 'composition'],
  scope: ['适用范围', '预期用途', '适用范围/预期用途', 'scope', 'intended_use'],
  holderAddress: ['注册人住所', '备案人住所', '住所', 'holder_address', 'registrant_address'],
  productionAddress: ['生产地址', 'production_address', 'manufacturing_address'],
  agentName: ['代理人名称', '代理人', 'agent_name', 'agent'],
  agentAddress: ['代理人住所', 'agent_address'],
  approvalDepartment: ['审批部门', '备案单位', '备案部门', '发证部门', 'approval_department', 'authority_name'],
  changeDescription: ['变更情况', '变更内容', 'change_description', 'changes'],
  remarks: ['备注', '其他内容', 'remarks', 'notes'],
  previousNumbers: ['原注册证编号', '原注册证号', '原备案编号', 'previous_number', 'previous_numbers'],
};

/**
 * One spelling per header: NFKC (full-width letters and brackets), no whitespace, no required
 * markers (`*`), no `_`/`-` between English words, lower case.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/^[*※]+|[*※]+$/g, '')
    .replace(/[【〔[]/g, '(')
    .replace(/[】〕\]]/g, ')')
    .replace(/[_-]/g, '')
    .toLowerCase();
}

const aliasIndex = new Map<string, Field>();
for (const field of FIELDS) for (const alias of FIELD_ALIASES[field]) aliasIndex.set(headerKey(alias), field);

/**
 * The field a header names, trying the whole text first and then its parts, so that
 * `批准日期（格式：2023-05-01）`, `*注册证编号` and `结构及组成/主要组成成分` are all understood.
 */
export function fieldForHeader(text: string): Field | null {
  const key = headerKey(text);
  if (key === '') return null;
  const whole = aliasIndex.get(key);
  if (whole) return whole;
  const withoutNote = key.replace(/\(.*\)$/, '');
  const candidates = [withoutNote, ...withoutNote.split(/[/、|]/), ...(key.match(/\(([^)]*)\)$/)?.slice(1) ?? [])];
  for (const candidate of candidates) {
    const field = aliasIndex.get(candidate);
    if (field) return field;
  }
  return null;
}
