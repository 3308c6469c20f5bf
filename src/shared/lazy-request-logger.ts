import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, FastifyChildLoggerFactory } from 'fastify/types/logger.js';

type LogFn = FastifyBaseLogger['info'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
// pino's log functions are overloaded; every overload forwards unchanged.
// biome-ignore lint/suspicious/noExplicitAny: pino's log functions are overloaded; these forward any of them unchanged.
type LogArgs = any[];

/**
 * A request's logger that becomes a real child logger (bound to the request id) only when
 * something logs through it. With request logging off, almost no request logs anything, and
 * making a pino child for each one cost about a fifth of the lookup routes' throughput.
 */
class LazyChildLogger implements FastifyBaseLogger {
  private real: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private resolve(): FastifyBaseLogger {
    this.real ??= this.parent.child(this.bindings, this.options);
    return this.real;
  }

  get level(): FastifyBaseLogger['level'] {
    return this.real?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: FastifyBaseLogger['level']) {
    this.resolve().level = level;
  }

  // The log methods only forward; they are set once on the prototype below (not as arrow fields:
  // one of these loggers is made for every request).
  declare fatal: LogFn;
  declare error: LogFn;
  declare warn: LogFn;
  declare info: LogFn;
  declare debug: LogFn;
  declare trace: LogFn;
  declare silent: LogFn;

  static {
    for (const level of LOG_LEVELS) {
      LazyChildLogger.prototype[level] = function (this: LazyChildLogger, ...args: LogArgs): void {
        this.resolve()[level](...(args as Parameters<LogFn>));
      };
    }
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.resolve().child(bindings, options);
  }
}

export const lazyChildLoggerFactory: FastifyChildLoggerFactory = (logger, bindings, options) =>
  new LazyChildLogger(logger, bindings, options);
