// The benchmark's reference: what a hand-written page would do with the same
// thread. It fetches the native JSON, builds the whole reply tree's DOM in
// one go with the same visible content as Threadline (byline, time, score,
// text in paragraphs, vote, reply and fold buttons), and handles votes and
// folding by touching only the affected elements.
(function () {
  "use strict";
  var script = document.currentScript;
  var target = document.querySelector(script.dataset.target);
  var format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  var units = [["year", 31536e6], ["month", 2592e6], ["day", 864e5], ["hour", 36e5], ["minute", 6e4]];

  function ago(iso) {
    var delta = Date.parse(iso) - Date.now();
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(delta) >= units[i][1] || i === units.length - 1) {
        return format.format(Math.round(delta / units[i][1]), units[i][0]);
      }
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function points(n) {
    return n + (n === 1 || n === -1 ? " point" : " points");
  }

  function button(className, label, onClick) {
    var node = el("button", className, label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function render(comment, children) {
    var li = el("li", "b-comment");
    li.id = "c-" + comment.id;
    var card = el("article", "b-card");
    card.setAttribute("aria-label", "Comment by " + comment.author);
    var meta = el("header", "b-meta");
    meta.append(el("span", "b-author", comment.author), " ", el("time", "b-time", ago(comment.created)));
    var text = el("div", "b-body");
    comment.body.split(/\n\n+/).forEach(function (paragraph) {
      text.append(el("p", "", paragraph));
    });
    var actions = el("footer", "b-actions");
    var vote = 0;
    var score = el("span", "b-score", points(comment.score));
    var up = button("b-up", "▲", function () {
      vote = vote === 1 ? 0 : 1;
      up.setAttribute("aria-pressed", String(vote === 1));
      score.textContent = points(comment.score + vote);
    });
    up.setAttribute("aria-pressed", "false");
    up.setAttribute("aria-label", "Upvote");
    actions.append(up, score, button("b-reply", "Reply", function () {}));
    li.append(card);
    card.append(meta, text, actions);
    if (children && children.length) {
      var list = el("ul", "b-replies");
      var fold = button("b-toggle", "Hide replies", function () {
        list.hidden = !list.hidden;
        fold.textContent = list.hidden ? "Show replies" : "Hide replies";
        fold.setAttribute("aria-expanded", String(!list.hidden));
      });
      fold.setAttribute("aria-expanded", "true");
      actions.append(fold);
      li.append(list);
      return [li, list];
    }
    return [li, null];
  }

  fetch(script.dataset.src)
    .then(function (response) {
      return response.json();
    })
    .then(function (thread) {
      var children = new Map();
      var roots = [];
      thread.comments.forEach(function (comment) {
        if (comment.parent) {
          if (!children.has(comment.parent)) children.set(comment.parent, []);
          children.get(comment.parent).push(comment);
        } else {
          roots.push(comment);
        }
      });
      var section = el("section", "b-thread");
      section.append(el("h2", "b-count", thread.comments.length + " comments"));
      var top = el("ul", "b-list");
      section.append(top);
      // Depth first without recursion: chains can be deeper than the stack.
      var stack = roots.slice().reverse().map(function (comment) {
        return [comment, top];
      });
      while (stack.length) {
        var item = stack.pop();
        var kids = children.get(item[0].id);
        var made = render(item[0], kids);
        item[1].append(made[0]);
        for (var i = kids ? kids.length - 1 : -1; i >= 0; i--) stack.push([kids[i], made[1]]);
      }
      target.append(section);
      document.dispatchEvent(new CustomEvent("baseline:ready"));
    });
})();
