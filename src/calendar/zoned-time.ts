// Wall-clock times of a time zone (the delegation's Europe/Paris) and the
// instants they name, with the DST transitions settled the way calendar
// software does: a time skipped in spring moves forward by the gap, a time
// repeated in autumn means its first occurrence (Temporal's "compatible").

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const minute = 60_000;
const day = 24 * 60 * minute;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `timeZone` at `instant`, as milliseconds of a UTC date showing the same figures. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
}

/** Offset of `timeZone` from UTC at `instant`, in whole minutes (60 for Paris in winter). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const at = Math.floor(instant.getTime() / 1_000) * 1_000;
  return Math.round((wallClockMs(at, timeZone) - at) / minute);
}

/** Reads "2027-03-28T10:00" into its figures, as a UTC timestamp; throws on anything else. */
function parseLocal(local: string): number {
  const match = localPattern.exec(local);
  if (match === null)
    throw new RangeError(`"${local}" is not a local date and time (YYYY-MM-DDTHH:MM)`);
  const [year, month, date, hour, min] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, date, hour, min);
  const check = new Date(wall);
  // Date.UTC rolls 31 April over to 1 May: refuse it instead.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date || hour > 23 || min > 59) {
    throw new RangeError(`"${local}" is not a real date and time`);
  }
  return wall;
}

/** The instant when the wall clock of `timeZone` shows `local` ("2027-03-28T10:00"). */
export function zonedWallTimeToInstant(local: string, timeZone: string): Date {
  const wall = parseLocal(local);
  // Offsets in force a day either side bracket any transition near `wall`.
  const before = zoneOffsetMinutes(new Date(wall - day), timeZone);
  const after = zoneOffsetMinutes(new Date(wall + day), timeZone);
  const candidates = [wall - before * minute, wall - after * minute]
    .filter((instant) => wallClockMs(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  // No candidate: the time falls in the spring gap. The offset before the
  // change puts it that many minutes later on the clock (02:30 reads 03:30).
  return new Date(earliest ?? wall - before * minute);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** What the wall clock of `timeZone` shows at `instant`, to the minute: "2027-03-28T10:00". */
export function instantToZonedWallTime(instant: Date, timeZone: string): string {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}
