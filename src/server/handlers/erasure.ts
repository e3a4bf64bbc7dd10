// GET /api/erasure?token=… shows what we hold (right of access) and a
// confirmation; POST /api/erasure erases. Once erased, the link says so.
import { heldApplication } from '../applications/access.ts';
import { eraseApplication } from '../applications/erase.ts';
import { erasurePath } from '../applications/welcome.ts';
import { isErased } from '../erasures.ts';
import { htmlResponse, readLinkRequest } from '../http.ts';
import { applicationAccess } from '../pages/access.ts';
import { erasureConfirmPage, erasureDonePage, erasureInvalidPage } from '../pages/erasure.ts';
import { adapterNames, getServices } from '../services.ts';
import { linkProblemStatus } from '../signed-links.ts';
import { verifyErasureToken } from '../tokens.ts';
import { failure } from './failure.ts';

export async function handleErasure(req: Request): Promise<Response> {
  try {
    const { deps, config } = getServices();
    const { token } = await readLinkRequest(req);
    const check = verifyErasureToken(token, deps.signingSecret, new Date(deps.clock.now()));
    if (!check.ok) {
      deps.log.info('erasure_refused', { code: check.reason });
      return htmlResponse(erasureInvalidPage(check.locale, check.reason, deps.coordinatorEmail), {
        status: linkProblemStatus(check.reason),
      });
    }
    const { id, locale } = check.claim;
    // Erased already: the link says so rather than offer to erase again.
    const erased = await isErased(deps, id);
    if (req.method === 'GET') {
      if (erased) return htmlResponse(erasureDonePage(locale, true));
      const held = await heldApplication(deps, id);
      if (held === null) return htmlResponse(erasureDonePage(locale, false));
      const access = applicationAccess(locale, held.record, held, adapterNames(config));
      return htmlResponse(erasureConfirmPage(locale, token, erasurePath, access));
    }
    const existed = await eraseApplication(deps, id);
    return htmlResponse(erasureDonePage(locale, existed || erased));
  } catch (error) {
    return failure('erasure_failed', error, req);
  }
}
