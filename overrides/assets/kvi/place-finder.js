// Place finder: suggests towns by name or postcode as the reader types and opens the
// district page at the town's row. Umlauts may be typed as ae/oe/ue. The list of places
// (daten/orte.json) is fetched on first use only.
(function () {
  "use strict";
  var form = document.querySelector(".kvi-finder");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector(".kvi-finder__list");
  var status = form.querySelector(".kvi-finder__status");
  var text = JSON.parse(document.getElementById("kvi-finder-strings").textContent);
  var base = new URL(form.getAttribute("data-base"), location.href);
  var places = null;
  var matches = [];
  var active = -1;

  // Two spellings of every name and query: "Köln" is both "koeln" and "koln".
  function plain(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  function fold(value) {
    var lower = value.toLowerCase();
    var spelled = lower.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
    return [plain(spelled), plain(lower.replace(/ß/g, "ss"))];
  }

  function position(place, query) {
    var a = place.keys[0].indexOf(query[0]);
    var b = place.keys[1].indexOf(query[1]);
    if (a === 0 || b === 0) return 0;
    return a > 0 || b > 0 ? 1 : -1;
  }

  function load() {
    if (!places) {
      places = fetch(form.getAttribute("data-places")).then(function (response) {
        return response.json();
      }).then(function (data) {
        data.forEach(function (place) { place.keys = fold(place.name); });
        return data;
      });
    }
    return places;
  }

  function find(data, query) {
    var q = fold(query);
    if (!q[0]) return [];
    if (/^[0-9]+$/.test(q[0])) {
      return data.filter(function (p) {
        return p.postcodes.some(function (code) { return code.indexOf(q[0]) === 0; });
      }).slice(0, 8);
    }
    var starts = data.filter(function (p) { return position(p, q) === 0; });
    var inside = data.filter(function (p) { return position(p, q) === 1; });
    return starts.concat(inside).slice(0, 8);
  }

  function target(place) {
    return new URL(place.page + "#ort-" + place.id, base).href;
  }

  function show(found) {
    matches = found;
    active = -1;
    list.replaceChildren.apply(list, found.map(function (place, index) {
      var li = document.createElement("li");
      li.id = "kvi-finder-option-" + index;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var link = document.createElement("a");
      link.href = target(place);
      link.tabIndex = -1;
      link.textContent = place.name + " (" + place.district + ")";
      var office = document.createElement("span");
      office.textContent = text.office.replace("{office}", place.office);
      li.appendChild(link);
      li.appendChild(office);
      return li;
    }));
    list.hidden = !found.length;
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    status.textContent = input.value.trim()
      ? (found.length ? text.count.replace("{count}", found.length) : text.none) : "";
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (options[index]) input.setAttribute("aria-activedescendant", options[index].id);
  }

  input.addEventListener("input", function () {
    var query = input.value;
    load().then(function (data) {
      if (input.value === query) show(find(data, query));
    });
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && matches.length) {
      event.preventDefault();
      highlight((active + 1) % matches.length);
    } else if (event.key === "ArrowUp" && matches.length) {
      event.preventDefault();
      highlight((active - 1 + matches.length) % matches.length);
    } else if (event.key === "Escape") {
      show([]);
    }
  });
  form.addEventListener("submit", function (event) {
    var choice = matches[active >= 0 ? active : 0];
    if (choice) {
      event.preventDefault();
      location.href = target(choice);
    } else if (input.value.trim()) {
      event.preventDefault();
      load().then(function (data) {
        var found = find(data, input.value);
        if (found.length) location.href = target(found[0]); else show([]);
      });
    }
  });
})();
