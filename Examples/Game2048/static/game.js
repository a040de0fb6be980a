// 2048 client: sends moves over the WebSocket and draws the boards the server
// sends back. No game rules here — the server is the authority.
"use strict";

(function () {
  const game = document.getElementById("game");
  const cells = Array.from(document.querySelectorAll("#board .cell"));
  const score = document.getElementById("score");
  const status = document.getElementById("status");
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(scheme + "//" + location.host + game.dataset.socket);
  const keys = { ArrowUp: 0, ArrowRight: 1, ArrowDown: 2, ArrowLeft: 3 };

  function send(message) {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function draw(state) {
    state.board.flat().forEach(function (value, index) {
      cells[index].textContent = value ? String(value) : "";
      cells[index].dataset.value = String(Math.min(value, 4096));
    });
    score.textContent = String(state.score);
    if (state.over) status.textContent = "Game over. Start a new game?";
    else if (state.won) status.textContent = "You made 2048! Keep going.";
    else status.textContent = "";
  }

  socket.addEventListener("open", function () { status.textContent = ""; });
  socket.addEventListener("close", function () { status.textContent = "Disconnected. Reload the page to play again."; });
  socket.addEventListener("message", function (event) {
    const state = JSON.parse(event.data);
    if (state.error) status.textContent = state.error;
    else draw(state);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key in keys && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      send({ move: keys[event.key] });
    }
  });
  document.querySelectorAll("[data-move]").forEach(function (button) {
    button.addEventListener("click", function () { send({ move: Number(button.dataset.move) }); });
  });
  document.getElementById("new-game").addEventListener("click", function () { send({ new: true }); });

  // Swipes on touch screens: the longer axis of the gesture decides.
  let start = null;
  game.addEventListener("touchstart", function (event) {
    start = { x: event.touches[0].clientX, y: event.touches[0].clientY };
  }, { passive: true });
  game.addEventListener("touchend", function (event) {
    if (!start) return;
    const dx = event.changedTouches[0].clientX - start.x;
    const dy = event.changedTouches[0].clientY - start.y;
    start = null;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < 30) return;
    send({ move: Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 1 : 3) : (dy > 0 ? 2 : 0) });
  });
})();
