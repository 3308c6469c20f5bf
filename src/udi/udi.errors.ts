import { defineError } from '../shared/app-error.ts';

export const udiCertificateNotFound = defineError(404, 'udi_certificate_not_found', (canonical: string) => ({
  text: {
    zh: `UDI 数据库中没有注明证书 ${canonical} 的产品标识。`,
    en: `No UDI device record names certificate ${canonical}.`,
  },
  extra: { canonical },
}));

export const udiDeviceNotFound = defineError(404, 'udi_device_not_found', (di: string) => ({
  text: { zh: `UDI 数据库中没有产品标识 ${di}。`, en: `No UDI device record has the DI ${di}.` },
  extra: { di },
}));
