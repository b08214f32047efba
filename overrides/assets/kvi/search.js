// Search page: loads Pagefind on first use (typing, submitting, or ?q= in the address),
// queries this language's index and lists results in the reader's language.
(function () {
  "use strict";
  var form = document.querySelector(".kvi-search");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".kvi-search__status");
  var list = document.querySelector(".kvi-search__results");
  var filterBox = document.querySelector(".kvi-search__filters");
  var text = JSON.parse(document.getElementById("kvi-search-strings").textContent);
  var bundle = new URL(form.getAttribute("data-bundle"), location.href);
  var pagefind = null;
  var chosen = {};
  var timer = null;
  var latest = 0;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function load() {
    if (!pagefind) {
      status.textContent = text.loading;
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
        // Result addresses are relative to the site root, which may be a sub-path.
        return module.options({ baseUrl: new URL("../", bundle).pathname }).then(function () {
          return module.init();
        }).then(function () {
          return module.filters();
        }).then(function (filters) {
          showFilters(filters);
          return module;
        });
      });
    }
    return pagefind;
  }

  function showFilters(filters) {
    var names = ["section", "audience", "help", "district"].filter(function (name) {
      return filters[name] && Object.keys(filters[name]).length;
    });
    if (!names.length) return;
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = text.filters;
    fieldset.appendChild(legend);
    names.forEach(function (name) {
      var id = "kvi-filter-" + name;
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = text[name];
      var select = document.createElement("select");
      select.id = id;
      select.appendChild(new Option(text.any, ""));
      Object.keys(filters[name]).sort().forEach(function (value) {
        select.appendChild(new Option(value, value));
      });
      select.addEventListener("change", function () {
        if (select.value) chosen[name] = [select.value]; else delete chosen[name];
        run();
      });
      var row = document.createElement("div");
      row.appendChild(label);
      row.appendChild(select);
      fieldset.appendChild(row);
    });
    filterBox.appendChild(fieldset);
    filterBox.hidden = false;
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    var params = new URLSearchParams(location.search);
    if (query) params.set("q", query); else params.delete("q");
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    load().then(function (module) {
      return module.search(query, { filters: chosen });
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (ticket !== latest) return;
      list.replaceChildren.apply(list, results.map(item));
      status.textContent = results.length
        ? fill(text.count, { count: results.length, query: query })
        : fill(text.none, { query: query });
    }).catch(function () {
      status.textContent = text.error;
    });
  }

  function item(result) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt; // Pagefind escapes page text; only <mark> is markup.
    li.appendChild(link);
    li.appendChild(excerpt);
    return li;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
})();
