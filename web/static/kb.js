// kb progressive enhancement: every page works without this file; it only adds the "/" shortcut, copy buttons
// and autocomplete suggestions.
(function () {
  'use strict';

  function isTyping(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  // "/" focuses the search box, as on most documentation sites; ignored while typing in a field.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      return;
    }
    var box = document.getElementById('q');
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  // Fallback when the async Clipboard API is unavailable (e.g. plain http on a LAN address).
  function copyWithSelection(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function announce(button, message) {
    var original = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', original);
    button.textContent = message;
    window.setTimeout(function () { button.textContent = original; }, 2000);
  }

  function setUpCopyButtons() {
    var buttons = document.querySelectorAll('button.copy-citation[data-copy]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.setAttribute('aria-live', 'polite');
      button.addEventListener('click', function () {
        var text = button.getAttribute('data-copy');
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(
            function () { announce(button, 'Copied'); },
            function () { announce(button, copyWithSelection(text) ? 'Copied' : 'Copy failed'); });
        } else {
          announce(button, copyWithSelection(text) ? 'Copied' : 'Copy failed');
        }
      });
    });
  }

  // Autocomplete: fills the search box's native <datalist> from /api/suggest as the person types (headings,
  // titles and indexed words). Without JavaScript the box is a plain search box.
  function setUpSuggestions() {
    var box = document.getElementById('q');
    var list = document.getElementById('q-suggestions');
    if (!box || !list || !window.fetch) {
      return;
    }
    var timer = null;
    var latest = 0;
    box.addEventListener('input', function () {
      window.clearTimeout(timer);
      var typed = box.value;
      if (typed.trim().length < 2) {
        list.textContent = '';
        return;
      }
      timer = window.setTimeout(function () {
        var ticket = ++latest;
        fetch('/api/suggest?q=' + encodeURIComponent(typed), { headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            if (ticket !== latest) {
              return; // a newer request is under way; its answer wins
            }
            list.textContent = '';
            data.suggestions.forEach(function (s) {
              var option = document.createElement('option');
              option.value = s.text;
              list.appendChild(option);
            });
          })
          .catch(function () { list.textContent = ''; });
      }, 150);
    });
  }

  function setUp() {
    setUpCopyButtons();
    setUpSuggestions();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
