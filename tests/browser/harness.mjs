// Shared set-up for the browser tests.
//
// Each test file gets its own signs server on a fresh data directory: the harness migrates an
// empty database, adds one administrator, starts `signs serve` on a free loopback port and reads
// the address back from the server's log. Tests drive Debian's Chromium through playwright-core
// and check every page they visit with axe-core.
//
// Environment:
//   SIGNS_BINARY    the signs executable (default: build/release/signs at the top of the repo)
//   SIGNS_CHROMIUM  the browser executable (default: /usr/bin/chromium, Debian's package)

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, access, constants } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

export const binary = process.env.SIGNS_BINARY
  ? resolve(process.env.SIGNS_BINARY)
  : resolve(here, '../../build/release/signs');

/** The administrator every test file starts with. */
export const admin = Object.freeze({
  email: 'admin@example.test',
  name: 'Ada Admin',
  password: 'correct horse battery staple',
});

// Flags that let Chromium run here: as root (no sandbox), without a GPU, and without reaching
// out to the network on its own. Playwright adds --headless and a fresh empty profile itself.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const startupTimeoutMs = 20_000;
const commandTimeoutMs = 60_000;
const keptOutputChars = 16_000;

/** Keeps the tail of a stream so that failure messages can show what the server said. */
class OutputTail {
  #text = '';
  add(chunk) {
    this.#text = (this.#text + chunk).slice(-keptOutputChars);
  }
  toString() {
    return this.#text;
  }
}

function describeOutput(stdout, stderr) {
  return `--- stdout ---\n${stdout || '(empty)'}\n--- stderr ---\n${stderr || '(empty)'}`;
}

/**
 * Runs `signs ARGS...` to completion and fails unless it exits with status 0.
 * `input`, when given, is written to the command's standard input.
 */
export function runSigns(args, { input } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout = new OutputTail();
    const stderr = new OutputTail();
    child.stdout.setEncoding('utf8').on('data', (chunk) => stdout.add(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => stderr.add(chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`signs ${args.join(' ')} took longer than ${commandTimeoutMs} ms\n` +
        describeOutput(stdout, stderr)));
    }, commandTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${binary}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolvePromise({ stdout: String(stdout), stderr: String(stderr) });
      } else {
        reject(new Error(`signs ${args.join(' ')} ended with ${signal ?? `status ${code}`}\n` +
          describeOutput(stdout, stderr)));
      }
    });
    // The command may exit without reading its input; that is its business, not a test error.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

const listeningLine = /listening on (http:\/\/[^\s"',]+)/;

/**
 * Starts `signs serve` on a free loopback port and resolves once it logs the address it
 * listens on. Returns { baseUrl, process, output() }.
 */
export function startServer(dataDir) {
  return new Promise((resolvePromise, reject) => {
    // A small upload limit, so the journeys show the council's own limit reaching the forms
    // without pushing tens of megabytes through the browser.
    const args = ['serve', '--listen', '127.0.0.1:0', '--data-dir', dataDir, '--max-upload-mib', '2'];
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Never leave a server behind, even if the test process ends abruptly.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    const stdout = new OutputTail();
    const stderr = new OutputTail();
    let ready = false;
    let pending = '';

    const fail = (message) => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}\n${describeOutput(stdout, stderr)}`));
    };

    const timer = setTimeout(
      () => fail(`signs serve did not say "listening on http://..." within ${startupTimeoutMs} ms`),
      startupTimeoutMs);

    // Keep reading both streams for the server's whole life, or a full pipe would stall it.
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout.add(chunk);
      if (ready) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = listeningLine.exec(line);
        if (!match) continue;
        ready = true;
        clearTimeout(timer);
        const baseUrl = new URL(match[1]).origin;
        resolvePromise({ baseUrl, process: child, output: () => describeOutput(stdout, stderr) });
        return;
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => stderr.add(chunk));
    child.on('error', (error) => fail(`could not start ${binary}: ${error.message}`));
    // 'close' comes after both pipes are drained, so the message shows everything it wrote.
    child.on('close', (code, signal) =>
      fail(`signs serve ended before it was ready (${signal ?? `status ${code}`})`));
  });
}

/** Stops a server started by startServer: SIGTERM, then SIGKILL if it has not ended in 10 s. */
export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await ended;
  clearTimeout(timer);
}

/** Launches Debian's Chromium, headless. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.SIGNS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}

/**
 * Opens a page in a new browser context (its own cookies) and closes the context when the
 * test `t` ends. The page records uncaught script errors and Content-Security-Policy
 * violations, which assertNoScriptProblems checks.
 */
export async function openPage(browser, t) {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  t?.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  scriptProblems.set(page, problems);
  return page;
}

const scriptProblems = new WeakMap();

/** Fails if the page threw an uncaught error or broke its Content-Security-Policy. */
export function assertNoScriptProblems(page) {
  const problems = scriptProblems.get(page) ?? [];
  assert.deepEqual(problems, [], `script problems on ${page.url()}:\n${problems.join('\n')}`);
}

let axeSource;

/**
 * Runs axe-core on the page as it is now and fails on any violation, listing each rule, what
 * it asks for and the elements that broke it.
 *
 * axe is evaluated through the DevTools protocol rather than added as a <script> tag: our
 * Content-Security-Policy forbids inline scripts, and evaluation this way is not subject to
 * the page's policy, so the policy stays on for the test as it is for users.
 */
export async function checkAccessibility(page, options = {}) {
  axeSource ??= await readFile(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(`${axeSource}\n;undefined`);
  }
  const results = await page.evaluate((runOptions) => window.axe.run(document, runOptions), options);
  const report = results.violations.map((violation) => [
    `${violation.id} (${violation.impact}): ${violation.help}`,
    `  ${violation.helpUrl}`,
    ...violation.nodes.map((node) =>
      `  at ${node.target.join(' ')}\n    ${node.failureSummary.replaceAll('\n', '\n    ')}`),
  ].join('\n'));
  assert.equal(results.violations.length, 0,
    `${results.violations.length} accessibility violation(s) on ${page.url()}:\n${report.join('\n')}`);
}

/** The page's visible text. */
export function bodyText(page) {
  return page.locator('body').innerText();
}

/** Fills the three boxes of the GOV.UK date input whose legend is `legend`. */
export async function fillDate(page, legend, day, month, year) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** Fills the hour and minute boxes of the time input whose legend is `legend`. */
export async function fillTime(page, legend, hour, minute) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Hour').fill(hour);
  await group.getByLabel('Minute').fill(minute);
}

/**
 * Registers before/after hooks for the calling test file: a data directory with a migrated
 * database and the administrator, a running server, and a browser. Returns an object whose
 * fields are filled in by the time the tests run.
 */
// The server's "today" is the London date; tests work dates out from it, never write them in.
// Dates are milliseconds at UTC midnight of the London calendar day.
export const londonToday = (() => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric',
  }).formatToParts(new Date()).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day);
})();

/** The London date `offset` days from today, as the boxes of a date input and as the server writes it. */
export function londonDate(offset) {
  const date = new Date(londonToday + offset * 86_400_000);
  return {
    boxes: [String(date.getUTCDate()), String(date.getUTCMonth() + 1), String(date.getUTCFullYear())],
    text: new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric',
    }).format(date),
  };
}

export const isoDate = (day) => new Date(day).toISOString().slice(0, 10);

/** The instant of a London wall-clock time, worked out with Node's own time-zone data. */
export function londonInstant(day, hour, minute) {
  const guess = day + (hour * 60 + minute) * 60_000;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(new Date(guess)).map(({ type, value }) => [type, Number(value)]));
  const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return new Date(guess - (shown - guess));
}

/**
 * Clicks the button that posts the page's form, waits for the page that comes back to load (so
 * nothing is read from the page before), and resolves to the status the POST answered with.
 */
export async function submit(page, name) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return response.status();
}

/**
 * Records a child through the form and opens a case for them; `level` matches the start of
 * the level's label ("Child in need"). The level starts today, or on `levelFrom` (date boxes).
 */
export async function addChildWithCase(page, app, { first, last, born, sex, level, reason, levelFrom }) {
  await page.goto(app.url('/children/new'));
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await fillDate(page, 'Date of birth', ...born);
  await page.getByLabel(sex, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Add child' }).click();
  await page.getByRole('button', { name: 'Open a case' }).click();
  await page.getByLabel(new RegExp(`^${level}`)).check();
  if (levelFrom) await fillDate(page, 'Date this level starts', ...levelFrom);
  await page.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await page.getByRole('button', { name: 'Open case' }).click();
}

export function useSigns() {
  const app = {
    baseUrl: undefined,
    browser: undefined,
    dataDir: undefined,
    server: undefined,
    /** An absolute URL on the server under test. */
    url(path) {
      return new URL(path, app.baseUrl).href;
    },
    /** A new page in its own browser context, closed when test `t` ends. */
    newPage(t) {
      return openPage(app.browser, t);
    },
    /** Signs in through the form and waits for the home page. */
    async signIn(page, email, password) {
      await page.goto(app.url('/sign-in'));
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
    },
  };

  before(async () => {
    try {
      await access(binary, constants.X_OK);
    } catch {
      throw new Error(`no signs executable at ${binary}: build it first, or set SIGNS_BINARY`);
    }
    app.dataDir = await mkdtemp(join(tmpdir(), 'signs-browser-'));
    await runSigns(['db', 'migrate', '--data-dir', app.dataDir]);
    await runSigns(['user', 'add', admin.email, '--name', admin.name, '--role', 'admin',
      '--data-dir', app.dataDir], { input: `${admin.password}\n` });
    app.server = await startServer(app.dataDir);
    app.baseUrl = app.server.baseUrl;
    app.browser = await launchBrowser();
  });

  after(async () => {
    await app.browser?.close();
    if (app.server) await stopServer(app.server.process);
    if (app.dataDir) await rm(app.dataDir, { recursive: true, force: true });
  });

  return app;
}
