// POST /api/volunteers and /api/observers: parse, validate, spam-check, make
// durable, answer; then try delivery while the platform keeps the function up.
import { t } from '../../i18n/index.ts';
import { submissionIdField } from '../../schemas/forms/form-data.ts';
import { pickLocale, validateForm, type FormKind } from '../../schemas/forms/validate.ts';
import { spamVerdict } from '../applications/spam.ts';
import { parseSubmissionId } from '../applications/submission-id.ts';
import { acceptApplication } from '../applications/submit.ts';
import { htmlResponse, json, problem, readBody, redirect } from '../http.ts';
import { formErrorsPage, formFailedPage } from '../pages/form-errors.ts';
import { builtServices, getServices } from '../services.ts';
import { sitePath } from '../site-paths.ts';
import type { RequestContext } from './context.ts';
import { kickDrainer } from './drain.ts';
import { failure } from './failure.ts';

export async function handleApplication(
  kind: FormKind,
  req: Request,
  context: RequestContext,
): Promise<Response> {
  try {
    const { deps } = getServices();
    const body = await readBody(req);
    const locale = pickLocale(body.data['locale']);
    const submission = parseSubmissionId(body.data[submissionIdField]);
    const checked = validateForm(kind, body.data, locale);
    const result = submission.ok
      ? checked
      : {
          ok: false as const,
          errors: {
            ...(checked.ok ? {} : checked.errors),
            // Only a broken or foreign script sends a malformed one: a reload fixes it.
            [submissionIdField]: t(locale, 'problem.submissionId'),
          },
        };
    if (!result.ok) {
      deps.log.info('application_invalid', {
        kind,
        code: Object.keys(result.errors).sort().join(','),
      });
      return body.format === 'form'
        ? htmlResponse(formErrorsPage(kind, locale, result.errors, backTo(req, locale)), {
            status: 422,
          })
        : problem({
            status: 422,
            title: t(locale, 'problem.invalidFields'),
            errors: result.errors,
          });
    }
    const spam = spamVerdict(body.data, deps.clock.now());
    const submissionId = submission.ok ? submission.value : undefined;
    const { record, replay } = await acceptApplication(deps, kind, result.data, spam, submissionId);
    // Queued: the drainer delivers it, this instance's if no other holds the lease.
    // A replay gets the first answer again; its delivery is the first post's.
    if (!replay) kickDrainer(context);
    const next = sitePath('thankYou', locale);
    return body.format === 'form' ? redirect(next) : json({ id: record.id, next }, { status: 201 });
  } catch (error) {
    const response = failure('request_failed', error, req);
    if (!isFormPost(req)) return response;
    // A person without JavaScript gets a page, not a JSON problem.
    const locale = new URL(backTo(req, 'fr'), req.url).pathname.startsWith('/en/') ? 'en' : 'fr';
    const page = formFailedPage(locale, coordinatorEmail(), backTo(req, locale));
    return htmlResponse(page, { status: response.status, headers: response.headers });
  }
}

/** The form page the post came from, if it is ours; the join page otherwise. */
function backTo(req: Request, locale: 'fr' | 'en'): string {
  const referer = req.headers.get('referer');
  if (referer !== null) {
    try {
      const from = new URL(referer);
      if (from.origin === new URL(req.url).origin) return from.pathname;
    } catch {
      // Not a URL: ignored.
    }
  }
  return sitePath('join', locale);
}

const isFormPost = (req: Request) =>
  (req.headers.get('content-type') ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');

/** The coordinator's address, unless the services could not be set up (never retried here). */
const coordinatorEmail = (): string | undefined => builtServices()?.deps.coordinatorEmail;
