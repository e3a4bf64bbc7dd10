// The entry of every background and scheduled function: run only when started
// by the platform or by a request of ours (internal-call.ts), answer with the
// same security headers as every other function.
import { checkInternalCall, type InternalKind } from '../internal-call.ts';
import { errorResponse, problem } from '../http.ts';
import { createLogger, errorCode } from '../log.ts';
import { withSecurityHeaders } from '../security-headers.ts';
import { getServices } from '../services.ts';

export function internalFunction(
  name: string,
  kind: InternalKind,
  run: () => Promise<unknown>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    let response: Response;
    try {
      const { config, deps } = getServices();
      const verdict = await checkInternalCall(req, {
        name,
        kind,
        secret: config.signingSecret,
        deployed: config.deployed,
        now: deps.clock.now(),
      });
      if (verdict.ok) {
        await run();
        response = new Response(null, { status: 204 });
      } else {
        deps.log.warn('internal_call_refused', { kind: name, code: verdict.reason });
        response = problem({ status: 403, title: 'Forbidden', code: verdict.reason });
      }
    } catch (error) {
      createLogger().error('internal_call_failed', { kind: name, code: errorCode(error) });
      response = errorResponse(error);
    }
    return withSecurityHeaders(response);
  };
}
