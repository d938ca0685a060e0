// A system administrator's day: adding a colleague (getting it wrong first), looking at their
// record, making an API token, and searching the audit log. Every page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, admin, assertNoScriptProblems, bodyText, checkAccessibility, fillDate, runSigns,
  useSigns,
} from './harness.mjs';

const app = useSigns();

test('an administrator adds a colleague, fixing the mistakes the form points out', { timeout: 90_000 }, async (t) => {
  const page = await app.newPage(t);
  await app.signIn(page, admin.email, admin.password);

  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('button', { name: 'Add a user' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a user' }).waitFor();
  await checkAccessibility(page);

  await page.getByLabel('Full name').fill('Kim Ashworth');
  await page.getByLabel('Email address').fill('kim at council');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Add user' }).click();
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  const problems = await summary.innerText();
  assert.match(problems, /Enter an email address in the correct format/);
  assert.match(problems, /Select the person's role/);
  assert.match(problems, /Password must be 12 characters or more/);
  assert.equal(await page.getByLabel('Full name').inputValue(), 'Kim Ashworth', 'what was typed is kept');
  await checkAccessibility(page);

  // The summary's links take the keyboard to the field in question.
  await summary.getByRole('link', { name: /Select the person's role/ }).click();
  await page.getByLabel('Email address').fill('kim@example.test');
  await page.getByLabel('Team manager').check();
  await page.getByLabel('Team (optional)').fill('Riverside Family Help Team');
  await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/users');
  assert.match(await bodyText(page), /User added/);
  await checkAccessibility(page);

  await page.getByRole('link', { name: 'Kim Ashworth' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kim Ashworth' }).waitFor();
  assert.match(await bodyText(page), /Riverside Family Help Team/);
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Deactivate account' }).click();
  assert.match(await bodyText(page), /Account deactivated/);
  await checkAccessibility(page);

  assertNoScriptProblems(page);
});

test('an administrator gives a manager a second team, whose cases they then see as their own', { timeout: 120_000 }, async (t) => {
  const password = 'a long enough passphrase';
  const lead = { email: 'two-teams@example.test', name: 'Lee Twoteams' };
  const north = { email: 'north-worker@example.test', name: 'Nat Northgate' };
  for (const [person, role, team] of [[lead, 'team-manager', 'Eastbrook Team'], [north, 'practitioner', 'Northfield Team']]) {
    await runSigns(['user', 'add', person.email, '--name', person.name, '--role', role,
      '--team', team, '--data-dir', app.dataDir], { input: `${password}\n` });
  }
  const worker = await app.newPage(t);
  await app.signIn(worker, north.email, password);
  await addChildWithCase(worker, app, {
    first: 'Oona', last: 'Fairbairn', born: ['9', '9', '2017'], sex: 'Female', level: 'Early help', reason: 'Family asked for help with routines',
  });

  const page = await app.newPage(t);
  await app.signIn(page, admin.email, admin.password);
  await page.goto(app.url('/admin/users'));
  await page.getByRole('link', { name: lead.name }).click();
  await page.getByRole('heading', { level: 1, name: lead.name }).waitFor();
  await checkAccessibility(page);
  await page.getByRole('group', { name: 'Teams they lead besides their own' }).getByLabel('Northfield Team').check();
  await page.getByRole('button', { name: 'Save teams' }).click();
  assert.match(await bodyText(page), /Teams saved/);
  assert.match(await bodyText(page), /Also leads\s+Northfield Team/);
  await checkAccessibility(page);

  const manager = await app.newPage(t);
  await app.signIn(manager, lead.email, password);
  assert.match(await bodyText(manager), /You also lead Northfield Team/);
  await manager.goto(app.url('/cases?view=team'));
  const row = manager.getByRole('row', { name: /Fairbairn family/ });
  assert.match(await row.innerText(), /Northfield Team/);
  await checkAccessibility(manager);
  await manager.getByRole('link', { name: 'Fairbairn family' }).click();
  await manager.getByText('Allocated worker').first().waitFor();
  assert.doesNotMatch(await bodyText(manager), /outside your own work/);
  await checkAccessibility(manager);

  assertNoScriptProblems(page);
  assertNoScriptProblems(manager);
  assertNoScriptProblems(worker);
});

test('an administrator makes an API token and reads the audit log', { timeout: 90_000 }, async (t) => {
  const page = await app.newPage(t);
  await app.signIn(page, admin.email, admin.password);

  await page.getByRole('link', { name: 'API tokens', exact: true }).click();
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Create token' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a name for the token/);
  await checkAccessibility(page);
  await page.getByLabel('Token name').fill('monthly report');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.locator('.signs-token').innerText()).trim();
  assert.match(token, /^[0-9a-f]{64}$/);
  await checkAccessibility(page);

  const me = await page.request.get(app.url('/api/v1/me'), { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status(), 200);
  assert.equal((await me.json()).email, admin.email);

  await page.getByRole('link', { name: 'Audit log', exact: true }).click();
  await page.getByLabel('Action').fill('api-token-create');
  await page.getByRole('button', { name: 'Search' }).click();
  assert.match(await bodyText(page), /monthly report/);
  await checkAccessibility(page);

  await page.getByLabel('From date').fill('the other day');
  await page.getByRole('button', { name: 'Search' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /From date must be a real date/);
  await checkAccessibility(page);

  assertNoScriptProblems(page);
});

test('an administrator puts a way of working in the council\'s own words and adds an alert band', { timeout: 90_000 }, async (t) => {
  const page = await app.newPage(t);
  await app.signIn(page, admin.email, admin.password);

  await page.getByRole('link', { name: 'Practice settings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Practice settings' }).waitFor();
  await checkAccessibility(page);

  const stability = page.locator('form[action="/admin/practice/wording/stability"]');
  await stability.getByLabel('Name of this way of working').fill('');
  await stability.getByRole('button', { name: 'Save the words for Signs of Stability' }).click();
  const summary = page.locator('.govuk-error-summary');
  assert.match(await summary.innerText(), /Enter the words for name of this way of working/);
  await checkAccessibility(page);

  await summary.getByRole('link', { name: /name of this way of working/ }).click();
  await stability.getByLabel('Name of this way of working').fill('Signs of Success');
  await stability.getByLabel('A goal that answers it').fill('Success goal');
  await stability.getByRole('button', { name: 'Save the words for Signs of Stability' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/practice');
  assert.match(await bodyText(page), /Saved/);
  assert.match(await bodyText(page), /Signs of Stability \(this council's own words\)/);
  assert.equal(await stability.getByLabel('Name of this way of working').inputValue(), 'Signs of Success');
  await checkAccessibility(page);

  await page.getByLabel('Which mappings').selectOption('review');
  await page.getByLabel('Lowest number').fill('2');
  await page.getByLabel('Highest number').fill('3');
  await page.getByLabel('What the manager is told').fill('A 2 or 3 at a review: talk it through today');
  await page.getByRole('button', { name: 'Add the band' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/practice');
  assert.match(await bodyText(page), /A 2 or 3 at a review: talk it through today/);
  await checkAccessibility(page);

  await stability.getByRole('button', { name: /Go back to the built-in words/ }).click();
  await page.waitForURL((url) => url.pathname === '/admin/practice');
  assert.equal(await stability.getByLabel('Name of this way of working').inputValue(), 'Signs of Stability');
  assertNoScriptProblems(page);
});

test('an administrator adds a closure day, fixing a weekend date first', { timeout: 60_000 }, async (t) => {
  const page = await app.newPage(t);
  await app.signIn(page, admin.email, admin.password);
  await page.getByRole('link', { name: 'Closure days', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Closure days' }).waitFor();
  await checkAccessibility(page);

  await fillDate(page, 'Date the council is closed', '26', '12', '2026');
  await page.getByLabel('Reason').fill('Council closed between Christmas and New Year');
  await page.getByRole('button', { name: 'Add the closure day' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /already not a working day|weekend/);
  await checkAccessibility(page);

  await fillDate(page, 'Date the council is closed', '29', '12', '2026');
  await page.getByRole('button', { name: 'Add the closure day' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/closures');
  assert.match(await bodyText(page), /29 December 2026/);
  await checkAccessibility(page);
  await page.getByRole('button', { name: /Remove/ }).click();
  assert.match(await bodyText(page), /No closure days are coming up/);
  assertNoScriptProblems(page);
});
