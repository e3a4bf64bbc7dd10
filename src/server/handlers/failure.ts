// The answer and the log line of a request that failed, whatever the cause,
// including a configuration too wrong to build the services (and their logger).
import { ConfigError } from '../config.ts';
import { errorResponse } from '../http.ts';
import { createLogger, errorCode } from '../log.ts';
import { getServices } from '../services.ts';

export function failure(event: string, error: unknown): Response {
  const response = errorResponse(error);
  if (error instanceof ConfigError) {
    createLogger().error('config_error', { variables: error.problems.map((p) => p.variable) });
  } else {
    getServices().deps.log.error(event, { status: response.status, code: errorCode(error) });
  }
  return response;
}
