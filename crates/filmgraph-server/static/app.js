// filmgraph UI: autocomplete for every input marked data-suggest.
// Served as a static file so the Content-Security-Policy needs no inline script.
"use strict";
(function () {
  function debounce(fn, ms) {
    let t;
    return function () {
      const args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function attach(input) {
    const list = document.createElement("ul");
    list.className = "suggestions";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    let items = [];
    let active = -1;
    let seq = 0;

    function close() { list.hidden = true; active = -1; }
    function highlight(i) {
      items.forEach(function (li, j) { li.classList.toggle("active", i === j); });
      active = i;
    }
    function render(suggestions) {
      list.textContent = "";
      items = suggestions.map(function (s) {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        const a = document.createElement("a");
        a.href = s.url;
        const title = document.createElement("span");
        title.textContent = s.title + (s.year ? " (" + s.year + ")" : "");
        const kind = document.createElement("span");
        kind.className = "kind kind-" + s.kind;
        kind.textContent = s.kind;
        a.appendChild(title);
        a.appendChild(kind);
        li.appendChild(a);
        list.appendChild(li);
        return li;
      });
      list.hidden = items.length === 0;
      active = -1;
    }
    const fetchSuggestions = debounce(function () {
      const q = input.value.trim();
      if (q.length < 2) { close(); return; }
      const mine = ++seq;
      fetch("/api/suggest?limit=8&q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (mine === seq) render(body.suggestions || []); })
        .catch(close);
    }, 120);

    input.addEventListener("input", fetchSuggestions);
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      } else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggest]").forEach(attach);
  });
})();
