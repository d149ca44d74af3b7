// The attendee page, live: every second, ask the server whether anything changed since the
// version this page shows (204: nothing did) and, when it did, put the new run line, "Now:"
// line and item rows in place. The add form is never touched, so nothing being typed is lost.
// Without this script the page still works: its forms post, and Refresh reloads it.
(function () {
  "use strict";
  var room = document.getElementById("room");
  if (!room || !window.fetch) {
    return;
  }
  var address = room.getAttribute("data-state");
  var version = room.getAttribute("data-v") || "";
  var live = document.getElementById("live");
  var asking = false;
  var failures = 0;

  function say(text) {
    if (live) {
      live.hidden = false;
      live.textContent = text;
    }
  }

  function setText(id, text) {
    var element = document.getElementById(id);
    if (element && typeof text === "string" && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function setRows(id, rows) {
    // The rows come from this server, every text in them escaped there.
    var element = document.getElementById(id);
    if (element && typeof rows === "string") {
      element.innerHTML = rows;
    }
  }

  function show(state) {
    version = String(state.v);
    setText("run-line", state.run);
    setText("now-line", state.now);
    setRows("mine-rows", state.mine);
    setRows("everyone-rows", state.everyone);
  }

  function ask() {
    if (asking || document.hidden) {
      return;
    }
    asking = true;
    var separator = address.indexOf("?") < 0 ? "?" : "&";
    fetch(address + separator + "v=" + encodeURIComponent(version),
          {cache: "no-store", credentials: "same-origin", redirect: "error"})
      .then(function (reply) {
        if (reply.status === 204) {
          return null;
        }
        if (!reply.ok) {
          throw new Error("status " + reply.status);
        }
        return reply.json();
      })
      .then(function (state) {
        if (state) {
          show(state);
        }
        failures = 0;
        say(" · live");
      })
      .catch(function () {
        failures += 1;
        say(failures > 2 ? " · not connected: retrying (what you type is kept)" : " · live");
      })
      .then(function () {
        asking = false;
      });
  }

  say(" · live");
  window.setInterval(ask, 1000);
  document.addEventListener("visibilitychange", ask);
})();
