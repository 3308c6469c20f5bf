/**
 * The groups configuration keys are documented under, in the order `.env.example` and the README
 * print them. A key names its group in its `.meta({ group })`.
 */
export const configGroups = {
  server: '服务 / Server',
  data: '数据 / Data',
  access: '访问与工单队列 / Access and correction queue',
  callbacks: '工单回调 / Ticket callbacks',
  jobs: '数据更新与定时任务 / Keeping data fresh: UDI imports, HTML sources, scheduled jobs',
  http: '抓取外部网站 / HTTP fetching',
  search: '搜索 / Search (GET /v1/search)',
} as const;

export type ConfigGroup = keyof typeof configGroups;

export function isConfigGroup(value: unknown): value is ConfigGroup {
  return typeof value === 'string' && Object.hasOwn(configGroups, value);
}
