// Upcoming sessions as JSON, read by the functions (src/server/sessions.ts): the
// next sessions in a welcome email, and each session's facts for registrations
// (capacity, start, status). Nothing here is private: the pages show it all.
import type { APIRoute } from 'astro';
import { isUpcoming } from '../lib/dates.ts';
import { sessions } from '../lib/content.ts';

export const GET: APIRoute = async () => {
  const now = new Date();
  const upcoming = (await sessions())
    .map((entry) => entry.data)
    .filter((s) => isUpcoming(s.start, s.durationMinutes, s.timeZone, now));
  return new Response(JSON.stringify(upcoming), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
