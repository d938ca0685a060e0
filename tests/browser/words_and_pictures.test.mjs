// Words and pictures, and the family network picture. A practitioner writes Zoë's story with her
// mum and gran from the case: the form is sent empty first and says what each part needs, then
// with the family's own words (Polish, Ukrainian, emoji, a "<3" that must stay text) and a picture
// for each part. The story reads as a booklet, a part to a page when printed, with only the story
// left on paper, across the whole sheet. A copy given to mum is recorded, first with nothing
// filled in; the story is then changed from version 1, and the copy given is marked as of another
// version while version 1 still reads as it did and says it is not the latest. Last, a child's page draws the people around her as a family network
// picture once anyone is recorded, naming each of them. Every page and state is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, assertNoScriptProblems, bodyText, checkAccessibility, fillDate, londonDate,
  runSigns, submit, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'story@example.test', name: 'Jo Story' };

const parts = ['Who is in our family', 'What the worries were', 'What people did',
  'What happens now'];
const pictureChoices = ['No picture', 'A family holding hands', 'A house', 'A worried face',
  'A happy face', 'Two people talking', 'People round a table', 'A school', 'A heart'];

// The family's own words, as they said them: Polish with its accents, Ukrainian in Cyrillic,
// emoji outside the Basic Multilingual Plane, and a "<3" and "&" that must be shown as text.
const title = 'Zoë’s story 🌈';
const writtenWith = 'Mum (Dana) & Gran Halina';
const version1 = {
  'Who is in our family': {
    words: 'Zoë lives with Mum. Gran Halina — Babcia — lives round the corner 🏡',
    picture: 'A family holding hands',
  },
  'What the worries were': {
    words: 'Sometimes Zoë was left on her own in the evenings and felt scared 😢 Było jej smutno.',
    picture: 'A worried face',
  },
  'What people did': {
    words: 'Jo from the council talked with Mum & Gran <3. Gran said: «Я завжди поруч».',
    picture: 'Two people talking',
  },
  'What happens now': {
    words: 'Gran stays with Zoë every evening until Mum is home.\n' +
      'Every Monday Zoë tells Ms Rowe who was at home 🙂',
    picture: 'A happy face',
  },
};
const changedNow = {
  words: 'Gran has moved into the spare room, so someone is always home.\n' +
    'Mum and Gran check the plan with Jo every month 👍',
  picture: 'A house',
};

/** The paragraphs a part's words make: a paragraph per line, as the family set it out. */
const linesOf = (words) => words.split('\n');

/**
 * The story as a reader meets it: each part's page with its heading, its picture's name (or
 * null) and its paragraphs, in order.
 */
function storyPages(page) {
  return page.locator('section.signs-story__page').evaluateAll((sections) => sections.map((s) => {
    const picture = s.querySelector('svg');
    return {
      heading: s.querySelector('h2')?.textContent.trim(),
      picture: picture ? [picture.getAttribute('role'), picture.getAttribute('aria-label')] : null,
      lines: [...s.querySelectorAll('p')].map((p) => p.textContent),
    };
  }));
}

/** What the page should show for `story`, in the shape storyPages reads. */
const expectedPages = (story) => parts.map((heading) => ({
  heading,
  picture: ['img', story[heading].picture],
  lines: linesOf(story[heading].words),
}));

test("a words and pictures story is written with the family, printed, given and changed",
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

    // --- Found on the case, under "For the family". ---
    await page.getByRole('heading', { level: 2, name: 'For the family' }).waitFor();
    const write = page.locator('h2:text-is("For the family") ~ a')
      .filter({ hasText: 'Write a words and pictures story' });
    assert.equal(await write.getAttribute('href'), `/cases/${caseId}/stories/new`);
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Write a words and pictures story' }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${caseId}/stories/new`);
    await page.getByRole('heading', { level: 1, name: 'Words and pictures' }).waitFor();

    // --- The form: who it is for, a title, who wrote it, and four parts each with a picture. ---
    const forWhom = page.getByRole('group', { name: 'Who is the story for?' });
    const zoe = forWhom.getByRole('radio', { name: 'Zoë Nowak' });
    assert.equal(await forWhom.getByRole('radio').count(), 1);
    assert.ok(await zoe.isChecked(), 'the case has one child, so she is already chosen');
    const titleBox = page.getByRole('textbox', { name: 'Title', exact: true });
    const withBox = page.getByRole('textbox', { name: 'Written with', exact: true });
    await titleBox.waitFor();
    await withBox.waitFor();
    // Each picture is named by its part, so a screen reader's list of controls tells them apart.
    const pictureSelects = page.getByRole('combobox', { name: /^Picture for “.*” \(optional\)$/ });
    assert.equal(await pictureSelects.count(), parts.length, 'a picture for each part');
    for (const [i, part] of parts.entries()) {
      const box = page.getByLabel(part, { exact: true });
      assert.equal(await box.evaluate((el) => el.tagName), 'TEXTAREA', `${part} is a box for words`);
      // The picture for a part is chosen straight after its words.
      const next = await box.evaluate((el) => {
        const select = el.closest('.govuk-form-group').nextElementSibling?.querySelector('select');
        return select && [select.id, document.querySelector(`label[for="${select.id}"]`).textContent];
      });
      assert.deepEqual(next, [await pictureSelects.nth(i).getAttribute('id'),
        `Picture for “${part}” (optional)`],
        `${part} is followed by its picture`);
      assert.deepEqual(await pictureSelects.nth(i).locator('option').allTextContents(),
        pictureChoices);
      assert.equal(await pictureSelects.nth(i).inputValue(), '', 'no picture to start with');
    }
    const pictureFor = async (part) => page.locator(`#${await page.getByLabel(part, { exact: true })
      .getAttribute('id')}-picture`);
    await checkAccessibility(page);

    // Nothing filled in: each problem in the summary and beside its box.
    assert.equal(await submit(page, 'Save the story'), 422);
    const summary = page.locator('.govuk-error-summary');
    assert.deepEqual(await summary.getByRole('listitem').allInnerTexts(), [
      'Give the story a title, like "Maya\'s story"',
      'Enter who in the family wrote it with you',
      'Write who is in our family',
      'Write what the worries were',
      'Write what people did',
      'Write what happens now',
    ]);
    assert.match(await page.title(), /^Error: /);
    for (const [id, message] of [['title', /Give the story a title/],
      ['written_with', /Enter who in the family/], ['family', /Write who is in our family/],
      ['what-happens-now', /Write what happens now/]]) {
      assert.match(await page.locator(`#${id}-error`).innerText(), message);
    }
    assert.ok(await zoe.isChecked(), 'the child chosen stays chosen');
    await checkAccessibility(page);
    await summary.getByRole('link', { name: 'Write what people did' }).click();
    assert.ok(await page.getByLabel('What people did', { exact: true })
      .evaluate((box) => box === document.activeElement), 'the error link takes the reader to the box');

    // --- The family's words, with a picture for each part. ---
    await titleBox.fill(title);
    await withBox.fill(writtenWith);
    for (const [part, { words, picture }] of Object.entries(version1)) {
      await page.getByLabel(part, { exact: true }).fill(words);
      await (await pictureFor(part)).selectOption({ label: picture });
    }
    assert.equal(await submit(page, 'Save the story'), 303);
    await page.waitForURL((url) => /^\/stories\/[0-9]+$/.test(url.pathname) &&
      url.searchParams.get('done') === 'saved');
    const version1Path = new URL(page.url()).pathname;
    assert.equal(await page.locator('.govuk-notification-banner__heading').innerText(),
      'Saved as version 1');
    const story = page.locator('article.signs-story');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
    assert.deepEqual(await story.locator('.signs-story__cover p').allInnerTexts(),
      ['For Zoë', 'Written with Mum (Dana) & Gran Halina.']);
    assert.deepEqual(await storyPages(page), expectedPages(version1));
    assert.match(await story.innerText(), /Written with Mum \(Dana\) & Gran Halina\./);
    // A picture is named for a screen reader, once: the SVG is the image, its shapes are not.
    for (const { picture } of Object.values(version1)) {
      assert.equal(await story.getByRole('img', { name: picture, exact: true }).count(), 1);
    }
    await checkAccessibility(page);

    // Printed, the story alone, a part to a page.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.govuk-template__header').isVisible(), false);
    assert.equal(await page.locator('.signs-side-panel').isVisible(), false);
    const notPrinted = await page.locator('.signs-no-print').all();
    assert.ok(notPrinted.length >= 1, 'the side panel is marked as not for print');
    for (const hidden of notPrinted) {
      assert.equal(await hidden.isVisible(), false);
    }
    assert.equal(await story.isVisible(), true);
    const breaks = await page.locator('.signs-story__page')
      .evaluateAll((pages) => pages.map((el) => getComputedStyle(el).breakAfter));
    assert.equal(breaks.length, parts.length + 1, 'a cover and a page for each part');
    assert.deepEqual(breaks, breaks.map(() => 'page'), 'each page of the booklet ends the sheet');
    const [columnWidth, rowWidth] = await story.evaluate((article) => [
      article.parentElement.getBoundingClientRect().width,
      article.closest('.govuk-grid-row').getBoundingClientRect().width]);
    assert.ok(columnWidth >= rowWidth - 30, `the story takes the whole width: ${columnWidth} of ${rowWidth}`);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.signs-side-panel').isVisible(), true);
    assert.equal(await page.locator('.signs-story__page').first()
      .evaluate((el) => getComputedStyle(el).breakAfter), 'auto', 'on screen it is one page');

    // --- A copy given: nothing filled in first, then mum's copy. ---
    const panel = page.locator('.signs-side-panel');
    assert.match(await panel.innerText(), /No copy has been recorded as given yet/);
    assert.equal(await submit(page, 'Record it'), 422);
    assert.deepEqual(await summary.getByRole('listitem').allInnerTexts(), [
      'Enter who you gave it to',
      'Enter the date you gave it, like 27 11 2026',
      'Select how you gave it',
    ]);
    assert.match(await page.title(), /^Error: /);
    for (const id of ['given_to', 'given', 'how']) {
      assert.ok(await page.locator(`#${id}-error`).isVisible(), `${id} says what is wrong beside it`);
    }
    // The story is still there to read beside the form that went wrong.
    assert.deepEqual(await storyPages(page), expectedPages(version1));
    await checkAccessibility(page);
    await summary.getByRole('link', { name: 'Enter who you gave it to' }).click();
    assert.ok(await panel.getByLabel('Who you gave it to')
      .evaluate((box) => box === document.activeElement), 'the error link takes the reader to the box');

    const today = londonDate(0);
    await panel.getByLabel('Who you gave it to').fill('Dana (mum)');
    const dateGroup = panel.getByRole('group', { name: 'Date you gave it', exact: true });
    assert.deepEqual(
      await dateGroup.getByRole('textbox').evaluateAll((boxes) => boxes.map((box) => box.name)),
      ['given-day', 'given-month', 'given-year']);
    await fillDate(page, 'Date you gave it', ...today.boxes);
    await panel.getByRole('group', { name: 'How you gave it' })
      .getByRole('radio', { name: 'In person' }).check();
    assert.equal(await submit(page, 'Record it'), 303);
    assert.equal(new URL(page.url()).pathname, version1Path);
    assert.equal(new URL(page.url()).searchParams.get('done'), 'given');
    assert.equal(await page.locator('.govuk-notification-banner__heading').innerText(),
      'The copy given is recorded');
    const copy = panel.getByRole('listitem').filter({ hasText: 'Dana (mum)' });
    assert.equal(await copy.count(), 1);
    assert.match(await copy.innerText(),
      new RegExp(`^Dana \\(mum\\), ${today.text} \\(In person\\)\\..*: This version\\.$`));
    await checkAccessibility(page);

    // --- The story changes: version 2, started from version 1. ---
    await panel.getByRole('button', { name: 'Change the story' }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${caseId}/stories/new`);
    await page.getByRole('heading', { level: 1, name: 'Words and pictures' }).waitFor();
    assert.ok(await zoe.isChecked());
    assert.equal(await titleBox.inputValue(), title);
    assert.equal(await withBox.inputValue(), writtenWith);
    for (const [part, { words, picture }] of Object.entries(version1)) {
      assert.equal(await page.getByLabel(part, { exact: true }).inputValue(), words,
        `${part} starts from version 1`);
      const select = await pictureFor(part);
      assert.equal(await select.locator('option:checked').innerText(), picture);
    }
    await checkAccessibility(page);
    await page.getByLabel('What happens now', { exact: true }).fill(changedNow.words);
    await (await pictureFor('What happens now')).selectOption({ label: changedNow.picture });
    assert.equal(await submit(page, 'Save the story'), 303);
    await page.waitForURL((url) => /^\/stories\/[0-9]+$/.test(url.pathname) &&
      url.searchParams.get('done') === 'saved');
    const version2Path = new URL(page.url()).pathname;
    assert.notEqual(version2Path, version1Path);
    assert.equal(await page.locator('.govuk-notification-banner__heading').innerText(),
      'Saved as version 2');
    const version2 = { ...version1, 'What happens now': changedNow };
    assert.deepEqual(await storyPages(page), expectedPages(version2));
    // Mum's copy was of version 1.
    assert.match(await copy.innerText(), /: Another version\.$/);
    const versions = panel.locator('h3:text-is("Every version") + ul').getByRole('listitem');
    const listed = await versions.allInnerTexts();
    assert.equal(listed.length, 2);
    assert.match(listed[0], new RegExp(`^Version 2, .* by ${worker.name} \\(shown\\)$`));
    assert.match(listed[1], new RegExp(`^Version 1, .* by ${worker.name}$`));
    const notLatest = panel.getByText('This is not the latest version.', { exact: false });
    assert.equal(await notLatest.count(), 0, 'version 2 is the latest');
    await checkAccessibility(page);

    // Version 1 still reads as it did, and mum's copy is of this one.
    await versions.getByRole('link', { name: /^Version 1/ }).click();
    await page.waitForURL((url) => url.pathname === version1Path);
    assert.deepEqual(await storyPages(page), expectedPages(version1));
    assert.match(await copy.innerText(), /: This version\.$/);
    assert.equal(await notLatest.innerText(),
      'This is not the latest version. Changing it starts a new version from these words.');
    await checkAccessibility(page);

    // The case lists the latest version.
    await page.getByRole('link', { name: 'Back to the case' }).click();
    await page.waitForURL((url) => url.pathname === casePath);
    const listedOnCase = page.locator('h2:text-is("For the family") ~ p').filter({ hasText: 'words and pictures' });
    assert.deepEqual(await listedOnCase.allInnerTexts(),
      [`${title}: words and pictures for Zoë, version 2.`]);
    assert.equal(await listedOnCase.getByRole('link').getAttribute('href'), version2Path);
    assertNoScriptProblems(page);
  });

test("the family network picture on a child's page names everyone around her",
  { timeout: 60_000 }, async (t) => {
    const page = await app.newPage(t);
    await app.signIn(page, worker.email, password);
    await page.goto(app.url('/children/new'));
    await page.getByLabel('First name').fill('Ola');
    await page.getByLabel('Last name').fill('Kowalczyk');
    await fillDate(page, 'Date of birth', '3', '2', '2016');
    await page.getByLabel('Female', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Add child' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ola Kowalczyk' }).waitFor();
    const childPath = new URL(page.url()).pathname;
    assert.match(childPath, /^\/children\/[0-9]+$/);

    // Nobody recorded yet: no picture, only the words saying so.
    assert.equal(await page.locator('svg.signs-ecomap').count(), 0);
    assert.match(await bodyText(page), /No family or network members recorded yet\./);
    await checkAccessibility(page);

    const family = [
      { first: 'Marta', last: 'Kowalczyk', relationship: 'mother', label: 'Mother', lives: 'Yes',
        network: 'Yes' },
      { first: 'Józef', last: 'Wiśniewski', relationship: 'grandparent', label: 'Grandparent',
        lives: 'No', network: 'Yes' },
    ];
    for (const person of family) {
      await page.getByRole('button', { name: 'Add a family or network member' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a family or network member' }).waitFor();
      await page.getByLabel('First name').fill(person.first);
      await page.getByLabel('Last name').fill(person.last);
      await page.getByLabel('Relationship to Ola').selectOption(person.relationship);
      await page.getByRole('group', { name: 'Do they have parental responsibility?' })
        .getByLabel(person.relationship === 'mother' ? 'Yes' : 'No').check();
      await page.getByRole('group', { name: 'Do they live with Ola?' }).getByLabel(person.lives).check();
      await page.getByRole('group', { name: 'Are they part of the safety network?' })
        .getByLabel(person.network).check();
      await page.getByRole('button', { name: /Add to Ola Kowalczyk/ }).click();
      await page.waitForURL((url) => url.pathname === childPath);
    }

    await page.getByRole('button', { name: 'Add a professional' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a professional' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Priya Rowe');
    await page.getByLabel('Role', { exact: true }).fill('Class teacher');
    await page.getByLabel('Agency', { exact: true }).fill('Riverside Primary');
    await page.getByRole('button', { name: 'Add professional' }).click();
    await page.waitForURL((url) => url.pathname === childPath);

    // The picture: the child and the three people around her, named for a screen reader.
    const picture = page.locator('svg.signs-ecomap');
    assert.equal(await picture.count(), 1);
    assert.equal(await picture.getAttribute('role'), 'img');
    const described = await picture.locator('title').textContent();
    assert.match(described, /^Family network picture: Ola and 3 people around them, 2 in the safety network and 1 professional\./);
    assert.equal(await page.getByRole('img', { name: described, exact: true }).count(), 1,
      'the picture is named by its title');
    const drawn = await picture.locator('text').allTextContents();
    for (const name of ['Ola', 'Marta Kowalczyk', 'Józef Wiśniewski', 'Priya Rowe']) {
      assert.ok(drawn.includes(name), `the picture names ${name}: ${drawn.join(' | ')}`);
    }
    for (const relationship of ['Mother', 'Grandparent', 'Class teacher']) {
      assert.ok(drawn.includes(relationship), `the picture says who is the ${relationship}`);
    }
    // The tables beside it list the same people.
    const table = await bodyText(page);
    for (const name of ['Marta Kowalczyk', 'Józef Wiśniewski', 'Priya Rowe']) {
      assert.ok(table.includes(name), `${name} is in the tables too`);
    }
    await checkAccessibility(page);
    assertNoScriptProblems(page);
  });
