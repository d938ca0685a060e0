// A worker builds a plan from a mapping: the mapping's safety goal becomes the plan's goal and
// its next step an action, which is put under the goal with who, by when and how everyone will
// know. Agreed with a date already gone, the action is overdue on the plan, the case and My
// cases until progress says it is done. The plan is then changed in a second version and the
// two versions compared. Every page is checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChildWithCase, assertNoScriptProblems, bodyText, checkAccessibility, fillDate, londonDate,
  runSigns, useSigns,
} from './harness.mjs';

const app = useSigns();
const password = 'a long enough passphrase';
const worker = { email: 'planner@example.test', name: 'Rae Planner' };

// Clicks a button whose form is sent in the background, and waits for the page to show the answer.
async function inPlace(page, name) {
  const updated = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('signs:updated', () => resolve(), { once: true });
  }));
  await page.getByRole('button', { name }).click();
  await updated;
}


const goal = 'Dana and Pat will make sure a sober adult is home with Maya every night';
const nextStep = 'Find a childminder for Tuesday evenings';
const bottomLine = 'Maya is never left alone overnight';

test('a plan is built from a mapping, agreed, kept up to date and changed', { timeout: 60_000 }, async (t) => {
  await runSigns(['user', 'add', worker.email, '--name', worker.name, '--role', 'practitioner',
    '--team', 'Riverside Family Help Team', '--data-dir', app.dataDir], { input: `${password}\n` });
  const page = await app.newPage(t);
  await app.signIn(page, worker.email, password);
  await addChildWithCase(page, app, {
    first: 'Maya', last: 'Carter', born: ['2', '3', '2019'], sex: 'Female', level: 'Child in need', reason: 'Left alone at night',
  });
  const casePath = new URL(page.url()).pathname;

  // A mapping with a danger statement, the safety goal that answers it, a next step and a bottom line.
  await page.getByRole('button', { name: 'Start a mapping' }).click();
  await page.getByRole('button', { name: 'Start the mapping' }).click();
  await page.getByRole('heading', { level: 1, name: /mapping/ }).waitFor();
  for (const [where, text, answers] of [
    ['Danger statement', 'Dana may leave Maya alone at night and Maya could be hurt', false],
    ['Safety goal', goal, true],
    ['Next step', nextStep, false],
    ['Bottom line: what the agency needs to see', bottomLine, false],
  ]) {
    await page.getByLabel('Where it goes').selectOption({ label: where });
    await page.getByLabel('What was said, in their words').fill(text);
    if (answers) await page.getByLabel(/the danger statement it answers/).selectOption({ index: 1 });
    await inPlace(page, 'Add to the mapping');
    assert.match(await bodyText(page), new RegExp(text));
  }
  assert.match(await bodyText(page), /Answers: Dana may leave Maya/);

  // From the case page, a plan is started from that mapping.
  await page.goto(app.url(casePath));
  await page.getByRole('heading', { level: 2, name: 'Plan' }).waitFor();
  assert.match(await bodyText(page), /No plan yet/);
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Start a plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Start a plan' }).waitFor();
  await page.getByRole('radio', { name: /First assessment/ }).check();
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.waitForURL(/\/plans\/[0-9]+/);
  const planPath = new URL(page.url()).pathname;

  // The draft: the goal from the mapping, the next step waiting for a goal, the bottom line for context.
  await page.getByRole('heading', { level: 1, name: /version 1/ }).waitFor();
  let text = await bodyText(page);
  assert.match(text, /Plan started/);
  assert.match(text, new RegExp(goal));
  assert.match(text, /Actions not yet under a goal/);
  assert.match(text, new RegExp(nextStep));
  assert.match(await page.locator('.govuk-inset-text').innerText(), new RegExp(bottomLine));
  assert.match(text, /Goal 1 has no action that works towards it/);
  assert.equal(await page.getByRole('button', { name: /^Agree version/ }).count(), 0,
    'nothing can be agreed while something is missing');
  await checkAccessibility(page);

  // The next step goes under the goal with who, by when (yesterday) and how everyone will know.
  const yesterday = londonDate(-1);
  await page.getByRole('link', { name: 'Change action 1' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change action 1' }).waitFor();
  assert.equal(await page.getByLabel('What will be done').inputValue(), nextStep);
  await checkAccessibility(page);
  await page.getByLabel('The goal it works towards').selectOption({ index: 1 });
  await page.getByLabel('Who will do it').selectOption({ label: 'Someone in the safety network' });
  await page.getByLabel('Their name').fill('Gran Pat');
  await fillDate(page, 'By when', ...yesterday.boxes);
  await page.getByLabel('How will everyone know it is happening?').fill('Maya tells her teacher each Wednesday');
  await page.getByRole('button', { name: 'Save the action' }).click();
  await page.getByText('Action saved').waitFor();
  text = await bodyText(page);
  assert.doesNotMatch(text, /Actions not yet under a goal/);
  assert.doesNotMatch(text, /Before it can be agreed/);
  const towardsGoal = page.getByRole('table', { name: 'Actions towards goal 1' });
  assert.match(await towardsGoal.innerText(), new RegExp(`${nextStep}[\\s\\S]*Gran Pat[\\s\\S]*${yesterday.text}`));

  // Agreed today: the action is overdue at once.
  const today = londonDate(0);
  await fillDate(page, 'Date it was agreed', ...today.boxes);
  await page.getByLabel('Where it was agreed (optional)').fill('Child in need meeting');
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Agree version 1' }).click();
  await page.getByText('Plan agreed').waitFor();
  text = await bodyText(page);
  assert.match(text, new RegExp(`Agreed on ${today.text} at Child in need meeting`));
  assert.match(text, /1 action is overdue/);
  assert.match(await towardsGoal.innerText(), /Overdue/);
  assert.equal(await page.getByRole('link', { name: 'Change action 1' }).count(), 0,
    'an agreed version does not change');
  await checkAccessibility(page);

  await page.getByRole('link', { name: 'Back to the case' }).click();
  await page.getByRole('heading', { level: 2, name: 'Plan' }).waitFor();
  text = await bodyText(page);
  assert.match(text, new RegExp(`version 1 agreed on ${today.text}`));
  assert.match(text, /1 action is overdue/);
  await checkAccessibility(page);
  await page.goto(app.url('/cases'));
  const row = page.getByRole('row', { name: /Carter family/ });
  assert.match(await row.innerText(), /1 overdue/);
  await checkAccessibility(page);

  // Progress: done, so no longer overdue.
  await page.goto(app.url(planPath));
  await page.getByRole('link', { name: 'Record progress on action 1' }).click();
  await page.getByRole('heading', { level: 1, name: 'Progress on action 1' }).waitFor();
  assert.match(await bodyText(page), /Overdue/);
  await checkAccessibility(page);
  await page.getByLabel('Done', { exact: true }).check();
  await page.getByLabel('What has happened (optional)').fill('A childminder started on Tuesday');
  await fillDate(page, 'Date', ...today.boxes);
  await page.getByRole('button', { name: 'Save progress' }).click();
  await page.getByText('Progress saved').waitFor();
  text = await bodyText(page);
  assert.doesNotMatch(text, /overdue/);
  assert.match(await towardsGoal.innerText(), /Done/);
  assert.match(text, /A childminder started on Tuesday/);
  await page.goto(app.url(casePath));
  assert.doesNotMatch(await bodyText(page), /action is overdue/);
  await page.goto(app.url('/cases'));
  assert.doesNotMatch(await page.getByRole('row', { name: /Carter family/ }).innerText(), /overdue/);

  // What the child said keeps them safe stands beside the plan: a Safety House recorded on
  // the case shows on the plan page, in the child's words.
  await page.goto(app.url(casePath));
  await page.getByRole('link', { name: 'Safety House', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Safety House' }).waitFor();
  await fillDate(page, 'When did you do this together?', ...today.boxes);
  await page.getByLabel('Who helped').fill(worker.name);
  await page.getByLabel('Inside the house', { exact: true }).fill('Gran Pat and Mum');
  await page.getByLabel('On the path', { exact: true }).fill('Dad, when he has not been drinking');
  await page.getByLabel('Outside', { exact: true }).fill('Nobody');
  await page.getByLabel('The rules of the house', { exact: true })
    .fill('A grown-up is always home at night');
  await page.getByLabel('Where did they put themself on the path? (optional)').fill('6');
  for (const question of ['Did the child agree for their family to read these words?',
    'Did the child agree for their safety network to read these words?']) {
    await page.getByRole('group', { name: question }).getByRole('radio', { name: 'Yes', exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Save what they said' }).click();
  await page.getByRole('heading', { level: 1, name: /^Safety House: .*'s words$/ }).waitFor();
  await page.goto(app.url(planPath));
  await page.getByRole('heading', { level: 2, name: 'What the children said keeps them safe' })
    .waitFor();
  text = await bodyText(page);
  assert.match(text, /A grown-up is always home at night/);
  assert.match(text, /6 out of 10/);
  await checkAccessibility(page);

  // A change: version 2 is a draft with the action's new date; version 1 stays as agreed.
  const nextMonth = londonDate(28);
  await page.goto(app.url(planPath));
  await page.getByRole('button', { name: 'Change the plan' }).click();
  await page.getByText('New draft version started').waitFor();
  await page.getByRole('heading', { level: 1, name: /version 2/ }).waitFor();
  await page.getByRole('link', { name: 'Change action 1' }).click();
  await fillDate(page, 'By when', ...nextMonth.boxes);
  await page.getByRole('button', { name: 'Save the action' }).click();
  await page.getByText('Action saved').waitFor();
  assert.match(await page.getByRole('table', { name: 'Actions towards goal 1' }).innerText(),
    new RegExp(nextMonth.text));
  await page.getByLabel('From', { exact: true }).selectOption({ label: 'Version 1' });
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'Version 2' });
  await page.getByRole('button', { name: 'Compare the versions' }).click();
  await page.waitForURL((url) => url.pathname === `${planPath}/compare` &&
    url.searchParams.get('from') === '1' && url.searchParams.get('to') === '2');
  await page.getByRole('heading', { level: 1, name: 'What changed from version 1 to version 2' }).waitFor();
  const changed = page.getByRole('row', { name: /Action 1/ });
  assert.match(await changed.innerText(), /Changed/);
  assert.match(await changed.innerText(), new RegExp(yesterday.text));
  assert.match(await changed.innerText(), new RegExp(nextMonth.text));
  assert.match(await changed.innerText(), /by when/);
  await checkAccessibility(page);
  assertNoScriptProblems(page);
});
