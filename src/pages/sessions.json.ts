// Upcoming sessions as JSON, read by the sign-up functions to list the next
// sessions in a volunteer's or observer's welcome email (src/server/sessions.ts).
import type { APIRoute } from 'astro';
import { isUpcoming } from '../lib/dates.ts';
import { sessions } from '../lib/content.ts';

export const GET: APIRoute = async () => {
  const now = new Date();
  const upcoming = (await sessions())
    .map((entry) => entry.data)
    .filter((s) => isUpcoming(s.start, s.durationMinutes, s.timeZone, now))
    .map((s) => ({
      slug: s.slug,
      title: s.title,
      start: s.start,
      ...(s.place === undefined ? {} : { place: { name: s.place.name } }),
      audience: s.audience,
      status: s.status,
    }));
  return new Response(JSON.stringify(upcoming), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
