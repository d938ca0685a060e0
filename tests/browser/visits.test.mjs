// Visits: an administrator sets how often children in need are seen (getting the number wrong
// first); a worker opens a case whose child reached that level three weeks ago, so the visit is
// already overdue on the case page; they record a visit (after the form turns down a visit
// where nobody was seen, and one dated tomorrow), and the next visit is counted from it on the
// case page and in the Due list. Every page, error states included, is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, admin, assertNoScriptProblems, bodyText, checkAccessibility, fillDate,
  londonDate, runSigns, submit, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'visitor@example.test', name: 'Sam Visitor' };
const child = { first: 'Leo', last: 'Okafor', full: 'Leo Okafor', family: 'Okafor family' };




test('an administrator sets how often children in need are seen, and a worker records an overdue visit', { timeout: 90_000 }, async (t) => {
  // The administrator: the frequency for children in need goes from 4 weeks to 1.
  const adminPage = await app.newPage(t);
  await app.signIn(adminPage, admin.email, admin.password);
  await adminPage.getByRole('link', { name: 'Visit frequencies', exact: true }).click();
  await adminPage.waitForURL((url) => url.pathname === '/admin/visits');
  await adminPage.getByRole('heading', { level: 1, name: 'Visit frequencies' }).waitFor();
  const legends = adminPage.locator('legend');
  assert.deepEqual((await legends.allInnerTexts()).map((l) => l.split(':')[0]),
    ['Early help', 'Child in need', 'Child protection', 'Cared for', 'Care leaver']);
  const childInNeed = adminPage.locator('legend', { hasText: /^Child in need:/ });
  assert.match(await childInNeed.innerText(), /^Child in need: Every 4 weeks \(the default\)$/);
  const amount = adminPage.locator('input[name="amount-child-in-need"]');
  const unit = adminPage.locator('select[name="unit-child-in-need"]');
  assert.equal(await amount.inputValue(), '4');
  assert.equal(await unit.inputValue(), 'weeks');
  assert.deepEqual(await unit.locator('option').allInnerTexts(), ['working days', 'weeks', 'months']);
  await checkAccessibility(adminPage);

  await amount.fill('-1');
  assert.equal(await submit(adminPage, 'Save the visit frequencies'), 422);
  const adminSummary = adminPage.locator('.govuk-error-summary');
  assert.equal(await adminSummary.getByRole('alert').count(), 1);
  assert.match(await adminSummary.innerText(), /There is a problem/);
  assert.match(await adminSummary.innerText(),
    /How often children at Child in need are visited must be a whole number from 0 to 365/);
  assert.equal(await amount.inputValue(), '-1', 'what was typed is kept');
  assert.match(await adminPage.title(), /^Error: /);
  await checkAccessibility(adminPage);

  // The summary's link takes the keyboard to the box in question.
  await adminSummary.getByRole('link', { name: /Child in need/ }).click();
  assert.ok(await amount.evaluate((box) => box === document.activeElement), 'the box has the focus');
  await amount.fill('1');
  await unit.selectOption({ label: 'weeks' });
  assert.equal(await submit(adminPage, 'Save the visit frequencies'), 303);
  await adminPage.waitForURL((url) => url.pathname === '/admin/visits');
  assert.match(await bodyText(adminPage), /Saved/);
  assert.match(await childInNeed.innerText(), /^Child in need: Every 1 week \(Set by Ada Admin/);
  assert.match(await adminPage.locator('legend', { hasText: /^Child protection:/ }).innerText(),
    /Every 10 working days \(the default\)/, 'the other levels are left as they were');
  assert.equal(await adminSummary.count(), 0);
  await checkAccessibility(adminPage);
  assertNoScriptProblems(adminPage);

  // The worker: a child in need since three weeks ago, so with weekly visits one is two weeks late.
  await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
    '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);
  const levelFrom = londonDate(-21);
  const wasDue = londonDate(-14);
  await addChildWithCase(page, app, {
    first: child.first, last: child.last, born: ['14', '6', '2017'], sex: 'Male',
    level: 'Child in need', reason: 'Young carer for his mother', levelFrom: levelFrom.boxes,
  });
  await page.waitForURL((url) => /^\/cases\/[0-9]+$/.test(url.pathname));
  const casePath = new URL(page.url()).pathname;
  await page.getByRole('heading', { level: 2, name: 'Visits' }).waitFor();
  const visitDue = page.getByRole('row', { name: /Visit to the child/ });
  assert.match(await visitDue.innerText(), new RegExp(`${wasDue.text}\\s+Overdue`));
  const lastSeen = page.locator('#visits + dl');
  assert.match(await lastSeen.innerText(), new RegExp(`${child.full}\\s+Not seen on a visit in this case`));
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Record a visit' }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/visits/new`);
  await page.getByRole('heading', { level: 1, name: 'Record a visit' }).waitFor();
  const today = londonDate(0);
  const visitDate = page.getByRole('group', { name: 'Date of the visit', exact: true });
  assert.deepEqual([
    await visitDate.getByLabel('Day').inputValue(),
    await visitDate.getByLabel('Month').inputValue(),
    await visitDate.getByLabel('Year').inputValue(),
  ], today.boxes, 'the date starts as today');
  const seen = page.getByRole('group', { name: child.full, exact: true });
  assert.deepEqual(await seen.getByRole('radio').evaluateAll((radios) =>
    radios.map((r) => r.labels[0].textContent.trim())), ['Not seen', 'Seen', 'Seen alone']);
  assert.equal(await seen.getByRole('radio', { checked: true }).count(), 0,
    'nobody is recorded as seen unless the worker says so');
  await checkAccessibility(page);

  // Nobody seen: not a visit.
  await seen.getByLabel('Not seen', { exact: true }).check();
  assert.equal(await submit(page, 'Record the visit'), 422);
  const summary = page.locator('.govuk-error-summary');
  assert.match(await summary.innerText(), /There is a problem/);
  assert.match(await summary.innerText(), /Choose at least one child who was seen on the visit/);
  assert.ok(await seen.getByLabel('Not seen', { exact: true }).isChecked(), 'the choice is kept');
  await checkAccessibility(page);
  // The summary's link takes the keyboard to the children's choices.
  await summary.getByRole('link', { name: /Choose at least one child/ }).click();
  assert.ok(await seen.getByLabel('Not seen', { exact: true }).evaluate((el) => el === document.activeElement),
    'the error link focuses the first child\'s choices');

  // Seen alone, but tomorrow: not yet.
  await seen.getByLabel('Seen alone', { exact: true }).check();
  await fillDate(page, 'Date of the visit', ...londonDate(1).boxes);
  assert.equal(await submit(page, 'Record the visit'), 422);
  assert.match(await summary.innerText(), /The date of the visit must be today or in the past/);
  assert.doesNotMatch(await summary.innerText(), /Choose at least one child/);
  assert.ok(await seen.getByLabel('Seen alone', { exact: true }).isChecked(), 'the choice is kept');
  await checkAccessibility(page);

  await fillDate(page, 'Date of the visit', ...today.boxes);
  assert.equal(await submit(page, 'Record the visit'), 303);
  await page.waitForURL((url) => url.pathname === casePath);
  assert.match(await bodyText(page), /Visit recorded/);
  assert.match(await lastSeen.innerText(), new RegExp(`${child.full}\\s+${today.text}, seen alone`));
  const nextDue = londonDate(7);
  assert.match(await visitDue.innerText(), new RegExp(nextDue.text));
  assert.doesNotMatch(await visitDue.innerText(), /Overdue/);
  await checkAccessibility(page);

  // The Due list counts the next visit from this one too.
  await page.getByRole('link', { name: 'Due', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/due');
  await page.getByRole('heading', { level: 1, name: 'Due and overdue' }).waitFor();
  const dueRow = page.getByRole('row', { name: new RegExp(child.family) })
    .filter({ hasText: 'Visit to the child' });
  assert.equal(await dueRow.count(), 1);
  assert.match(await dueRow.innerText(), new RegExp(nextDue.text));
  assert.doesNotMatch(await dueRow.innerText(), /Overdue/);
  await checkAccessibility(page);
  assertNoScriptProblems(page);
});
