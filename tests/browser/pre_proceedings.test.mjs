// Pre-proceedings on a case: begun, the letter before proceedings sent offering a family group
// decision-making meeting the family accepts, and that meeting arranged and recorded, after
// which the warning that the law requires it goes. Every page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, bodyText, checkAccessibility, fillDate, fillTime, londonToday, runSigns,
  useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'pre.proceedings@example.test', name: 'Robin Ashdown' };
const today = (() => {
  const d = new Date(londonToday);
  return [String(d.getUTCDate()), String(d.getUTCMonth() + 1), String(d.getUTCFullYear())];
})();

test('pre-proceedings are recorded with their family group decision-making meeting', { timeout: 180_000 }, async (t) => {
  await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
    '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);
  await addChildWithCase(page, app, {
    first: 'Noah', last: 'Fenwick', born: ['14', '6', '2017'], sex: 'Male', level: 'Child in need',
    reason: 'Repeated nights alone at home',
  });
  const casePath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Pre-proceedings and family group decision-making' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pre-proceedings' }).waitFor();
  assert.match(await bodyText(page), /No pre-proceedings have been recorded for this case/);
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Begin pre-proceedings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Begin pre-proceedings' }).waitFor();
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Save' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the date pre-proceedings began/);
  await checkAccessibility(page);
  await fillDate(page, 'Date pre-proceedings began', ...today);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Pre-proceedings recorded').waitFor();
  assert.match(await bodyText(page), /must offer the family a family group decision-making meeting/);
  await checkAccessibility(page);

  await page.getByRole('link', { name: /Bring up to date/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Bring pre-proceedings up to date' }).waitFor();
  await fillDate(page, 'Date the letter before proceedings was sent', ...today);
  await page.getByRole('group', { name: 'Did the letter offer a family group decision-making meeting?' })
    .getByLabel('Yes', { exact: true }).check();
  await page.getByRole('group', { name: 'Did the family accept the meeting?' })
    .getByLabel('Yes', { exact: true }).check();
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Pre-proceedings brought up to date').waitFor();
  assert.match(await bodyText(page), /none has been held yet/);
  await checkAccessibility(page);

  // The family group decision-making meeting, arranged and held today.
  await page.getByRole('button', { name: 'Arrange a meeting' }).click();
  await page.getByRole('heading', { level: 1, name: 'Arrange a meeting' }).waitFor();
  await page.getByRole('group', { name: 'Kind of meeting' })
    .getByLabel('Family group decision-making meeting', { exact: true }).check();
  await fillDate(page, 'Date', ...today);
  await fillTime(page, 'Starts at', '10', '00');
  await fillTime(page, 'Ends at', '12', '00');
  await page.getByLabel('Where, or how to join').fill('Riverside Family Centre');
  await page.getByLabel('Chaired by').fill('An independent coordinator');
  await page.getByRole('group', { name: 'Which children is it about?' }).getByLabel('Noah Fenwick').check();
  await page.getByRole('button', { name: 'Arrange the meeting' }).click();
  await page.getByText('Meeting arranged').waitFor();
  await page.getByLabel('What the meeting decided').fill('Noah stays with his aunt on weeknights while his mother gets support');
  await page.getByRole('button', { name: 'Save the record' }).click();
  await page.getByText('Meeting recorded').waitFor();

  await page.goto(app.url(`${casePath}/pre-proceedings`));
  const text = await bodyText(page);
  assert.doesNotMatch(text, /none has been held yet/);
  assert.match(text, /Family group decision-making meeting\s+Held/);
  await checkAccessibility(page);
});
