// Guidance: a visitor who has not signed in reads the pages for families (what Signs of Safety
// is, the four questions, meetings, how to contact us), each opening with its summary once, and
// finds the public library empty. A training administrator adds a resource: first with nothing
// filled in, then with a file too large to send (refused in the browser as soon as it is
// chosen), then with a PNG picture named report.pdf, and at last with a real PDF leaflet for
// families and council staff at child protection, with a Markdown page that is shown as HTML;
// the leaflet downloads as the same PDF, as an attachment. They add a second resource, a tool
// for staff only, written as a page. A practitioner in another team finds the leaflet by a word
// and the tool by its kind, and cannot change either. The visitor now finds the leaflet in the
// public library, but not the tool for staff. At last the administrator renames the leaflet and
// withdraws the tool. Every page, error states included, is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  assertNoScriptProblems, bodyText, checkAccessibility, runSigns, submit, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const trainer = {
  email: 'trainer@example.test', name: 'Tess Trainer', team: 'Workforce Development Team',
};
const alex = { email: 'alex@example.test', name: 'Alex Reid', team: 'Riverside Family Help Team' };

const publicPages = ['/public/signs-of-safety', '/public/four-questions', '/public/meetings',
  '/public/contact'];

/** The smallest PNG signature and header: a picture, whatever its name says. */
const pngBytes = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex');
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const leaflet = {
  title: 'Family leaflet',
  summary: 'What happens after a child protection conference, for families.',
  file: 'Family leaflet.pdf',
  page: '## What happens next\n\nWe will **meet** you.\n\n* one\n* two',
};
const houses = {
  title: 'Three Houses for practitioners',
  summary: 'How to use the Three Houses with a child.',
  page: '## The three houses\n\nThe house of worries, the house of good things and the house of dreams.',
};

/** Text with its spaces collapsed and typographic apostrophes made plain, to compare words. */
const plain = (text) => text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');

/** The text of the success banner. */
function banner(page) {
  return page.locator('.govuk-notification-banner').innerText();
}

/** The titles of the resources listed on a library page, in order. */
function listedTitles(page) {
  return page.locator('.signs-resource h2').allInnerTexts();
}

/** The line that says how many resources were found. */
async function resultCount(page) {
  return (await page.getByRole('status').innerText()).trim();
}

/** Searches the library with the form on the page; `choices` maps select labels to options. */
async function search(page, words, choices = {}) {
  await page.getByLabel('Words to look for').fill(words);
  for (const [label, option] of Object.entries(choices)) {
    await page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Search', exact: true }).click(),
  ]);
}

test('guidance is read publicly, added with files and pages, searched, changed and withdrawn', { timeout: 60_000 }, async (t) => {
  for (const [{ email, name, team }, role] of [[trainer, 'training-admin'], [alex, 'practitioner']]) {
    await runSigns(['user', 'add', email, '--name', name, '--role', role, '--team', team,
      '--data-dir', app.dataDir], { input: `${password}\n` });
  }

  // --- A visitor reads the pages for families, without signing in. ---
  const visitor = await app.newPage(t);
  await visitor.goto(app.url('/public'));
  await visitor.getByRole('heading', { level: 1, name: 'Working with families' }).waitFor();
  const publicNav = visitor.getByRole('navigation', { name: 'Menu' });
  assert.deepEqual((await publicNav.getByRole('link').allInnerTexts()).map((text) => text.trim()),
    ['Working with families', 'Training', 'Guidance', 'Staff sign in']);
  const main = visitor.locator('main');
  for (const href of [...publicPages, '/public/guidance', '/public/training']) {
    assert.equal(await main.locator(`a[href="${href}"]`).count(), 1, `the home page links to ${href}`);
  }
  await checkAccessibility(visitor);
  for (const href of publicPages) {
    const link = main.locator(`a[href="${href}"]`);
    const title = (await link.innerText()).trim();
    const lead = (await main.locator('li')
      .filter({ has: visitor.locator(`a[href="${href}"]`) }).locator('p').innerText()).trim();
    await link.click();
    await visitor.waitForURL((url) => url.pathname === href);
    await visitor.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    assert.ok(await visitor.locator('main h2').count() > 0, `${href} has sections`);
    assert.equal(plain(await visitor.locator('main').innerText()).split(plain(lead)).length - 1, 1,
      `${href} opens with its summary, once`);
    await checkAccessibility(visitor);
    await visitor.getByRole('link', { name: 'Back to working with families' }).click();
    await visitor.waitForURL((url) => url.pathname === '/public');
  }
  await publicNav.getByRole('link', { name: 'Guidance', exact: true }).click();
  await visitor.waitForURL((url) => url.pathname === '/public/guidance');
  await visitor.getByRole('heading', { level: 1, name: 'Guidance and information' }).waitFor();
  assert.equal(await resultCount(visitor), '0 resources');
  assert.equal(await visitor.getByLabel('For', { exact: true }).count(), 0,
    'everything public is for partners or families');
  await checkAccessibility(visitor);
  assertNoScriptProblems(visitor);

  // --- The training administrator adds the leaflet, after three tries that are refused. ---
  const tp = await app.newPage(t);
  await app.signIn(tp, trainer.email, password);
  await tp.getByRole('link', { name: 'Guidance', exact: true }).click();
  await tp.waitForURL((url) => url.pathname === '/guidance');
  await tp.getByRole('heading', { level: 1, name: 'Guidance library' }).waitFor();
  assert.equal(await resultCount(tp), '0 resources');
  await checkAccessibility(tp);
  await tp.getByRole('button', { name: 'Add a resource', exact: true }).click();
  await tp.waitForURL((url) => url.pathname === '/guidance/new');
  await tp.getByRole('heading', { level: 1, name: 'Add a resource' }).waitFor();
  await checkAccessibility(tp);

  // Nothing filled in.
  assert.equal(await submit(tp, 'Add the resource'), 422);
  const summary = tp.locator('.govuk-error-summary');
  const problems = await summary.innerText();
  assert.match(problems, /There is a problem/);
  assert.match(problems, /Enter the resource's title/);
  assert.match(problems, /Enter a short summary of what it is for/);
  assert.match(problems, /Write the page, or choose a file to upload/);
  assert.match(await tp.title(), /^Error: /);
  await checkAccessibility(tp);
  await summary.getByRole('link', { name: "Enter the resource's title" }).click();
  assert.ok(await tp.getByLabel('Title', { exact: true }).evaluate((box) => box === document.activeElement),
    'the error link focuses the title');

  // A file too large to send: refused in the browser as soon as it is chosen, and let go.
  const fileGroup = tp.locator('.govuk-form-group').filter({ has: tp.locator('#file') });
  const fileInput = tp.locator('#file');
  await tp.setInputFiles('#file', {
    name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(3 * 1024 * 1024),  // over the harness's --max-upload-mib 2
  });
  const tooLarge = fileGroup.getByText('huge.pdf is larger than 2 MB. Choose a smaller file.');
  await tooLarge.waitFor();
  assert.match(await fileGroup.getAttribute('class'), /govuk-form-group--error/);
  assert.equal(await fileInput.evaluate((input) => input.files.length), 0, 'the file is let go');
  assert.match(await fileInput.getAttribute('aria-describedby'), /^file-hint (file-error )?file-too-large$/);
  await checkAccessibility(tp);
  await tp.setInputFiles('#file', { name: 'small.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  assert.equal(await tooLarge.count(), 0, 'a file that fits clears the message');
  // The file box is not in error when the file is not what is wrong.
  assert.equal(await tp.locator('#file-error').count(), 0);
  assert.doesNotMatch(await fileGroup.getAttribute('class'), /govuk-form-group--error/);
  assert.equal(await fileInput.getAttribute('aria-describedby'), 'file-hint');
  await tp.setInputFiles('#file', []);

  // A picture named as a PDF.
  await tp.getByLabel('Title', { exact: true }).fill(leaflet.title);
  await tp.getByLabel('Summary', { exact: true }).fill(leaflet.summary);
  await tp.setInputFiles('#file', { name: 'report.pdf', mimeType: 'application/pdf', buffer: pngBytes });
  assert.equal(await submit(tp, 'Add the resource'), 422);
  assert.match(await summary.innerText(),
    /The file's name ends in \.pdf but the file is a PNG image\. Choose the right file, or rename it/);
  assert.doesNotMatch(await summary.innerText(), /title|summary|Write the page/);
  assert.match(await tp.locator('#file-error').innerText(), /ends in \.pdf but the file is a PNG image/);
  assert.equal(await tp.getByLabel('Title', { exact: true }).inputValue(), leaflet.title, 'what was typed is kept');
  await checkAccessibility(tp);

  // The real leaflet, with a page. The server's message stays until the form is sent again.
  await tp.setInputFiles('#file', { name: leaflet.file, mimeType: 'application/pdf', buffer: pdfBytes });
  assert.equal(await fileInput.getAttribute('aria-describedby'), 'file-hint file-error');
  assert.match(await fileGroup.getAttribute('class'), /govuk-form-group--error/);
  await tp.getByLabel('Practice guidance', { exact: true }).check();
  await tp.getByLabel('Children and families', { exact: true }).check();
  await tp.getByLabel('Council staff', { exact: true }).check();
  await tp.getByLabel('Child protection', { exact: true }).check();
  await tp.getByLabel('Page (optional if you upload a file)').fill(leaflet.page);
  assert.equal(await submit(tp, 'Add the resource'), 303);
  await tp.waitForURL((url) => /^\/guidance\/[0-9]+$/.test(url.pathname) &&
    url.searchParams.get('done') === 'added');
  const leafletPath = new URL(tp.url()).pathname;
  assert.match(await banner(tp), /Resource added/);
  await tp.getByRole('heading', { level: 1, name: leaflet.title }).waitFor();
  const prose = tp.locator('.signs-prose');
  await prose.getByRole('heading', { level: 2, name: 'What happens next' }).waitFor();
  assert.equal(await prose.locator('strong').innerText(), 'meet');
  assert.deepEqual(await prose.locator('li').allInnerTexts(), ['one', 'two']);
  const shown = await bodyText(tp);
  assert.match(shown, /Council staff, Children and families/);
  assert.match(shown, /Child protection/);
  await tp.getByRole('button', { name: 'Change this resource' }).waitFor();
  await checkAccessibility(tp);

  // It downloads as the same PDF, as an attachment that cannot run anything.
  const downloadLink = tp.getByRole('link', { name: `Download ${leaflet.file}` });
  const [download] = await Promise.all([tp.waitForEvent('download'), downloadLink.click()]);
  assert.equal(download.suggestedFilename(), leaflet.file);
  const saved = await readFile(await download.path());
  assert.equal(saved.subarray(0, 4).toString('latin1'), '%PDF');
  assert.deepEqual(saved, pdfBytes);
  const fileResponse = await tp.request.get(app.url(await downloadLink.getAttribute('href')));
  assert.equal(fileResponse.status(), 200);
  assert.match(fileResponse.headers()['content-type'], /^application\/pdf/);
  assert.match(fileResponse.headers()['content-disposition'], /^attachment/);
  assert.match(fileResponse.headers()['content-security-policy'], /default-src 'none'/);
  assert.match(fileResponse.headers()['content-security-policy'], /sandbox/);

  // A tool for staff, as a page only.
  await tp.getByRole('link', { name: 'Back to the library' }).click();
  await tp.waitForURL((url) => url.pathname === '/guidance');
  assert.deepEqual(await listedTitles(tp), [leaflet.title]);
  await tp.getByRole('button', { name: 'Add a resource', exact: true }).click();
  await tp.waitForURL((url) => url.pathname === '/guidance/new');
  await tp.getByLabel('Title', { exact: true }).fill(houses.title);
  await tp.getByLabel('Summary', { exact: true }).fill(houses.summary);
  await tp.getByLabel('Tool for working with children and families', { exact: true }).check();
  assert.ok(await tp.getByLabel('Council staff', { exact: true }).isChecked(), 'staff is chosen to start with');
  await tp.getByLabel('Page (optional if you upload a file)').fill(houses.page);
  assert.equal(await submit(tp, 'Add the resource'), 303);
  await tp.waitForURL((url) => /^\/guidance\/[0-9]+$/.test(url.pathname));
  const housesPath = new URL(tp.url()).pathname;
  assert.notEqual(housesPath, leafletPath);
  await tp.getByRole('heading', { level: 1, name: houses.title }).waitFor();
  await tp.locator('.signs-prose').getByRole('heading', { level: 2, name: 'The three houses' }).waitFor();
  assert.equal(await tp.getByRole('link', { name: /^Download/ }).count(), 0, 'a page has no file');
  await checkAccessibility(tp);
  assertNoScriptProblems(tp);

  // --- A practitioner in another team searches the library. ---
  const ap = await app.newPage(t);
  await app.signIn(ap, alex.email, password);
  await ap.getByRole('link', { name: 'Guidance', exact: true }).click();
  await ap.waitForURL((url) => url.pathname === '/guidance');
  await ap.getByRole('heading', { level: 1, name: 'Guidance library' }).waitFor();
  assert.equal(await resultCount(ap), '2 resources');
  assert.equal(await ap.getByRole('button', { name: 'Add a resource' }).count(), 0, 'practitioners do not keep the library');
  await checkAccessibility(ap);
  await search(ap, 'leaflet');
  assert.equal(await resultCount(ap), '1 resource found');
  assert.deepEqual(await listedTitles(ap), [leaflet.title]);
  assert.equal(await ap.getByLabel('Words to look for').inputValue(), 'leaflet', 'the words are kept');
  await checkAccessibility(ap);
  await search(ap, '', { Kind: 'Tool for working with children and families' });
  assert.equal(await resultCount(ap), '1 resource found');
  assert.deepEqual(await listedTitles(ap), [houses.title]);
  await checkAccessibility(ap);
  await ap.getByRole('link', { name: houses.title }).click();
  await ap.waitForURL((url) => url.pathname === housesPath);
  await ap.getByRole('heading', { level: 1, name: houses.title }).waitFor();
  assert.equal(await ap.getByRole('button', { name: 'Change this resource' }).count(), 0);
  assert.equal(await ap.getByRole('button', { name: 'Withdraw it' }).count(), 0);
  await checkAccessibility(ap);
  assert.equal((await ap.request.get(app.url(`${housesPath}/edit`))).status(), 403,
    'nor can they open the form by its address');
  assertNoScriptProblems(ap);

  // --- The visitor finds the leaflet, and only the leaflet, in the public library. ---
  await visitor.reload();
  await visitor.getByRole('heading', { level: 1, name: 'Guidance and information' }).waitFor();
  assert.equal(await resultCount(visitor), '1 resource');
  assert.deepEqual(await listedTitles(visitor), [leaflet.title]);
  await checkAccessibility(visitor);
  await visitor.getByRole('link', { name: leaflet.title }).click();
  await visitor.waitForURL((url) => url.pathname === `/public${leafletPath}`);
  await visitor.getByRole('heading', { level: 1, name: leaflet.title }).waitFor();
  await visitor.locator('.signs-prose').getByRole('heading', { level: 2, name: 'What happens next' }).waitFor();
  const publicFile = await visitor.request.get(app.url(
    await visitor.getByRole('link', { name: `Download ${leaflet.file}` }).getAttribute('href')));
  assert.equal(publicFile.url(), app.url(`/public${leafletPath}/file`));
  assert.equal(publicFile.status(), 200);
  assert.match(publicFile.headers()['content-disposition'], /^attachment/);
  assert.deepEqual(await publicFile.body(), pdfBytes);
  assert.equal(await visitor.getByRole('button', { name: 'Change this resource' }).count(), 0);
  await checkAccessibility(visitor);
  assert.equal((await visitor.request.get(app.url(`/public${housesPath}`))).status(), 404,
    'the tool for staff is not public, even by its address');
  assertNoScriptProblems(visitor);

  // --- The administrator renames the leaflet and withdraws the tool. ---
  await tp.goto(app.url(leafletPath));
  await tp.getByRole('button', { name: 'Change this resource' }).click();
  await tp.waitForURL((url) => url.pathname === `${leafletPath}/edit`);
  await tp.getByRole('heading', { level: 1, name: `Change ${leaflet.title}` }).waitFor();
  assert.equal(await tp.getByLabel('Title', { exact: true }).inputValue(), leaflet.title);
  assert.equal(await tp.getByLabel('Summary', { exact: true }).inputValue(), leaflet.summary);
  assert.ok(await tp.getByLabel('Practice guidance', { exact: true }).isChecked());
  assert.ok(await tp.getByLabel('Children and families', { exact: true }).isChecked());
  assert.ok(await tp.getByLabel('Child protection', { exact: true }).isChecked());
  assert.equal(await tp.getByLabel('Page (optional if you upload a file)').inputValue(), leaflet.page);
  assert.match(await tp.locator('#file-hint').innerText(), new RegExp(`Now: ${leaflet.file}`));
  await checkAccessibility(tp);
  const renamed = 'Family leaflet: after the conference';
  await tp.getByLabel('Title', { exact: true }).fill(renamed);
  assert.equal(await submit(tp, 'Save the changes'), 303);
  await tp.waitForURL((url) => url.pathname === leafletPath && url.searchParams.get('done') === 'changed');
  assert.match(await banner(tp), /Resource saved/);
  await tp.getByRole('heading', { level: 1, name: renamed }).waitFor();
  await tp.getByRole('link', { name: `Download ${leaflet.file}` }).waitFor();
  await checkAccessibility(tp);

  await tp.goto(app.url(housesPath));
  assert.equal(await submit(tp, 'Withdraw it'), 303);
  await tp.waitForURL((url) => url.pathname === '/guidance' && url.searchParams.get('done') === 'withdrawn');
  assert.match(await banner(tp), /Resource withdrawn/);
  assert.deepEqual(await listedTitles(tp), [renamed]);
  assert.equal(await resultCount(tp), '1 resource');
  await checkAccessibility(tp);
  assert.equal((await tp.request.get(app.url(housesPath))).status(), 404, 'a withdrawn resource is gone');
  assertNoScriptProblems(tp);
});
