/*
 * In-page helpers of the browser tests, installed as `window.coursePage` before any page script.
 *
 * A *panel* is a widget VBox that holds slider or toggle-button controls: for each control, the
 * nearest VBox ancestor that also holds an image, an Output or an Image widget (else the nearest
 * VBox). Panels are numbered in page order and tagged `data-course-panel="i"`; the j-th control
 * of panel i is tagged `data-course-control="i.j"`, so the Python side can build locators.
 * A panel's image is the first <img> inside it (an Output widget's PNG or an Image widget).
 */
(() => {
  const CONTROL = ".widget-slider, .widget-hslider, .widget-toggle-buttons";
  const VBOX = ".widget-vbox";
  const FIGURE_HOLDER = "img, .widget-output, .jupyter-widgets-output-area, .widget-image";
  const HANDLE = ".noUi-handle, .ui-slider-handle";
  const TRACK = ".noUi-base, .noUi-target, .ui-slider";
  const WIDGET_ERROR = /Error displaying widget|model not found|Failed to load model class|Could not create (?:a )?(?:model|view)|Error creating widget|Widget Javascript not detected/i;
  const ERROR_WIDGET = ".jupyter-widgets-error-widget, .widget-error";
  const WIDGET_AS_TEXT = /\b[A-Z]\w*\((?:children|value|layout|outputs|options|description|min|max)=/;
  const FIGURE_AS_TEXT = /<(?:matplotlib\.figure\.)?Figure (?:size|at) [^>]*>/;

  const text = (el) => (el ? (el.innerText || el.textContent || "").trim() : "");
  const short = (s, n = 400) => (s.length > n ? s.slice(0, n) + " ..." : s);
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const unique = (items) => items.filter((x, i) => items.indexOf(x) === i);

  function panelOf(control) {
    let nearest = null;
    for (let el = control.parentElement; el; el = el.parentElement) {
      if (!el.matches(VBOX)) continue;
      nearest = nearest || el;
      if (el.querySelector(FIGURE_HOLDER)) return el;
    }
    return nearest;
  }

  function findPanels(root) {
    const controls = [...(root || document).querySelectorAll(CONTROL)];
    return unique(controls.map(panelOf).filter(Boolean));
  }

  function controlsOf(panel) {
    // the outermost control elements (a slider class may be repeated on an inner element)
    const all = [...panel.querySelectorAll(CONTROL)];
    return all.filter((c) => !all.some((o) => o !== c && o.contains(c)) && panelOf(c) === panel);
  }

  function tag(root) {
    const panels = findPanels(root);
    panels.forEach((p, i) => {
      p.setAttribute("data-course-panel", String(i));
      controlsOf(p).forEach((c, j) => c.setAttribute("data-course-control", `${i}.${j}`));
    });
    return panels.length;
  }

  const panel = (i) => document.querySelector(`[data-course-panel="${i}"]`);
  const control = (i, j) => document.querySelector(`[data-course-control="${i}.${j}"]`);
  const imageOf = (p) => (p ? p.querySelector("img") : null);

  function handleFraction(c) {
    const handle = c.querySelector(HANDLE);
    const track = c.querySelector(TRACK);
    if (!handle || !track) return null;
    const h = handle.getBoundingClientRect();
    const t = track.getBoundingClientRect();
    return t.width > 0 ? (h.left + h.width / 2 - t.left) / t.width : null;
  }

  function describeControl(c) {
    const isToggle = c.matches(".widget-toggle-buttons");
    const label = text(c.querySelector(".widget-label"));
    if (isToggle) {
      const buttons = [...c.querySelectorAll("button")];
      return {
        kind: "toggle", label, visible: visible(c),
        options: buttons.map(text),
        selected: buttons.filter((b) => b.classList.contains("mod-active")).map(text),
      };
    }
    return {
      kind: "slider", label, visible: visible(c),
      readout: text(c.querySelector(".widget-readout")),
      hasHandle: !!c.querySelector(HANDLE),
      fraction: handleFraction(c),
    };
  }

  function describeImage(img) {
    if (!img) return { present: false };
    const r = img.getBoundingClientRect();
    return {
      present: true, complete: img.complete, naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight, width: Math.round(r.width), height: Math.round(r.height),
      isWidget: img.classList.contains("widget-image"),
    };
  }

  function describePanel(p, i) {
    const html = [...p.querySelectorAll(".widget-html, .widget-htmlmath")];
    const captions = html.map((h) => h.querySelector("em")).filter(Boolean).map(text).filter(Boolean);
    const img = imageOf(p);
    return {
      index: i,
      controls: controlsOf(p).map(describeControl),
      image: describeImage(img),
      captions,
      captionAfterImage: !!(img && html.some((h) => h.querySelector("em") &&
        (img.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING))),
      texts: html.map(text).map((s) => short(s, 200)),
    };
  }

  function leafOutputs(root, selector) {
    const all = [...root.querySelectorAll(selector)];
    return all.filter((o) => !o.querySelector(selector));
  }

  /* What a learner sees in the outputs: errors, broken widgets, figures shown as text, panels. */
  function scan(sel) {
    const root = document.querySelector(sel.root) || document.body;
    const n = tag(root);
    const outputs = leafOutputs(root, sel.output);
    const outputTexts = outputs.map(text);
    const widgetViews = [...root.querySelectorAll(sel.widgetView)];
    return {
      errors: [...root.querySelectorAll(sel.stderr)].map(text).filter(Boolean).map((s) => short(s)),
      widgetErrors: unique(outputTexts.filter((t) => WIDGET_ERROR.test(t)).map((s) => short(s))
        .concat([...root.querySelectorAll(ERROR_WIDGET)].map((e) => `error widget: ${short(text(e) || e.title || "")}`))),
      widgetsAsText: outputTexts.filter((t) => WIDGET_AS_TEXT.test(t)).map((s) => short(s)),
      figuresAsText: outputTexts.filter((t) => FIGURE_AS_TEXT.test(t)).map((s) => short(s)),
      widgetViews: widgetViews.length,
      unrenderedWidgets: widgetViews.filter((v) => !v.querySelector(".jupyter-widgets") ||
        v.querySelector(ERROR_WIDGET)).length,
      outputs: outputs.length,
      panels: [...Array(n).keys()].map((i) => describePanel(panel(i), i)),
    };
  }

  /*
   * A digest of a panel's picture: FNV-1a over a data: URL's text, or over the bytes behind any
   * other URL (an Image widget's blob:), so the same picture gets the same digest whatever its
   * URL. `digestNow` answers synchronously (null while bytes are still being fetched).
   */
  const digests = new Map();
  const pending = new Set();
  function fnv(values, n) {
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ values(k), 0x01000193) >>> 0;
    return `${n}:${h.toString(16)}`;
  }
  function remember(src, digest) {
    if (digests.size > 500) digests.clear();
    digests.set(src, digest);
    return digest;
  }
  async function fetchDigest(src) {
    const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
    return remember(src, fnv((k) => bytes[k], bytes.length));
  }
  function digestNow(i) {
    const img = imageOf(panel(i));
    if (!img || !img.src) return null;
    const src = img.src;
    if (digests.has(src)) return digests.get(src);
    if (src.startsWith("data:")) return remember(src, fnv((k) => src.charCodeAt(k), src.length));
    if (!pending.has(src)) {
      pending.add(src);
      fetchDigest(src).catch(() => null).finally(() => pending.delete(src));
    }
    return null;
  }
  async function imageDigest(i) {
    const now = digestNow(i);
    if (now !== null) return now;
    const img = imageOf(panel(i));
    return img && img.src ? fetchDigest(img.src) : null;
  }
  function imageChanged(i, before) {
    const now = digestNow(i);
    return now !== null && now !== before;
  }

  function readout(i, j) {
    return text(control(i, j) && control(i, j).querySelector(".widget-readout"));
  }

  function allImagesShown(n) {
    return [...Array(n).keys()].every((i) => {
      const img = imageOf(panel(i));
      return img && img.complete && img.naturalWidth > 0;
    });
  }

  /*
   * Latency probe: arm(i) remembers panel i's image URL; the next key press (capture phase) starts
   * the clock; the first image with another URL stops it (`shown`), its decoding stops `decoded`.
   */
  let probe = null;
  window.addEventListener("keydown", () => {
    if (probe && probe.keyAt === null) probe.keyAt = performance.now();
  }, true);

  function arm(i) {
    const p = panel(i);
    const first = imageOf(p);
    probe = { keyAt: null, shownAt: null, decodedAt: null, src: first ? first.src : null };
    const current = probe;
    const observer = new MutationObserver(() => {
      const img = imageOf(p);
      if (current.shownAt !== null || !img || img.src === current.src || current.keyAt === null) return;
      current.shownAt = performance.now();
      observer.disconnect();
      img.decode().catch(() => null).then(() => { current.decodedAt = performance.now(); });
    });
    observer.observe(p, { subtree: true, childList: true, attributes: true, attributeFilter: ["src"] });
    current.observer = observer;
  }

  function latency() {
    if (!probe || probe.decodedAt === null) return null;
    const result = { shown: probe.shownAt - probe.keyAt, decoded: probe.decodedAt - probe.keyAt };
    probe = null;
    return result;
  }

  function disarm() {
    if (probe && probe.observer) probe.observer.disconnect();
    probe = null;
  }

  window.coursePage = {
    scan, tag, imageDigest, digestNow, imageChanged, readout, allImagesShown, arm, latency, disarm,
    latencyReady: () => probe !== null && probe.decodedAt !== null,
    handleFraction: (i, j) => handleFraction(control(i, j)),
    describeControl: (i, j) => describeControl(control(i, j)),
    panelCount: () => document.querySelectorAll("[data-course-panel]").length,
    countPanels: (rootSelector) => findPanels(document.querySelector(rootSelector) || document.body).length,
  };
})();
