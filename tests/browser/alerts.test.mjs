// A low number at a meeting alerts the team manager: the case is tagged on their Team cases
// list until they open it and mark the alert as seen. Every page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, assertNoScriptProblems, bodyText, checkAccessibility, runSigns, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'alerting@example.test', name: 'Ash Worker' };
const manager = { email: 'overseer@example.test', name: 'Mo Overseer' };

test('a manager sees a low number raised on their list and marks it as seen', { timeout: 120_000 }, async (t) => {
  for (const [person, role] of [[worker, 'practitioner'], [manager, 'team-manager']]) {
    await runSigns(['user', 'add', person.email, '--name', person.name, '--role', role,
      '--team', 'Brookside Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  }
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);
  await addChildWithCase(page, app, {
    first: 'Ivy', last: 'Penrose', born: ['4', '6', '2018'], sex: 'Female', level: 'Child in need', reason: 'Missing school often',
  });
  await page.getByRole('button', { name: 'Start a mapping' }).click();
  await page.getByLabel('Meeting').check();
  await page.getByRole('button', { name: 'Start the mapping' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Jo Penrose');
  await page.getByLabel('Who they are').selectOption({ label: 'Parent or carer' });
  await page.getByLabel('How they took part').selectOption({ label: 'In the room' });
  await page.getByRole('button', { name: 'Add to who took part' }).click();
  await page.getByLabel('Whose number').selectOption({ label: 'Jo Penrose' });
  await page.getByLabel('Their number, from 0 to 10').fill('1');
  await page.getByRole('button', { name: 'Save the number' }).click();
  await page.getByRole('cell', { name: /^1/ }).first().waitFor();

  const managerPage = await app.newPage(t);
  await app.signIn(managerPage, manager.email, password);
  await managerPage.goto(app.url('/cases?view=team'));
  const row = managerPage.getByRole('row', { name: /Penrose family/ });
  assert.match(await row.innerText(), /Alert/);
  await checkAccessibility(managerPage);
  await managerPage.getByLabel('Only cases with an alert not yet seen').check();
  await managerPage.getByRole('button', { name: 'Apply filters' }).click();
  assert.match(await bodyText(managerPage), /Alert not yet seen/);
  await checkAccessibility(managerPage);

  await managerPage.getByRole('link', { name: 'Penrose family' }).click();
  assert.match(await bodyText(managerPage), /A score of 0 or 1 at a meeting/);
  await checkAccessibility(managerPage);
  await managerPage.getByRole('button', { name: /Mark as seen/ }).click();
  assert.match(await bodyText(managerPage), /Seen by Mo Overseer/);
  await checkAccessibility(managerPage);

  await managerPage.goto(app.url('/cases?view=team&alerts=waiting'));
  assert.match(await bodyText(managerPage), /No cases match/);
  assertNoScriptProblems(managerPage);
  assertNoScriptProblems(page);
});
