import { defineError } from '../shared/app-error.ts';

export const bundleNotFound = defineError(404, 'bundle_not_found', (id: string | null) => ({
  text:
    id === null
      ? { zh: '尚未生成离线数据包。', en: 'No bundle has been built yet.' }
      : { zh: `离线数据包 \`${id}\` 不存在或已被清理。`, en: `Bundle ${id} does not exist or has been pruned.` },
  extra: { id },
}));
