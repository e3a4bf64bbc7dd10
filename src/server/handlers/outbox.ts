// GET /api/outbox and /api/outbox/:id: the local outbox, and only when it is
// the mailer; with Resend configured these paths do not exist (404).
import { html, problem } from '../http.ts';
import { outboxListPage } from '../pages/outbox.ts';
import { getServices } from '../services.ts';
import { failure } from './failure.ts';

export async function handleOutbox(req: Request, id: string | undefined): Promise<Response> {
  try {
    const { outbox } = getServices();
    const notFound = () => problem({ status: 404, title: 'Not found' });
    if (outbox === null) return notFound();
    if (id === undefined) return html(outboxListPage(await outbox.list()));
    const email = await outbox.read(id);
    if (email === null) return notFound();
    if (new URL(req.url).searchParams.get('format') === 'text') {
      return new Response(email.text, {
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    return html(email.html);
  } catch (error) {
    return failure('outbox_failed', error, req);
  }
}
