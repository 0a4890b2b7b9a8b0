// The benchmark's floor: plain JavaScript that draws exactly what Threadline
// draws for the same thread, in English, and pages the same way. It builds
// the same elements, attributes and text in a shadow root with Threadline's
// stylesheet (run.mjs checks that element by element), shows the first ten
// top-level comments and five replies per comment, adds ten more when the
// "show more" row comes within 800 px of the viewport, and handles votes,
// folding and "show more replies" by touching only the affected elements.
// Sorting, writing and menus are not drawn differently until used, so it
// leaves them out.
(function () {
  "use strict";
  var script = document.currentScript;
  // The thread's fetch starts at once, in parallel with the stylesheet.
  var data = fetch(script.dataset.src).then(function (response) {
    return response.json();
  });
  var target = document.querySelector(script.dataset.target);
  var lang = document.documentElement.lang || "en";
  var P = "tl1-";
  var ROOT_PAGE = 10;
  var REPLY_PAGE = 5;
  var number = new Intl.NumberFormat(lang);
  var plural = new Intl.PluralRules(lang);
  var relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  var full = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short" });
  var UNITS = [[60, 1, "second"], [3600, 60, "minute"], [86400, 3600, "hour"], [2592e3, 86400, "day"], [31536e3, 2592e3, "month"], [Infinity, 31536e3, "year"]];

  function count(one, other, n) {
    return (plural.select(n) === "one" ? one : other).replace("#", number.format(n));
  }

  function ago(ms) {
    var s = Math.floor(Math.max(0, (Date.now() - ms) / 1000));
    for (var i = 0; s >= UNITS[i][0]; i++);
    return relative.format(-Math.floor(s / UNITS[i][1]), UNITS[i][2]);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function attrs(node, pairs) {
    for (var i = 0; i < pairs.length; i += 2) node.setAttribute(pairs[i], pairs[i + 1]);
    return node;
  }

  function button(className, text, pairs) {
    return attrs(el("button", className, text), ["type", "button"].concat(pairs || []));
  }

  var host = document.createElement("floor-widget");
  var shadow = host.attachShadow({ mode: "open" });
  var css = attrs(document.createElement("link"), ["rel", "stylesheet", "href", script.dataset.css]);
  var styled = new Promise(function (done) {
    css.onload = css.onerror = done;
  });
  var mount = document.createElement("div");
  shadow.append(css, mount);
  target.append(host);
  var maxDepth = (host.clientWidth || innerWidth) < 480 ? 4 : 8;

  var byId = new Map();
  var children = new Map();
  var roots = [];
  var descendants = new Map();
  var votes = new Map();
  var shown = new Map();
  var collapsed = new Set();
  var shownRoots = ROOT_PAGE;

  function index(thread) {
    var comments = thread.comments;
    for (var i = 0; i < comments.length; i++) {
      var c = comments[i];
      c.ms = Date.parse(c.created);
      byId.set(c.id, c);
      if (c.parent) {
        var list = children.get(c.parent);
        if (list) list.push(c.id);
        else children.set(c.parent, [c.id]);
      } else {
        roots.push(c.id);
      }
    }
    // Descendant counts in one pass, children before parents.
    var order = roots.slice();
    for (var k = 0; k < order.length; k++) {
      var kids = children.get(order[k]);
      if (kids) for (var j = 0; j < kids.length; j++) order.push(kids[j]);
    }
    for (var m = order.length - 1; m >= 0; m--) {
      var id = order[m];
      var below = descendants.get(id) || 0;
      var parent = byId.get(id).parent;
      if (parent) descendants.set(parent, (descendants.get(parent) || 0) + below + 1);
    }
  }

  function score(c) {
    return count("# point", "# points", c.score + (votes.get(c.id) || 0));
  }

  function foldLabel(id) {
    var d = descendants.get(id);
    return collapsed.has(id) ? count("Show # reply", "Show # replies", d) : count("Hide # reply", "Hide # replies", d);
  }

  function comment(id, depth, place) {
    var c = byId.get(id);
    var label = "Comment by " + c.author;
    var li = attrs(el("li", "tl-comment"), ["id", P + "c-" + id]);
    if (place) attrs(li, ["role", "article", "aria-posinset", place, "aria-setsize", roots.length, "aria-label", label]);
    var card = attrs(el("article", "tl-card"), ["aria-label", label]);
    var when = full.format(c.ms);
    var time = attrs(el("time", "tl-time", ago(c.ms)), ["datetime", new Date(c.ms).toISOString(), "title", when]);
    time.append(el("span", "tl-sr", " (" + when + ")"));
    var link = attrs(el("a", "tl-permalink"), ["href", "#" + P + "c-" + id]);
    link.append(time);
    var meta = el("header", "tl-meta");
    meta.append(attrs(el("span", "tl-author", c.author), ["dir", "auto"]), link);
    var body = attrs(el("div", "tl-body"), ["dir", "auto"]);
    var paragraphs = c.body.split(/\n\n+/);
    for (var i = 0; i < paragraphs.length; i++) body.append(el("p", "", paragraphs[i]));
    var vote = attrs(el("span", "tl-vote"), ["role", "group", "aria-label", "Vote"]);
    vote.append(
      button("tl-up", "▲", ["aria-pressed", String(votes.get(id) === 1), "aria-label", "Upvote: " + label]),
      attrs(el("span", "tl-score", score(c)), ["aria-live", "polite"]),
      button("tl-down", "▼", ["aria-pressed", String(votes.get(id) === -1), "aria-label", "Downvote: " + label]),
    );
    var actions = el("footer", "tl-actions");
    actions.append(
      vote,
      button("tl-reply", "Reply", ["aria-expanded", "false"]),
      button("tl-more-actions", "More", ["aria-expanded", "false", "aria-controls", P + "menu-" + id]),
    );
    card.append(meta, body, actions);
    li.append(card);
    if (children.has(id)) {
      var open = !collapsed.has(id);
      var fold = button("tl-toggle", foldLabel(id), ["aria-expanded", String(open)]);
      actions.append(fold);
      if (open) {
        fold.setAttribute("aria-controls", P + "replies-" + id);
        li.append(replies(id, depth));
      }
    }
    return li;
  }

  function replies(id, depth) {
    if (depth >= maxDepth) {
      var more = attrs(el("p", "tl-continue"), ["id", P + "replies-" + id]);
      var d = descendants.get(id);
      more.append(button("tl-continue-thread", count("Continue this thread (# reply) →", "Continue this thread (# replies) →", d)));
      return more;
    }
    var list = attrs(el("ul", "tl-replies"), ["id", P + "replies-" + id, "role", "list"]);
    fillReplies(list, id, depth, 0);
    return list;
  }

  function fillReplies(list, id, depth, from) {
    var kids = children.get(id);
    var upto = Math.min(kids.length, shown.get(id) || REPLY_PAGE);
    for (var i = from; i < upto; i++) list.append(comment(kids[i], depth + 1));
    if (kids.length > upto) {
      var row = el("li", "tl-next-page");
      row.append(button("tl-more-replies", "Show more replies (" + number.format(kids.length - upto) + " left)"));
      list.append(row);
    }
  }

  var list, nextRow, observer;

  function showRoots(from) {
    var upto = Math.min(roots.length, shownRoots);
    var fragment = document.createDocumentFragment();
    for (var i = from; i < upto; i++) fragment.append(comment(roots[i], 0, i + 1));
    list.append(fragment);
    if (upto < roots.length) {
      nextRow.firstChild.textContent = "Show more comments (" + number.format(roots.length - upto) + " left)";
      // A fresh watch, as Threadline's: it fires at once while the row is near.
      observer.unobserve(nextRow);
      observer.observe(nextRow);
    } else {
      observer.disconnect();
      nextRow.remove();
    }
  }

  function moreRoots() {
    var from = shownRoots;
    shownRoots += ROOT_PAGE;
    showRoots(from);
  }

  function draw(thread) {
    index(thread);
    var widget = attrs(el("div", "threadline"), ["lang", lang, "dir", "ltr"]);
    var section = attrs(el("section", "tl-thread"), ["aria-labelledby", P + "heading-comments"]);
    var head = el("div", "tl-head");
    head.append(attrs(el("h2", "tl-count", count("# comment", "# comments", byId.size)), ["id", P + "heading-comments"]));
    if (byId.size > 1) {
      var sort = el("p", "tl-sort");
      var select = attrs(el("select"), ["id", P + "sort-comments"]);
      [["site", "Site order"], ["best", "Best"], ["top", "Top"], ["new", "Newest"], ["old", "Oldest"]].forEach(function (option, i) {
        var node = attrs(el("option", "", option[1]), ["value", option[0]]);
        if (i === 0) node.setAttribute("selected", "selected");
        select.append(node);
      });
      sort.append(attrs(el("label", "", "Sort by"), ["for", P + "sort-comments"]), select);
      head.append(sort);
    }
    var composer = attrs(el("form", "tl-composer tl-closed"), ["novalidate", "novalidate"]);
    composer.append(
      attrs(el("label", "", "Your comment"), ["for", P + "composer-"]),
      attrs(el("textarea"), ["id", P + "composer-", "rows", "1", "placeholder", "Add a comment…", "aria-invalid", "false"]),
    );
    list = attrs(el("ul", "tl-list"), ["role", "feed", "aria-labelledby", P + "heading-comments", "aria-busy", "false"]);
    nextRow = el("p", "tl-next-page");
    nextRow.append(button("tl-more-comments", "", ["aria-busy", "false"]));
    section.append(
      button("tl-skip", "Skip comments"),
      head,
      attrs(el("p", "tl-sr"), ["role", "status"]),
      composer,
      attrs(el("div", "tl-live"), ["role", "status"]),
      list,
      nextRow,
      attrs(el("p", "tl-sr", "End of comments"), ["id", P + "end-comments", "tabindex", "-1"]),
    );
    widget.append(section);
    widget.addEventListener("click", click);
    observer = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) {
          return entry.isIntersecting;
        })) moreRoots();
      },
      { rootMargin: "800px" },
    );
    mount.append(widget);
    showRoots(0);
    document.dispatchEvent(new CustomEvent("floor:ready"));
  }

  // How many reply lists a comment's list item sits in (0: top level).
  function depthOf(li) {
    var depth = 0;
    for (var list = li.parentNode; list.classList.contains("tl-replies"); list = list.parentNode.parentNode) depth++;
    return depth;
  }

  // One listener for every button: the comment is the nearest list item.
  function click(event) {
    var target = event.target.closest("button");
    if (!target) return;
    var kind = target.className;
    if (kind === "tl-more-comments") return moreRoots();
    if (kind === "tl-skip") return shadow.getElementById(P + "end-comments").focus();
    var li = target.closest(".tl-comment");
    var id = li && li.id.slice(P.length + 2);
    if (kind === "tl-up" || kind === "tl-down") {
      var sign = kind === "tl-up" ? 1 : -1;
      var now = votes.get(id) === sign ? 0 : sign;
      votes.set(id, now);
      var group = target.parentNode;
      group.firstChild.setAttribute("aria-pressed", String(now === 1));
      group.lastChild.setAttribute("aria-pressed", String(now === -1));
      group.children[1].textContent = score(byId.get(id));
    } else if (kind === "tl-toggle") {
      var depth = depthOf(li);
      if (collapsed.delete(id)) {
        target.setAttribute("aria-expanded", "true");
        target.setAttribute("aria-controls", P + "replies-" + id);
        li.append(replies(id, depth));
      } else {
        collapsed.add(id);
        target.setAttribute("aria-expanded", "false");
        target.removeAttribute("aria-controls");
        li.lastChild.remove();
      }
      target.textContent = foldLabel(id);
    } else if (kind === "tl-more-replies") {
      var owner = target.closest(".tl-replies");
      var parent = owner.id.slice(P.length + 8);
      var from = shown.get(parent) || REPLY_PAGE;
      shown.set(parent, from + REPLY_PAGE);
      target.parentNode.remove();
      fillReplies(owner, parent, depthOf(owner.parentNode), from);
    }
  }

  Promise.all([data, styled]).then(function (loaded) {
    draw(loaded[0]);
  });
})();
