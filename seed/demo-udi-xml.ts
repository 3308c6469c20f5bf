import type { DemoDevice } from './demo-devices.ts';

/**
 * The demo devices as an NMPA UDI download (the tags of docs/certificates.md §5, the header's
 * misspelled count tag included), so they reach the database the way real UDI data does: through
 * the UDI importer, as a recorded run.
 */
export function demoUdiXml(devices: readonly DemoDevice[], publishedOn: string): string {
  const body = devices.map((d) =>
    [
      '  <device>',
      tag('deviceRecordKey', d.recordKey),
      tag('versionNumber', '1'),
      tag('versionTime', publishedOn),
      tag('versionStauts', '新增'),
      tag('zxxsdycpbs', d.di),
      tag('cpbsbmtxmc', d.issuerName),
      tag('cpbsfbrq', publishedOn),
      tag('cpmctymc', d.productName),
      tag('spmc', d.productName),
      tag('ggxh', [d.modelSpec, d.pack].filter(Boolean).join(' ')),
      tag('zczbhhzbapzbh', d.certificate),
      tag('ylqxzcrbarmc', d.holder),
      tag('qxlb', '器械'),
      '  </device>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<udid>',
    `<header><numberRkeyecordXML>${devices.length}</numberRkeyecordXML></header>`,
    '<devices>',
    ...body,
    '</devices>',
    '</udid>',
    '',
  ].join('\n');
}

function tag(name: string, value: string | null): string {
  return `    <${name}>${escapeXml(value ?? '')}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
