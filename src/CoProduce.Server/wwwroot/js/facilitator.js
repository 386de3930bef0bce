// The facilitator's run page: every action is a plain form; this script only keeps the page current.
// It joins the workshop's facilitator group and reloads the page when the room changes (unless the
// facilitator is typing or a new join code is on screen, when it says there are updates instead);
// support signals and people joining arrive the same way.
const app = document.getElementById("facilitator-app");
let pending = null;
// Keep trying for as long as the page is open: a server restart must not leave the facilitator's page dead.
const retry = { nextRetryDelayInMilliseconds: (context) => context.previousRetryCount < 3 ? [0, 1000, 2000][context.previousRetryCount] : 5000 };
const connection = new signalR.HubConnectionBuilder().withUrl(app.dataset.hub).withAutomaticReconnect(retry).build();
// Once the facilitator has sent a form or is leaving the page, a reload must not replace where they
// are going (e.g. the answer with a new join code, shown only there, or an error message).
let leaving = false;
const leave = () => { leaving = true; window.clearTimeout(pending); };
document.addEventListener("submit", leave);
window.addEventListener("beforeunload", leave);
window.addEventListener("pageshow", () => { leaving = false; });

function refresh() {
  if (leaving) return;
  const typing = document.activeElement && ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
  // A new join code is shown only in the answer that made it: a reload would lose it.
  const showingCode = document.querySelector(".app-join-code") !== null;
  if (typing || showingCode) {
    const note = document.createElement("p");
    note.className = "govuk-body govuk-!-font-weight-bold";
    note.setAttribute("role", "status");
    note.textContent = app.dataset.updates;
    app.replaceChildren(note);
  } else {
    window.location.reload();
  }
}

const soon = () => { window.clearTimeout(pending); pending = window.setTimeout(refresh, 400); };
connection.on("Room", soon);
connection.on("Support", soon);
connection.on("Tally", (message) => {
  const list = document.querySelector(`[data-tally="${CSS.escape(message.activityId)}"]`);
  if (list) soon();
});
// Joins the facilitators' group. Messages sent before that (while the page loaded, or while the
// connection was down) are not sent again: if the room is not what the page shows, reload it.
async function facilitate() {
  const ack = await connection.invoke("Facilitate", app.dataset.workshop);
  if (!ack.ok) return;
  app.dataset.connected = "true";
  if (ack.stamp !== app.dataset.stamp) soon();
}
connection.onreconnecting(() => { app.dataset.connected = "false"; });
connection.onreconnected(() => facilitate().catch(() => {}));
connection.onclose(() => { app.dataset.connected = "false"; window.setTimeout(start, 5000); });
async function start() {
  try {
    await connection.start();
    await facilitate();
  } catch {
    if (connection.state === signalR.HubConnectionState.Disconnected) window.setTimeout(start, 5000);
  }
}
start();
