// Squall chat client: the browser half of Examples/ChatDemo (Tornado's
// demos/websocket/static/chat.js, without jQuery).
//
// The page arrives with the recent messages already rendered into #inbox. This
// script opens a WebSocket to /chatsocket, sends the message form's fields as
// JSON, and appends each message the server broadcasts (its "html" was rendered
// and escaped by the server) unless an element with the same id is already there.
// When the connection drops it reconnects with exponential back-off and asks for
// the messages it missed; messages written meanwhile wait in a queue.
"use strict";

(function () {
  const inbox = document.getElementById("inbox");
  const form = document.getElementById("messageform");
  const input = document.getElementById("message");
  const statusLabel = document.getElementById("status");
  const onlineLabel = document.getElementById("online");
  const maxBytes = Number(form.dataset.maxBytes) || 4096;
  const encoder = new TextEncoder();
  const clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

  const firstRetryDelay = 500;
  const maxRetryDelay = 10000;
  let retryDelay = firstRetryDelay;
  let socket = null;
  let myName = null;
  // Frames written while the connection is down, sent in order once it is back.
  const queue = [];

  function socketURL() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + location.host + "/chatsocket";
  }

  function setStatus(state, text) {
    statusLabel.className = "status " + state;
    statusLabel.textContent = text;
    document.body.dataset.connection = state;
  }

  function setOnline(count) {
    if (typeof count !== "number") return;
    onlineLabel.dataset.count = String(count);
    onlineLabel.textContent = count + " online";
  }

  function connect() {
    setStatus("connecting", "Connecting…");
    const ws = new WebSocket(socketURL());
    socket = ws;
    ws.onopen = function () {
      retryDelay = firstRetryDelay;
      setStatus("online", "Connected");
      // Catch up on whatever was said since the newest message on the page:
      // between rendering the page and opening the socket, or while offline.
      ws.send(JSON.stringify({ type: "history", since: newestMessageID() }));
      while (queue.length > 0 && ws.readyState === WebSocket.OPEN) ws.send(queue.shift());
    };
    ws.onmessage = function (event) { handleFrame(event.data); };
    ws.onclose = function () {
      if (socket !== ws) return;
      socket = null;
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    const delay = retryDelay + Math.floor(Math.random() * 250);
    retryDelay = Math.min(retryDelay * 2, maxRetryDelay);
    setStatus("offline", "Offline, retrying in " + Math.ceil(delay / 1000) + " s…");
    setTimeout(connect, delay);
  }

  function newestMessageID() {
    const messages = inbox.querySelectorAll(".message");
    return messages.length > 0 ? messages[messages.length - 1].id.slice(1) : "";
  }

  function handleFrame(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch (error) {
      return;
    }
    switch (frame.type) {
      case "message": showMessage(frame); break;
      case "history": (frame.messages || []).forEach(showMessage); break;
      case "welcome": welcome(frame); break;
      case "presence": showPresence(frame); break;
      case "error": showNotice(frame.error, "error"); break;
    }
  }

  function welcome(frame) {
    myName = frame.name;
    setOnline(frame.online);
    const nickname = document.getElementById("nickname");
    if (nickname && nickname.value === "") nickname.placeholder = frame.name;
  }

  function nearBottom() {
    return inbox.scrollHeight - inbox.scrollTop - inbox.clientHeight < 80;
  }

  function append(node, forceScroll) {
    const stick = forceScroll || nearBottom();
    inbox.appendChild(node);
    if (stick) inbox.scrollTop = inbox.scrollHeight;
  }

  function showMessage(message) {
    if (document.getElementById("m" + message.id)) return;
    // The server escaped everything in "html"; <template> parses it inertly.
    const template = document.createElement("template");
    template.innerHTML = message.html;
    const node = template.content.firstElementChild;
    if (!node) return;
    localizeTimes(node);
    const mine = message.sender === myName;
    if (mine) node.classList.add("mine");
    append(node, mine);
  }

  function showPresence(frame) {
    setOnline(frame.online);
    (frame.events || []).forEach(function (event) {
      const verb = event.kind === "join" ? " joined from " : " left from ";
      showNotice(event.name + verb + event.ip, event.kind, event.time);
    });
    if (frame.more > 0) showNotice("… and " + frame.more + " more came or went", "presence");
  }

  function showNotice(text, kind, isoTime) {
    const notice = document.createElement("div");
    notice.className = "notice " + kind;
    notice.textContent = text;
    if (isoTime) {
      const time = document.createElement("time");
      time.dateTime = isoTime;
      notice.appendChild(document.createTextNode(" · "));
      notice.appendChild(time);
      localizeTimes(notice);
    }
    append(notice, kind === "error");
  }

  function localizeTimes(node) {
    node.querySelectorAll("time[datetime]").forEach(function (time) {
      const date = new Date(time.dateTime);
      if (!isNaN(date)) {
        time.textContent = clockFormat.format(date);
        time.title = date.toLocaleString();
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const body = input.value;
    if (body.trim() === "") return;
    if (encoder.encode(body).length > maxBytes) {
      showNotice("That message is too long (the limit is " + maxBytes + " bytes).", "error");
      return;
    }
    const fields = { body: body, _xsrf: form.elements["_xsrf"].value };
    const frame = JSON.stringify(fields);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(frame);
    } else {
      queue.push(frame);
      showNotice("Offline: your message will be sent when the connection is back.", "queued");
    }
    input.value = "";
    input.focus();
  });

  localizeTimes(inbox);
  inbox.scrollTop = inbox.scrollHeight;
  connect();
})();
