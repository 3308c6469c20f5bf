import { AppError, type BilingualText } from '../app-error.ts';

/**
 * An error as it crosses between threads. Structured clone keeps an Error's message but not its
 * class, so an AppError would arrive as a plain Error and lose its code, status and text: it is
 * sent as its parts and built again on the other side.
 */
export type ThreadError =
  | { kind: 'app'; status: number; code: string; text: BilingualText; extra: Record<string, unknown> }
  | { kind: 'other'; name: string; message: string; stack: string | undefined; code: unknown };

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof AppError) return { kind: 'app', status: error.status, code: error.code, text: error.text, extra: error.extra };
  if (error instanceof Error) {
    return { kind: 'other', name: error.name, message: error.message, stack: error.stack, code: (error as NodeJS.ErrnoException).code };
  }
  return { kind: 'other', name: 'Error', message: String(error), stack: undefined, code: undefined };
}

export function fromThreadError(sent: ThreadError): Error {
  if (sent.kind === 'app') return new AppError(sent.status, sent.code, sent.text, sent.extra);
  const error: Error & { code?: unknown } = new Error(sent.message);
  error.name = sent.name;
  // The worker's stack says where it went wrong; this thread's would only show the message handler.
  if (sent.stack !== undefined) error.stack = sent.stack;
  if (sent.code !== undefined) error.code = sent.code;
  return error;
}
