// Training: a training administrator adds a venue (after a postcode that is not one), a course,
// and two sessions of it: one in 20 days with a single place (after trying none), and one today
// that has already started. Anyone can see what is coming up on the public page. One
// practitioner books the single place and adds it to their calendar (the file is read by a real
// iCalendar parser, ical.js); a second joins the waiting list and moves up when the first
// cancels. On the session that has started the administrator books a partner who walks in,
// marks them as attended, downloads the register and prints the sign-in sheet, then looks at
// who is trained. Every page, error states included, is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import {
  assertNoScriptProblems, bodyText, checkAccessibility, fillDate, isoDate, londonDate,
  londonInstant, londonToday, runSigns, submit, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const team = 'Riverside Family Help Team';
const trainer = { email: 'trainer@example.test', name: 'Tess Trainer' };
const alex = { email: 'alex@example.test', name: 'Alex Reid' };
const bea = { email: 'bea@example.test', name: 'Bea Moss' };
const dayMs = 86_400_000;

const venue = {
  name: 'Macclesfield Town Hall',
  address: 'Market Place, Macclesfield',
  postcode: 'SK10 1EA',
  access: 'Step-free entrance on Churchside; the training room is on the ground floor',
};
const course = {
  title: 'Signs of Safety foundation',
  length: '1 day',
  audience: 'Practitioners and partner agencies',
  summary: 'The practice framework: mapping, danger statements and safety goals.',
  covers: 'Mapping what is working well and what we are worried about, scaling, safety planning.',
};
const partner = { name: 'Sam Partner', organisation: 'Cheshire Police', email: 'sam@example.test' };




const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The accessible name of a control whose visible words are followed by visually hidden ones.
 * The hidden span is positioned absolutely, which makes it a block, so Chromium (and
 * Playwright after it) puts a space between the two parts.
 */
const spokenAs = (visible, hidden) => new RegExp(`^${escaped(visible)}\\s*${escaped(hidden)}$`);

/** The rows of a CSV file (RFC 4180, with an optional byte-order mark), as arrays of fields. */
function csvRows(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Fills the hour and minute boxes of the time input whose legend is `legend`. */
async function fillTime(page, legend, hour, minute) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Hour').fill(hour);
  await group.getByLabel('Minute').fill(minute);
}

/** Fills the session form; `date` is londonDate(...). */
async function fillSession(page, { date, start, end, places }) {
  await page.getByLabel('Course', { exact: true }).selectOption({ label: course.title });
  await page.getByLabel('Venue', { exact: true }).selectOption({ label: `${venue.name}, ${venue.postcode}` });
  await fillDate(page, 'First day', ...date.boxes);
  await page.getByLabel('Number of days').fill('1');
  await fillTime(page, 'Starts', ...start);
  await fillTime(page, 'Ends', ...end);
  await page.getByLabel('Places', { exact: true }).fill(places);
}

/** The value of a row of the session page's summary list. */
function summaryValue(page, key) {
  return page.locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) })
    .locator('dd').innerText();
}

/** The text of the success banner. */
function banner(page) {
  return page.locator('.govuk-notification-banner').innerText();
}

/** The booking's state as the person sees it: "Your booking: ...". */
async function yourBooking(page) {
  const line = page.locator('p', { hasText: /^Your booking:/ });
  return (await line.locator('.govuk-tag').innerText()).trim();
}

test('training is set up, booked, waitlisted, cancelled, attended and reported', { timeout: 120_000 }, async (t) => {
  for (const [person, role, teamName] of [[trainer, 'training-admin', undefined],
    [alex, 'practitioner', team], [bea, 'practitioner', team]]) {
    await runSigns(['user', 'add', person.email, '--name', person.name, '--role', role,
      ...(teamName ? ['--team', teamName] : []), '--data-dir', app.dataDir], { input: `${password}\n` });
  }

  // --- The training administrator sets up a venue, a course and two sessions. ---
  const tp = await app.newPage(t);
  await app.signIn(tp, trainer.email, password);
  await tp.getByRole('link', { name: 'Training', exact: true }).click();
  await tp.waitForURL((url) => url.pathname === '/training');
  await tp.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
  for (const name of ['Add a session', 'Add a course', 'Add a venue']) {
    await tp.getByRole('button', { name, exact: true }).waitFor();
  }
  await tp.getByRole('link', { name: 'Who is trained, by team and role' }).waitFor();
  assert.match(await bodyText(tp), /No sessions are planned yet/);
  await checkAccessibility(tp);

  // A venue, first with a postcode that is not one.
  await tp.getByRole('button', { name: 'Add a venue', exact: true }).click();
  await tp.waitForURL((url) => url.pathname === '/training/venues/new');
  await tp.getByRole('heading', { level: 1, name: 'Add a venue' }).waitFor();
  await checkAccessibility(tp);
  await tp.getByLabel('Name', { exact: true }).fill(venue.name);
  await tp.getByLabel('Address', { exact: true }).fill(venue.address);
  await tp.getByLabel('Postcode', { exact: true }).fill('NOPE');
  await tp.getByLabel('Getting there and access (optional)').fill(venue.access);
  assert.equal(await submit(tp, 'Add the venue'), 422);
  const summary = tp.locator('.govuk-error-summary');
  assert.match(await summary.innerText(), /There is a problem/);
  assert.match(await summary.innerText(), /Enter a real postcode, like SK11 8RH/);
  assert.match(await tp.title(), /^Error: /);
  assert.equal(await tp.getByLabel('Postcode', { exact: true }).inputValue(), 'NOPE', 'what was typed is kept');
  assert.equal(await tp.getByLabel('Name', { exact: true }).inputValue(), venue.name);
  await checkAccessibility(tp);
  await summary.getByRole('link', { name: /real postcode/ }).click();
  assert.ok(await tp.getByLabel('Postcode', { exact: true }).evaluate((box) => box === document.activeElement),
    'the error link focuses the postcode');
  await tp.getByLabel('Postcode', { exact: true }).fill(venue.postcode);
  assert.equal(await submit(tp, 'Add the venue'), 303);
  await tp.waitForURL((url) => url.pathname === '/training/sessions/new');
  await tp.getByRole('heading', { level: 1, name: 'Add a session' }).waitFor();
  assert.match(await bodyText(tp), /Add a course and a venue first/, 'no course yet, so no form');
  await checkAccessibility(tp);

  // A course; no other course exists, so it covers none.
  await tp.getByRole('link', { name: 'Back to training' }).click();
  await tp.getByRole('button', { name: 'Add a course', exact: true }).click();
  await tp.waitForURL((url) => url.pathname === '/training/courses/new');
  await tp.getByRole('heading', { level: 1, name: 'Add a course' }).waitFor();
  assert.equal(await tp.getByRole('group', { name: 'Courses this one covers' }).count(), 0);
  await checkAccessibility(tp);
  await tp.getByLabel('Title', { exact: true }).fill(course.title);
  await tp.getByLabel('Length', { exact: true }).fill(course.length);
  await tp.getByLabel('Who it is for', { exact: true }).fill(course.audience);
  await tp.getByLabel('Summary', { exact: true }).fill(course.summary);
  await tp.getByLabel('What it covers', { exact: true }).fill(course.covers);
  assert.equal(await tp.getByLabel('A line manager approves each place').isChecked(), false);
  assert.equal(await submit(tp, 'Add the course'), 303);
  await tp.waitForURL((url) => url.pathname === '/training/sessions/new' && url.searchParams.has('course'));
  await tp.getByRole('heading', { level: 1, name: 'Add a session' }).waitFor();
  const courseSelect = tp.getByLabel('Course', { exact: true });
  assert.equal(await courseSelect.locator('option:checked').innerText(), course.title,
    'the new course is chosen');
  assert.equal(await tp.getByLabel('Number of days').inputValue(), '1');
  await checkAccessibility(tp);

  // A session in 20 days, first with no places.
  const later = londonDate(20);
  const laterDay = londonToday + 20 * dayMs;
  await fillSession(tp, { date: later, start: ['9', '30'], end: ['16', '30'], places: '0' });
  assert.equal(await submit(tp, 'Add the session'), 422);
  assert.match(await summary.innerText(), /The number of places must be a whole number from 1 to 500/);
  assert.doesNotMatch(await summary.innerText(), /postcode|date|time/i);
  assert.equal(await tp.getByLabel('Places', { exact: true }).inputValue(), '0');
  assert.equal(await courseSelect.locator('option:checked').innerText(), course.title, 'the choice is kept');
  assert.equal(await tp.getByRole('group', { name: 'First day' }).getByLabel('Day').inputValue(), later.boxes[0]);
  await checkAccessibility(tp);
  await tp.getByLabel('Places', { exact: true }).fill('1');
  assert.equal(await submit(tp, 'Add the session'), 303);
  await tp.waitForURL((url) => /^\/training\/sessions\/[0-9]+$/.test(url.pathname) &&
    url.searchParams.get('done') === 'created');
  const laterPath = new URL(tp.url()).pathname;
  await tp.getByRole('heading', { level: 1, name: course.title }).waitFor();
  assert.match(await banner(tp), /Session added/);
  const laterWhen = `${later.text}, 09:30 to 16:30`;
  assert.equal(await summaryValue(tp, 'When'), `${laterWhen} (London time)`);
  assert.match(await summaryValue(tp, 'Where'), new RegExp(`${venue.name}\\s+${venue.address}, ${venue.postcode}`));
  assert.equal(await summaryValue(tp, 'Places'), '1 of 1 places left');
  assert.match(await bodyText(tp), /Nobody has booked yet/);
  await checkAccessibility(tp);

  // A session today, all day, so it has already started.
  const today = londonDate(0);
  await tp.goto(app.url('/training/sessions/new'));
  await fillSession(tp, { date: today, start: ['0', '00'], end: ['23', '59'], places: '5' });
  assert.equal(await submit(tp, 'Add the session'), 303);
  await tp.waitForURL((url) => /^\/training\/sessions\/[0-9]+$/.test(url.pathname));
  const todayPath = new URL(tp.url()).pathname;
  assert.notEqual(todayPath, laterPath);
  const todayWhen = `${today.text}, 00:00 to 23:59`;
  assert.equal(await summaryValue(tp, 'When'), `${todayWhen} (London time)`);
  assert.equal(await summaryValue(tp, 'Places'), 'Closed', 'it has started, so nobody books themselves');
  await checkAccessibility(tp);
  assertNoScriptProblems(tp);

  // --- The public page, without signing in. ---
  const pub = await app.newPage(t);
  await pub.goto(app.url('/public/training'));
  await pub.getByRole('heading', { level: 1, name: 'Signs of Safety training sessions' }).waitFor();
  const publicRow = pub.getByRole('row').filter({ hasText: later.text });
  assert.equal(await publicRow.count(), 1);
  const publicText = await publicRow.innerText();
  assert.match(publicText, new RegExp(course.title));
  assert.match(publicText, new RegExp(`${venue.name}, ${venue.postcode}`));
  assert.match(publicText, /1 of 1 places left/);
  await checkAccessibility(pub);
  assertNoScriptProblems(pub);

  // --- Alex books the only place and adds it to their calendar. ---
  const ap = await app.newPage(t);
  await app.signIn(ap, alex.email, password);
  await ap.getByRole('link', { name: 'Training', exact: true }).click();
  await ap.waitForURL((url) => url.pathname === '/training');
  await ap.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
  assert.equal(await ap.getByRole('button', { name: 'Add a session' }).count(), 0, 'staff do not run training');
  assert.equal(await ap.getByRole('link', { name: 'Who is trained, by team and role' }).count(), 0);
  assert.equal(await ap.getByRole('heading', { name: 'Your bookings' }).count(), 0);
  const comingUp = ap.getByRole('table', { name: 'Sessions coming up, soonest first' });
  assert.deepEqual((await comingUp.locator('thead th').allInnerTexts()).map((h) => h.trim()),
    ['Course', 'When', 'Where', 'Places']);
  const laterRow = comingUp.getByRole('row').filter({ hasText: later.text });
  assert.match(await laterRow.innerText(), /1 of 1 places left/);
  await checkAccessibility(ap);
  // The link says which session it is; Chromium puts a space before the visually hidden ", when".
  const laterLink = comingUp.getByRole('link', { name: spokenAs(course.title, `, ${laterWhen}`) });
  assert.equal(await laterLink.count(), 1);
  await laterLink.click();
  await ap.waitForURL((url) => url.pathname === laterPath);
  await ap.getByRole('heading', { level: 1, name: course.title }).waitFor();
  assert.equal(await ap.getByRole('heading', { name: 'Bookings' }).count(), 0, 'staff do not see the bookings');
  assert.equal(await ap.getByRole('button', { name: 'Book them' }).count(), 0);
  await checkAccessibility(ap);
  assert.equal(await submit(ap, 'Book a place'), 303);
  await ap.waitForURL((url) => url.pathname === laterPath);
  assert.match(await banner(ap), /Your place is booked/);
  assert.equal(await yourBooking(ap), 'Booked');
  assert.equal(await summaryValue(ap, 'Places'), 'Full: 0 waiting');
  assert.equal(await ap.getByRole('button', { name: /Book a place|Join the waiting list/ }).count(), 0);
  await ap.getByLabel('Why are you cancelling? (needed within 5 days of the session)').waitFor();
  await checkAccessibility(ap);

  // The calendar file: one event for the course, at 09:30 London time on the day.
  const calendarLink = ap.getByRole('link', { name: 'Add it to your calendar' });
  const calendarHref = await calendarLink.getAttribute('href');
  assert.match(calendarHref, /^\/training\/bookings\/[0-9]+\/invitation\.ics$/);
  const icsResponse = await ap.request.get(app.url(calendarHref));
  assert.equal(icsResponse.status(), 200);
  assert.match(icsResponse.headers()['content-type'], /^text\/calendar/);
  const icsText = await icsResponse.text();
  const calendar = new ICAL.Component(ICAL.parse(icsText));
  assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
  const events = calendar.getAllSubcomponents('vevent');
  assert.equal(events.length, 1, `one event in the file:\n${icsText}`);
  const event = events[0];
  assert.equal(event.getFirstPropertyValue('summary'), course.title);
  const start = event.getFirstPropertyValue('dtstart');
  assert.equal(start.zone.tzid, 'Europe/London');
  assert.equal(start.toString(), `${isoDate(laterDay)}T09:30:00`);
  assert.equal(start.toJSDate().toISOString(), londonInstant(laterDay, 9, 30).toISOString());
  assert.equal(event.getFirstPropertyValue('dtend').toJSDate().toISOString(),
    londonInstant(laterDay, 16, 30).toISOString());
  const uid = event.getFirstPropertyValue('uid');
  assert.ok(typeof uid === 'string' && uid.trim() !== '', `the event has a UID:\n${icsText}`);
  assert.match(event.getFirstPropertyValue('location'), new RegExp(venue.postcode));

  // The session that has started takes no more bookings from staff.
  await ap.goto(app.url(todayPath));
  await ap.getByRole('heading', { level: 1, name: course.title }).waitFor();
  assert.equal(await summaryValue(ap, 'Places'), 'Closed');
  assert.equal(await ap.getByRole('button', { name: /Book a place|Join the waiting list/ }).count(), 0);
  await checkAccessibility(ap);

  // Their bookings are listed on the training page.
  await ap.getByRole('link', { name: 'Back to training' }).click();
  await ap.waitForURL((url) => url.pathname === '/training');
  const mine = ap.getByRole('table', { name: 'Your bookings, newest first' });
  assert.match(await mine.getByRole('row').filter({ hasText: course.title }).innerText(), /Booked/);
  assert.match(await comingUp.getByRole('row').filter({ hasText: later.text }).innerText(), /Full: 0 waiting/);
  await checkAccessibility(ap);
  assertNoScriptProblems(ap);

  // --- Bea finds it full and joins the waiting list. ---
  const bp = await app.newPage(t);
  await app.signIn(bp, bea.email, password);
  await bp.goto(app.url(laterPath));
  await bp.getByRole('heading', { level: 1, name: course.title }).waitFor();
  assert.equal(await summaryValue(bp, 'Places'), 'Full: 0 waiting');
  assert.equal(await bp.getByRole('button', { name: 'Book a place' }).count(), 0);
  await checkAccessibility(bp);
  assert.equal(await submit(bp, 'Join the waiting list'), 303);
  await bp.waitForURL((url) => url.pathname === laterPath);
  assert.match(await banner(bp), /The session is full, so you are on the waiting list\./);
  assert.equal(await yourBooking(bp), 'On the waiting list');
  assert.equal(await summaryValue(bp, 'Places'), 'Full: 1 waiting');
  assert.equal(await bp.getByRole('link', { name: 'Add it to your calendar' }).count(), 0,
    'no calendar entry without a place');
  await checkAccessibility(bp);

  // --- Alex cancels (no reason needed, it is weeks away), and Bea moves up. ---
  await ap.goto(app.url(laterPath));
  assert.equal(await submit(ap, 'Cancel my booking'), 303);
  await ap.waitForURL((url) => url.pathname === laterPath);
  assert.match(await banner(ap), /Booking cancelled/);
  assert.equal(await ap.locator('p', { hasText: /^Your booking:/ }).count(), 0);
  assert.equal(await summaryValue(ap, 'Places'), 'Full: 0 waiting', 'the place went to Bea');
  await ap.getByRole('button', { name: 'Join the waiting list' }).waitFor();
  await checkAccessibility(ap);
  assertNoScriptProblems(ap);

  await bp.reload();
  await bp.getByRole('heading', { level: 1, name: course.title }).waitFor();
  assert.equal(await yourBooking(bp), 'Booked');
  await bp.getByRole('link', { name: 'Add it to your calendar' }).waitFor();
  await checkAccessibility(bp);
  assertNoScriptProblems(bp);

  // The administrator sees the same on the session's bookings.
  await tp.goto(app.url(laterPath));
  const bookings = tp.getByRole('table', { name: 'Everyone booked or waiting, in the order they booked' });
  assert.deepEqual((await bookings.locator('thead th').allInnerTexts()).map((h) => h.trim()).slice(0, 3),
    ['Name', 'Team or organisation', 'Booking']);
  assert.match(await bookings.getByRole('row', { name: new RegExp(alex.name) }).innerText(),
    new RegExp(`${team}\\s+Cancelled`));
  assert.match(await bookings.getByRole('row', { name: new RegExp(bea.name) }).innerText(),
    new RegExp(`${team}\\s+Booked`));
  assert.equal(await bookings.getByRole('button', { name: /^Attended/ }).count(), 0,
    'attendance waits until the session starts');
  await checkAccessibility(tp);

  // --- The session that has started: a partner walks in and attends. ---
  await tp.goto(app.url(todayPath));
  await tp.getByRole('heading', { level: 1, name: course.title }).waitFor();
  assert.equal(await tp.getByRole('button', { name: /Book a place|Join the waiting list/ }).count(), 0);
  const bookSomeone = tp.locator('form').filter({ has: tp.getByRole('button', { name: 'Book them' }) });
  // First without an organisation.
  await bookSomeone.getByLabel('Name', { exact: true }).fill(partner.name);
  await bookSomeone.getByLabel('Email address', { exact: true }).fill(partner.email);
  assert.equal(await submit(tp, 'Book them'), 422);
  assert.match(await summary.innerText(), /Enter the organisation they work for/);
  assert.equal(await bookSomeone.getByLabel('Name', { exact: true }).inputValue(), partner.name, 'what was typed is kept');
  await checkAccessibility(tp);
  await bookSomeone.getByLabel('Organisation', { exact: true }).fill(partner.organisation);
  assert.equal(await submit(tp, 'Book them'), 303);
  await tp.waitForURL((url) => url.pathname === todayPath);
  assert.match(await banner(tp), /Booked/);
  const partnerRow = bookings.getByRole('row', { name: new RegExp(partner.name) });
  assert.match(await partnerRow.innerText(), new RegExp(`${partner.name}\\s+${partner.organisation}\\s+Booked`));
  assert.equal(await summaryValue(tp, 'Places'), 'Closed');
  // The attendance buttons name the person they are for.
  await partnerRow.getByRole('button', { name: spokenAs('Attended', `: ${partner.name}`) }).waitFor();
  await partnerRow.getByRole('button', { name: spokenAs('Partly attended', `: ${partner.name}`) }).waitFor();
  await partnerRow.getByRole('button', { name: spokenAs('Did not come', `: ${partner.name}`) }).waitFor();
  await checkAccessibility(tp);
  assert.equal(await submit(tp, spokenAs('Attended', `: ${partner.name}`)), 303);
  await tp.waitForURL((url) => url.pathname === todayPath);
  assert.match(await banner(tp), /Attendance saved/);
  assert.match(await partnerRow.innerText(), new RegExp(`${partner.organisation}\\s+Attended`));
  await checkAccessibility(tp);

  // The register, as CSV.
  const registerHref = await tp.getByRole('link', { name: 'Download the register (CSV)' }).getAttribute('href');
  assert.equal(registerHref, `${todayPath}/register.csv`);
  const register = await tp.request.get(app.url(registerHref));
  assert.equal(register.status(), 200);
  assert.match(register.headers()['content-type'], /^text\/csv/);
  const csv = await register.text();
  const [header, ...rows] = csvRows(csv);
  assert.deepEqual(header, ['Name', 'Team or organisation', 'Email', 'Booking', 'Booked at']);
  assert.equal(rows.length, 1, `only the partner is booked on this session:\n${csv}`);
  assert.deepEqual(rows[0].slice(0, 4), [partner.name, partner.organisation, partner.email, 'Attended']);
  const xlsx = await tp.request.get(app.url(
    await tp.getByRole('link', { name: 'as a spreadsheet (XLSX)' }).getAttribute('href')));
  assert.equal(xlsx.status(), 200);
  assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK', 'a spreadsheet is a zip file');

  // The sign-in sheet.
  await tp.getByRole('link', { name: 'Print the sign-in sheet' }).click();
  await tp.waitForURL((url) => url.pathname === `${todayPath}/sign-in-sheet`);
  await tp.getByRole('heading', { level: 1, name: 'Sign-in sheet' }).waitFor();
  const sheet = tp.getByRole('table', { name: 'Everyone with a place, to sign on arrival' });
  assert.match(await sheet.getByRole('row', { name: new RegExp(partner.name) }).innerText(),
    new RegExp(partner.organisation));
  assert.match(await bodyText(tp), new RegExp(todayWhen));
  await checkAccessibility(tp);

  // --- Who is trained, by team and role. ---
  await tp.goto(app.url('/training'));
  await tp.getByRole('link', { name: 'Who is trained, by team and role' }).click();
  await tp.waitForURL((url) => url.pathname === '/training/workforce');
  await tp.getByRole('heading', { level: 1, name: 'Who is trained' }).waitFor();
  const workforce = tp.getByRole('table', { name: 'Staff trained in each course, by team and role' });
  assert.deepEqual((await workforce.locator('thead th').allInnerTexts()).map((h) => h.trim()),
    ['Team', 'Role', 'Staff', course.title]);
  const teamRow = workforce.getByRole('row').filter({ hasText: team });
  assert.match(await teamRow.innerText(), /Practitioner\s+2\s+0 \(0%\)/);
  await checkAccessibility(tp);
  assertNoScriptProblems(tp);
});

// The administrator moves a session from the Friday before the clocks go forward to the Monday
// after. The person booked on it keeps one calendar entry: the file after the move has the
// same UID, a higher SEQUENCE, and the same 9:30 London time, which is now an hour earlier in
// UTC. ical.js reads both files.
test('a session moved across the clocks changing keeps its calendar entry', { timeout: 60_000 }, async (t) => {
  const cal = { email: 'cal@example.test', name: 'Cal Jones' };
  await runSigns(['user', 'add', cal.email, '--name', cal.name, '--role', 'practitioner',
    '--team', team, '--data-dir', app.dataDir], { input: `${password}\n` });
  const winterDay = Date.UTC(2027, 2, 26);  // Friday 26 March 2027, GMT
  const summerDay = Date.UTC(2027, 2, 29);  // Monday 29 March 2027, BST

  const tp = await app.newPage(t);
  await app.signIn(tp, trainer.email, password);
  await tp.goto(app.url('/training/sessions/new'));
  await fillSession(tp, {
    date: { boxes: ['26', '3', '2027'] }, start: ['9', '30'], end: ['13', '00'], places: '5',
  });
  assert.equal(await submit(tp, 'Add the session'), 303);
  await tp.waitForURL((url) => /^\/training\/sessions\/[0-9]+$/.test(url.pathname));
  const sessionPath = new URL(tp.url()).pathname;

  const cp = await app.newPage(t);
  await app.signIn(cp, cal.email, password);
  await cp.goto(app.url(sessionPath));
  assert.equal(await submit(cp, 'Book a place'), 303);
  await cp.waitForURL((url) => url.pathname === sessionPath);
  assert.equal(await yourBooking(cp), 'Booked');
  const calendarHref = await cp.getByRole('link', { name: 'Add it to your calendar' }).getAttribute('href');
  const eventIn = async () => {
    const text = await (await cp.request.get(app.url(calendarHref))).text();
    return new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  };
  const before = await eventIn();
  assert.equal(before.getFirstPropertyValue('dtstart').toString(), '2027-03-26T09:30:00');
  assert.equal(before.getFirstPropertyValue('dtstart').toJSDate().toISOString(), '2027-03-26T09:30:00.000Z');
  assert.equal(before.getFirstPropertyValue('dtstart').toJSDate().toISOString(),
    londonInstant(winterDay, 9, 30).toISOString());
  assert.match(before.getFirstPropertyValue('organizer'), /^mailto:/);

  // The administrator moves it; a move that ends before it starts is refused first.
  await tp.getByRole('link', { name: 'Change the day, times or venue' }).click();
  await tp.waitForURL((url) => url.pathname === `${sessionPath}/move`);
  await tp.getByRole('heading', { level: 1, name: 'Move the session' }).waitFor();
  assert.equal(await tp.getByRole('group', { name: 'First day' }).getByLabel('Day').inputValue(), '26',
    'the form starts from the session as it is');
  assert.equal(await tp.getByLabel('Places', { exact: true }).count(), 0, 'places change elsewhere');
  await checkAccessibility(tp);
  await fillDate(tp, 'First day', '29', '3', '2027');
  await fillTime(tp, 'Ends', '8', '00');
  assert.equal(await submit(tp, 'Move the session'), 422);
  assert.match(await tp.title(), /^Error: /);
  await checkAccessibility(tp);
  await fillTime(tp, 'Ends', '13', '00');
  assert.equal(await submit(tp, 'Move the session'), 303);
  await tp.waitForURL((url) => url.pathname === sessionPath);
  assert.match(await banner(tp), /Session moved; everyone on it has been told/);
  assert.equal(await summaryValue(tp, 'When'), '29 March 2027, 09:30 to 13:00 (London time)');
  await checkAccessibility(tp);
  assertNoScriptProblems(tp);

  const after = await eventIn();
  assert.equal(after.getFirstPropertyValue('uid'), before.getFirstPropertyValue('uid'));
  assert.ok(after.getFirstPropertyValue('sequence') > before.getFirstPropertyValue('sequence'),
    'a higher SEQUENCE, so calendars replace their copy');
  assert.equal(after.getFirstPropertyValue('dtstart').toString(), '2027-03-29T09:30:00');
  assert.equal(after.getFirstPropertyValue('dtstart').toJSDate().toISOString(), '2027-03-29T08:30:00.000Z');
  assert.equal(after.getFirstPropertyValue('dtstart').toJSDate().toISOString(),
    londonInstant(summerDay, 9, 30).toISOString());
  assert.equal(after.getFirstPropertyValue('dtend').toJSDate().toISOString(), '2027-03-29T12:00:00.000Z');
  assertNoScriptProblems(cp);
});
