/**
 * The page `GET /` answers: what certref is and where to go next, Chinese first because the
 * people who land here are Chinese-speaking manufacturers and technicians. Static, so it is built
 * once; no styles or scripts, so the page can be served under a policy that allows none.
 */
export const HOME_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>certref · 医疗器械注册证参考数据</title>
</head>
<body>
<main>
<h1>certref</h1>
<p>certref 是医疗器械注册证（注册证）和第一类医疗器械备案凭证（备案凭证）的参考数据服务：无论证号如何输入，都能规范化并查询证书及其历次延续、变更；按广东省医疗器械生产信息报告系统的填报规则自动填写批准日期、生效日期和有效期至；查询不到的广东（粤）证号会生成工单，由技术人员统一补录。</p>
<p lang="en">certref is the reference data behind China's medical device registration certificates and class I filings: number normalisation and lookup with full history, auto-fill of the Guangdong reporting form, and a correction queue for missing Guangdong numbers.</p>
<h2>入口 · Where to go</h2>
<ul>
<li><a href="/docs">/docs</a> — 接口文档（Swagger UI） · API reference</li>
<li><a href="/console">/console</a> — 技术人员工作台（需技术人员密钥） · technicians' console</li>
<li><a href="/widget/demo">/widget/demo</a> — 自动填表组件示例（报告表的产品信息） · the embeddable auto-fill widget on a sample reporting form</li>
<li><a href="/openapi.json">/openapi.json</a> — OpenAPI 文档 · the OpenAPI document</li>
<li><a href="/healthz">GET /healthz</a> — 存活检查 · liveness</li>
</ul>
<p>示例 · Example: <code>GET /v1/autofill?number=粤械注准20172010123</code></p>
</main>
</body>
</html>
`;
