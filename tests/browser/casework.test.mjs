// A practitioner records a child and her mother and opens a case, steps the child up from
// early help to child in need, adds her brother linked to the same mother, and their manager
// reallocates the case. Every page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoScriptProblems, bodyText, checkAccessibility, fillDate, runSigns, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'worker@example.test', name: 'Wren Practitioner' };
const manager = { email: 'manager@example.test', name: 'Mika Manager' };

/** Adds the two members of staff; the server is running by the time a test starts. */
async function addStaff() {
  for (const [person, role] of [[worker, 'practitioner'], [manager, 'team-manager']]) {
    await runSigns(['user', 'add', person.email, '--name', person.name, '--role', role,
      '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  }
}

test('a child is recorded, a case opened, stepped up and reallocated', { timeout: 120_000 }, async (t) => {
  await addStaff();
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);

  await page.goto(app.url('/children/new'));
  await checkAccessibility(page);
  await page.getByLabel('First name').fill('Maya');
  await page.getByLabel('Last name').fill('Carter');
  await fillDate(page, 'Date of birth', '31', '4', '2019');
  await page.getByRole('button', { name: 'Continue' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /real date/);
  await checkAccessibility(page);

  await fillDate(page, 'Date of birth', '2', '3', '2019');
  await page.getByLabel('Female').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: "Check the child's details" }).waitFor();
  assert.match(await bodyText(page), /2 March 2019/);
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Add child' }).click();
  await page.getByRole('heading', { level: 1, name: 'Maya Carter' }).waitFor();
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Add a family or network member' }).click();
  await checkAccessibility(page);
  await page.getByLabel('First name').fill('Dana');
  await page.getByLabel('Last name').fill('Carter');
  await page.getByLabel('Relationship to Maya').selectOption('mother');
  await page.getByRole('group', { name: 'Do they have parental responsibility?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Do they live with Maya?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: /Add to Maya Carter/ }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /part of the safety network/);
  await checkAccessibility(page);
  await page.getByRole('group', { name: 'Are they part of the safety network?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: /Add to Maya Carter/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Maya Carter' }).waitFor();
  assert.match(await bodyText(page), /Dana Carter/);
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Open a case' }).click();
  await checkAccessibility(page);
  await page.getByRole('textbox', { name: 'Reason' }).fill('Nursery worried about weight and tiredness');
  await page.getByRole('button', { name: 'Open case' }).click();
  assert.match(await bodyText(page), /Case opened/);
  assert.match(await bodyText(page), /Signs of Wellbeing/);
  await checkAccessibility(page);
  const caseUrl = new URL(page.url()).pathname;

  await page.getByRole('link', { name: /Change level/ }).click();
  await page.getByLabel(/^Child in need/).check();
  await page.getByRole('textbox', { name: 'Reason' }).fill('Assessment showed needs the family cannot meet alone');
  await page.getByRole('button', { name: 'Save the change' }).click();
  assert.match(await bodyText(page), /Service level changed/);
  assert.match(await bodyText(page), /Signs of Safety/);
  await checkAccessibility(page);

  // Maya's brother is recorded, joins the case, and is linked to the same mother.
  await page.goto(app.url('/children/new'));
  await page.getByLabel('First name').fill('Leo');
  await page.getByLabel('Last name').fill('Carter');
  await fillDate(page, 'Date of birth', '14', '8', '2022');
  await page.getByLabel('Male', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Add child' }).click();
  await page.getByRole('heading', { level: 1, name: 'Leo Carter' }).waitFor();
  await page.goto(app.url(caseUrl));
  await page.getByRole('button', { name: 'Add a child to this case' }).click();
  await page.getByLabel('Leo Carter').check();
  await page.getByLabel(/^Child in need/).check();
  await page.getByRole('textbox', { name: 'Reason' }).fill('Same worries for Maya\'s brother');
  await page.getByRole('button', { name: 'Add to the case' }).click();
  assert.match(await bodyText(page), /Child added to the case/);
  await page.getByRole('link', { name: 'Leo Carter', exact: true }).click();
  await page.getByRole('button', { name: 'Add a family or network member' }).click();
  await page.getByLabel('Dana Carter').check();
  await page.getByLabel('Relationship to Leo').selectOption('mother');
  await page.getByRole('group', { name: 'Do they have parental responsibility?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Do they live with Leo?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Are they part of the safety network?' }).getByLabel('Yes').check();
  await checkAccessibility(page);
  await page.getByRole('button', { name: /Add to Leo Carter/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Leo Carter' }).waitFor();
  assert.match(await bodyText(page), /Dana Carter/);

  await page.goto(app.url('/cases'));
  assert.match(await bodyText(page), /Carter family/);
  await checkAccessibility(page);
  assertNoScriptProblems(page);

  const managerPage = await app.newPage(t);
  await app.signIn(managerPage, manager.email, password);
  await managerPage.goto(app.url(caseUrl));
  await managerPage.getByLabel('Allocated worker').selectOption({ label: 'Nobody (leave unallocated)' });
  await managerPage.getByRole('button', { name: 'Allocate' }).click();
  assert.match(await bodyText(managerPage), /Case allocated/);
  assert.match(await bodyText(managerPage), /Not allocated/);
  await checkAccessibility(managerPage);
  await managerPage.goto(app.url('/cases?view=team&unallocated=yes'));
  assert.match(await bodyText(managerPage), /Carter family/);
  await checkAccessibility(managerPage);

  await managerPage.goto(app.url('/children?q=Cartre'));
  assert.match(await bodyText(managerPage), /Maya Carter/);
  await checkAccessibility(managerPage);
  assertNoScriptProblems(managerPage);
});
