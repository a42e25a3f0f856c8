// Prints "UID<TAB>UTC start (ISO)<TAB>UTC end<TAB>SEQUENCE<TAB>METHOD<TAB>STATUS<TAB>DTSTAMP (ISO, UTC)" for every VEVENT of an .ics file,
// reading the time zones only from the file's own VTIMEZONE components, as ical.js-based clients (Thunderbird,
// Nextcloud) do. Usage: node ics-utc.mjs file.ics
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}
const method = root.getFirstPropertyValue("method") ?? "";
for (const vevent of root.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  const tzid = vevent.getFirstProperty("dtstart").getParameter("tzid");
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    throw new Error(`no VTIMEZONE for ${tzid}`);
  }
  const status = vevent.getFirstPropertyValue("status") ?? "";
  const stamp = vevent.getFirstPropertyValue("dtstamp");
  console.log(`${event.uid}\t${event.startDate.toJSDate().toISOString()}\t${event.endDate.toJSDate().toISOString()}\t${event.sequence ?? 0}\t${method}\t${status}\t${stamp ? stamp.toJSDate().toISOString() : ""}`);
}
