// Forms marked data-signs-stay are sent in the background and the page's main content is
// replaced by the page the server answers with, so someone adding entry after entry to a
// mapping keeps their place instead of being sent back to the top each time.
//
// Without JavaScript the same forms post and redirect back as usual; the server does all the
// work either way, and this file only changes how the answer is shown. A form whose answer is
// not a page with main content (a network failure, say) is sent again the ordinary way only
// when nothing can have been saved; otherwise the page is reloaded.

const status = document.createElement('div');
status.className = 'govuk-visually-hidden';
status.setAttribute('role', 'status');
document.body.append(status);

function firstField(form) {
  return form.querySelector('textarea, input:not([type="hidden"]), select');
}

function afterSwap(main, action, failed) {
  if (failed) {
    const summary = main.querySelector('.govuk-error-summary');
    if (summary) {
      summary.setAttribute('tabindex', '-1');
      summary.focus();
    }
    return;
  }
  // The banner belongs to a whole page; here the live region says the same thing in place.
  main.querySelector('.govuk-notification-banner')?.remove();
  status.textContent = 'Saved';
  const again = [...main.querySelectorAll('form')].find((f) => f.action === action);
  if (again) firstField(again)?.focus({ preventScroll: true });
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-signs-stay')) return;
  event.preventDefault();
  if (form.dataset.signsSending) return;  // one send per click, however impatient
  form.dataset.signsSending = 'yes';
  status.textContent = '';
  let response;
  try {
    response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form, event.submitter)),
      credentials: 'same-origin',
      headers: { Accept: 'text/html' },
    });
  } catch {
    delete form.dataset.signsSending;
    form.submit();  // the request never reached the server
    return;
  }
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const next = page.getElementById('main-content');
  const main = document.getElementById('main-content');
  if (!next || !main) {
    window.location.reload();
    return;
  }
  const action = form.action;
  main.replaceChildren(...[...next.childNodes].map((node) => document.adoptNode(node)));
  document.title = page.title;
  afterSwap(main, action, !response.ok);
  document.dispatchEvent(new CustomEvent('signs:updated', { detail: { status: response.status } }));
});
