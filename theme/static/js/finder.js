// The adjustment finder, its result lists and the adjustment plan. Each enhances a page that
// already works without JavaScript. Choices live in the URL only:
//   ?d=<difficulty>&d=...  &s=<setting>  &a=<adjustment>&a=...
// Nothing is stored or sent: no cookies, no storage, and the only request is for the finder's
// own data file. Text is always set with textContent, never as HTML.
// rank() mirrors plugins/finder/ranking.py and the card text mirrors finder-macros.html.
"use strict";

(function () {
  var KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  // ----- the URL -------------------------------------------------------------------------------

  function readList(params, name) {
    // Lenient: a value may hold several keys separated by commas, in any case, with spaces.
    var keys = [];
    params.getAll(name).forEach(function (value) {
      value.split(",").forEach(function (part) {
        var key = part.trim().toLowerCase();
        if (KEY.test(key) && keys.indexOf(key) === -1) keys.push(key);
      });
    });
    return keys;
  }

  // Unknown keys and garbled values are dropped; difficulties come back in taxonomy order.
  function readChoice(search, known) {
    var params = new URLSearchParams(search);
    var d = readList(params, "d");
    var s = readList(params, "s").filter(function (key) { return known.s.indexOf(key) !== -1; });
    return {
      d: known.d.filter(function (key) { return d.indexOf(key) !== -1; }),
      s: s[0] || "",
      a: readList(params, "a").filter(function (key) { return known.a.indexOf(key) !== -1; })
    };
  }

  function queryOf(choice) {
    var params = new URLSearchParams();
    choice.d.forEach(function (key) { params.append("d", key); });
    if (choice.s) params.append("s", choice.s);
    choice.a.forEach(function (key) { params.append("a", key); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function sameChoice(one, other) { return queryOf(one) === queryOf(other); }

  // ----- ranking (as plugins/finder/ranking.py) -------------------------------------------------

  function keysOf(pairs) { return pairs.map(function (pair) { return pair[0]; }); }

  function labelOf(pairs, key) {
    for (var i = 0; i < pairs.length; i++) if (pairs[i][0] === key) return pairs[i][1];
    return key;
  }

  function positionOf(pairs, key) {
    var index = keysOf(pairs).indexOf(key);
    return index === -1 ? 99 : index;
  }

  function rank(data, choice) {
    var settings = keysOf(data.settings);
    var results = [];
    data.adjustments.forEach(function (a) {
      var covers = choice.d.filter(function (key) { return a.difficulties.indexOf(key) !== -1; });
      var score = choice.s ? (a.fit[choice.s] || 0)
        : settings.reduce(function (sum, s) { return sum + (a.fit[s] || 0); }, 0);
      if (covers.length && score > 0) results.push({adjustment: a, score: score, covers: covers});
    });
    results.sort(function (x, y) {
      var a = x.adjustment, b = y.adjustment;
      return (y.score - x.score) || (y.covers.length - x.covers.length) ||
        (positionOf(data.cost_bands, a.cost_band) - positionOf(data.cost_bands, b.cost_band)) ||
        (positionOf(data.costs, a.cost) - positionOf(data.costs, b.cost)) ||
        (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
    });
    return results;
  }

  // ----- result cards (as finder-macros.html) ---------------------------------------------------

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function lowerFirst(text) { return text.charAt(0).toLowerCase() + text.slice(1); }

  function fitText(data, a, setting) {
    if (setting) return data.fit_labels[a.fit[setting] || 0] + " for " + lowerFirst(labelOf(data.settings, setting));
    var best = bestFit(data, a);
    var names = data.settings.filter(function (pair) { return (a.fit[pair[0]] || 0) === best; });
    var where = names.length === data.settings.length ? "every kind of work"
      : names.map(function (pair) { return pair[1].toLowerCase(); }).join(", ");
    return data.fit_labels[best] + " for " + where;
  }

  function bestFit(data, a) {
    return Math.max.apply(null, keysOf(data.settings).map(function (s) { return a.fit[s] || 0; }));
  }

  function costText(data, a) {
    var cost = labelOf(data.costs, a.cost);
    return a.cost_band === "free" ? cost : cost + ", " + lowerFirst(labelOf(data.cost_bands, a.cost_band));
  }

  function card(data, result, choice, links) {
    var a = result.adjustment;
    var item = el("li", {"class": "finder-result", "data-slug": a.slug});
    var heading = el("h3", {"class": "finder-result-title"});
    heading.appendChild(el("a", {href: links.site + "/" + a.url}, a.title));
    item.appendChild(heading);
    item.appendChild(el("p", {"class": "result-summary"}, a.summary));
    var badges = el("ul", {"class": "badges"});
    var score = choice.s ? (a.fit[choice.s] || 0) : bestFit(data, a);
    badges.appendChild(el("li", {"class": "badge badge-fit badge-fit-" + score}, fitText(data, a, choice.s)));
    badges.appendChild(el("li", {"class": "badge badge-cost"}, costText(data, a)));
    if (a.access_to_work) badges.appendChild(el("li", {"class": "badge badge-funding"}, "Access to Work may help fund it"));
    badges.appendChild(el("li", {"class": "badge badge-when"}, "Used " + lowerFirst(labelOf(data.when, a.when))));
    item.appendChild(badges);
    var helps = el("p", {"class": "helps-with"}, "Helps with: ");
    a.difficulties.forEach(function (key, index) {
      var label = labelOf(data.difficulties, key);
      helps.appendChild(choice.d.indexOf(key) !== -1 ? el("strong", {}, label) : document.createTextNode(label));
      if (index < a.difficulties.length - 1) helps.appendChild(document.createTextNode("; "));
    });
    item.appendChild(helps);
    var action = el("p", {"class": "result-action"});
    var add = el("a", {"class": "plan-add", href: links.site + "/" + links.plan + "?a=" + a.slug + "#plan-" + a.slug}, "Add to plan");
    add.appendChild(el("span", {"class": "visually-hidden"}, ": " + a.title));
    action.appendChild(add);
    item.appendChild(action);
    return item;
  }

  // ----- "Add to plan" on any result list --------------------------------------------------------

  // basket: {get() -> slugs, set(slugs), href() -> the plan page's URL for them}
  function enhancePicker(list, bar, basket) {
    list.querySelectorAll(".finder-result").forEach(function (item) {
      var link = item.querySelector("a.plan-add");
      if (!link) return;
      var slug = item.getAttribute("data-slug");
      var title = item.querySelector(".finder-result-title").textContent;
      var button = el("button", {type: "button", "class": "plan-toggle", "data-title": title});
      link.parentNode.replaceChild(button, link);
      button.addEventListener("click", function () {
        var slugs = basket.get().slice();
        var at = slugs.indexOf(slug);
        if (at === -1) slugs.push(slug); else slugs.splice(at, 1);
        basket.set(slugs);
        refreshPicker(list, bar, basket);
      });
    });
    refreshPicker(list, bar, basket);
  }

  function refreshPicker(list, bar, basket) {
    var slugs = basket.get();
    list.querySelectorAll(".finder-result").forEach(function (item) {
      var button = item.querySelector(".plan-toggle");
      if (!button) return;
      var inPlan = slugs.indexOf(item.getAttribute("data-slug")) !== -1;
      item.classList.toggle("in-plan", inPlan);
      button.textContent = inPlan ? "Remove from plan" : "Add to plan";
      button.appendChild(el("span", {"class": "visually-hidden"}, ": " + button.getAttribute("data-title")));
    });
    if (!bar) return;
    bar.hidden = false;
    bar.classList.toggle("has-items", slugs.length > 0);
    bar.querySelector(".plan-bar-count").textContent = slugs.length === 0
      ? "Your plan is empty. Use \u201cAdd to plan\u201d on the adjustments you want to agree."
      : "Your plan has " + slugs.length + (slugs.length === 1 ? " adjustment." : " adjustments.");
    bar.querySelector(".plan-bar-action").hidden = slugs.length === 0;
    bar.querySelector(".plan-bar-link").setAttribute("href", basket.href());
  }

  // A static result page (/finder/<difficulty>/ and /finder/<difficulty>/<setting>/).
  function initStaticPicker(list) {
    var planBase = list.getAttribute("data-plan-href");
    var onPage = Array.prototype.map.call(list.querySelectorAll(".finder-result"), function (item) {
      return item.getAttribute("data-slug");
    });
    var fixed = {
      d: (list.getAttribute("data-difficulties") || "").split(",").filter(Boolean),
      s: list.getAttribute("data-setting") || ""
    };
    var state = readChoice(location.search, {d: [], s: [], a: onPage});
    var basket = {
      get: function () { return state.a; },
      set: function (slugs) {
        state.a = slugs;
        history.replaceState(history.state, "", location.pathname + queryOf({d: [], s: "", a: slugs}));
      },
      href: function () { return planBase + queryOf({d: fixed.d, s: fixed.s, a: state.a}); }
    };
    enhancePicker(list, document.querySelector(".plan-bar"), basket);
  }

  // ----- the finder page ----------------------------------------------------------------------

  function initFinder(form) {
    var section = document.querySelector(".finder-results");
    var list = section.querySelector(".result-list");
    var summary = section.querySelector(".finder-summary");
    var heading = section.querySelector("h2");
    var status = form.querySelector(".finder-status");
    var bar = section.querySelector(".plan-bar");
    var links = {site: form.getAttribute("data-site-url"), plan: form.getAttribute("data-plan-url")};

    fetch(form.getAttribute("data-finder-data"), {credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("finder data: HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { start(data); })
      .catch(function () {
        form.hidden = false;
        form.querySelector(".finder-columns").hidden = true;
        form.querySelector(".finder-submit").hidden = true;
        status.textContent = "The finder could not load its list of adjustments. " +
          "Browse by difficulty and kind of work below instead.";
      });

    function start(data) {
      var known = {d: keysOf(data.difficulties), s: keysOf(data.settings),
                   a: data.adjustments.map(function (a) { return a.slug; })};
      var choice = readChoice(location.search, known);
      var basket = {
        get: function () { return choice.a; },
        set: function (slugs) {
          choice.a = slugs;
          // The plan is a basket, not a step: it changes the URL without a new history entry.
          history.replaceState(history.state, "", location.pathname + queryOf(choice));
        },
        href: function () { return links.site + "/" + links.plan + queryOf(choice); }
      };

      function fromForm() {
        var d = Array.prototype.map.call(form.querySelectorAll("input[name=d]:checked"), function (input) { return input.value; });
        var s = form.querySelector("input[name=s]:checked");
        return {d: known.d.filter(function (key) { return d.indexOf(key) !== -1; }),
                s: s ? s.value : "", a: choice.a};
      }

      function toForm() {
        form.querySelectorAll("input[name=d]").forEach(function (input) {
          input.checked = choice.d.indexOf(input.value) !== -1;
        });
        form.querySelectorAll("input[name=s]").forEach(function (input) {
          input.checked = input.value === choice.s;
        });
      }

      function render(announce) {
        list.replaceChildren();
        if (!choice.d.length) {
          section.hidden = true;
          status.textContent = announce ? "Choose at least one difficulty to see adjustments." : "";
          return;
        }
        var results = rank(data, choice);
        var names = choice.d.map(function (key) { return lowerFirst(labelOf(data.difficulties, key)); });
        summary.textContent = results.length + (results.length === 1 ? " adjustment" : " adjustments") +
          " for " + names.join(" and ") + (choice.s
            ? ", best fit for " + lowerFirst(labelOf(data.settings, choice.s)) + " first."
            : ", ranked across every kind of work. Choose a kind of work to rank them for it.");
        results.forEach(function (result) { list.appendChild(card(data, result, choice, links)); });
        section.hidden = false;
        status.textContent = announce ? summary.textContent : "";
        enhancePicker(list, bar, basket);
      }

      function choose(focusResults) {
        var next = fromForm();
        if (!sameChoice(next, choice)) {
          choice = next;
          history.pushState(null, "", location.pathname + queryOf(choice));
        }
        render(true);
        if (focusResults && !section.hidden) heading.focus();
      }

      form.addEventListener("change", function () { choose(false); });
      form.addEventListener("submit", function (event) { event.preventDefault(); choose(true); });
      window.addEventListener("popstate", function () {
        choice = readChoice(location.search, known);
        toForm();
        render(true);
      });

      toForm();
      form.hidden = false;  // only now: the choices it shows are the URL's
      // Show the URL without the parts that were ignored, so it is safe to share.
      history.replaceState(null, "", location.pathname + queryOf(choice) + location.hash);
      render(false);
    }
  }

  // ----- the plan page ------------------------------------------------------------------------

  function isoDate(date) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function addDays(iso, days) {
    var parts = iso.split("-").map(Number);
    return isoDate(new Date(parts[0], parts[1] - 1, parts[2] + days));
  }

  function initPlan(plan) {
    function values(name) {
      return Array.prototype.map.call(plan.querySelectorAll("input[name=" + name + "]"), function (input) { return input.value; });
    }
    function ticked(name) {
      return Array.prototype.filter.call(plan.querySelectorAll("input[name=" + name + "]"), function (input) { return input.checked; })
        .map(function (input) { return input.value; });
    }
    function tick(name, keys) {
      plan.querySelectorAll("input[name=" + name + "]").forEach(function (input) {
        input.checked = keys.indexOf(input.value) !== -1;
      });
    }

    var choice = readChoice(location.search, {d: values("d"), s: values("s"), a: values("a")});
    if (choice.d.length) tick("d", choice.d);
    if (choice.s) tick("s", [choice.s]);
    if (choice.a.length) {
      tick("a", choice.a);
      // Show the chosen adjustments; the rest wait behind a button.
      var hidden = 0;
      plan.querySelectorAll(".plan-item").forEach(function (item) {
        var chosen = item.querySelector("input[name=a]").checked;
        item.hidden = !chosen;
        if (!chosen) hidden += 1;
      });
      var more = plan.querySelector(".plan-more");
      if (hidden) {
        more.hidden = false;
        more.querySelector("button").addEventListener("click", function () {
          plan.querySelectorAll(".plan-item").forEach(function (item) { item.hidden = false; });
          more.hidden = true;
        });
      }
    }

    // The ticks stay in the URL, so the plan's choices can be bookmarked; typed details never are.
    plan.addEventListener("change", function (event) {
      if (["a", "d", "s"].indexOf(event.target.name) === -1) return;
      history.replaceState(history.state, "", location.pathname +
        queryOf({d: ticked("d"), s: ticked("s")[0] || "", a: ticked("a")}) + location.hash);
    });

    var agreed = plan.querySelector("#plan-agreed");
    var review = plan.querySelector("#plan-review");
    var weeks = Number(plan.getAttribute("data-review-weeks")) || 4;
    var reviewTouched = false;
    if (!agreed.value) agreed.value = isoDate(new Date());
    if (!review.value) review.value = addDays(agreed.value, weeks * 7);
    review.addEventListener("input", function () { reviewTouched = true; });
    agreed.addEventListener("change", function () {
      if (!reviewTouched && agreed.value) review.value = addDays(agreed.value, weeks * 7);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('[data-module="finder"]').forEach(initFinder);
    document.querySelectorAll('[data-module="plan-picker"]').forEach(initStaticPicker);
    document.querySelectorAll('[data-module="finder-plan"]').forEach(initPlan);
  });
}());
