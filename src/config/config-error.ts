import type { BilingualText } from '../shared/app-error.ts';

/** One wrong key: which, and what is wrong with it, Chinese first. */
export interface ConfigProblem {
  key: string;
  message: BilingualText;
}

/** Thrown at start when the environment does not make a valid configuration; names every wrong key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: ConfigProblem[]) {
    const lines = problems.map(({ key, message }) => `  ${key}: ${message.zh} / ${message.en}`);
    super(`配置无效 / Invalid configuration:\n${lines.join('\n')}`);
  }
}
