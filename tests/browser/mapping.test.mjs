// A worker builds a first mapping with a mother, a grandmother and a teacher: what each of
// them says in each column, a danger statement and its safety goal from the builder, each
// voice's number side by side, and then agrees it. A review follows: entries are marked,
// numbers asked again, and what changed is seen with the trend. Every page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, assertNoScriptProblems, bodyText, checkAccessibility, runSigns, useSigns,
} from './harness.mjs';

const app = useSigns();

// Clicks a button whose form is sent in the background, and waits for the page to show the answer.
async function inPlace(page, name) {
  const updated = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('signs:updated', () => resolve(), { once: true });
  }));
  await page.getByRole('button', { name }).click();
  await updated;
}
const password = 'a long enough passphrase';
const worker = { email: 'mapper@example.test', name: 'Sky Mapper' };

test('a first mapping is built with three voices and agreed', { timeout: 120_000 }, async (t) => {
  await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
    '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);

  await addChildWithCase(page, app, {
    first: 'Maya', last: 'Carter', born: ['2', '3', '2019'], sex: 'Female', level: 'Child in need', reason: 'Left alone at night',
  });

  await page.getByRole('button', { name: 'Start a mapping' }).click();
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Start the mapping' }).click();
  await page.getByRole('heading', { level: 1, name: /First assessment mapping/ }).waitFor();
  await checkAccessibility(page);

  for (const [name, kind, way] of [['Dana Carter', 'Parent or carer', 'In the room'],
    ['Pat Carter', 'Safety network member', 'By phone or video'],
    ['Ms Rowe', 'Professional', 'Sent their views in writing']]) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Who they are').selectOption({ label: kind });
    await page.getByLabel('How they took part').selectOption({ label: way });
    await inPlace(page, 'Add to who took part');
    assert.match(await bodyText(page), new RegExp(name));
  }
  await page.evaluate(() => { window.signsStayedHere = true; });

  await page.getByLabel('Where it goes').selectOption({ label: 'Strength' });
  await page.getByLabel('What was said, in their words').fill('Dana reads to Maya every night');
  await page.getByLabel('Who said it').selectOption({ label: 'Pat Carter' });
  await inPlace(page, 'Add to the mapping');
  assert.match(await bodyText(page), /Said by Pat Carter/);
  // Sent in the background: the same page, the text box empty and ready for the next entry.
  assert.equal(await page.evaluate(() => window.signsStayedHere), true);
  assert.equal(await page.getByLabel('What was said, in their words').inputValue(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'category');

  await inPlace(page, 'Add to the mapping');
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Write what was said/);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true);
  assert.equal(await page.evaluate(() => window.signsStayedHere), true);
  await checkAccessibility(page);

  await page.getByRole('link', { name: /step by step/ }).click();
  await checkAccessibility(page);
  await page.getByLabel('Who is worried?').fill('The social worker and Pat');
  await page.getByLabel(/What are they worried someone will do/).fill('Dana may leave Maya alone at night');
  await page.getByLabel('What could that mean for the child?').fill('Maya could be hurt or very frightened');
  await page.getByRole('button', { name: /Put the Danger statement together/ }).click();
  const built = page.getByLabel('Check and change the words, then add it');
  assert.match(await built.inputValue(), /are worried that Dana may leave Maya alone at night/);
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Add to the mapping' }).click();

  await page.getByRole('link', { name: /step by step/ }).click();
  await page.getByLabel(/The danger statement it answers/).selectOption({ index: 1 });
  await page.getByLabel('What will the people around the child do?').fill('Dana and Pat will make sure a sober adult is home every night');
  await page.getByLabel('What will the child experience?').fill('Maya will feel safe going to sleep');
  await page.getByRole('button', { name: /Put the Safety goal together/ }).click();
  await page.getByRole('button', { name: 'Add to the mapping' }).click();
  assert.match(await bodyText(page), /Answers: The social worker and Pat/);

  for (const [name, value, about] of [['Dana Carter', '7', 0], ['Pat Carter', '4', 0],
    ['Ms Rowe', '3', 1]]) {
    await page.getByLabel('Whose number').selectOption({ label: name });
    await page.getByLabel('About', { exact: true }).selectOption({ index: about });
    await page.getByLabel('Their number, from 0 to 10').fill(value);
    await page.getByLabel(/Why is it not lower/).fill(`Reason from ${name}`);
    await inPlace(page, 'Save the number');
  }
  assert.match(await bodyText(page), /Reason from Ms Rowe/);
  await checkAccessibility(page);

  await page.getByLabel('Agreed').check();
  await page.getByRole('button', { name: 'Save the status' }).click();
  assert.match(await bodyText(page), /no longer changed/);
  await checkAccessibility(page);

  // On paper: A4 landscape, the three columns side by side, no forms or buttons.
  await page.emulateMedia({ media: 'print' });
  const columns = await page.locator('.signs-mapping__column').evaluateAll((all) => all.map((c) => {
    const box = c.getBoundingClientRect();
    return { left: box.left, top: box.top, right: box.right };
  }));
  assert.equal(columns.length, 3);
  assert.equal(new Set(columns.map((c) => Math.round(c.top))).size, 1, 'the columns share one row');
  assert.ok(columns[0].right <= columns[1].left + 1 && columns[1].right <= columns[2].left + 1);
  assert.equal(await page.getByRole('button', { name: 'Start a review mapping' }).isVisible(), false);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const [, width, height] = pdf.match(/\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/);
  assert.ok(Math.abs(width - 841.9) < 2 && Math.abs(height - 595.3) < 2, `A4 landscape, not ${width} x ${height}`);
  await page.emulateMedia({ media: 'screen' });

  // A review: carried entries are marked, numbers asked again, and the change is seen.
  await page.getByRole('button', { name: 'Start a review mapping' }).click();
  await page.getByRole('heading', { level: 1, name: /Review mapping/ }).waitFor();
  assert.match(await bodyText(page), /Not marked yet/);
  await checkAccessibility(page);
  await page.getByRole('link', { name: 'Change this entry' }).first().click();
  await page.getByLabel('Still true').check();
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Save the entry' }).click();
  assert.match(await bodyText(page), /Still true/);
  await page.getByLabel('Whose number').selectOption({ label: 'Dana Carter' });
  await page.getByLabel('Their number, from 0 to 10').fill('8');
  await inPlace(page, 'Save the number');
  const caseLink = await page.getByRole('link', { name: 'Back to the case' }).getAttribute('href');
  await page.goto(app.url(`${caseLink}/mappings/over-time`));
  assert.match(await bodyText(page), /What changed/);
  assert.match(await bodyText(page), /Still true/);
  assert.equal(await page.locator('svg.signs-chart polyline').count() > 0, true);
  await checkAccessibility(page);
  assertNoScriptProblems(page);
});

test('a member of staff is chosen from signs as taking part, and named as their account names them', { timeout: 90_000 }, async (t) => {
  const chair = { email: 'mapping-chair@example.test', name: 'Noor Chairwoman' };
  await runSigns(['user', 'add', chair.email, '--name', chair.name, '--role', 'conference-chair',
    '--team', 'Review Unit', '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);
  await addChildWithCase(page, app, {
    first: 'Ivo', last: 'Brandt', born: ['5', '5', '2016'], sex: 'Male', level: 'Child in need', reason: 'Often hungry at school',
  });
  await page.getByRole('button', { name: 'Start a mapping' }).click();
  await page.getByRole('button', { name: 'Start the mapping' }).click();
  await page.getByRole('heading', { level: 1, name: /First assessment mapping/ }).waitFor();

  await page.getByLabel('A professional working with signs').selectOption({ label: chair.name });
  await page.getByLabel('Who they are').selectOption({ label: 'Professional' });
  await page.getByLabel('How they took part').selectOption({ label: 'By phone or video' });
  await inPlace(page, 'Add to who took part');
  assert.match(await bodyText(page), /Noor Chairwoman, Professional \(By phone or video\) works with signs/);
  await page.getByLabel('Who said it').selectOption({ label: chair.name });
  await checkAccessibility(page);
  assertNoScriptProblems(page);
});
