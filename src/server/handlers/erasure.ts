// GET /api/erasure?token=… shows a confirmation; POST /api/erasure erases.
import { eraseApplication } from '../applications/erase.ts';
import { erasurePath } from '../applications/welcome.ts';
import { html, readBody } from '../http.ts';
import { erasureConfirmPage, erasureDonePage, erasureInvalidPage } from '../pages/erasure.ts';
import { getServices } from '../services.ts';
import { verifyErasureToken } from '../tokens.ts';
import { failure } from './failure.ts';

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
    return failure('erasure_failed', error, req);
  }
}
