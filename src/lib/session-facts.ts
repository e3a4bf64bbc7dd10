// What the training pages say about a session, in one language, at a given
// moment: where, who, seats left (as the build counted them) and until when one
// can register. Pure, so that the wording is tested with a fixed clock;
// SessionFacts.astro and SessionView.astro only lay it out.
import { registrationClosesAt, registrationOpen } from '../calendar/session-instants.ts';
import type { Locale } from '../schemas/common.ts';
import type { SessionData } from '../schemas/session.ts';
import type { SeatCount } from '../server/ports.ts';
import { formatMoment, isoWithOffset } from './dates.ts';
import { useTranslations } from '../i18n/index.ts';

export interface SessionFactsText {
  /** Whether registration is open at `now`. */
  open: boolean;
  /** Place name and address, or "online". */
  where: string;
  trainer: string;
  notes?: string;
  /** Seats: the build's count and when it was read, or the capacity when unknown or closed. */
  seats: string;
  /** The live count's templates ({left}, {waiting}), for the page's script while open. */
  live?: { left: string; full: string };
  /** Until when one can register (scheduled sessions only), and its machine-readable time. */
  registration?: { text: string; datetime: string };
  /** What replaces the form once registration has closed. */
  closedNote: string;
}

export function sessionFacts(
  session: SessionData,
  locale: Locale,
  now: Date,
  seats?: { count: SeatCount; at: Date },
): SessionFactsText {
  const t = useTranslations(locale);
  const open = registrationOpen(session, now);
  const closes = registrationClosesAt(session);
  const closesText = formatMoment(closes, session.timeZone, locale);
  const { capacity } = session;
  const built =
    seats === undefined
      ? undefined
      : t('training.seats.built', {
          count:
            seats.count.left > 0
              ? t('training.seats.left', { left: seats.count.left, capacity })
              : t('training.seats.full', { capacity, waiting: seats.count.waiting }),
          time: formatMoment(seats.at, session.timeZone, locale),
        });
  return {
    open,
    where:
      session.place === undefined
        ? t('training.online')
        : `${session.place.name[locale]}, ${session.place.address}`,
    trainer: session.trainerRole[locale],
    ...(session.notes === undefined ? {} : { notes: session.notes[locale] }),
    seats: open && built !== undefined ? built : t('training.seats', { capacity }),
    ...(open
      ? {
          live: {
            left: t('training.seats.live.left', { capacity }),
            full: t('training.seats.live.full'),
          },
        }
      : {}),
    ...(session.status === 'scheduled'
      ? {
          registration: {
            text: t(open ? 'training.registration.until' : 'training.registration.closed', {
              time: closesText,
            }),
            datetime: isoWithOffset(closes, session.timeZone),
          },
        }
      : {}),
    closedNote: t('training.registration.closedNote', { time: closesText }),
  };
}
