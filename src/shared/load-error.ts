// Its own module: every on-demand parser file carries a copy of this class, and none of the loader.

export type LoadErrorKind = 'http' | 'timeout' | 'network' | 'too-large' | 'format';

/**
 * A failure that names its cause and the likely fix, for the one console warning. The loader's own
 * failures are made without words (an empty `hint`): explain.ts, loaded when a load fails, writes them.
 */
export class LoadError extends Error {
  /** True for a LoadError from any copy of this module (each on-demand parser file carries its own). */
  static is(error: unknown): error is LoadError {
    return (error as Error | undefined)?.name === 'LoadError';
  }

  constructor(
    message: string,
    readonly kind: LoadErrorKind,
    public hint: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** The body arrived but is not the format it should be; `hint` says what to point `src` at instead. */
export function formatError(message: string, hint: string): LoadError {
  return new LoadError(message, 'format', hint);
}
