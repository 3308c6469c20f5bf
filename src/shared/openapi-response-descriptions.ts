import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** What @fastify/swagger writes when a response schema carries no description of its own. */
const SWAGGER_PLACEHOLDER = 'Default Response';

/**
 * Every status our routes declare, read the way this service answers it (problem+json for every
 * error). A status missing here keeps the English placeholder, which the OpenAPI Chinese test reports.
 */
const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  '200': '成功。 Success.',
  '201': '已创建。 Created.',
  '400': '请求有误：参数或请求体不符合规则。 Bad request: a parameter or the body breaks the rules.',
  '401': '未认证：缺少密钥，或密钥无效。 Unauthenticated: no key, or a key that is not valid.',
  '403': '无权访问：该角色不能使用此接口。 Forbidden: this role may not use this route.',
  '404': '未找到。 Not found.',
  '406': '无法以所要求的格式回答。 Not acceptable: no answer in the format asked for.',
  '409': '与当前状态冲突。 Conflict with the current state.',
  '413': '请求体过大。 Payload too large.',
  '415': '不支持的文件或内容类型。 Unsupported file or media type.',
  '416': '请求的范围无法满足：超出文件大小。 Range not satisfiable: the range lies outside the file.',
  '422': '格式正确，但内容无法处理。 Well-formed, but its content cannot be processed.',
  '429': '请求过多：配额已用完，请稍后再试。 Too many requests: the quota is used up, try again later.',
  '503': '服务暂不可用，请稍后再试。 Service unavailable, try again later.',
};

type Responses = Record<string, { description?: string }>;
type Paths = Record<string, Record<string, { responses?: Responses }>>;

/**
 * The zod document transform, then a bilingual description for each response the routes left
 * undescribed: their schemas are shared components, so the text belongs to the status, not the schema.
 */
export const transformObjectWithResponseDescriptions: SwaggerTransformObject = (documentObject) => {
  const document = jsonSchemaTransformObject(documentObject);
  const paths = ('paths' in document ? (document.paths ?? {}) : {}) as Paths;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const description = RESPONSE_DESCRIPTIONS[status];
        if (response.description === SWAGGER_PLACEHOLDER && description) response.description = description;
      }
    }
  }
  return document;
};
