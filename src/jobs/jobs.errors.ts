import { defineError } from '../shared/app-error.ts';

export const jobNotFound = defineError(404, 'job_unknown', (name: string, known: readonly string[]) => ({
  text: {
    zh: `没有名为 \`${name}\` 的任务。可用任务：${known.map((job) => `\`${job}\``).join('、')}。`,
    en: `No job is named ${name}. Jobs: ${known.join(', ')}.`,
  },
  extra: { job: name, jobs: known },
}));
