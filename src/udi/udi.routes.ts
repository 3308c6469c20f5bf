import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invalidCertificateNumber, multipleNumbers } from '../certificates/certificates.errors.ts';
import type { Normaliser } from '../numbers/number-cache.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import { udiCertificateNotFound, udiDeviceNotFound } from './udi.errors.ts';
import {
  udiCertificateParamsSchema,
  udiCertificateQuerySchema,
  udiCertificateSchema,
  udiDeviceAnswerSchema,
  udiDeviceParamsSchema,
} from './udi.schemas.ts';
import type { UdiDevicesRepository } from './udi-devices.repository.ts';

interface UdiRoutesDeps {
  devices: UdiDevicesRepository;
  normalise: Normaliser;
  currentYear: () => number;
}

/** What the UDI database says about a certificate (its DIs, catalogue codes) and about a DI. */
export function udiRoutes(deps: UdiRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/udi/certificates/:number',
      {
        schema: {
          tags: ['udi'],
          summary: "证书对应的 UDI 产品标识 · A certificate's UDI devices",
          description:
            '注册证编号/备案凭证编号字段中列出该证书的 UDI 记录；不会生成工单，UDI 数据不含日期。 The device records (one per DI) whose 注册证编号/备案凭证编号 field names this certificate, with product names, holder, class and catalogue codes. A lookup here never opens a ticket. UDI data has no dates.',
          params: udiCertificateParamsSchema,
          querystring: udiCertificateQuerySchema,
          response: { 200: udiCertificateSchema, ...problemResponses(400, 401, 403, 404, 422, 429) },
        },
      },
      async (request) => {
        const { numbers, error } = deps.normalise(request.params.number, { currentYear: deps.currentYear() });
        if (numbers.length > 1) throw multipleNumbers(numbers, 'single');
        const number = numbers[0];
        if (!number) {
          throw invalidCertificateNumber(
            request.params.number,
            error ?? { reason: 'unrecognised', message: { zh: '无法识别', en: 'Unrecognised' }, suggestions: [] },
            [],
          );
        }
        const { total, devices } = deps.devices.devicesOf(number.matchKey, request.query.limit);
        if (total === 0) throw udiCertificateNotFound(number.canonical);
        const summary = deps.devices.summaryOf(number.matchKey);
        return {
          canonical: number.canonical,
          managementClass: number.class,
          productNames: summary.productNames,
          holders: summary.holders,
          deviceKinds: summary.deviceKinds,
          catalogueCodes: summary.catalogueCodes,
          oldCatalogueCodes: summary.oldCatalogueCodes,
          totalDevices: total,
          devices,
          datesKnown: false as const,
          dataAsOf: summary.lastUpdatedAt ?? '',
        };
      },
    );

    app.get(
      '/v1/udi/devices/:di',
      {
        schema: {
          tags: ['udi'],
          summary: '按产品标识查询 UDI 记录 · A UDI device by its DI',
          description:
            '该最小销售单元产品标识的记录及其列出的证书。 The device record(s) with this primary DI and the certificates each names.',
          params: udiDeviceParamsSchema,
          response: { 200: udiDeviceAnswerSchema, ...problemResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const di = request.params.di.trim();
        const records = deps.devices.byDeviceIdentifier(di);
        if (records.length === 0) throw udiDeviceNotFound(di);
        return { di, records };
      },
    );
  };
}
