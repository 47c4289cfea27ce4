import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** JSON logs to stdout; secrets that could ride along in objects are redacted. */
export function createLogger(
  opts: { name: string; level?: string } & Partial<LoggerOptions>,
): Logger {
  const { name, level = 'info', ...rest } = opts;
  return pino({
    name,
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'accessToken',
        '*.accessToken',
        'refreshToken',
      ],
      censor: '[redacted]',
    },
    ...rest,
  });
}
