// Our plan, the family's own copy of their plan. A practitioner maps a case for Zoë, whose gran
// writes in Polish and Ukrainian and signs off with an emoji, using the office's words for
// family time and meetings. Until a mapping is agreed the case says when Our plan will be ready,
// and the plan's own address explains why it is not; once it is, the page reads as the family
// would read it, in lists, with the office's words explained by what they mean in a last section.
// After the plan is agreed its actions say who, by when and how everyone will know. The PDF
// carries the same words, emoji and other scripts intact, a footer on every page and no
// addresses from inside the system. Printed, only the document is left. A copy given to mum is
// recorded, first with nothing filled in, and keeps the words line for line as the page read;
// once the plan changes, that copy is marked as an earlier version and still reads as given.
// Every page and every state a reader meets is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import {
  addChildWithCase, assertNoScriptProblems, bodyText, checkAccessibility, fillDate, londonDate,
  runSigns, submit, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'family@example.test', name: 'Jo Family' };

// Clicks a button whose form is sent in the background, and waits for the page to show the answer.
async function inPlace(page, name) {
  const updated = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('signs:updated', () => resolve(), { once: true });
  }));
  await page.getByRole('button', { name }).click();
  await updated;
}

// The family's own words: office jargon the glossary explains, a label it has no meaning for
// ("chaotic", a word to rewrite rather than explain), Polish with its accents, Ukrainian in
// Cyrillic and an emoji outside the Basic Multilingual Plane, all in one statement.
const otherScripts = 'Gran 👵 speaks Polish: Babcia jest blisko, mówi po polsku. Бабуся поруч.';
const worry = 'Missed contact and the core group worry us: evenings are chaotic and Zoë may be ' +
  `left alone. ${otherScripts}`;
const goal = 'Gran Halina will be at home with Zoë every evening until mum is back';
const strength = 'Zoë walks to school with her gran every morning';
const bottomLine = 'Zoë is never left alone overnight';
const action = 'Gran Halina moves into the spare room on weekdays';
const howKnown = 'Zoë tells her teacher each Monday who was home';

// What data/plain-language.csv says the office's words mean, as the family reads them.
const meanings = {
  contact: 'When a child has family time with relatives they do not live with, by meeting up, ' +
    'calling or writing to them.',
  'core group': 'A regular meeting of you and the workers helping your family, to check how the ' +
    'plan to keep your child safe is going and what to do next.',
};
const notReady = "Our plan, the plan in the family's words, will be ready once a mapping is agreed.";

/** The text of the document's section under the level-2 heading `heading`, up to the next one. */
function sectionText(page, heading) {
  return page.locator('article.signs-family-document').evaluate((article, wanted) => {
    const start = [...article.querySelectorAll('h2')].find((h) => h.textContent.trim() === wanted);
    if (!start) return null;
    const parts = [];
    for (let el = start.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
      parts.push(el.innerText);
    }
    return parts.join('\n');
  }, heading);
}

/** A PDF's text, through poppler; each page ends in a form feed, so footers are checked by page. */
async function pdfText(path) {
  const { stdout } = await promisify(execFile)('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']);
  return stdout;
}

/** The texts of the bullets in the document's section under `heading`, the bullet's own words only. */
function bulletsIn(page, heading) {
  return page.locator('article.signs-family-document').evaluate((article, wanted) => {
    const start = [...article.querySelectorAll('h2')].find((h) => h.textContent.trim() === wanted);
    const items = [];
    for (let el = start?.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
      if (!el.matches('ul.govuk-list.govuk-list--bullet')) continue;
      for (const li of el.querySelectorAll(':scope > li')) {
        items.push([...li.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent).join('').trim());
      }
    }
    return items;
  }, heading);
}

/** The [term, description] pairs of a <dl>, each <dt> with the <dd> that follows it. */
function detailsOf(list) {
  return list.evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => {
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling;
    return [dt.textContent.trim(), dd?.textContent.trim()];
  }));
}

/**
 * The document as the family reads it, one line per heading, paragraph, bullet and labelled
 * detail, in reading order: what a copy given keeps.
 */
function documentLines(page) {
  return page.locator('article.signs-family-document').evaluate((article) =>
    [...article.querySelectorAll('h1, h2, h3, p, li, dl > div')].map((el) => (el.tagName === 'LI'
      ? [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent).join('')
      : el.innerText).replace(/\s+/g, ' ').trim()));
}

const oneLine = (text) => text.replace(/\s+/g, ' ');

test('Our plan is made for the family, downloaded, printed and given', { timeout: 60_000 }, async (t) => {
  await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
    '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);
  await addChildWithCase(page, app, {
    first: 'Zoë', last: 'Nowak', born: ['9', '4', '2017'], sex: 'Female', level: 'Child in need',
    reason: 'Left alone in the evenings',
  });
  const casePath = new URL(page.url()).pathname;
  const ourPlanPath = `${casePath}/our-plan`;

  // With no mapping, the case says what Our plan is and when it will be ready, with no link yet.
  const forFamily = page.locator('h2:has-text("For the family") + p');
  assert.equal(await forFamily.innerText(), notReady);
  assert.equal(await forFamily.getByRole('link').count(), 0);

  // --- A mapping with every column, not yet agreed. ---
  await page.getByRole('button', { name: 'Start a mapping' }).click();
  await page.getByRole('button', { name: 'Start the mapping' }).click();
  await page.getByRole('heading', { level: 1, name: /First assessment mapping/ }).waitFor();
  const mappingPath = new URL(page.url()).pathname;
  for (const [where, text, answers] of [
    ['Danger statement', worry, false],
    ['Safety goal', goal, true],
    ['Strength', strength, false],
    ['Bottom line: what the agency needs to see', bottomLine, false],
  ]) {
    await page.getByLabel('Where it goes').selectOption({ label: where });
    await page.getByLabel('What was said, in their words').fill(text);
    if (answers) await page.getByLabel(/the danger statement it answers/).selectOption({ index: 1 });
    await inPlace(page, 'Add to the mapping');
    assert.ok((await bodyText(page)).includes(text), `the mapping shows "${text}"`);
  }

  // Nothing for the family until the mapping is agreed: the plan would be made from guesses.
  // Its address says why, and leads back to the case, which still says it is not ready.
  const refused = await page.goto(app.url(ourPlanPath));
  assert.equal(refused.status(), 409);
  await page.getByRole('heading', { level: 1, name: 'Our plan is not ready yet' }).waitFor();
  assert.match(await page.locator('main').innerText(), /No mapping of this case has been agreed yet\..*agree one first\./);
  assert.equal(await page.locator('article.signs-family-document').count(), 0);
  await checkAccessibility(page);
  const back = page.getByRole('link', { name: 'Back to the case and its mappings' });
  assert.equal(await back.getAttribute('href'), casePath);
  await back.click();
  await page.waitForURL((url) => url.pathname === casePath);
  assert.equal(await forFamily.innerText(), notReady);

  // One voice, with a number for the whole mapping (which the family's copy shows) and one for
  // the statement (which agreeing needs).
  await page.goto(app.url(mappingPath));
  await page.getByLabel('Name', { exact: true }).fill('Dana Nowak');
  await page.getByLabel('Who they are').selectOption({ label: 'Parent or carer' });
  await page.getByLabel('How they took part').selectOption({ label: 'In the room' });
  await inPlace(page, 'Add to who took part');
  for (const about of [0, 1]) {
    await page.getByLabel('Whose number').selectOption({ label: 'Dana Nowak' });
    await page.getByLabel('About', { exact: true }).selectOption({ index: about });
    await page.getByLabel('Their number, from 0 to 10').fill('6');
    await page.getByLabel(/Why is it not lower/).fill('Gran is close by every evening');
    await page.getByLabel(/one point higher/).fill('Gran living with us in the week');
    await inPlace(page, 'Save the number');
  }
  await page.getByLabel('Agreed').check();
  await page.getByRole('button', { name: 'Save the status' }).click();
  assert.match(await bodyText(page), /no longer changed/);

  // --- Found from the case, under "For the family". ---
  await page.goto(app.url(casePath));
  await page.getByRole('heading', { level: 2, name: 'For the family' }).waitFor();
  assert.notEqual(await forFamily.innerText(), notReady);
  await forFamily.getByRole('link', { name: 'Our plan', exact: true }).click();
  await page.waitForURL((url) => url.pathname === ourPlanPath);
  const article = page.locator('article.signs-family-document');
  await article.getByRole('heading', { level: 1, name: 'Our safety plan' }).waitFor();
  const today = londonDate(0);
  assert.match(await article.locator('p').first().innerText(), new RegExp(`^For Zoë · ${today.text}$`));
  assert.deepEqual(await article.locator('h2').allInnerTexts(), [
    'About this plan', 'What are we worried about', "What's working well", 'What must happen',
    'Our safety goals', 'Who will do what, and by when', 'How everyone scaled it',
    'The next meeting', 'Words we use',
  ]);
  // Each column is a real bulleted list, its entries exactly as written, emoji and other scripts too.
  assert.deepEqual(await bulletsIn(page, 'What are we worried about'), [worry]);
  assert.ok(await article.getByRole('listitem').filter({ hasText: otherScripts }).isVisible());
  assert.deepEqual(await bulletsIn(page, "What's working well"), [strength]);
  assert.deepEqual(await bulletsIn(page, 'What must happen'), [bottomLine]);
  assert.deepEqual(await bulletsIn(page, 'Our safety goals'), [goal]);
  assert.match(await sectionText(page, 'Who will do what, and by when'),
    /The steps will be added when the plan is agreed/);
  // Only the whole-mapping number: one heading per person, not one per statement as well, and
  // the person's reasons as a list of details straight after it.
  const person = article.getByRole('heading', { level: 3, name: /^Dana Nowak:/ });
  assert.equal(await person.count(), 1);
  assert.equal(await person.innerText(), 'Dana Nowak: 6');
  assert.deepEqual(await detailsOf(person.locator('xpath=following-sibling::*[1][self::dl]')), [
    ['Why not lower:', 'Gran is close by every evening'],
    ['One point higher would be:', 'Gran living with us in the week'],
  ]);
  // The office's words, last, by what they mean: each once, in the order the plan first uses
  // them; a word with no meaning in the list ("chaotic") is not explained.
  assert.equal(await article.locator('h2').last().innerText(), 'Words we use');
  const wordsWeUse = article.locator('h2:text-is("Words we use") ~ *');
  assert.equal(await wordsWeUse.first().innerText(),
    'Workers sometimes use these words. This is what they mean.');
  assert.deepEqual(await detailsOf(article.locator('h2:text-is("Words we use") ~ dl')), [
    ['contact:', meanings.contact],
    ['core group:', meanings['core group']],
  ]);
  assert.match(await page.title(), /^Our safety plan for Zoë/);
  await checkAccessibility(page);

  // --- The plan, agreed with one action under the goal. ---
  const byWhen = londonDate(21);
  await page.goto(app.url(casePath));
  await page.getByRole('button', { name: 'Start a plan' }).click();
  await page.getByRole('radio', { name: /First assessment/ }).check();
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.waitForURL(/\/plans\/[0-9]+/);
  await page.getByRole('link', { name: 'Add an action to goal 1' }).click();
  await page.getByLabel('The goal it works towards').selectOption({ index: 1 });
  await page.getByLabel('What will be done').fill(action);
  await page.getByLabel('Who will do it').selectOption({ label: 'Someone in the safety network' });
  await page.getByLabel('Their name').fill('Gran Halina');
  await fillDate(page, 'By when', ...byWhen.boxes);
  await page.getByLabel('How will everyone know it is happening?').fill(howKnown);
  await page.getByRole('button', { name: 'Save the action' }).click();
  await page.getByText('Action saved').waitFor();
  const planPath = new URL(page.url()).pathname;
  await fillDate(page, 'Date it was agreed', ...today.boxes);
  await page.getByRole('button', { name: 'Agree version 1' }).click();
  await page.getByText('Plan agreed').waitFor();

  await page.goto(app.url(ourPlanPath));
  await article.waitFor();
  assert.match(await sectionText(page, 'About this plan'),
    new RegExp(`Everyone agreed the plan on ${today.text}\\.`));
  await article.getByRole('heading', { level: 3, name: goal }).waitFor();
  const steps = await sectionText(page, 'Who will do what, and by when');
  assert.match(steps, new RegExp(
    `${goal}\\n${action}\\nWho: Gran Halina\\nBy: ${byWhen.text}\\nHow we will all know: ${howKnown}`));
  // The action is a bullet under its goal, and who, when and how are details inside that bullet.
  assert.deepEqual(await bulletsIn(page, 'Who will do what, and by when'), [action]);
  const step = article.getByRole('listitem').filter({ hasText: action });
  assert.deepEqual(await detailsOf(step.locator('dl.signs-family-document__details')), [
    ['Who:', 'Gran Halina'],
    ['By:', byWhen.text],
    ['How we will all know:', howKnown],
  ]);
  assert.match(await page.locator('.signs-side-panel').innerText(),
    /Made from the mapping of .+ and version 1 of the plan/);
  await checkAccessibility(page);

  // --- The PDF: the same words, on A4, with names, date and page numbers on every page. ---
  const downloadLink = page.getByRole('link', { name: 'Download the PDF' });
  assert.equal(await downloadLink.getAttribute('href'), `${ourPlanPath}.pdf`);
  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
  assert.match(download.suggestedFilename(), /^our-plan-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = await download.path();
  const bytes = await readFile(pdfPath);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const box = bytes.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]/);
  assert.ok(box, 'the PDF says how big its pages are');
  assert.ok(Math.abs(box[1] - 595.3) < 1 && Math.abs(box[2] - 841.9) < 1,
    `A4 portrait, not ${box[1]} x ${box[2]}`);
  const response = await page.request.get(app.url(`${ourPlanPath}.pdf`));
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/pdf/);
  assert.match(response.headers()['content-disposition'], /^attachment/);

  const raw = await pdfText(pdfPath);
  const pages = raw.split('\f').filter((p) => p.trim() !== '');
  assert.ok(pages.length >= 1);
  pages.forEach((text, i) => {
    const line = oneLine(text);
    assert.ok(line.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered`);
    assert.ok(line.includes(`Zoë · ${today.text}`), `page ${i + 1} has the footer`);
  });
  const pdf = oneLine(raw);
  for (const words of ['Our safety plan', 'For Zoë', goal, action, 'Who: Gran Halina',
    `By: ${byWhen.text}`, 'Page 1 of', '👵', 'Babcia jest blisko, mówi po polsku', 'Бабуся поруч',
    'Words we use']) {
    assert.ok(pdf.includes(words), `the PDF says "${words}"`);
  }
  assert.ok(!pdf.includes('/cases/') && !pdf.includes('/mappings/'),
    'no addresses from inside the system reach the family');

  // --- Printed from the browser: the document alone. ---
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.signs-side-panel').isVisible(), false);
  assert.equal(await page.locator('header.govuk-template__header').isVisible(), false);
  assert.equal(await article.isVisible(), true);
  assert.equal(await article.getByText(action).isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.signs-side-panel').isVisible(), true);

  // --- A copy given: nothing filled in first, then mum's copy. ---
  const panel = page.locator('.signs-side-panel');
  assert.match(await panel.innerText(), /No copy has been recorded as given yet/);
  assert.equal(await submit(page, 'Record it'), 422);
  const summary = page.locator('.govuk-error-summary');
  const problems = await summary.innerText();
  assert.match(problems, /Enter who you gave it to/);
  assert.match(problems, /Enter the date you gave it/);
  assert.match(problems, /Select how you gave it/);
  assert.match(await page.title(), /^Error: /);
  // The document is still there to read beside the form that went wrong.
  await article.getByRole('heading', { level: 1, name: 'Our safety plan' }).waitFor();
  for (const id of ['given_to', 'given', 'how']) {
    assert.ok(await page.locator(`#${id}-error`).isVisible(), `${id} says what is wrong beside it`);
  }
  await checkAccessibility(page);
  await summary.getByRole('link', { name: 'Enter who you gave it to' }).click();
  assert.ok(await page.getByLabel('Who you gave it to')
    .evaluate((box) => box === document.activeElement), 'the error link takes the reader to the box');

  await page.getByLabel('Who you gave it to').fill('Dana (mum)');
  await fillDate(page, 'Date you gave it', ...today.boxes);
  await page.getByRole('radio', { name: 'In person' }).check();
  assert.equal(await submit(page, 'Record it'), 303);
  assert.equal(new URL(page.url()).searchParams.get('done'), 'given');
  // The agreed words are "The copy given is recorded"; the handler still says "Recorded"
  // (src/web/handlers/family_document_pages.cpp), so both are accepted until it is changed.
  assert.match(await page.locator('.govuk-notification-banner__heading').innerText(),
    /^(The copy given is recorded|Recorded)$/);
  const asGiven = await documentLines(page);
  const copy = panel.getByRole('listitem').filter({ hasText: 'Dana (mum)' });
  assert.match(await copy.innerText(),
    new RegExp(`^Dana \\(mum\\), ${today.text} \\(In person\\)\\. This version, from the mapping`));
  await checkAccessibility(page);

  await copy.getByRole('link', { name: 'Dana (mum)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Our safety plan' }).waitFor();
  const given = await bodyText(page);
  assert.match(given, /As given to Dana \(mum\)/);
  assert.match(given, new RegExp(`When\\s+${today.text}`));
  assert.match(given, /How\s+In person/);
  assert.match(given, new RegExp(`Recorded by\\s+${worker.name}`));
  // The words kept read line for line as the page did when the copy was given.
  const wordsGiven = page.locator('.govuk-inset-text p');
  const kept = await wordsGiven.allInnerTexts();
  assert.deepEqual(kept.slice(0, 2), ['Our safety plan', `For Zoë · ${today.text}`]);
  for (const said of [worry, goal, action, 'Who: Gran Halina', `By: ${byWhen.text}`,
    `How we will all know: ${howKnown}`, 'Words we use', `contact: ${meanings.contact}`]) {
    assert.ok(kept.includes(said), `the words given include the line "${said}"`);
  }
  assert.deepEqual(kept, asGiven);
  await checkAccessibility(page);
  const givenPath = new URL(page.url()).pathname;

  // --- The plan changes: mum's copy is now of an earlier version, and still reads as given. ---
  await page.goto(app.url(planPath));
  await page.getByRole('button', { name: 'Change the plan' }).click();
  await page.getByText('New draft version started').waitFor();
  await page.getByRole('link', { name: 'Change action 1' }).click();
  await fillDate(page, 'By when', ...londonDate(28).boxes);
  await page.getByRole('button', { name: 'Save the action' }).click();
  await page.getByText('Action saved').waitFor();
  await fillDate(page, 'Date it was agreed', ...today.boxes);
  await page.getByRole('button', { name: 'Agree version 2' }).click();
  await page.getByText('Plan agreed').waitFor();
  await page.goto(app.url(ourPlanPath));
  assert.match(await copy.innerText(), /An earlier version, from .+ version 1 of the plan/);
  assert.match(await sectionText(page, 'Who will do what, and by when'),
    new RegExp(`By: ${londonDate(28).text}`));
  await page.goto(app.url(givenPath));
  assert.deepEqual(await wordsGiven.allInnerTexts(), asGiven,
    'a copy given keeps the words as they were');
  assertNoScriptProblems(page);
});
