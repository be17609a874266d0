
(function () {
  'use strict';
  // Filters: progressive enhancement only. Without this script the filter bar stays hidden and
  // every rule and finding is shown. Hiding is done by toggling the "filtered-out" class, which
  // only the screen stylesheet honours, so a printout always holds the whole report.
  var bar = document.getElementById('filters');
  if (bar) {
    var rules = Array.prototype.slice.call(document.querySelectorAll('article.rule'));
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr.finding'));
    var areas = Array.prototype.slice.call(document.querySelectorAll('section.area'));
    var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[type=checkbox]'));
    var count = document.getElementById('filter-count');
    var selected = function (name) {
      var on = {};
      boxes.forEach(function (box) {
        if (box.name === name) { on[box.value] = box.checked; }
      });
      return on;
    };
    var apply = function () {
      var status = selected('status');
      var severity = selected('severity');
      var shown = 0;
      rules.forEach(function (rule) {
        // A rule with findings is shown when one of its findings has a selected severity; a rule
        // without findings by its own severity.
        var found = (rule.getAttribute('data-finding-severities') || '').split(' ').filter(Boolean);
        var bySeverity = found.length > 0
          ? found.some(function (s) { return severity[s]; })
          : severity[rule.getAttribute('data-severity')];
        var hide = !status[rule.getAttribute('data-status')] || !bySeverity;
        rule.classList.toggle('filtered-out', hide);
        if (!hide) { shown += 1; }
      });
      rows.forEach(function (row) {
        row.classList.toggle('filtered-out', !severity[row.getAttribute('data-severity')]);
      });
      areas.forEach(function (area) {
        area.classList.toggle('filtered-out', !area.querySelector('article.rule:not(.filtered-out)'));
      });
      if (count) {
        count.textContent = 'Showing ' + shown + ' of ' + rules.length + ' rules';
      }
    };
    bar.addEventListener('change', apply);
    var reset = document.getElementById('filter-reset');
    if (reset) {
      reset.addEventListener('click', function () {
        boxes.forEach(function (box) { box.checked = true; });
        apply();
      });
    }
    bar.hidden = false;
    apply();
  }

  // Printing: open every collapsed section, and close again the ones we opened afterwards.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
}());
