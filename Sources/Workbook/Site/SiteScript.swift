/// The site's only script (`site.js`): progressive enhancement, no framework, no network, works
/// from `file://`. Without it every page is complete; with it the reader gets
/// - copy buttons on code and commands;
/// - explorable cells: the controls of `//| explore:` grids swap the cell's figures and tables;
/// - series toggles under line charts (show or hide one initialiser's curve);
/// - a search box over the whole course, whose index (`search-index.js`) loads on first use.
enum SiteScript {
    /// The contents of `site.js`.
    static let javascript = #"""
        "use strict";
        (function () {
          function make(tag, attributes, text) {
            var element = document.createElement(tag);
            for (var name in attributes) element.setAttribute(name, attributes[name]);
            if (text !== undefined) element.textContent = text;
            return element;
          }

          // Copy buttons on code blocks and commands.
          function copyText(text, done) {
            function fallback() {
              var area = make("textarea", { "aria-hidden": "true", "class": "copy-scratch" });
              area.value = text;
              document.body.appendChild(area);
              area.select();
              var ok = false;
              try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
              area.remove();
              done(ok);
            }
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
            } else {
              fallback();
            }
          }
          function addCopyButtons(root) {
            root.querySelectorAll("pre > code").forEach(function (code) {
              var pre = code.parentElement;
              if (pre.parentElement.classList.contains("copyable")) return;
              var wrapper = make("div", { "class": "copyable" });
              pre.parentNode.insertBefore(wrapper, pre);
              wrapper.appendChild(pre);
              var button = make("button", { "type": "button", "class": "copy-button", "aria-label": "Copy this code" }, "Copy");
              button.addEventListener("click", function () {
                copyText(code.textContent, function (ok) {
                  button.textContent = ok ? "Copied" : "Select and copy";
                  setTimeout(function () { button.textContent = "Copy"; }, 1600);
                });
              });
              wrapper.appendChild(button);
            });
          }

          // Series toggles under line charts.
          function addSeriesToggles(root) {
            root.querySelectorAll("figure.chart-figure").forEach(function (figure) {
              var svg = figure.querySelector("svg.line-chart");
              if (!svg || figure.querySelector(".series-toggles")) return;
              var legend = svg.querySelectorAll(".legend [data-series]");
              if (legend.length < 2) return;
              var group = make("div", { "class": "series-toggles", "role": "group", "aria-label": "Show or hide series" });
              group.appendChild(make("span", { "class": "series-toggles-title" }, "Show:"));
              legend.forEach(function (entry) {
                var index = entry.getAttribute("data-series");
                var button = make("button", { "type": "button", "aria-pressed": "true", "data-series": index,
                                              "class": "series-toggle " + (entry.getAttribute("class") || "") },
                                  entry.getAttribute("data-label"));
                button.addEventListener("click", function () {
                  var shown = button.getAttribute("aria-pressed") !== "true";
                  button.setAttribute("aria-pressed", shown ? "true" : "false");
                  svg.querySelectorAll("[data-series=\"" + index + "\"]").forEach(function (series) {
                    series.classList.toggle("series-hidden", !shown);
                  });
                });
                group.appendChild(button);
              });
              figure.insertBefore(group, figure.querySelector("figcaption"));
            });
          }

          // Explorable cells: one <template> per combination of the grid.
          function setUpExplore(explore) {
            var controls = explore.querySelector(".explore-controls");
            var view = explore.querySelector(".explore-view");
            if (!controls || !view) return;
            var variants = {};
            explore.querySelectorAll("template[data-key]").forEach(function (template) {
              variants[template.getAttribute("data-key")] = template;
            });
            var published = document.createElement("template");
            published.innerHTML = view.innerHTML;
            variants[view.getAttribute("data-key")] = published;
            var inputs = controls.querySelectorAll("[data-axis]");
            function valueOf(input) {
              if (input.type === "range") return JSON.parse(input.getAttribute("data-values"))[Number(input.value)];
              return input.value;
            }
            function update() {
              var parts = [];
              inputs.forEach(function (input) {
                var value = valueOf(input);
                if (input.type === "range") {
                  input.setAttribute("aria-valuetext", value);
                  var output = controls.querySelector("output[for=\"" + input.id + "\"]");
                  if (output) output.textContent = value;
                }
                parts.push(input.getAttribute("data-axis") + "=" + value);
              });
              var key = parts.join("&");
              var template = variants[key];
              if (!template || view.getAttribute("data-key") === key) return;
              view.replaceChildren(template.content.cloneNode(true));
              view.setAttribute("data-key", key);
              addSeriesToggles(view);
            }
            inputs.forEach(function (input) {
              input.addEventListener("input", update);
              input.addEventListener("change", update);
            });
            controls.hidden = false;
          }

          // Search over the whole course; the index loads on first use.
          function setUpSearch() {
            var header = document.querySelector(".site-header");
            if (!header) return;
            var box = make("div", { "class": "search", "role": "search" });
            var label = make("label", { "for": "site-search", "class": "visually-hidden" }, "Search the course");
            var input = make("input", { "type": "search", "id": "site-search", "placeholder": "Search the course",
                                        "autocomplete": "off", "aria-controls": "search-results", "aria-describedby": "search-status" });
            var status = make("p", { "id": "search-status", "class": "visually-hidden", "aria-live": "polite" });
            var list = make("ol", { "id": "search-results", "class": "search-results", "hidden": "" });
            box.append(label, input, status, list);
            header.appendChild(box);
            var loading = false;
            function load() {
              if (window.WORKBOOK_SEARCH_INDEX || loading) return;
              loading = true;
              var script = make("script", { "src": "search-index.js" });
              script.addEventListener("load", search);
              script.addEventListener("error", function () {
                status.textContent = "The search index (search-index.js) is missing: build the whole site to search it.";
                loading = false;
              });
              document.head.appendChild(script);
            }
            function snippet(text, term) {
              var at = text.toLowerCase().indexOf(term);
              var start = Math.max(0, at - 60);
              return (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
            }
            // Whether `term` starts a word of `text` ("he" finds "He" and "he-normal", not "the").
            function startsWord(text, term) {
              for (var at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                if (at === 0 || !/[a-z0-9]/.test(text.charAt(at - 1))) return true;
              }
              return false;
            }
            function search() {
              var query = input.value.trim().toLowerCase();
              list.replaceChildren();
              var index = window.WORKBOOK_SEARCH_INDEX;
              if (!query || !index) { list.hidden = true; status.textContent = ""; return; }
              var terms = query.split(/\s+/);
              var hits = [];
              index.forEach(function (entry) {
                var heading = (entry.c + " " + entry.h).toLowerCase();
                var text = entry.x.toLowerCase();
                var score = 0;
                for (var i = 0; i < terms.length; i++) {
                  var inHeading = startsWord(heading, terms[i]);
                  var inText = startsWord(text, terms[i]);
                  if (!inHeading && !inText) return;
                  score += (inHeading ? 10 : 0) + (inText ? 1 : 0);
                }
                hits.push({ entry: entry, score: score });
              });
              hits.sort(function (a, b) { return b.score - a.score; });
              hits.slice(0, 12).forEach(function (hit) {
                var entry = hit.entry;
                var item = make("li");
                var link = make("a", { "href": entry.p + (entry.a ? "#" + entry.a : "") });
                link.append(make("span", { "class": "search-hit-title" }, entry.c + (entry.h ? " › " + entry.h : "")),
                            make("span", { "class": "search-hit-text" }, snippet(entry.x, terms[0])));
                item.appendChild(link);
                list.appendChild(item);
              });
              list.hidden = false;
              status.textContent = hits.length === 0 ? "No results" : hits.length + " result" + (hits.length === 1 ? "" : "s");
              if (hits.length === 0) list.appendChild(make("li", { "class": "search-none" }, "No results for “" + input.value.trim() + "”"));
            }
            input.addEventListener("focus", load);
            input.addEventListener("input", function () { load(); search(); });
            input.addEventListener("keydown", function (event) {
              if (event.key === "Escape") { input.value = ""; search(); }
              if (event.key === "ArrowDown" || event.key === "Enter") {
                var first = list.querySelector("a");
                if (first) { event.preventDefault(); first.focus(); }
              }
            });
            list.addEventListener("keydown", function (event) {
              var links = Array.prototype.slice.call(list.querySelectorAll("a"));
              var at = links.indexOf(document.activeElement);
              if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
              if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
              if (event.key === "Escape") { input.focus(); }
            });
          }

          function start() {
            document.querySelectorAll(".explore").forEach(setUpExplore);
            addCopyButtons(document);
            addSeriesToggles(document);
            setUpSearch();
            window.addEventListener("beforeprint", function () {
              document.querySelectorAll("details.solution, details.hint").forEach(function (details) { details.open = true; });
            });
          }
          if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
          else start();
        })();

        """#
}
