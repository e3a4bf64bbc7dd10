// GET /api/outbox and /api/outbox/:id: the local outbox, and only when it is
// the mailer on this machine; with Resend, or deployed, these paths do not exist (404).
import { htmlResponse, problem } from '../http.ts';
import { outboxListPage } from '../pages/outbox.ts';
import { getServices } from '../services.ts';
import { failure } from './failure.ts';

export async function handleOutbox(req: Request, id: string | undefined): Promise<Response> {
  try {
    const { outbox, config } = getServices();
    const notFound = () => problem({ status: 404, title: 'Not found' });
    // Deployed, the outbox cannot exist (services.ts refuses it); this says so twice.
    if (outbox === null || config.deployed) return notFound();
    if (id === undefined) return htmlResponse(outboxListPage(await outbox.list()));
    const email = await outbox.read(id);
    if (email === null) return notFound();
    if (new URL(req.url).searchParams.get('format') === 'text') {
      return new Response(email.text, {
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return htmlResponse(email.html);
  } catch (error) {
    return failure('outbox_failed', error, req);
  }
}
