/** Chinese first, because the people reading these messages are filling in a Chinese form. */
export interface BilingualText {
  zh: string;
  en: string;
}

/**
 * The one error type use-cases throw. `code` is a stable string clients switch on; the text may
 * change. `extra` fields are merged into the problem document (e.g. `suggestions`, `ticket`).
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: BilingualText,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
  }
}

/** Builds a factory for one coded error so each feature lists its errors in one place. */
export function defineError<Args extends unknown[]>(
  status: number,
  code: string,
  build: (...args: Args) => { text: BilingualText; extra?: Record<string, unknown> },
): (...args: Args) => AppError {
  return (...args) => {
    const { text, extra } = build(...args);
    return new AppError(status, code, text, extra);
  };
}
