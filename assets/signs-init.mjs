// Starts the JavaScript of GOV.UK Frontend and MOJ Frontend components on the page.
//
// The GOV.UK guidance starts components with an inline <script type="module"> block. Our
// Content-Security-Policy allows no inline scripts, so that step lives in this external module,
// loaded at the end of <body>:
//
//   <script type="module" src="/assets/.../signs-init.mjs"></script>
//
// Both packages ship their minified JavaScript (govuk-frontend.min.js, moj-frontend.min.js) as
// ES modules that export initAll and set no global, so they are imported by a path relative to
// this file: serve all three from the same folder. If a page has loaded the older global bundles
// instead (window.GOVUKFrontend, window.MOJFrontend), those are used as they are.
//
// Every page works without this script; it only enhances. A library that fails to load or start
// is reported on the console and the other one still starts.

const libraries = [
  ['GOVUKFrontend', './govuk-frontend.min.js'],
  ['MOJFrontend', './moj-frontend.min.js'],
];

for (const [globalName, file] of libraries) {
  try {
    const library = window[globalName] ?? (await import(file));
    library.initAll();
  } catch (error) {
    console.error(`signs: could not start ${globalName}`, error);
  }
}

// Forms that send in the background, only where a page has them.
if (document.querySelector('form[data-signs-stay]')) {
  try {
    await import('./signs-stay.mjs');
  } catch (error) {
    console.error('signs: could not start forms that stay on the page', error);
  }
}

// Plainer-word suggestions as people write, only where a page has a box for them.
if (document.querySelector('textarea[data-signs-plain]')) {
  try {
    await import('./signs-plain.mjs');
  } catch (error) {
    console.error('signs: could not start plain-word suggestions', error);
  }
}

// A file larger than the server takes is refused here, before minutes of uploading end in a
// closed connection. The server checks again; this only spares the wait. The message is an
// alert, as it appears without a page load, and goes when a file that fits is chosen; an error
// the server gave with the page stays until the form is sent again.
for (const input of document.querySelectorAll('input[type=file][data-max-bytes]')) {
  const group = input.closest('.govuk-form-group');
  const describedBy = input.getAttribute('aria-describedby') ?? '';
  const serverError = group.classList.contains('govuk-form-group--error');
  input.addEventListener('change', () => {
    group.querySelector('.signs-file-too-large')?.remove();
    const file = input.files[0];
    const tooLarge = Boolean(file && file.size > Number(input.dataset.maxBytes));
    group.classList.toggle('govuk-form-group--error', serverError || tooLarge);
    input.classList.toggle('govuk-file-upload--error', serverError || tooLarge);
    const messageId = `${input.id}-too-large`;
    const ids = tooLarge ? `${describedBy} ${messageId}`.trim() : describedBy;
    if (ids) input.setAttribute('aria-describedby', ids);
    else input.removeAttribute('aria-describedby');
    if (!tooLarge) return;
    const message = document.createElement('p');
    message.className = 'govuk-error-message signs-file-too-large';
    message.id = messageId;
    message.setAttribute('role', 'alert');
    message.innerHTML = '<span class="govuk-visually-hidden">Error:</span> ';
    message.append(`${file.name} is larger than ${input.dataset.maxMib} MB. Choose a smaller file.`);
    input.before(message);
    input.value = '';
  });
}
