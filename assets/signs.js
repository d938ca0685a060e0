// Tells the stylesheets that JavaScript runs on this page.
//
// GOV.UK Frontend's page template does this with an inline <script> at the top of <body>.
// Our Content-Security-Policy allows no inline scripts, so the same step lives in this file,
// loaded as a classic (non-module) script as the first thing in <body>:
//
//   <body class="govuk-template__body">
//     <script src="/assets/.../signs.js"></script>
//
// "js-enabled" switches on the styles for enhanced components. "govuk-frontend-supported" is
// added only where the browser understands ES modules (the same test GOV.UK Frontend uses),
// because the component scripts are modules and initAll does nothing without that class.
(function () {
  var body = document.body;
  if (!body) return;
  body.classList.add('js-enabled');
  if ('noModule' in HTMLScriptElement.prototype) {
    body.classList.add('govuk-frontend-supported');
  }
})();
