// The facilitator's run page: every action is a plain form; this script only keeps the page current.
// It joins the workshop's facilitator group and reloads the page when the room changes (unless the
// facilitator is typing, when it says there are updates instead); support signals arrive the same way.
const app = document.getElementById("facilitator-app");
const connection = new signalR.HubConnectionBuilder().withUrl(app.dataset.hub).withAutomaticReconnect().build();

function refresh() {
  const typing = document.activeElement && ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
  if (typing) {
    const note = document.createElement("p");
    note.className = "govuk-body govuk-!-font-weight-bold";
    note.setAttribute("role", "status");
    note.textContent = app.dataset.updates;
    app.replaceChildren(note);
  } else {
    window.location.reload();
  }
}

let pending = null;
const soon = () => { window.clearTimeout(pending); pending = window.setTimeout(refresh, 400); };
connection.on("Room", soon);
connection.on("Support", soon);
connection.on("Tally", (message) => {
  const list = document.querySelector(`[data-tally="${CSS.escape(message.activityId)}"]`);
  if (list) soon();
});
connection.onreconnected(() => connection.invoke("Facilitate", app.dataset.workshop));
connection.start().then(() => connection.invoke("Facilitate", app.dataset.workshop)).catch(() => {});
