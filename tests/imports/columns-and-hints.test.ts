import { describe, expect, it } from 'vitest';
import { fieldForHeader } from '../../src/imports/rows/fields.ts';
import { isHintRow } from '../../src/imports/rows/hint-row.ts';

describe('column headers', () => {
  it.each([
    ['注册证编号', 'number'],
    [' 备案编号 ', 'number'],
    ['*注册证号', 'number'],
    ['备案号（必填）', 'number'],
    ['注册证编号/备案编号', 'number'],
    ['产品名称', 'productName'],
    ['注册人名称', 'holder'],
    ['备案人名称', 'holder'],
    ['批准日期(格式:2023-05-01)', 'approvalDate'],
    ['备案日期', 'approvalDate'],
    ['生效日期', 'effectiveDate'],
    ['有效期至', 'expiryDate'],
    ['文件类型', 'documentType'],
    ['型号规格', 'modelSpec'],
    ['结构及组成（主要组成成分）', 'structure'],
    ['主要组成成分', 'structure'],
    ['预期用途', 'scope'],
    ['适用范围', 'scope'],
    ['注册人住所', 'holderAddress'],
    ['生产地址', 'productionAddress'],
    ['代理人名称', 'agentName'],
    ['代理人住所', 'agentAddress'],
    ['备案单位', 'approvalDepartment'],
    ['变更情况', 'changeDescription'],
    ['备注', 'remarks'],
    ['原注册证编号', 'previousNumbers'],
    ['ｐｒｏｄｕｃｔ＿ｎａｍｅ', 'productName'],
    ['Product Name', 'productName'],
    ['approval_date', 'approvalDate'],
    ['approvalDate', 'approvalDate'],
    ['expiry_date', 'expiryDate'],
    ['document_type', 'documentType'],
  ])('%s names %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['序号', '管理类别', '', 'id'])('%s names no field', (header) => {
    expect(fieldForHeader(header)).toBeNull();
  });
});

describe('template hint rows, by content', () => {
  it('recognises instructions in the number cell', () => {
    expect(isHintRow('必填，示例：粤械注准20172010123', ['必填，示例：粤械注准20172010123', '必填'])).toBe(true);
    expect(isHintRow('请填写注册证编号', ['请填写注册证编号'])).toBe(true);
    expect(isHintRow('例：国械注准20173400077', ['例：国械注准20173400077'])).toBe(true);
  });

  it('recognises a row of instructions without a number', () => {
    expect(isHintRow('', ['必填', '格式：2023-05-01', '选填'])).toBe(true);
  });

  it('never takes a data row for a hint, whatever its remarks say', () => {
    expect(isHintRow('粤械注准20172010123', ['粤械注准20172010123', '口罩', '例如：一次性使用'])).toBe(false);
    expect(isHintRow('', ['口罩', '广州某某公司', '2023-05-01', '例如'])).toBe(false);
  });
});
