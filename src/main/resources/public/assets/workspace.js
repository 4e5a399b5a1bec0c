// Chainline workspace: the little the pages need beyond htmx. No inline script anywhere (the CSP forbids it).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // a form's error summary takes the focus, so that a screen reader reads it first
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
    wireUploads(document);
    wireSliders(document);
  });
  document.addEventListener('htmx:afterSwap', function (e) { wireSliders(e.target); });

  // the chain of command's date slider moves the date field; the field's change re-draws the chart (htmx)
  function wireSliders(root) {
    root.querySelectorAll('input[data-date-slider]').forEach(function (slider) {
      if (slider.dataset.wired) { return; }
      slider.dataset.wired = '1';
      var field = document.getElementById(slider.dataset.dateSlider);
      var start = Date.parse(slider.dataset.from);
      slider.addEventListener('input', function () {
        var day = new Date(start + Number(slider.value) * 86400000);
        field.value = day.toISOString().substring(0, 10);
      });
      slider.addEventListener('change', function () { field.dispatchEvent(new Event('change', {bubbles: true})); });
    });
  }

  // an import's report, field by field, in words
  function report(list, answer) {
    var rows = [['Messages', answer.messages], ['Imported as items', answer.imported], ['Already held', answer.alreadyHeld],
      ['Skipped', answer.skipped], ['Media stored', answer.mediaStored], ['Media copies recognised', answer.mediaCopies],
      ['Files not in the export', answer.notCollected], ['Sources created', answer.sourcesCreated], ['Errors', answer.errorCount],
      ['Journal entries', answer.journalFrom ? answer.journalFrom + '–' + answer.journalTo : 'none'],
      ['SHA-256 of result.json', answer.resultSha256]];
    list.textContent = '';
    rows.forEach(function (r) {
      var dt = document.createElement('dt'); dt.textContent = r[0];
      var dd = document.createElement('dd'); dd.textContent = r[1] === undefined || r[1] === null ? '' : String(r[1]);
      list.appendChild(dt); list.appendChild(dd);
    });
    (answer.errors || []).slice(0, 20).forEach(function (e) {
      var dt = document.createElement('dt'); dt.textContent = 'Message ' + (e.message || '');
      var dd = document.createElement('dd'); dd.textContent = e.field + ': ' + e.reason;
      list.appendChild(dt); list.appendChild(dd);
    });
    list.hidden = false;
  }

  // evidence uploads stream the file to the API with the browser's session, showing progress as it goes
  function wireUploads(root) {
    root.querySelectorAll('form[data-upload]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var input = form.querySelector('input[type=file]');
        var status = document.getElementById(form.dataset.status);
        var bar = document.getElementById(form.dataset.progress);
        if (!input.files.length) { status.textContent = 'Choose a file first.'; return; }
        var file = input.files[0];
        var params = new URLSearchParams();
        form.querySelectorAll('[data-param]').forEach(function (f) { if (f.value) { params.set(f.name, f.value); } });
        if (form.dataset.upload === 'file') { params.set('fileName', file.name); }
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action + '?' + params.toString());
        xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) {
            bar.value = Math.round(100 * e.loaded / e.total);
            status.textContent = e.loaded < e.total ? 'Sending: ' + bar.value + ' %' : 'Sent; hashing and recording…';
          }
        });
        xhr.addEventListener('load', function () {
          var answer = {};
          try { answer = JSON.parse(xhr.responseText); } catch (ignored) { }
          if (xhr.status >= 200 && xhr.status < 300) {
            bar.value = 100;
            var target = form.dataset.done.replace('{id}', encodeURIComponent(answer.evidence || ''));
            if (form.dataset.upload === 'telegram') {
              status.textContent = 'Imported.';
              report(document.getElementById(form.dataset.report), answer);
            } else if (!answer.evidence) {
              // the bytes were held already by an item this account may not be told of (a protected one)
              status.textContent = 'Received: these bytes are held already. Which item holds them is shown to holders of the witness-protection grant.';
            } else {
              status.textContent = 'Received. Opening the item…';
              window.location.assign(target);
            }
          } else if (form.dataset.upload === 'telegram' && answer.errors) {
            status.textContent = 'The export was not imported: it has errors.';
            report(document.getElementById(form.dataset.report), answer);
          } else {
            status.textContent = 'Refused (' + xhr.status + '): ' + (answer.message || xhr.statusText);
          }
        });
        xhr.addEventListener('error', function () { status.textContent = 'The upload did not reach the service.'; });
        status.textContent = 'Sending…';
        xhr.send(file);
      });
    });
  }
})();
