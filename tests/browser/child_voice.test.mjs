// The child's voice: a practitioner records Zoë's Three Houses with a drawing. The case offers
// the three tools while nothing has been recorded. The form is sent empty first, then with a
// "picture" that is really text, and is refused each time with what to fix; a file larger than
// the server takes is refused in the browser as soon as it is chosen. At last Zoë's words, in
// Polish, Ukrainian and with emoji, are saved with a real PNG of her drawing: the record draws
// her words as three houses, lists what she said and shows the drawing as she drew it. Printed,
// only her words and pictures are left. Once a mapping is started, her words are added to it as
// entries said by Zoë. A Safety House follows, with Zoë's place on the path. Every page and
// every state a reader meets is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, assertNoScriptProblems, bodyText, checkAccessibility, fillDate, londonDate,
  runSigns, submit, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'voice@example.test', name: 'Jo Voice' };

// What Zoë said, as she said it: Polish with its accents, Ukrainian in Cyrillic and emoji outside
// the Basic Multilingual Plane. Each is short enough to be drawn whole inside its house.
const houses = {
  'House of worries': 'When dad shouts at night 😢 Boję się, gdy tata krzyczy.',
  'House of good things': 'Gran Halina and my cat Мурчик 🐱 who sleeps on my bed',
  'House of dreams': 'Everyone eats tea together and nobody shouts 🏠',
};
const safetyHouse = {
  'Inside the house': 'Mum, Gran Halina and Мурчик',
  'On the path': 'Dad, if he is kind',
  Outside: 'The man upstairs',
  'The rules of the house': 'No shouting after tea',
};

const fileTooLarge = 2 * 1024 * 1024 + 1;  // the harness serves with --max-upload-mib 2

// Answers who the child agreed may read their words ('Yes' or 'No, or we did not ask').
async function answerSharing(page, family, network) {
  for (const [question, answer] of [
    ['Did the child agree for their family to read these words?', family],
    ['Did the child agree for their safety network to read these words?', network],
  ]) {
    await page.getByRole('group', { name: question })
      .getByRole('radio', { name: answer, exact: true }).check();
  }
}

/** Width and height written in a PNG's header. */
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

/** The words drawn in the record's picture, each line of text joined back with a space. */
function pictureWords(page) {
  return page.locator('.signs-child-voice svg text').allTextContents()
    .then((lines) => lines.join(' '));
}

/** The [what, words] rows of the record's "What ... said" list. */
function saidRows(page) {
  return page.locator('main dl.govuk-summary-list .govuk-summary-list__row').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('dt').innerText.trim(),
      row.querySelector('dd').innerText.trim()]));
}

/** Waits for an image to finish loading and resolves to its natural size, 0 by 0 if it failed. */
function loadedSize(image) {
  return image.evaluate((img) => new Promise((resolve) => {
    const size = () => resolve([img.naturalWidth, img.naturalHeight]);
    if (img.complete) size();
    img.addEventListener('load', size, { once: true });
    img.addEventListener('error', size, { once: true });
  }));
}

test("a child's Three Houses is recorded with a drawing and added to a mapping",
  { timeout: 60_000 }, async (t) => {
    await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
      '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
    const page = await app.newPage(t);
    await app.signIn(page, worker.email, password);
    await addChildWithCase(page, app, {
      first: 'Zoë', last: 'Nowak', born: ['9', '4', '2017'], sex: 'Female', level: 'Child in need',
      reason: 'Left alone in the evenings',
    });
    const casePath = new URL(page.url()).pathname;
    const caseId = casePath.split('/').pop();

    // --- The case offers each tool while nothing has been heard from the children. ---
    await page.getByRole('heading', { level: 2, name: "The child's voice" }).waitFor();
    // What has been heard comes straight after the heading, then the tools to record more with.
    const section = 'h2:text-is("The child\'s voice")';
    const heard = page.locator(`${section} + *`);
    assert.equal(await heard.innerText(), 'Nothing recorded yet from the children themselves.');
    const tools = page.locator(`${section} ~ p:text-is("Record what a child said with:") + ul`)
      .getByRole('link');
    assert.deepEqual(await tools.allInnerTexts(),
      ['Three Houses', 'Wizards and Fairies', 'Safety House']);
    assert.deepEqual(await tools.evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ['three-houses', 'wizards-and-fairies', 'safety-house']
        .map((tool) => `/cases/${caseId}/child-voice/new?tool=${tool}`));
    await checkAccessibility(page);

    // --- The Three Houses form. ---
    await tools.getByText('Three Houses', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Three Houses' }).waitFor();
    const zoe = page.getByRole('group', { name: 'Whose words are these?' })
      .getByRole('radio', { name: 'Zoë Nowak' });
    assert.ok(await zoe.isChecked(), 'the case has one child, so she is already chosen');
    const when = page.getByRole('group', { name: 'When did you do this together?' });
    assert.deepEqual(
      await when.getByRole('textbox').evaluateAll((boxes) => boxes.map((box) => box.name)),
      ['on-day', 'on-month', 'on-year']);
    await page.getByLabel('Who helped').waitFor();
    for (const house of Object.keys(houses)) {
      assert.equal(await page.getByLabel(house, { exact: true }).evaluate((box) => box.tagName),
        'TEXTAREA', `${house} is a box for the child's words`);
    }
    const drawing = page.getByLabel('A photo or scan of their drawing (optional)');
    assert.equal(await drawing.getAttribute('type'), 'file');
    assert.equal(await drawing.getAttribute('name'), 'drawing');
    await checkAccessibility(page);

    // Nothing filled in: each problem in the summary and beside its box.
    assert.equal(await submit(page, 'Save what they said'), 422);
    const summary = page.locator('.govuk-error-summary');
    assert.deepEqual(await summary.getByRole('listitem').allInnerTexts(), [
      'Enter the date you did this with the child, like 27 11 2026',
      'Enter who helped the child',
      'Write down at least one thing the child said, in their words',
      'Say whether the child agreed for their words to be shared with their family',
      'Say whether the child agreed for their words to be shared with their network',
    ]);
    assert.match(await page.title(), /^Error: /);
    for (const [id, message] of [['on', /Enter the date you did this/], ['helped_by', /Enter who helped/],
      ['worries', /at least one thing the child said/]]) {
      assert.match(await page.locator(`#${id}-error`).innerText(), message);
    }
    assert.ok(await zoe.isChecked(), 'the child chosen stays chosen');
    await checkAccessibility(page);
    await summary.getByRole('link', { name: 'Enter who helped the child' }).click();
    assert.ok(await page.getByLabel('Who helped').evaluate((box) => box === document.activeElement),
      'the error link takes the reader to the box');

    // A file too large to send: refused in the browser as soon as it is chosen, and let go.
    const drawingGroup = page.locator('.govuk-form-group').filter({ has: page.locator('#drawing') });
    await drawing.setInputFiles({
      name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(fileTooLarge),
    });
    const tooLarge = drawingGroup.getByText('huge.png is larger than 2 MB. Choose a smaller file.');
    await tooLarge.waitFor();
    assert.equal(await drawing.evaluate((input) => input.files.length), 0, 'the file is let go');
    assert.match(await drawing.getAttribute('aria-describedby'), /^drawing-hint drawing-too-large$/);
    assert.match(await drawingGroup.getAttribute('class'), /govuk-form-group--error/);
    await checkAccessibility(page);

    // A "picture" that is really text, with the rest filled in: only the file is wrong.
    const today = londonDate(0);
    await fillDate(page, 'When did you do this together?', ...today.boxes);
    await page.getByLabel('Who helped').fill(`${worker.name} and Ms Rowe, her teacher`);
    for (const [house, words] of Object.entries(houses)) {
      await page.getByLabel(house, { exact: true }).fill(words);
    }
    await answerSharing(page, 'Yes', 'Yes');
    await drawing.setInputFiles({
      name: 'drawing.png', mimeType: 'image/png', buffer: Buffer.from('Not a picture at all.\n'),
    });
    assert.equal(await tooLarge.count(), 0, 'a file that fits clears the message');
    assert.equal(await submit(page, 'Save what they said'), 422);
    const problems = await summary.getByRole('listitem').allInnerTexts();
    assert.equal(problems.length, 1, `only the file is wrong: ${problems.join('; ')}`);
    // What it says names the kinds of picture a drawing can be.
    assert.match(problems[0], /must be .*PNG, JPEG, GIF.*WebP/);
    assert.equal((await page.locator('#drawing-error').textContent()).replace(/\s+/g, ' ').trim(),
      `Error: ${problems[0]}`);
    assert.equal(await drawing.getAttribute('aria-describedby'), 'drawing-hint drawing-error');
    for (const [house, words] of Object.entries(houses)) {
      assert.equal(await page.getByLabel(house, { exact: true }).inputValue(), words,
        `what Zoë said in the ${house} is kept`);
    }
    await checkAccessibility(page);
    await summary.getByRole('link', { name: problems[0] }).click();
    assert.ok(await drawing.evaluate((input) => input === document.activeElement),
      'the error link takes the reader to the file');

    // Her real drawing: a picture of the page, a true PNG.
    const picture = await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 160 } });
    await drawing.setInputFiles({ name: 'Zoë houses.png', mimeType: 'image/png', buffer: picture });
    assert.equal(await submit(page, 'Save what they said'), 303);
    await page.waitForURL((url) => /^\/child-voice\/[0-9]+$/.test(url.pathname) &&
      url.searchParams.get('done') === 'saved');
    const recordPath = new URL(page.url()).pathname;
    assert.equal(await page.locator('.govuk-notification-banner__heading').innerText(), 'Saved');
    await page.getByRole('heading', { level: 1, name: "Three Houses: Zoë's words" }).waitFor();
    assert.match(await bodyText(page), new RegExp(
      `${today.text}, with ${worker.name} and Ms Rowe, her teacher\\.`));

    // The houses, drawn with her words in them, for the eye only: the list says the same.
    const svg = page.locator('.signs-child-voice svg');
    assert.equal(await svg.getAttribute('aria-hidden'), 'true');
    const drawn = await pictureWords(page);
    for (const [house, words] of Object.entries(houses)) {
      assert.ok(drawn.includes(house), `the picture names the ${house}`);
      assert.ok(drawn.includes(words), `the ${house} holds "${words}"`);
    }
    await page.getByRole('heading', { level: 2, name: 'What Zoë said' }).waitFor();
    assert.deepEqual(await saidRows(page), Object.entries(houses));

    // The drawing, shown as it was drawn and downloadable as the same bytes.
    await page.getByRole('heading', { level: 2, name: "Zoë's drawing" }).waitFor();
    const image = page.getByRole('img', { name: "Zoë's own drawing for Three Houses" });
    assert.deepEqual(await loadedSize(image), pngSize(picture), 'the drawing loads, whole');
    const stored = await page.request.get(new URL(await image.getAttribute('src'), page.url()).href);
    assert.equal(stored.status(), 200);
    assert.match(stored.headers()['content-type'], /^image\/png/);
    assert.ok((await stored.body()).equals(picture), 'the drawing is kept byte for byte');
    assert.equal(await page.getByRole('link', { name: 'Download the picture' }).getAttribute('href'),
      await image.getAttribute('src'));
    // No mapping is open yet, so there is nothing to add her words to.
    assert.equal(await page.getByRole('heading', { name: 'Add to a mapping' }).count(), 0);
    await checkAccessibility(page);

    // --- The case now lists what was heard. ---
    await page.getByRole('link', { name: 'Back to the case' }).click();
    await page.waitForURL((url) => url.pathname === casePath);
    assert.deepEqual(await heard.getByRole('listitem').allInnerTexts(),
      [`Three Houses: Zoë, ${today.text}`]);
    assert.equal(await heard.getByRole('link', { name: 'Three Houses: Zoë' }).getAttribute('href'),
      recordPath);
    await checkAccessibility(page);

    // --- A mapping is started, and her words are added to it. ---
    await page.getByRole('button', { name: 'Start a mapping' }).click();
    await page.getByRole('button', { name: 'Start the mapping' }).click();
    await page.getByRole('heading', { level: 1, name: /First assessment mapping/ }).waitFor();
    const mappingPath = new URL(page.url()).pathname;

    await page.goto(app.url(recordPath));
    const toMapping = page.locator('.signs-no-print').filter({
      has: page.getByRole('heading', { level: 2, name: 'Add to a mapping' }),
    });
    await toMapping.waitFor();
    const which = toMapping.getByRole('group', { name: 'Which mapping?' }).getByRole('radio');
    assert.equal(await which.count(), 1);
    assert.match(await toMapping.getByRole('group', { name: 'Which mapping?' }).innerText(),
      new RegExp(`Mapping of ${today.text}`));
    assert.ok(await which.isChecked(), 'the only open mapping is already chosen');
    await checkAccessibility(page);

    // Printed, the record is her words and pictures alone.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.govuk-template__header').isVisible(), false);
    assert.equal(await toMapping.isVisible(), false);
    assert.equal(await page.getByRole('button', { name: "Add Zoë's words" }).isVisible(), false);
    assert.equal(await svg.isVisible(), true);
    assert.equal(await image.isVisible(), true);
    assert.equal(await page.getByRole('heading', { level: 1 }).isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await toMapping.isVisible(), true);

    assert.equal(await submit(page, "Add Zoë's words"), 303);
    await page.waitForURL((url) => url.pathname === mappingPath);
    const entries = page.locator('.signs-mapping__entry');
    for (const [house, words] of Object.entries(houses)) {
      const entry = entries.filter({ hasText: `${house}: ${words}` });
      assert.equal(await entry.count(), 1, `the mapping has "${house}: ${words}"`);
      assert.equal(await entry.locator('.signs-mapping__who').innerText(), 'Said by Zoë');
    }
    await checkAccessibility(page);

    // --- A Safety House, with where Zoë put herself on the path. ---
    await page.goto(app.url(casePath));
    await tools.getByText('Safety House', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Safety House' }).waitFor();
    await checkAccessibility(page);
    await fillDate(page, 'When did you do this together?', ...today.boxes);
    await page.getByLabel('Who helped').fill(worker.name);
    for (const [part, words] of Object.entries(safetyHouse)) {
      await page.getByLabel(part, { exact: true }).fill(words);
    }
    await answerSharing(page, 'Yes', 'Yes');
    const place = page.getByLabel('Where did they put themself on the path? (optional)');
    await place.fill('11');
    assert.equal(await submit(page, 'Save what they said'), 422);
    assert.deepEqual(await summary.getByRole('listitem').allInnerTexts(),
      ['Enter where the child put themself on the path, from 0 to 10']);
    await checkAccessibility(page);
    await place.fill('7');
    assert.equal(await submit(page, 'Save what they said'), 303);
    await page.getByRole('heading', { level: 1, name: "Safety House: Zoë's words" }).waitFor();
    assert.match(await bodyText(page), /On the path, Zoë put themself at 7 out of 10\./);
    const houseWords = await pictureWords(page);
    assert.ok(houseWords.includes('Me: 7'), 'the picture marks her place on the path');
    for (const words of Object.values(safetyHouse)) {
      assert.ok(houseWords.includes(words), `the picture holds "${words}"`);
    }
    assert.deepEqual(await saidRows(page), Object.entries(safetyHouse));
    assert.equal(await page.getByRole('heading', { name: "Zoë's drawing" }).count(), 0,
      'no drawing was given, so none is shown');
    await checkAccessibility(page);
    assertNoScriptProblems(page);
  });
