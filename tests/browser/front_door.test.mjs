// A contact reaches the front door, a decision leads to a case, a baby brother joins it, the
// record is corrected and a move recorded, and in time each child's part is closed. Every
// page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoScriptProblems, bodyText, checkAccessibility, fillDate, runSigns, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'door@example.test', name: 'Rowan Frontdoor' };

async function addChild(page, first, last, [day, month, year]) {
  await page.goto(app.url('/children/new'));
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await fillDate(page, 'Date of birth', day, month, year);
  await page.getByLabel('Male', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Add child' }).click();
  await page.getByRole('heading', { level: 1, name: `${first} ${last}` }).waitFor();
}

test('a contact becomes a case that a baby joins and that closes', { timeout: 120_000 }, async (t) => {
  await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
    '--team', 'Front Door', '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);
  const today = new Date();
  await addChild(page, 'Leo', 'Marsh', ['14', '6', '2020']);
  const childUrl = new URL(page.url()).pathname;

  await page.getByRole('button', { name: 'Record a contact' }).click();
  await checkAccessibility(page);
  await page.getByLabel('Phone call').check();
  await page.getByLabel('Their name').fill('Priya Shah');
  await page.getByLabel(/Who they are to Leo/).fill('Health visitor');
  await page.getByLabel('What are they worried about?').fill('Leo has bruises on his arms that nobody can explain.');
  await page.getByLabel(/Their scale/).fill('12');
  await page.getByRole('button', { name: 'Save contact' }).click();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /whole number from 0 to 10/);
  await checkAccessibility(page);
  await page.getByLabel(/Their scale/).fill('3');
  await page.getByRole('button', { name: 'Save contact' }).click();
  assert.match(await bodyText(page), /Contact recorded/);
  assert.match(await bodyText(page), /3 out of 10/);
  await checkAccessibility(page);

  await page.goto(app.url('/contacts'));
  assert.match(await bodyText(page), /Leo Marsh/);
  await checkAccessibility(page);
  await page.getByRole('link', { name: 'Leo Marsh' }).click();
  await page.getByLabel('Strategy discussion').check();
  await page.getByLabel('Why').fill('Unexplained bruising on a young child');
  await page.getByLabel(/Who made the referral/).selectOption('2A');
  await page.getByRole('button', { name: 'Record decision' }).click();
  assert.match(await bodyText(page), /Decision recorded/);
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Open a case for Leo Marsh' }).click();
  await checkAccessibility(page);
  await page.getByRole('textbox', { name: 'Reason' }).fill('Strategy discussion after bruising');
  await page.getByRole('button', { name: 'Open case' }).click();
  assert.match(await bodyText(page), /Case opened/);
  const caseUrl = new URL(page.url()).pathname;

  await addChild(page, 'Alfie', 'Marsh', [String(today.getDate()), String(today.getMonth() + 1), String(today.getFullYear())]);
  await page.goto(app.url(caseUrl));
  await page.getByRole('button', { name: 'Add a child to this case' }).click();
  await checkAccessibility(page);
  await page.getByLabel('Alfie Marsh').check();
  await page.getByLabel(/^Child in need/).check();
  await page.getByRole('textbox', { name: 'Reason' }).fill('Born into the family during the work');
  await page.getByRole('button', { name: 'Add to the case' }).click();
  assert.match(await bodyText(page), /Child added to the case/);
  assert.match(await bodyText(page), /Alfie Marsh/);
  await checkAccessibility(page);

  await page.goto(app.url(childUrl));
  await page.getByRole('link', { name: 'Change details' }).click();
  await checkAccessibility(page);
  await page.getByLabel('School or nursery (optional)').fill('Little Acorns Nursery');
  await page.getByRole('button', { name: 'Save changes' }).click();
  assert.match(await bodyText(page), /Details saved/);
  assert.match(await bodyText(page), /Details changed: School or nursery/);

  await page.getByRole('button', { name: 'Record a new address' }).click();
  await checkAccessibility(page);
  await page.getByLabel('Address', { exact: true }).fill('12 Orchard Close\nCrewe');
  await page.getByLabel('Postcode (optional)').fill('cw2 6eb');
  await fillDate(page, 'Date Leo moved in', '1', '9', '2024');
  await page.getByRole('button', { name: 'Save address' }).click();
  assert.match(await bodyText(page), /Address saved/);
  assert.match(await bodyText(page), /CW2 6EB/);
  await checkAccessibility(page);

  await page.goto(app.url(caseUrl));
  for (const name of ['Leo Marsh', 'Alfie Marsh']) {
    await page.getByRole('link', { name: `Close ${name}'s part` }).click();
    await checkAccessibility(page);
    await page.getByLabel('Closed after assessment, no further action').check();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    assert.match(await bodyText(page), /Closed: Closed after assessment/);
  }
  assert.doesNotMatch(await bodyText(page), /Add a child to this case/);
  await checkAccessibility(page);

  await page.goto(app.url('/cases'));
  assert.match(await bodyText(page), /No cases match/);
  await checkAccessibility(page);
  assertNoScriptProblems(page);
});
