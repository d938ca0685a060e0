// Plain words as people write. A practitioner writes a danger statement full of jargon into a
// mapping and sees plainer words suggested under the box while still typing, then the same
// words again once the entry is saved. An administrator adds the council's own initials, which
// the practitioner's next sentence is checked against at once, and then takes them away again.
// Every page, and every state of a page that a reader meets, is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, admin, assertNoScriptProblems, bodyText, checkAccessibility, runSigns,
  submit, useSigns,
} from './harness.mjs';

const app = useSigns();

const password = 'a long enough passphrase';
const worker = { email: 'plain@example.test', name: 'Robin Plain' };

const jargon = 'We were told about non-engagement with the core group and missed contact at '
  + 'the placement.';
const plain = 'Dana has missed the last three meetings with us and Maya has not seen her dad '
  + 'for a month.';

// Every journey needs the worker's mapping; whichever runs first makes it, so each can run alone.
let workerAdded = false;
let mappingPath;
async function openMapping(t) {
  const page = await app.newPage(t);
  if (!workerAdded) {
    workerAdded = true;
    await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
      '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  }
  await app.signIn(page, worker.email, password);
  if (mappingPath) {
    await page.goto(app.url(mappingPath));
  } else {
    await addChildWithCase(page, app, {
      first: 'Maya', last: 'Okafor', born: ['14', '6', '2018'], sex: 'Female',
      level: 'Child in need', reason: 'Missed school and health appointments',
    });
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Start a mapping' }).click();
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Start the mapping' }).click();
    await page.getByRole('heading', { level: 1, name: /First assessment mapping/ }).waitFor();
    mappingPath = new URL(page.url()).pathname;
  }
  await page.getByLabel('What was said, in their words').waitFor();
  return page;
}

// The hint about `words` under the box with id `box`. Hints arrive after a pause and a round
// trip, so tests wait on this locator rather than guess how long that takes.
function hintFor(page, box, words) {
  return page.locator(`#${box}-plain li strong`).filter({ hasText: new RegExp(`^${words}$`) });
}

async function hintedWords(page, box) {
  return page.locator(`#${box}-plain li strong`).allInnerTexts();
}

// Clicks a button whose form is sent in the background, and waits for the page to show the answer.
async function inPlace(page, name) {
  const updated = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('signs:updated', () => resolve(), { once: true });
  }));
  await page.getByRole('button', { name }).click();
  await updated;
}

test('jargon in a danger statement is pointed out while writing and after saving',
  { timeout: 60_000 }, async (t) => {
  const page = await openMapping(t);
  await checkAccessibility(page);

  // Suggestions must come without leaving the page: a navigation would be counted, and would
  // take the marker on window with it.
  const address = page.url();
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations += 1; });
  await page.evaluate(() => { window.__noReload = true; });
  const stayedPut = async () => {
    assert.equal(page.url(), address);
    assert.equal(navigations, 0, 'the page was not loaded again');
    assert.equal(await page.evaluate(() => window.__noReload), true);
  };

  await page.getByLabel('Where it goes').selectOption({ label: 'Danger statement' });
  const box = page.getByLabel('What was said, in their words');
  const boxId = await box.getAttribute('id');
  const hints = page.locator(`#${boxId}-plain`);
  // The live region is there, empty, before anything is said in it: a screen reader may not
  // announce a region that arrives already holding its first words.
  await box.focus();
  await hints.waitFor({ state: 'attached' });
  assert.equal(await hints.getAttribute('aria-live'), 'polite');
  assert.equal(await hints.evaluate((el) => el.previousElementSibling.id), boxId,
    'the hints sit straight after the box they are about');
  assert.equal(await hints.evaluate((el) => el.childElementCount), 0);

  const checked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/language/check');
  await box.fill(jargon);
  const request = await checked;
  assert.equal(request.method(), 'POST');
  assert.deepEqual(request.postDataJSON(), { text: jargon });
  assert.ok(await request.headerValue('x-csrf-token'), 'the check carries the page\'s CSRF token');

  await hintFor(page, boxId, 'non-engagement').waitFor();
  await hintFor(page, boxId, 'contact').waitFor();
  const said = await hints.innerText();
  assert.match(said, /^Words a family might find hard/);
  assert.match(said, /non-engagement\. Instead: Say what got in the way of meeting/);
  assert.match(said, /contact\. Instead: family time/);
  assert.match(said, /core group\. Instead: regular meeting/);
  assert.match(said, /placement\. Instead: home, or where the child lives/);
  assert.match(said, /Say who did what/, '"were told" hides who told us');
  await stayedPut();
  await checkAccessibility(page);

  // Once the words are plain, nothing is left to suggest.
  await box.fill(plain);
  await page.waitForFunction((id) => document.getElementById(id)?.childElementCount === 0,
    `${boxId}-plain`);
  await stayedPut();
  await checkAccessibility(page);

  // Accents, emoji and other scripts go to the checker and back without harm.
  const withOtherScripts = `Zoë 👪 名前: ${jargon}`;
  await box.fill(withOtherScripts);
  await hintFor(page, boxId, 'non-engagement').waitFor();
  assert.deepEqual(await hintedWords(page, boxId),
    ['non-engagement', 'core group', 'contact', 'placement']);

  // The save is never held back by the suggestions; they are repeated above the saved page.
  await inPlace(page, 'Add to the mapping');
  await stayedPut();
  const main = page.locator('#main-content');
  assert.ok(await main.getByText(withOtherScripts, { exact: true }).isVisible(),
    'the entry is saved exactly as written');
  const panel = page.locator('#main-content .govuk-inset-text.signs-plain-words');
  assert.equal(await panel.evaluate((el) => el === el.parentElement.firstElementChild), true,
    'the panel opens the main content');
  const saved = await panel.innerText();
  assert.match(saved, /^Words a family might find hard/);
  assert.match(saved, /What you wrote is saved/);
  assert.deepEqual(await panel.locator('li strong').allInnerTexts(),
    ['non-engagement', 'core group', 'contact', 'placement']);
  assert.match(saved, /contact\. Instead: family time/);
  assert.equal(await box.inputValue(), '', 'the box is empty for the next entry');
  await checkAccessibility(page);

  // The same page loaded from scratch still has the entry intact.
  await page.goto(address);
  assert.ok((await bodyText(page)).includes(withOtherScripts));
  await checkAccessibility(page);
  assertNoScriptProblems(page);
});

test('the council\'s own terms are suggested at once, and stop when removed',
  { timeout: 60_000 }, async (t) => {
  const office = await app.newPage(t);
  await app.signIn(office, admin.email, admin.password);
  await office.getByRole('link', { name: 'Plain words', exact: true }).click();
  await office.getByRole('heading', { level: 1, name: 'Plain words' }).waitFor();
  assert.match(await bodyText(office), /The council has not added any terms of its own yet/);
  await checkAccessibility(office);

  // The list every council starts with, open.
  await office.getByText(/terms every council starts with/).click();
  assert.ok(await office.getByRole('cell', { name: 'non-engagement', exact: true }).isVisible());
  await checkAccessibility(office);

  assert.equal(await submit(office, 'Add the term'), 422);
  const summary = office.locator('.govuk-error-summary');
  const problems = await summary.innerText();
  assert.match(problems, /Enter the words to look for/);
  assert.match(problems, /Enter what to write instead/);
  assert.match(problems, /Say why, in a line/);
  await checkAccessibility(office);

  await office.getByLabel('Words to look for').fill('CEFIT');
  await office.getByLabel('What to write instead').fill('the family support workers');
  await office.getByLabel('Why, in a line').fill('Local initials mean nothing to a family');
  await office.getByLabel('Only in capitals').check();
  assert.equal(await submit(office, 'Add the term'), 303);
  const own = office.getByRole('table', { name: 'The council\'s own terms' });
  const row = own.getByRole('row').filter({ hasText: 'CEFIT' });
  assert.match(await row.innerText(), /Capitals only[\s\S]*the family support workers/);
  assert.match(await bodyText(office), /Saved/);
  await checkAccessibility(office);

  // The practitioner's next pause is checked against the new term, no restart needed.
  const page = await openMapping(t);
  const box = page.getByLabel('What was said, in their words');
  const boxId = await box.getAttribute('id');
  // In lower case it is an ordinary word; "contact" shows the check has come back.
  await box.fill('the cefit team will arrange contact');
  await hintFor(page, boxId, 'contact').waitFor();
  assert.deepEqual(await hintedWords(page, boxId), ['contact']);
  await box.fill('The CEFIT team will arrange contact');
  await hintFor(page, boxId, 'CEFIT').waitFor();
  assert.match(await page.locator(`#${boxId}-plain`).innerText(),
    /CEFIT\. Instead: the family support workers\. Local initials mean nothing to a family\./);
  await checkAccessibility(page);

  await office.getByRole('button', { name: 'Remove CEFIT' }).click();
  await office.getByText('The council has not added any terms of its own yet.').waitFor();
  await checkAccessibility(office);

  // "core group" appears only with the answer to this text, so its arrival means CEFIT was checked.
  await box.fill('The CEFIT team will arrange the core group');
  await hintFor(page, boxId, 'core group').waitFor();
  assert.deepEqual(await hintedWords(page, boxId), ['core group']);

  // A council's own wording for a listed term takes the list's place, in the hints already
  // showing too: the words found stay the same, but what they say changes.
  const startsWith = office.getByText(/The \d+ terms every council starts with/);
  const listed = Number((await startsWith.innerText()).match(/\d+/)[0]);
  await office.getByLabel('Words to look for').fill('core group');
  await office.getByLabel('What to write instead').fill('the family plan meeting');
  await office.getByLabel('Why, in a line').fill('It is what families here call it');
  assert.equal(await submit(office, 'Add the term'), 303);
  assert.match(await startsWith.innerText(), new RegExp(`The ${listed - 1} terms`));
  await checkAccessibility(office);
  await box.fill('The CEFIT team will arrange the core group soon');
  await page.locator(`#${boxId}-plain`)
    .getByText(/core group\. Instead: the family plan meeting/).waitFor();
  await office.getByRole('button', { name: 'Remove core group' }).click();
  await office.getByText('The council has not added any terms of its own yet.').waitFor();

  assertNoScriptProblems(office);
  assertNoScriptProblems(page);
});

test('a late answer about words since changed back does not leave the box without hints',
  { timeout: 60_000 }, async (t) => {
  const page = await openMapping(t);
  // Time moves only when the test moves it, so the pause after typing ends exactly when asked.
  await page.clock.install();
  await page.reload();
  await page.clock.pauseAt(Date.now() + 60_000);
  const box = page.getByLabel('What was said, in their words');
  const boxId = await box.getAttribute('id');
  // No axe here: it waits on timers, which stand still in this test. The first test checks
  // this page and its hints.

  // The first check is held on its way until the words have moved on.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let first = true;
  await page.route((url) => url.pathname === '/api/v1/language/check', async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.continue();
  });
  // Answers are awaited as the page's script awaits them, so the test knows when one was read.
  await page.evaluate(() => {
    const original = window.fetch;
    window.__answers = [];
    window.fetch = (...args) => {
      const answer = original(...args);
      window.__answers.push(answer.then(() => {}, () => {}));
      return answer;
    };
  });

  await box.fill(jargon);
  const sent = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/language/check');
  await page.clock.runFor(400);
  await sent;
  await box.fill(plain);
  release();
  // The answer about the jargon arrives while the box holds other words, and is set aside.
  await page.evaluate(async () => {
    await window.__answers[0];
    await null;
  });
  // Undone before the pause ends: the jargon is back, and must be checked again.
  await box.fill(jargon);
  await page.clock.runFor(400);
  await hintFor(page, boxId, 'non-engagement').waitFor();
  assertNoScriptProblems(page);
});
