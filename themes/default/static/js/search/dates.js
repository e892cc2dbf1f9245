// Between two daily builds a result can pass: an activity then shows its next date that has not
// ended and drops out after the last one it carries; a vacancy drops out after its last day.
// The clock is a parameter so tests can move it (tests/js/rank.test.mjs).

// "2026-11-23" in the visitor's own time zone: a vacancy's last day is a calendar day.
function localDay(now) {
  return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
}

/** The ISO intervals ("start/end") that have not ended at `now`. */
export function upcoming(dates, now = new Date()) {
  return dates.filter((interval) => Date.parse(interval.split("/")[1]) > now.getTime());
}

/** True when every carried date has ended, or the last day (`until`, YYYY-MM-DD) has passed. */
export function ended(dates, until, now = new Date()) {
  return (dates.length > 0 && upcoming(dates, now).length === 0) || (!!until && until < localDay(now));
}

/** The day (YYYY-MM-DD) of the first carried date that has not ended, else `fallback`. */
export function nextDate(dates, fallback, now = new Date()) {
  const next = upcoming(dates, now)[0];
  return next ? next.split("/")[0].slice(0, 10) : fallback;
}
