// Calendars for the recurrence tests: a VEVENT's lines wrapped in a VCALENDAR with America/Detroit as a
// VTIMEZONE (US rules since 1987), which ical.js needs and our parser ignores (it asks the browser's Intl).
const DETROIT = `BEGIN:VTIMEZONE\r
TZID:America/Detroit\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:-0500\r
TZOFFSETTO:-0400\r
TZNAME:EDT\r
DTSTART:19870405T020000\r
RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:-0400\r
TZOFFSETTO:-0500\r
TZNAME:EST\r
DTSTART:19871025T020000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:-0500\r
TZOFFSETTO:-0400\r
TZNAME:EDT\r
DTSTART:20070311T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:-0400\r
TZOFFSETTO:-0500\r
TZNAME:EST\r
DTSTART:20071104T020000\r
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r
END:STANDARD\r
END:VTIMEZONE\r
`;

export function calendar(...events: string[]): string {
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${DETROIT}${events
    .map(
      (e) =>
        `BEGIN:VEVENT\r\n${e
          .trim()
          .split('\n')
          .map((l) => l.trim())
          .join('\r\n')}\r\nEND:VEVENT\r\n`,
    )
    .join('')}END:VCALENDAR\r\n`;
}

/** A VEVENT's lines: 7–9 pm Detroit time unless `start`/`end` say otherwise. */
export function vevent(
  uid: string,
  lines: string,
  start = 'DTSTART;TZID=America/Detroit:20261015T190000',
  end = 'DTEND;TZID=America/Detroit:20261015T210000',
): string {
  return `UID:${uid}\nSUMMARY:${uid}\n${start}\n${end}\n${lines}`;
}
