/* The course website's kernel-free sliders (no library, no network).
 *
 * Each panel of an executed lesson is written by course_lib.core.interactive as a
 * <div class="course-player"> holding its data (a JSON script), one range input or a row of
 * buttons per control, an <output> with the value shown, and the figure as an <img>. The frames
 * were drawn at build time by the demo itself; this script only picks the frame of the chosen
 * settings and swaps the image, the summary and the value labels. In "sweep" mode only one
 * control at a time leaves its default, so moving one control puts the others back.
 */
(function () {
  "use strict";

  function setUp(root) {
    var script = root.querySelector("script.course-player-data");
    if (!script) { return; }
    var data = JSON.parse(script.textContent);
    var indices = data.initial.slice();
    var defaults = data.initial.slice();
    var image = root.querySelector("img.course-player-image");
    var summary = root.querySelector(".course-player-summary");

    function key(list) { return list.join(","); }

    function show() {
      var frame = data.frames[key(indices)];
      if (!frame) { return; }
      image.src = data.url + "/" + frame[0];
      summary.innerHTML = data.summaries[frame[1]];
      data.controls.forEach(function (control, position) {
        var index = indices[position];
        root.querySelectorAll("output[data-control='" + position + "']").forEach(function (out) {
          out.textContent = control.labels[index];
        });
        root.querySelectorAll("input[data-control='" + position + "']").forEach(function (input) {
          input.value = String(index);
        });
        root.querySelectorAll("button[data-control='" + position + "']").forEach(function (button) {
          button.setAttribute("aria-pressed", Number(button.dataset.index) === index ? "true" : "false");
        });
      });
    }

    function choose(position, index) {
      var wanted = indices.slice();
      wanted[position] = index;
      if (!data.frames[key(wanted)]) {  // sweep mode: the others go back to their defaults
        wanted = defaults.slice();
        wanted[position] = index;
      }
      if (!data.frames[key(wanted)]) { return; }
      indices = wanted;
      show();
    }

    root.querySelectorAll("input[data-control]").forEach(function (input) {
      input.addEventListener("input", function () {
        choose(Number(input.dataset.control), Number(input.value));
      });
    });
    root.querySelectorAll("button[data-control]").forEach(function (button) {
      button.addEventListener("click", function () {
        choose(Number(button.dataset.control), Number(button.dataset.index));
      });
    });
    root.classList.add("course-player-ready");
  }

  function setUpAll() {
    document.querySelectorAll("div.course-player").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
