import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, FastifyChildLoggerFactory } from 'fastify/types/logger.js';

type LogFn = FastifyBaseLogger['info'];
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

  // Methods on the prototype, not arrow fields: one of these is made for every request.
  fatal(...args: LogArgs): void {
    this.resolve().fatal(...(args as Parameters<LogFn>));
  }
  error(...args: LogArgs): void {
    this.resolve().error(...(args as Parameters<LogFn>));
  }
  warn(...args: LogArgs): void {
    this.resolve().warn(...(args as Parameters<LogFn>));
  }
  info(...args: LogArgs): void {
    this.resolve().info(...(args as Parameters<LogFn>));
  }
  debug(...args: LogArgs): void {
    this.resolve().debug(...(args as Parameters<LogFn>));
  }
  trace(...args: LogArgs): void {
    this.resolve().trace(...(args as Parameters<LogFn>));
  }
  silent(...args: LogArgs): void {
    this.resolve().silent(...(args as Parameters<LogFn>));
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.resolve().child(bindings, options);
  }
}

export const lazyChildLoggerFactory: FastifyChildLoggerFactory = (logger, bindings, options) =>
  new LazyChildLogger(logger, bindings, options);
