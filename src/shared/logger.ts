/**
 * pino JSON logger with the redaction rules of conventions.md §3. Secrets never reach a log line:
 * the Keycloak password and tokens are censored by path, and URLs lose their query strings.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

/** Python level names of the reference config mapped to pino's. */
const PYTHON_LEVELS: Record<string, pino.Level> = {
  debug: 'debug',
  info: 'info',
  warning: 'warn',
  warn: 'warn',
  error: 'error',
  critical: 'fatal',
  fatal: 'fatal',
  trace: 'trace',
};

export function toPinoLevel(level: string | undefined): pino.Level | 'silent' {
  if (!level) return 'info';
  const lower = level.trim().toLowerCase();
  if (lower === 'silent') return 'silent';
  return PYTHON_LEVELS[lower] ?? 'info';
}

export const REDACTED_PATHS = [
  'keycloakPassword',
  'keycloak_password',
  'password',
  'token',
  'access_token',
  'refresh_token',
  'authorization',
  '*.keycloak_password',
  '*.keycloakPassword',
  '*.password',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
];

export interface LoggerOptions {
  level?: string;
  base?: Record<string, unknown>;
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: toPinoLevel(options.level),
      base: { service: 'loculus-prepro', ...options.base },
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: pino.stdSerializers.err, url: stripQuery },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/** Presigned URLs are credentials until they expire: keep only origin and path in logs. */
export function stripQuery(url: unknown): unknown {
  if (typeof url !== 'string') return url;
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : `${url.slice(0, cut)}?[Redacted]`;
}

/** A logger that drops everything, for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
