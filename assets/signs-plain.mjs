// Suggests plainer words while someone writes in a textarea marked data-signs-plain.
//
// A pause in typing sends the text to POST /api/v1/language/check (with the page's session and
// CSRF token) and lists the words a family might not use, with what to write instead, below
// the box. Nothing is ever blocked: the same suggestions appear after saving without this
// script. Listeners sit on the document, so boxes a background save puts on the page
// (signs-stay.mjs) are covered too.

const pauseMs = 400;
const timers = new WeakMap();
const lastSent = new WeakMap();

function hintsFor(box) {
  const id = `${box.id}-plain`;
  let hints = document.getElementById(id);
  if (!hints) {
    hints = document.createElement('div');
    hints.id = id;
    hints.className = 'signs-plain-hints';
    // Polite, and only rewritten when what it says changes, so a screen reader is not
    // interrupted at every pause.
    hints.setAttribute('aria-live', 'polite');
    box.after(hints);
  }
  return hints;
}

function csrfToken(box) {
  return (box.form ?? document).querySelector('input[name="csrf_token"]')?.value ?? '';
}

// A term finding names its glossary entry by its place in report.terms.
function describe(report) {
  const seen = new Set();
  const terms = [];
  let long = 0;
  let passive = 0;
  for (const f of report.findings) {
    if (f.kind === 'long-sentence') long += 1;
    else if (f.kind === 'passive') passive += 1;
    else if (!seen.has(f.words.toLowerCase())) {
      seen.add(f.words.toLowerCase());
      const term = report.terms[f.term];
      terms.push({ words: f.words, suggestion: term.suggestion, reason: term.reason });
    }
  }
  return { terms, long, passive };
}

function show(box, report) {
  const hints = hintsFor(box);
  const { terms, long, passive } = describe(report);
  // Everything the hints say, so a council's new wording for a word already shown is shown.
  const key = JSON.stringify([terms.map((t) => [t.words, t.suggestion, t.reason]), long, passive]);
  if (hints.dataset.key === key) return;
  hints.dataset.key = key;
  hints.replaceChildren();
  if (!terms.length && !long && !passive) return;
  const heading = document.createElement('p');
  heading.className = 'govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1';
  heading.textContent = 'Words a family might find hard';
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-list--bullet govuk-body-s';
  for (const t of terms) {
    const item = document.createElement('li');
    const words = document.createElement('strong');
    words.textContent = t.words;
    item.append(words, `. Instead: ${t.suggestion}. ${t.reason}.`);
    list.append(item);
  }
  if (long) {
    const item = document.createElement('li');
    item.textContent = long === 1
      ? 'One sentence is over 25 words: try splitting it.'
      : `${long} sentences are over 25 words: try splitting them.`;
    list.append(item);
  }
  if (passive) {
    const item = document.createElement('li');
    item.textContent = 'Say who did what: "we were told" is clearer as "your neighbour told us".';
    list.append(item);
  }
  hints.append(heading, list);
}

async function check(box) {
  const text = box.value;
  if (lastSent.get(box) === text) return;
  lastSent.set(box, text);
  try {
    const response = await fetch('/api/v1/language/check', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken(box) },
      body: JSON.stringify({ text }),
    });
    if (!response.ok || box.value !== text) {
      forget(box, text);
      return;
    }
    show(box, await response.json());
  } catch {
    // Suggestions are a help, not a step: a failed check just shows none.
    forget(box, text);
  }
}

// An answer set aside (the words changed while it was on its way) or never received leaves
// these words unchecked, so the same words typed again, by undoing say, are sent again.
function forget(box, text) {
  if (lastSent.get(box) === text) lastSent.delete(box);
}

const isPlainBox = (box) => box instanceof HTMLTextAreaElement && box.hasAttribute('data-signs-plain');

// The live region is put in place, empty, as soon as someone is in the box: screen readers
// often miss what a live region says when it arrives already saying it.
document.addEventListener('focusin', (event) => {
  if (isPlainBox(event.target)) hintsFor(event.target);
});

document.addEventListener('input', (event) => {
  const box = event.target;
  if (!isPlainBox(box)) return;
  clearTimeout(timers.get(box));
  timers.set(box, setTimeout(() => check(box), pauseMs));
});

// Words typed before this script ran (on a slow connection, say) are checked as soon as it
// runs: the box being written in still has the focus.
if (isPlainBox(document.activeElement) && document.activeElement.value.trim()) {
  hintsFor(document.activeElement);
  check(document.activeElement);
}
