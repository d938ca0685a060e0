// A worker arranges a strategy discussion, sends it to calendars as an iCalendar file and moves
// it; the initial child protection conference then falls due. The conference is arranged,
// people are invited and their attendance and dissent recorded, the meeting is mapped with
// everyone who came, a plan is built from that mapping and agreed, and the conference's
// decision is recorded: the core group and the first review fall due in its place. A meeting on
// the day the clocks go forward is arranged and cancelled. Every calendar file is read by a real
// iCalendar parser (ical.js) and every page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import {
  addChildWithCase, assertNoScriptProblems, bodyText, checkAccessibility, fillDate, fillTime, isoDate,
  londonInstant, londonToday, runSigns, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'convenor@example.test', name: 'Kit Convenor' };
const dayMs = 86_400_000;

// Clicks a button whose form is sent in the background, and waits for the page to show the answer.
async function inPlace(page, name) {
  const updated = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('signs:updated', () => resolve(), { once: true });
  }));
  await page.getByRole('button', { name }).click();
  await updated;
}


/** The boxes of a date input: day, month, year. */
const boxes = (day) => {
  const d = new Date(day);
  return [String(d.getUTCDate()), String(d.getUTCMonth() + 1), String(d.getUTCFullYear())];
};
/** A date as the server writes it: "3 December 2026". */
const longText = (day) => new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric',
}).format(new Date(day));

// Working days skip weekends and England's bank holidays, from the same list the server reads.
const bankHolidays = new Set(
  (await readFile(new URL('../../data/bank-holidays-england.csv', import.meta.url), 'utf8'))
    .split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(',')[0]));

function plusWorkingDays(day, count) {
  let out = day;
  for (let counted = 0; counted < count;) {
    out += dayMs;
    const weekday = new Date(out).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !bankHolidays.has(isoDate(out))) counted += 1;
  }
  return out;
}

/** The same day `count` months on, or the month's last day when it is shorter. */
function plusMonths(day, count) {
  const d = new Date(day);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + count;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), last));
}


/** The next last Sunday of March, when the clocks in London go forward an hour. */
function nextClocksForward() {
  for (let year = new Date(londonToday).getUTCFullYear(); ; year += 1) {
    const lastOfMarch = Date.UTC(year, 2, 31);
    const sunday = lastOfMarch - new Date(lastOfMarch).getUTCDay() * dayMs;
    if (sunday > londonToday) return sunday;
  }
}

/** Downloads the meeting's calendar file through its link and parses it with ical.js. */
async function calendarFile(page) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Add it to a calendar (iCalendar file)' }).click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'meeting.ics');
  const text = await readFile(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  assert.equal(events.length, 1, `one event in the file:\n${text}`);
  const event = events[0];
  const start = event.getFirstPropertyValue('dtstart');
  return {
    text,
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    location: event.getFirstPropertyValue('location'),
    start,
    end: event.getFirstPropertyValue('dtend'),
    attendees: event.getAllProperties('attendee').map((p) => ({
      address: p.getFirstValue(), name: p.getParameter('cn'),
    })),
  };
}

/** Arranges a meeting from the case page and returns its path. */
async function arrange(page, casePath, { kind, day, start, end, venue, remote, chair }) {
  await page.goto(app.url(casePath));
  await page.getByRole('button', { name: 'Arrange a meeting' }).click();
  await page.getByRole('heading', { level: 1, name: 'Arrange a meeting' }).waitFor();
  await page.getByRole('group', { name: 'Kind of meeting' }).getByLabel(kind, { exact: true }).check();
  await fillDate(page, 'Date', ...boxes(day));
  await fillTime(page, 'Starts at', ...start);
  await fillTime(page, 'Ends at', ...end);
  if (remote) await page.getByLabel('Held by video or phone').check();
  await page.getByLabel('Where, or how to join').fill(venue);
  await page.getByLabel('Chaired by').fill(chair);
  await page.getByRole('group', { name: 'Which children is it about?' }).getByLabel('Maya Carter').check();
  await page.getByRole('button', { name: 'Arrange the meeting' }).click();
  await page.getByText('Meeting arranged').waitFor();
  await page.getByRole('heading', { level: 1, name: kind }).waitFor();
  return new URL(page.url()).pathname;
}

/** The rows of the case page's "What is due" table, as text. */
async function dueRows(page) {
  const table = page.getByRole('table', { name: 'Statutory deadlines outstanding, soonest first' });
  await table.waitFor();
  return table.locator('tbody tr').allInnerTexts();
}

/** The fold-out form for one invited person. */
function personDetails(page, name) {
  return page.locator('details').filter({
    has: page.getByText(`Attendance and views of ${name}`, { exact: true }),
  });
}

const venue = 'Macclesfield Town Hall, room 4';
const chair = 'Sam Okafor';

test('meetings are arranged, sent to calendars, mapped, recorded and start the next statutory clock',
  { timeout: 90_000 }, async (t) => {
    await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
      '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
    const page = await app.newPage(t);
    await app.signIn(page, worker.email, password);
    await addChildWithCase(page, app, {
      first: 'Maya', last: 'Carter', born: ['2', '3', '2019'], sex: 'Female', level: 'Child in need', reason: 'Left alone at night',
    });
    const casePath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 2, name: 'Meetings' }).waitFor();
    assert.match(await bodyText(page), /No meetings yet/);

    // The arrange form offers only the kinds of meeting held for a child in need.
    await page.getByRole('button', { name: 'Arrange a meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arrange a meeting' }).waitFor();
    const kinds = await page.getByRole('group', { name: 'Kind of meeting' })
      .locator('label').allInnerTexts();
    assert.deepEqual(kinds.map((k) => k.trim()), ['Strategy discussion',
      'Initial child protection conference', 'Child in need review', 'Family network meeting',
      'Family group decision-making meeting', 'Pre-proceedings meeting']);
    await checkAccessibility(page);

    // A strategy discussion today, 10:00 to 11:00.
    const strategyPath = await arrange(page, casePath, {
      kind: 'Strategy discussion', day: londonToday, start: ['10', '00'], end: ['11', '00'], venue, chair,
    });
    let text = await bodyText(page);
    assert.match(text, new RegExp(`${longText(londonToday)}, 10:00 to 11:00 \\(London time\\)`));
    assert.match(text, new RegExp(venue));
    assert.match(text, new RegExp(chair));
    assert.match(text, /Nobody is invited yet/);
    await checkAccessibility(page);

    // Its calendar file: one event at 10:00 London time, a first revision, confirmed.
    const response = await page.request.get(app.url(`${strategyPath}/invitation.ics`));
    assert.match(response.headers()['content-type'], /^text\/calendar/);
    let ics = await calendarFile(page);
    assert.equal(ics.start.zone.tzid, 'Europe/London');
    assert.equal(ics.start.toString(), `${isoDate(londonToday)}T10:00:00`);
    assert.equal(ics.start.toJSDate().toISOString(), londonInstant(londonToday, 10, 0).toISOString());
    assert.equal(ics.end.toJSDate().toISOString(), londonInstant(londonToday, 11, 0).toISOString());
    assert.match(ics.uid, /\S+@signs$/);
    assert.equal(ics.sequence, 0);
    assert.equal(ics.status, 'CONFIRMED');
    assert.equal(ics.location, venue);
    const strategyUid = ics.uid;

    // Moved half an hour later: the same event, one revision on.
    await page.getByRole('link', { name: 'Move or change the meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Move or change the meeting' }).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Starts at' }).getByLabel('Hour').inputValue(), '10');
    assert.equal(await page.getByLabel('Chaired by').inputValue(), chair);
    await checkAccessibility(page);
    await page.getByRole('group', { name: 'Starts at' }).getByLabel('Minute').fill('30');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Meeting changed').waitFor();
    assert.match(await bodyText(page), /10:30 to 11:00 \(London time\)/);
    ics = await calendarFile(page);
    assert.equal(ics.uid, strategyUid);
    assert.equal(ics.sequence, 1);
    assert.equal(ics.start.toString(), `${isoDate(londonToday)}T10:30:00`);
    assert.equal(ics.start.toJSDate().toISOString(), londonInstant(londonToday, 10, 30).toISOString());

    // The strategy discussion starts the clock for the initial conference: 15 working days.
    await page.getByRole('link', { name: 'Back to the case' }).click();
    let due = await dueRows(page);
    const conferenceDue = due.find((row) => row.startsWith('Initial child protection conference'));
    assert.ok(conferenceDue, `the initial conference is due:\n${due.join('\n')}`);
    assert.match(conferenceDue, new RegExp(longText(plusWorkingDays(londonToday, 15))));
    assert.match(conferenceDue, new RegExp(
      `15 working days after the strategy discussion that started the enquiry \\(${longText(londonToday)}\\)`));
    assert.match(conferenceDue, /Working Together to Safeguard Children 2023/);
    assert.match(await page.getByRole('table', { name: 'Meetings about this case, earliest first' }).innerText(),
      /Strategy discussion\s+Arranged/);
    await checkAccessibility(page);

    // The initial conference, today; three people invited, one with an email address.
    const conferencePath = await arrange(page, casePath, {
      kind: 'Initial child protection conference', day: londonToday, start: ['14', '00'], end: ['15', '30'], venue, chair,
    });
    for (const [name, kind, role, email] of [
      ['Dana Carter', 'Parent or carer', 'Mother', 'dana.carter@example.org'],
      ['Ravi Shah', 'Professional', 'Police', ''],
      ['Jo Bell', 'Professional', 'Class teacher at Oak Primary', ''],
    ]) {
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Who they are').selectOption({ label: kind });
      await page.getByLabel('Their part (optional)').fill(role);
      await page.getByLabel('Email address (optional)').fill(email);
      await page.getByRole('button', { name: 'Invite them' }).click();
      await page.getByText('Invitation added').waitFor();
    }
    await checkAccessibility(page);

    // Dana and Jo came; Ravi sent apologies; Dana does not agree with a plan.
    for (const [name, attendance, reason] of [['Dana Carter', 'Attended', ''],
      ['Ravi Shah', 'Sent apologies', 'In court'], ['Jo Bell', 'Attended', '']]) {
      const details = personDetails(page, name);
      await details.locator('summary').click();
      await details.getByLabel(`Attendance of ${name}`).selectOption({ label: attendance });
      if (reason) await details.getByLabel('Reason for apologies').fill(reason);
      await details.getByRole('button', { name: 'Save attendance' }).click();
      await page.getByText('Attendance saved').waitFor();
    }
    const dana = personDetails(page, 'Dana Carter');
    await dana.locator('summary').click();
    await dana.getByLabel('What Dana Carter does not agree with').fill('Dana does not agree that Maya needs a plan');
    await checkAccessibility(page);
    await dana.getByRole('button', { name: 'Save what they do not agree with' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const invited = page.getByRole('table', { name: 'People invited and whether they came' });
    assert.match(await invited.getByRole('row', { name: /Dana Carter/ }).innerText(),
      /Attended[\s\S]*Dana does not agree that Maya needs a plan/);
    assert.match(await invited.getByRole('row', { name: /Ravi Shah/ }).innerText(), /Sent apologies \(In court\)/);
    assert.match(await invited.getByRole('row', { name: /Jo Bell/ }).innerText(), /Attended/);
    await checkAccessibility(page);

    // In its calendar file only Dana, who has an email address, is an attendee.
    ics = await calendarFile(page);
    assert.deepEqual(ics.attendees, [{ address: 'mailto:dana.carter@example.org', name: 'Dana Carter' }]);
    assert.equal(ics.sequence, 0);
    assert.notEqual(ics.uid, strategyUid);

    // The meeting is mapped: a new mapping with the two who came as the people taking part.
    await page.getByRole('button', { name: 'Map the meeting' }).click();
    await page.waitForURL(/\/mappings\/[0-9]+$/);
    const mappingPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: /^Meeting mapping/ }).waitFor();
    text = await bodyText(page);
    assert.match(text, /Dana Carter, Parent or carer \(In the room\)/);
    assert.match(text, /Jo Bell, Professional \(In the room\)/);
    assert.doesNotMatch(text, /Ravi Shah/);
    await checkAccessibility(page);

    const goal = 'Dana and Gran Pat will make sure a sober adult is home with Maya every night';
    const nextStep = 'Find a childminder for Tuesday evenings';
    for (const [where, words, answers] of [
      ['Danger statement', 'Dana may leave Maya alone at night and Maya could be hurt', false],
      ['Safety goal', goal, true],
      ['Next step', nextStep, false],
    ]) {
      await page.getByLabel('Where it goes').selectOption({ label: where });
      await page.getByLabel('What was said, in their words').fill(words);
      if (answers) await page.getByLabel(/the danger statement it answers/).selectOption({ index: 1 });
      await inPlace(page, 'Add to the mapping');
      assert.match(await bodyText(page), new RegExp(words));
    }
    assert.match(await bodyText(page), /Answers: Dana may leave Maya/);

    // Everyone who came gives their overall number; Jo scales the danger statement too.
    for (const [name, value, about] of [['Dana Carter', '6', 0], ['Jo Bell', '4', 0], ['Jo Bell', '3', 1]]) {
      await page.getByLabel('Whose number').selectOption({ label: name });
      await page.getByLabel('About', { exact: true }).selectOption({ index: about });
      await page.getByLabel('Their number, from 0 to 10').fill(value);
      await page.getByLabel(/Why is it not lower/).fill(`Reason ${value} from ${name}`);
      await inPlace(page, 'Save the number');
    }
    const numbers = page.getByRole('table', { name: 'Everyone\'s number, side by side' });
    assert.match(await numbers.getByRole('row', { name: /Dana Carter/ }).innerText(), /6/);
    assert.match(await numbers.getByRole('row', { name: /Jo Bell/ }).innerText(), /4[\s\S]*3/);
    await checkAccessibility(page);
    await page.getByLabel('Agreed').check();
    await page.getByRole('button', { name: 'Save the status' }).click();
    assert.match(await bodyText(page), /no longer changed/);
    await checkAccessibility(page);

    // The conference page now links to its mapping instead of offering to make one.
    await page.goto(app.url(conferencePath));
    await page.getByRole('link', { name: 'The mapping made at the meeting' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'The mapping made at the meeting' }).getAttribute('href'),
      mappingPath);
    assert.equal(await page.getByRole('button', { name: 'Map the meeting' }).count(), 0);

    // A plan from that mapping: its next step goes under the goal, and version 1 is agreed today.
    await page.goto(app.url(casePath));
    await page.getByRole('button', { name: 'Start a plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start a plan' }).waitFor();
    await page.getByRole('radio', { name: /Meeting \(Agreed\)/ }).check();
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.waitForURL(/\/plans\/[0-9]+/);
    await page.getByRole('heading', { level: 1, name: /version 1/ }).waitFor();
    assert.match(await bodyText(page), new RegExp(goal));
    await checkAccessibility(page);
    await page.getByRole('link', { name: 'Change action 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change action 1' }).waitFor();
    assert.equal(await page.getByLabel('What will be done').inputValue(), nextStep);
    await checkAccessibility(page);
    await page.getByLabel('The goal it works towards').selectOption({ index: 1 });
    await page.getByLabel('Who will do it').selectOption({ label: 'Someone in the safety network' });
    await page.getByLabel('Their name').fill('Gran Pat');
    await fillDate(page, 'By when', ...boxes(londonToday + 28 * dayMs));
    await page.getByLabel('How will everyone know it is happening?').fill('Maya tells her teacher each Wednesday');
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByText('Action saved').waitFor();
    await fillDate(page, 'Date it was agreed', ...boxes(londonToday));
    await page.getByLabel('Where it was agreed (optional)').fill('Initial child protection conference');
    await page.getByRole('button', { name: 'Agree version 1' }).click();
    await page.getByText('Plan agreed').waitFor();
    await checkAccessibility(page);

    // The conference's record: a plan is needed, for neglect, and version 1 was agreed there.
    const nextMeeting = londonToday + 10 * dayMs;
    await page.goto(app.url(conferencePath));
    await page.getByLabel('What the meeting decided').fill('Maya will be the subject of a child protection plan');
    await page.getByRole('group', { name: 'Is a child protection plan needed?' }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('Category of the plan').selectOption({ label: 'Neglect' });
    await page.getByLabel('Plan version agreed at the meeting').selectOption({ label: 'Version 1' });
    await fillDate(page, 'Date of the next meeting (optional)', ...boxes(nextMeeting));
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page.getByText('Meeting recorded').waitFor();
    const record = page.locator('dl').filter({ hasText: 'Decision' });
    text = await record.innerText();
    assert.match(text, /Maya will be the subject of a child protection plan/);
    assert.match(text, /A child protection plan is needed \(Neglect\)/);
    assert.match(text, /Version 1/);
    assert.match(text, new RegExp(longText(nextMeeting)));
    assert.match(await bodyText(page), /Status\s+Held/);
    assert.equal(await page.getByRole('link', { name: 'Move or change the meeting' }).count(), 0,
      'a meeting that was held is not moved');
    await checkAccessibility(page);

    // The conference stops the first clock and starts two more.
    await page.getByRole('link', { name: 'Back to the case' }).click();
    due = await dueRows(page);
    assert.equal(due.some((row) => row.startsWith('Initial child protection conference')), false,
      `the initial conference is no longer due:\n${due.join('\n')}`);
    const coreGroup = due.find((row) => row.startsWith('First core group meeting'));
    const review = due.find((row) => row.startsWith('First review child protection conference'));
    assert.ok(coreGroup && review, `the core group and the first review are due:\n${due.join('\n')}`);
    const held = longText(londonToday);
    assert.match(coreGroup, new RegExp(longText(plusWorkingDays(londonToday, 10))));
    assert.match(coreGroup, new RegExp(`10 working days after the initial child protection conference \\(${held}\\)`));
    assert.match(review, new RegExp(longText(plusMonths(londonToday, 3))));
    assert.match(review, new RegExp(`3 months after the initial child protection conference \\(${held}\\)`));
    assert.match(await page.getByRole('row', { name: /Initial child protection conference/ }).innerText(), /Held/);
    await checkAccessibility(page);

    // A family network meeting on the day the clocks go forward, at 09:30 BST: 08:30 UTC.
    const springForward = nextClocksForward();
    const networkPath = await arrange(page, casePath, {
      kind: 'Family network meeting', day: springForward, start: ['9', '30'], end: ['11', '00'],
      venue: 'Video call: the link is in the invitation', remote: true, chair,
    });
    assert.match(await bodyText(page), /The record is written on or after the day of the meeting/);
    assert.equal(await page.getByRole('button', { name: 'Map the meeting' }).count(), 0);
    assert.match(await bodyText(page), /Remote: Video call: the link is in the invitation/);
    await checkAccessibility(page);
    ics = await calendarFile(page);
    assert.equal(ics.start.toString(), `${isoDate(springForward)}T09:30:00`);
    assert.equal(ics.start.toJSDate().toISOString(), `${isoDate(springForward)}T08:30:00.000Z`);
    assert.equal(ics.start.utcOffset(), 3600);
    assert.equal(ics.location, 'Remote: Video call: the link is in the invitation');
    assert.equal(ics.status, 'CONFIRMED');
    const networkUid = ics.uid;
    const networkSequence = ics.sequence;

    // Cancelled with a reason: the same event, cancelled, a later revision.
    await page.getByLabel('Why is it cancelled?').fill('Gran Pat is away that weekend');
    await page.getByRole('button', { name: 'Cancel the meeting' }).click();
    await page.getByText('Meeting cancelled').waitFor();
    assert.match(await bodyText(page), /Cancelled: Gran Pat is away that weekend/);
    await checkAccessibility(page);
    ics = await calendarFile(page);
    assert.equal(ics.status, 'CANCELLED');
    assert.equal(ics.uid, networkUid);
    assert.ok(ics.sequence > networkSequence, `sequence ${ics.sequence} after ${networkSequence}`);
    assert.equal(new URL(page.url()).pathname, networkPath);

    assertNoScriptProblems(page);
  });
