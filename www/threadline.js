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
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error("Threadline: load threadline.js with a classic <script src> tag.");
    return;
  }

  // Runs `start` once the page is parsed, so elements after the tag are there.
  var whenParsed = function (start) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  };

  if (!window.Threadline) {
    // The release build (www/cdn.mjs) points these at the versioned folder
    // and fills in the SRI hashes the browser checks the wasm and CSS with.
    var assets = "pkg/";
    var integrity = {};
    var base = new URL(assets, script.src);
    var ready = null;
    var load = function () {
      ready = ready || import(new URL("threadline.js", base).href).then(function (glue) {
        var wasm = fetch(new URL("threadline_bg.wasm", base), { integrity: integrity.wasm || "" });
        return glue.default({ module_or_path: wasm }).then(function () {
          return glue;
        });
      });
      return ready;
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
          var host = document.createElement("threadline-widget");
          var shadow = host.attachShadow({ mode: "open" });
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
          css.href = new URL("threadline.css", base).href;
          var root = document.createElement("div");
          shadow.append(css, root);
          element.appendChild(host);
          var widget = null;
          var handle = {
            /** Forces "light" or "dark", or follows the reader's system with "auto". */
            setTheme: function (theme) {
              if (theme === "light" || theme === "dark") host.setAttribute("data-theme", theme);
              else host.removeAttribute("data-theme");
            },
            /** Loads the thread again. */
            refresh: function () {
              if (widget) widget.refresh();
            },
            /** Removes the widget from the page. */
            destroy: function () {
              if (widget) widget.destroy();
              widget = null;
              host.remove();
            },
          };
          handle.setTheme(settings.theme);
          if (String(settings.inherit) === "off") host.setAttribute("data-inherit", "off");
          var start = function () {
            return Promise.all([load(), styled]).then(function (loaded) {
              if (host.isConnected) widget = loaded[0].mount(root, settings);
              return handle;
            });
          };
          var lazy = settings.lazy !== undefined && settings.lazy !== false && settings.lazy !== "false";
          if (!lazy || !("IntersectionObserver" in window)) {
            return start();
          }
          // data-lazy: load nothing until the reader scrolls near the comments.
          return new Promise(function (resolve, reject) {
            var observer = new IntersectionObserver(
              function (entries) {
                if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
                observer.disconnect();
                start().then(resolve, reject);
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
        var settings = Object.assign({}, script.dataset, link.dataset);
        window.Threadline.countComments(settings).then(
          function (count) {
            link.textContent = count.toLocaleString() + (count === 1 ? " comment" : " comments");
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
