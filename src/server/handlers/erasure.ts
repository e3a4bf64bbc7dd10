// GET /api/erasure?token=… shows a confirmation; POST /api/erasure erases.
import { eraseApplication } from '../applications/erase.ts';
import { erasurePath } from '../applications/welcome.ts';
import { errorResponse, html, readBody } from '../http.ts';
import { errorCode } from '../log.ts';
import { erasureConfirmPage, erasureDonePage, erasureInvalidPage } from '../pages/erasure.ts';
import { getServices } from '../services.ts';
import { verifyErasureToken } from '../tokens.ts';

export async function handleErasure(req: Request): Promise<Response> {
  try {
    const { deps } = getServices();
    const given =
      req.method === 'GET'
        ? new URL(req.url).searchParams.get('token')
        : (await readBody(req, 4096)).data['token'];
    const token = typeof given === 'string' ? given : '';
    const check = verifyErasureToken(token, deps.signingSecret, new Date(deps.clock.now()));
    if (!check.ok) {
      deps.log.info('erasure_refused', { code: check.reason });
      return html(erasureInvalidPage(check.locale, check.reason, deps.coordinatorEmail), {
        status: check.reason === 'expired' ? 410 : 400,
      });
    }
    const { id, locale } = check.claim;
    if (req.method === 'GET') return html(erasureConfirmPage(locale, token, erasurePath));
    const existed = await eraseApplication(deps, id);
    return html(erasureDonePage(locale, existed));
  } catch (error) {
    const response = errorResponse(error);
    try {
      getServices().deps.log.error('erasure_failed', {
        status: response.status,
        code: errorCode(error),
      });
    } catch {
      // Misconfigured: the response already names the variables.
    }
    return response;
  }
}
