// The census record of a referred child: the worker records who referred and the main need
// and that an assessment began; the team manager authorises it with what it found. Every
// page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, checkAccessibility, fillDate, runSigns, useSigns } from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'census.worker@example.test', name: 'Morgan Census' };
const manager = { email: 'census.manager@example.test', name: 'Jordan Lead' };

test('a referral is recorded for the census and its assessment authorised', { timeout: 120_000 }, async (t) => {
  for (const [who, role] of [[worker, 'practitioner'], [manager, 'team-manager']]) {
    await runSigns(['user', 'add', who.email, '--name', who.name, '--role', role,
      '--team', 'Front Door', '--data-dir', app.dataDir], { input: `${password}\n` });
  }
  const today = new Date();
  const [day, month, year] = [String(today.getDate()), String(today.getMonth() + 1), String(today.getFullYear())];
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);

  await page.goto(app.url('/children/new'));
  await page.getByLabel('First name').fill('Ivy');
  await page.getByLabel('Last name').fill('Thorne');
  await fillDate(page, 'Date of birth', '3', '9', '2018');
  await page.getByLabel('Female', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Add child' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ivy Thorne' }).waitFor();
  const childUrl = new URL(page.url()).pathname;

  await page.getByRole('button', { name: 'Record a contact' }).click();
  await page.getByLabel('Phone call').check();
  await page.getByLabel('Their name').fill('Sam Okoro');
  await page.getByLabel(/Who they are to Ivy/).fill('Class teacher');
  await page.getByLabel('What are they worried about?').fill('Ivy has come to school hungry every day this week.');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByLabel('Social work assessment').check();
  await page.getByLabel('Why').fill('Hunger every day and no food at home');
  await page.getByRole('button', { name: 'Record decision' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Select who made the referral/);
  await checkAccessibility(page);
  await page.getByLabel('Who made the referral').selectOption('2A');
  await page.getByRole('button', { name: 'Record decision' }).click();
  assert.match(await bodyText(page), /Decision recorded/);
  await page.getByRole('button', { name: 'Open a case for Ivy Thorne' }).click();
  await page.getByRole('textbox', { name: 'Reason' }).fill('Assessment after the school raised hunger');
  await page.getByRole('button', { name: 'Open case' }).click();
  assert.match(await bodyText(page), /Case opened/);

  await page.goto(app.url(childUrl));
  await page.getByRole('link', { name: 'Children in need census record' }).click();
  assert.match(await bodyText(page), /2A: School/);
  await checkAccessibility(page);
  await page.getByRole('link', { name: /Change/ }).click();
  await checkAccessibility(page);
  await page.getByLabel("The child's main need").selectOption('N7');
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Save answers' }).click();
  assert.match(await bodyText(page), /Answers saved/);
  assert.match(await bodyText(page), /N7: Low income/);

  await page.getByRole('link', { name: /Record that an assessment started/ }).click();
  await checkAccessibility(page);
  await fillDate(page, 'Date the assessment started', day, month, year);
  await page.getByRole('button', { name: 'Save' }).click();
  assert.match(await bodyText(page), /Assessment recorded/);
  assert.match(await bodyText(page), /Not yet/);
  await checkAccessibility(page);
  const censusUrl = new URL(page.url()).pathname;

  const lead = await app.newPage(t);
  await app.signIn(lead, manager.email, password);
  await lead.goto(app.url(censusUrl));
  await lead.getByRole('link', { name: /Authorise/ }).click();
  await checkAccessibility(lead);
  await fillDate(lead, 'Date authorised', day, month, year);
  await lead.getByRole('button', { name: 'Authorise' }).click();
  assert.match(await lead.locator('.govuk-error-summary').innerText(), /Select the factors/);
  await checkAccessibility(lead);
  await lead.getByLabel('Young carer').check();
  await lead.getByRole('button', { name: 'Authorise' }).click();
  assert.match(await bodyText(lead), /Assessment authorised/);
  assert.match(await bodyText(lead), /by Jordan Lead/);
  assert.match(await bodyText(lead), /Young carer/);
  await checkAccessibility(lead);
});

test('a performance officer checks data quality and sets up the return', { timeout: 120_000 }, async (t) => {
  const officer = { email: 'census.officer@example.test', name: 'Robin Figures' };
  await runSigns(['user', 'add', officer.email, '--name', officer.name, '--role', 'performance-officer',
    '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, officer.email, password);
  await page.getByRole('link', { name: 'Data quality' }).click();
  assert.match(await bodyText(page), /Problems by rule/);
  assert.match(await bodyText(page), /Ivy Thorne/);
  await checkAccessibility(page);
  await page.getByLabel('Team').selectOption({ label: 'Front Door' });
  await page.getByRole('button', { name: 'Show' }).click();
  assert.match(await bodyText(page), /Ivy Thorne/);
  await checkAccessibility(page);

  await page.getByRole('link', { name: 'Returns' }).click();
  assert.match(await bodyText(page), /Set the council's DfE number/);
  await page.getByLabel("The council's DfE number").fill('89');
  await page.getByRole('button', { name: 'Save the number' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /three digits/);
  await checkAccessibility(page);
  await page.getByLabel("The council's DfE number").fill('895');
  await page.getByRole('button', { name: 'Save the number' }).click();
  assert.match(await bodyText(page), /The council's number is saved/);
  await checkAccessibility(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download the .* census as the DfE's XML/ }).first().click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^cin-census-\d{4}-\d{2}\.xml$/);
});
