/*
 * Threadline loader. One classic script tag:
 *
 *   <script src="https://cdn.example/threadline/threadline.js"
 *           data-src="/api/comments/123.json" data-target="#comments" defer></script>
 *
 * It loads the widget's stylesheet, JS glue and WebAssembly from the versioned
 * folder next to itself (checking the wasm's and stylesheet's SRI hashes),
 * then mounts a widget into the element named by data-target (or, without one, right after the script tag). Other APIs are
 * read with data-preset="reddit" and/or a mapping: data-mapping='{...}', or a
 * <script type="application/json"> block right before or after the tag. Any
 * setting can also come from a <script type="application/json"
 * data-threadline-config> block there, as camelCased names. It
 * defines one global, `Threadline`, with `mount(element, settings)` for pages
 * that mount widgets themselves; a tag without data-src only loads that API
 * (and fills in <a data-threadline-count data-src="..."> comment counts).
 *
 * The wasm is fetched and compiled once; each widget gets its own instance
 * of it (and of the glue), so a widget that fails shows its own error and
 * Retry while every other widget on the page goes on working.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error("Threadline: load threadline.js with a classic <script src> tag.");
    return;
  }

  // Runs `start` once the page is parsed, so elements after the tag are
  // there, in a task of its own: the one parsing ends in may be long
  // already (the page's first layout), and a phone would count the two as
  // one long task.
  var whenParsed = function (start) {
    var later = function () {
      setTimeout(start, 0);
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", later);
    } else {
      later();
    }
  };

  if (!window.Threadline) {
    // The release build (www/cdn.mjs) points these at the versioned folder
    // and fills in the SRI hashes the browser checks the wasm and CSS with.
    var assets = "pkg/";
    var integrity = {};
    var base = new URL(assets, script.src);
    var compiled = null;
    var compile = function () {
      compiled =
        compiled ||
        fetch(new URL("threadline_bg.wasm", base), { integrity: integrity.wasm || "" }).then(function (response) {
          if (!response.ok) throw new Error("threadline_bg.wasm: HTTP " + response.status);
          var copy = response.clone();
          // Streaming compiles as it downloads; a server that does not send
          // application/wasm gets the plain way.
          return WebAssembly.compileStreaming(response).catch(function () {
            return copy.arrayBuffer().then(WebAssembly.compile);
          });
        });
      return compiled;
    };
    // Instance n runs from glue "threadline.js?w=n", so an error's stack
    // names the widget it came from.
    var instances = 0;
    var failed = {};
    var instance = function () {
      var number = ++instances;
      var glue = import(new URL("threadline.js?w=" + number, base).href);
      return Promise.all([glue, compile()]).then(function (both) {
        return both[0].default({ module_or_path: both[1] }).then(function () {
          // The widget mounts in a task of its own, not in the one that
          // made the instance: neither holds a phone's page long.
          return new Promise(function (resolve) {
            setTimeout(resolve, 0, { glue: both[0], number: number });
          });
        });
      });
    };
    var shared = null;
    var load = function () {
      shared = shared || instance();
      return shared.then(function (loaded) {
        return loaded.glue;
      });
    };
    var stopped = function (error) {
      var stack = (error && error.stack) || "";
      var found = /threadline\.js\?w=(\d+)/.exec(stack);
      var number = found && found[1];
      // A trap deep in the wasm (a stack overflow, memory run out) keeps
      // only wasm frames in the ten a stack holds, so no glue names the
      // widget: with one widget on the page, it is that one.
      var alive = Object.keys(failed);
      if (!number && /threadline_bg\.wasm/.test(stack) && alive.length === 1) number = alive[0];
      if (number && failed[number]) failed[number](String(error));
    };
    window.addEventListener("error", function (event) {
      stopped(event.error);
    });
    window.addEventListener("unhandledrejection", function (event) {
      stopped(event.reason);
    });
    // "light" or "dark" from the background the page paints behind
    // `element` (WCAG relative luminance, split where black and white text
    // contrast equally), or null when it is transparent up to the root.
    var pageTheme = function (element) {
      for (var node = element; node && node.nodeType === 1; node = node.parentElement) {
        var channels = /rgba?\(([^)]*)\)/.exec(getComputedStyle(node).backgroundColor);
        var parts = channels ? channels[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat) : [];
        if (parts.length < 3 || parts[3] < 0.5) continue;
        var linear = parts.slice(0, 3).map(function (value) {
          value /= 255;
          return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
        });
        var luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
        return luminance < 0.179 ? "dark" : "light";
      }
      return null;
    };
    Object.defineProperty(window, "Threadline", {
      value: Object.freeze({
        /**
         * Mounts a widget into `element`; settings as the data- attributes,
         * camelCased (see the README). The widget lives in the open shadow
         * root of a <threadline-widget> element appended to `element`, so the
         * page's CSS and the widget's never meet. Resolves to a handle with
         * setTheme("light" | "dark" | "auto"), refresh() and destroy(). The
         * element receives threadline:ready, threadline:vote,
         * threadline:reply and threadline:error events.
         */
        mount: function (element, settings) {
          settings = settings || {};
          // A prerendered widget (threadline-render's markup, in a
          // declarative shadow root) stays on show while this one loads
          // out of sight, and gives way once it has drawn as much.
          var host = element.querySelector("threadline-widget[data-prerendered]");
          var shadow = host && host.shadowRoot;
          if (host) host.removeAttribute("data-prerendered");
          var prerendered = shadow ? Array.prototype.slice.call(shadow.childNodes) : [];
          if (!shadow) {
            host = document.createElement("threadline-widget");
            shadow = host.attachShadow({ mode: "open" });
          }
          var takeOver = function () {
            // Top-level comments lay out only near the screen (CSS
            // content-visibility), at a placeholder height until they have
            // been drawn once. Each new one starts at the height its
            // prerendered twin shows now, so nothing on the page moves.
            // (All heights are read before any is set: one layout.)
            var heights = [];
            prerendered.forEach(function (node) {
              if (!node.querySelectorAll) return;
              node.querySelectorAll(".tl-list > .tl-comment[id]").forEach(function (old) {
                var twin = root.querySelector("#" + CSS.escape(old.id));
                if (twin) heights.push([twin, old.getBoundingClientRect().height]);
              });
            });
            heights.forEach(function (pair) {
              pair[0].style.containIntrinsicSize = "auto " + pair[1] + "px";
            });
            prerendered.forEach(function (node) {
              node.remove();
            });
            prerendered = [];
            root.hidden = false;
          };
          if (prerendered.length) {
            host.addEventListener("threadline:rendered", takeOver);
            // A failed load shows its message and Retry above the
            // prerendered comments, which stay readable.
            host.addEventListener("threadline:error", function () {
              if (!prerendered.length) return;
              shadow.insertBefore(root, prerendered[0]);
              root.hidden = false;
            });
          }
          var css = document.createElement("link");
          css.rel = "stylesheet";
          if (integrity.css) {
            css.integrity = integrity.css;
            css.crossOrigin = "anonymous";
          }
          // The widget mounts once its stylesheet is in (or has failed), so
          // it never shows unstyled for a frame.
          var styled = new Promise(function (resolve) {
            css.onload = css.onerror = resolve;
          });
          var root = document.createElement("div");
          shadow.append(css, root);
          if (!host.isConnected) element.appendChild(host);
          var widget = null;
          // A widget that stopped (a panic, or an exception out of its code)
          // is replaced by a message and a Retry that starts a fresh instance.
          var fail = function (number, detail, message) {
            if (!failed[number]) return;
            delete failed[number];
            widget = null;
            console.error("Threadline: the comments stopped working: " + detail);
            message = message || "Something went wrong while showing the comments. Please try again.";
            var fresh = document.createElement("div");
            fresh.className = "threadline";
            var alert = document.createElement("div");
            alert.className = "tl-error";
            alert.setAttribute("role", "alert");
            var text = document.createElement("p");
            text.textContent = message;
            var retry = document.createElement("button");
            retry.type = "button";
            retry.className = "tl-retry";
            retry.textContent = "Retry";
            alert.append(text, retry);
            fresh.append(alert);
            retry.addEventListener("click", function () {
              start();
            });
            root.replaceWith(fresh);
            root = fresh;
            element.dispatchEvent(
              new CustomEvent("threadline:error", {
                bubbles: true,
                composed: true,
                detail: { message: message, detail: detail },
              })
            );
          };
          // "auto" matches the page: its background where it has one (the
          // nearest opaque one above the widget), else the reader's system.
          var theme = "auto";
          var applyTheme = function () {
            var chosen = theme === "light" || theme === "dark" ? theme : pageTheme(element);
            if (chosen) host.setAttribute("data-theme", chosen);
            else host.removeAttribute("data-theme");
          };
          // A site's own dark mode: a class or style on html or body, or its
          // CSS following the system.
          var watcher = new MutationObserver(applyTheme);
          [document.documentElement, document.body].forEach(function (node) {
            if (node) watcher.observe(node, { attributes: true, attributeFilter: ["class", "style"] });
          });
          var system = window.matchMedia("(prefers-color-scheme: dark)");
          system.addEventListener("change", applyTheme);
          if (document.readyState !== "complete") window.addEventListener("load", applyTheme);
          var handle = {
            /** Forces "light" or "dark"; "auto" matches the page (see above). */
            setTheme: function (value) {
              theme = value === "light" || value === "dark" ? value : "auto";
              applyTheme();
            },
            /** Loads the thread again. */
            refresh: function () {
              if (widget) widget.refresh();
            },
            /** Removes the widget from the page. */
            destroy: function () {
              if (widget) widget.destroy();
              widget = null;
              watcher.disconnect();
              system.removeEventListener("change", applyTheme);
              host.remove();
            },
          };
          handle.setTheme(settings.theme);
          if (String(settings.inherit) === "off") host.setAttribute("data-inherit", "off");
          // The thread downloads while the wasm does: the widget's own
          // fetch of the same URL is then answered from the preload. Not
          // for a paged API's URL, whose first page the widget works out.
          var preloaded = false;
          var preload = function () {
            var src = settings.src;
            if (preloaded || !src || String(src).indexOf("{") >= 0) return;
            preloaded = true;
            var link = document.createElement("link");
            link.rel = "preload";
            link.as = "fetch";
            link.crossOrigin = "anonymous";
            link.href = new URL(src, document.baseURI).href;
            document.head.appendChild(link);
          };
          var start = function () {
            preload();
            if (!css.getAttribute("href")) css.href = new URL("threadline.css", base).href;
            return Promise.all([instance(), styled]).then(function (loaded) {
              var number = loaded[0].number;
              if (!host.isConnected) return handle;
              var mountPoint = document.createElement("div");
              mountPoint.hidden = prerendered.length > 0;
              root.replaceWith(mountPoint);
              root = mountPoint;
              failed[number] = function (detail) {
                fail(number, detail);
              };
              loaded[0].glue.onPanic(failed[number]);
              try {
                // The page's language around the widget, for its words.
                var around = element.closest("[lang]");
                var extra = { pageLang: around ? around.lang : "" };
                // The depth the prerender nested replies to, so nothing moves.
                if (prerendered.length && settings.maxDepth === undefined) extra.maxDepth = host.dataset.maxDepth;
                widget = loaded[0].glue.mount(root, Object.assign({}, settings, extra), number);
              } catch (error) {
                fail(
                  number,
                  String(error),
                  "The comments on this page are not set up correctly, so they cannot be shown. Please let the site know."
                );
              }
              return handle;
            });
          };
          // Prerendered markup is already on show: the widget waits for the
          // page's own load (its images, the largest of which a phone's
          // slow network would otherwise share with the wasm).
          if (prerendered.length && document.readyState !== "complete") {
            return new Promise(function (resolve) {
              window.addEventListener("load", function () {
                // After the frame the load paints.
                requestAnimationFrame(function () {
                  setTimeout(function () {
                    resolve(start());
                  }, 0);
                });
              }, { once: true });
            });
          }
          var lazy = settings.lazy !== undefined && settings.lazy !== false && settings.lazy !== "false";
          if (!lazy || !("IntersectionObserver" in window)) {
            // The requests start in a task of their own: starting them
            // takes the browser as long as making the widget's element.
            return new Promise(function (resolve) {
              setTimeout(resolve, 0);
            }).then(start);
          }
          // data-lazy: load nothing, the stylesheet included, until the
          // reader scrolls near the comments; meanwhile the widget keeps
          // its space (data-lazy-height, 20rem by default), so the page
          // below does not move when it comes. Set through the CSSOM, which
          // a strict style-src allows.
          host.style.display = "block";
          host.style.minHeight = settings.lazyHeight || "20rem";
          return new Promise(function (resolve, reject) {
            var observer = new IntersectionObserver(
              function (entries) {
                if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
                observer.disconnect();
                start().then(function (mounted) {
                  host.style.minHeight = "";
                  resolve(mounted);
                }, reject);
              },
              { rootMargin: "800px 0px" }
            );
            observer.observe(host);
          });
        },
        /**
         * Resolves to the number of comments at settings.src, read with the
         * same preset and mapping settings as a widget.
         */
        countComments: function (settings) {
          return load().then(function (glue) {
            return glue.count(settings);
          });
        },
      }),
    });

    // Comment-count links on index pages: <a data-threadline-count
    // data-src="..."> shows "N comments" once counted (preset and mapping
    // from the link, else from this tag); on failure it keeps its own text.
    var countLinks = function () {
      document.querySelectorAll("[data-threadline-count][data-src]").forEach(function (link) {
        var around = link.closest("[lang]");
        var settings = Object.assign({}, script.dataset, link.dataset, { pageLang: around ? around.lang : "" });
        window.Threadline.countComments(settings).then(
          function (count) {
            return load().then(function (glue) {
              link.textContent = glue.countLabel(settings, count);
            });
          },
          function (error) {
            console.warn("Threadline: no comment count for " + settings.src + ": " + error);
          }
        );
      });
    };
    whenParsed(countLinks);
  }

  if (!script.dataset.src) return;
  var settings = Object.assign({}, script.dataset);
  var begin = function () {
    // Read after parsing, so a block after the tag is there too.
    // A JSON block marked data-threadline-config holds settings (data-
    // attributes win); an unmarked one is the mapping.
    [script.previousElementSibling, script.nextElementSibling].forEach(function (block) {
      if (!block || !block.matches('script[type="application/json"]')) return;
      if (!block.hasAttribute("data-threadline-config")) {
        if (!settings.mapping) settings.mapping = block.textContent;
        return;
      }
      var config;
      try {
        config = JSON.parse(block.textContent);
      } catch (error) {
        console.error("Threadline: the data-threadline-config block is not valid JSON:", error);
        return;
      }
      Object.keys(config || {}).forEach(function (name) {
        var value = config[name];
        if (settings[name] === undefined) settings[name] = typeof value === "object" ? value : String(value);
      });
    });
    var target;
    if (settings.target) {
      target = document.querySelector(settings.target);
      if (!target) {
        console.error('Threadline: no element matches data-target="' + settings.target + '".');
        return;
      }
    } else {
      target = document.createElement("div");
      script.parentNode.insertBefore(target, script.nextSibling);
    }
    window.Threadline.mount(target, settings).catch(function (error) {
      console.error("Threadline:", error);
    });
  };
  whenParsed(begin);
})();
