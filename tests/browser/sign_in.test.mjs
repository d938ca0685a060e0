// Signing in and out, as a person would with a browser, and every page checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  admin, assertNoScriptProblems, bodyText, checkAccessibility, useSigns,
} from './harness.mjs';

const app = useSigns();

function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** Fills the sign-in form and presses "Sign in"; resolves with the response to the POST. */
async function submitSignIn(page, email, password) {
  await page.getByLabel('Email address').fill(email);
  // exact: the GOV.UK password input's "Show password" button also has "password" in its name.
  await page.getByLabel('Password', { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

async function signInAsAdmin(page) {
  await page.goto(app.url('/sign-in'));
  await submitSignIn(page, admin.email, admin.password);
  await page.waitForURL((url) => url.pathname === '/');
}

test('a worker signs in, sees who they are, and signs out', { timeout: 90_000 }, async (t) => {
  const page = await app.newPage(t);

  await page.goto(app.url('/'));
  assert.equal(pathOf(page), '/sign-in', 'a visitor who is not signed in is sent to sign in');
  await checkAccessibility(page);

  const refused = await submitSignIn(page, admin.email, 'not the password');
  assert.equal(refused.status(), 422, 'a wrong password re-shows the form with status 422');
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /There is a problem/);
  await checkAccessibility(page);

  await submitSignIn(page, admin.email, admin.password);
  await page.waitForURL((url) => url.pathname === '/');
  assert.match(await bodyText(page), /Ada Admin/, 'the home page names the signed-in user');
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
  assert.match(await bodyText(page), /You have signed out/);
  await checkAccessibility(page);

  await page.goto(app.url('/'));
  assert.equal(pathOf(page), '/sign-in', 'after signing out the home page needs a new sign-in');

  assertNoScriptProblems(page);
});

test('an administrator sees the list of users', { timeout: 60_000 }, async (t) => {
  const page = await app.newPage(t);
  await signInAsAdmin(page);

  const response = await page.goto(app.url('/admin/users'));
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { level: 1, name: 'Users', exact: true }).waitFor();
  assert.match(await bodyText(page), /admin@example\.test/, 'the list shows the administrator');
  await checkAccessibility(page);

  assertNoScriptProblems(page);
});
