// The training registration endpoints: register (form or JSON), the link that
// confirms the address (GET shows a button, POST confirms and gives a seat or a
// place on the waiting list), seats left (JSON, cached briefly), and the
// cancellation link (GET shows a button, POST cancels).
import { t } from '../../i18n/index.ts';
import { registrationOpen } from '../../calendar/session-instants.ts';
import type { Locale } from '../../schemas/common.ts';
import { validateRegistration } from '../../schemas/forms/registration.ts';
import { pickLocale } from '../../schemas/forms/validate.ts';
import { spamVerdict } from '../applications/spam.ts';
import { htmlResponse, json, problem, readBody, readLinkRequest, redirect } from '../http.ts';
import {
  cancelConfirmPage,
  cancelDonePage,
  erasedPage,
  linkInvalidPage,
  registrationClosedPage,
  registrationDuplicatePage,
  registrationGonePage,
  registrationInvalidPage,
  registrationMessage,
  verifyConfirmPage,
  verifyGonePage,
} from '../pages/registration.ts';
import { verifyCancelToken } from '../registrations/cancel-token.ts';
import type { RegistrationDeps } from '../registrations/deps.ts';
import { cancelPath, verifyPath } from '../registrations/deliver.ts';
import {
  cancelRegistration,
  eraseRegistration,
  registerForSession,
  verifyRegistration,
} from '../registrations/register.ts';
import { adapterNames, getServices } from '../services.ts';
import { isErased } from '../erasures.ts';
import { registrationAccess } from '../pages/access.ts';
import { linkProblemStatus, type LinkProblem } from '../signed-links.ts';
import { sessionPath, sitePath } from '../site-paths.ts';
import type { RequestContext } from './context.ts';
import { kickDrainer } from './drain.ts';
import { failure } from './failure.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a registration is owed goes after the answer, through the drainer (which retries what fails). */
function deliverLater(context: RequestContext) {
  kickDrainer(context);
}

/** The answer to a cancellation or confirmation link that is not one of ours, or too old. */
function linkRefused(
  deps: RegistrationDeps,
  purpose: 'cancel' | 'verify',
  check: { locale: Locale; reason: LinkProblem },
): Response {
  deps.log.info(`${purpose}_refused`, { code: check.reason });
  return htmlResponse(linkInvalidPage(check.locale, check.reason, deps.coordinatorEmail, purpose), {
    status: linkProblemStatus(check.reason),
  });
}

export async function handleRegistration(
  req: Request,
  context: RequestContext,
  slug: string,
): Promise<Response> {
  try {
    const deps = getServices().registrations;
    const body = await readBody(req);
    const locale = pickLocale(body.data['locale']);
    const form = body.format === 'form';
    const back = slugPattern.test(slug) ? sessionPath(slug, locale) : sitePath('training', locale);
    const result = validateRegistration(body.data, locale);
    if (!result.ok) {
      deps.log.info('registration_invalid', { code: Object.keys(result.errors).sort().join(',') });
      return form
        ? htmlResponse(registrationInvalidPage(locale, result.errors, back), { status: 422 })
        : problem({
            status: 422,
            title: t(locale, 'problem.invalidFields'),
            errors: result.errors,
          });
    }
    const spam = spamVerdict(body.data, deps.clock.now());
    if (spam.suspect) {
      // A bot must not take a seat; it sees the usual answer and learns nothing.
      deps.log.info('registration_suspected_spam', { code: spam.reason });
      const next = sitePath('checkEmail', locale);
      return form ? redirect(next) : json({ outcome: 'pending', next }, { status: 201 });
    }
    const outcome = slugPattern.test(slug)
      ? await registerForSession(deps, slug, result.data)
      : ({ ok: false, reason: 'unknown' } as const);
    if (!outcome.ok) {
      const status = outcome.reason === 'unknown' ? 404 : 410;
      return form
        ? htmlResponse(
            registrationClosedPage(locale, outcome.reason, sitePath('training', locale)),
            {
              status,
            },
          )
        : problem({
            status,
            title: registrationMessage(locale, outcome.reason),
            code: outcome.reason,
          });
    }
    if (outcome.outcome === 'duplicate') {
      return form
        ? htmlResponse(registrationDuplicatePage(locale, back), { status: 409 })
        : problem({
            status: 409,
            title: registrationMessage(locale, 'duplicate'),
            code: 'duplicate',
          });
    }
    // The only email so far asks to confirm the address: no seat before that.
    deliverLater(context);
    const next = sitePath('checkEmail', locale);
    return form ? redirect(next) : json({ outcome: 'pending', next }, { status: 201 });
  } catch (error) {
    return failure('registration_failed', error, req);
  }
}

/** The link that confirms a registration's address (GET: a button; POST: confirm). */
export async function handleVerify(req: Request, context: RequestContext): Promise<Response> {
  try {
    const deps = getServices().registrations;
    const { token, form } = await readLinkRequest(req);
    const now = new Date(deps.clock.now());
    const check = verifyCancelToken(token, deps.signingSecret, now, 'verify');
    if (!check.ok) return linkRefused(deps, 'verify', check);
    const { sessionSlug, id, locale } = check.claim;
    const training = sitePath('training', locale);
    if (form === null) {
      const registration = await deps.ledger.find(sessionSlug, id);
      const session = await deps.sessions.find(sessionSlug);
      if (registration === null || registration.status === 'cancelled' || session === null) {
        return htmlResponse(verifyGonePage(locale, training), { status: 410 });
      }
      if (!registrationOpen(session, now)) {
        const reason = session.status === 'cancelled' ? 'cancelled' : 'closed';
        return htmlResponse(registrationClosedPage(locale, reason, training), { status: 410 });
      }
      return htmlResponse(verifyConfirmPage(locale, token, verifyPath, session.title[locale]));
    }
    const result = await verifyRegistration(deps, sessionSlug, id);
    if (!result.ok) {
      return result.reason === 'gone'
        ? htmlResponse(verifyGonePage(locale, training), { status: 410 })
        : htmlResponse(registrationClosedPage(locale, result.reason, training), { status: 410 });
    }
    deliverLater(context);
    return redirect(
      sitePath(result.outcome === 'confirmed' ? 'registered' : 'waitingList', locale),
    );
  } catch (error) {
    return failure('verify_failed', error);
  }
}

export async function handleSeats(slug: string): Promise<Response> {
  try {
    const deps = getServices().registrations;
    const session = slugPattern.test(slug) ? await deps.sessions.find(slug) : null;
    if (session === null) return problem({ status: 404, title: 'No such upcoming session.' });
    const seats = await deps.ledger.seats(slug, session.capacity);
    // `open`: whether a registration would be taken now, for the page's script.
    const open = registrationOpen(session, new Date(deps.clock.now()));
    const response = json({ ...seats, status: session.status, open });
    // Many readers, few changes: ten seconds of staleness is fine for a count.
    response.headers.set('cache-control', 'public, max-age=10');
    return response;
  } catch (error) {
    return failure('seats_failed', error);
  }
}

export async function handleCancel(req: Request, context: RequestContext): Promise<Response> {
  try {
    const deps = getServices().registrations;
    const { token, form } = await readLinkRequest(req);
    const check = verifyCancelToken(token, deps.signingSecret, new Date(deps.clock.now()));
    if (!check.ok) return linkRefused(deps, 'cancel', check);
    const { sessionSlug, id, locale } = check.claim;
    const training = sitePath('training', locale);
    // Erased already: the link says so rather than offer to erase again.
    if (await isErased(deps, id)) return htmlResponse(erasedPage(locale, training));
    if (form === null) {
      const registration = await deps.ledger.find(sessionSlug, id);
      if (registration === null) return htmlResponse(registrationGonePage(locale, training));
      const session = await deps.sessions.find(sessionSlug).catch(() => null);
      const title = session?.title[locale] ?? '';
      const places = { ...adapterNames(getServices().config), roster: deps.roster != null };
      return htmlResponse(
        cancelConfirmPage(
          locale,
          token,
          cancelPath,
          title,
          registration.status !== 'cancelled',
          registrationAccess(locale, registration, title, places),
        ),
      );
    }
    const { promoted, ...result } =
      form['erase'] === '1'
        ? await eraseRegistration(deps, sessionSlug, id)
        : await cancelRegistration(deps, sessionSlug, id);
    if (promoted !== null) deliverLater(context);
    if ('erased' in result) return htmlResponse(erasedPage(locale, training));
    return htmlResponse(cancelDonePage(locale, result.cancelled !== null, training));
  } catch (error) {
    return failure('cancel_failed', error, req);
  }
}
