// The participant's live workshop page. Connects to /hubs/workshop with the SignalR client
// (window.signalR, from /lib/signalr), asks for its view of the room, and re-asks whenever the room
// changes. Everything people wrote is shown with textContent: nothing becomes markup.
const app = document.getElementById("workshop-app");
const status = document.getElementById("workshop-status");
const announcer = document.getElementById("workshop-announcer");
const supportBox = document.getElementById("workshop-support");
const signalForm = document.getElementById("workshop-signal");
const strings = JSON.parse(document.getElementById("workshop-strings").textContent);
const welsh = app.dataset.language === "cy";
const t = (key, ...args) => (strings[key] ?? key).replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ""));
// Counts use the language's plural forms (Welsh has six), rendered by the server as key.zero … key.other;
// the browser's CLDR rules pick the form, as the server's PluralRules do. {0} is the count.
const pluralRules = new Intl.PluralRules(welsh ? "cy" : "en-GB");
const plural = (key, count, ...args) => {
  const form = strings[`${key}.${pluralRules.select(count)}`] ?? strings[`${key}.other`] ?? key;
  const all = [count.toLocaleString(welsh ? "cy" : "en-GB"), ...args];
  return form.replace(/\{(\d)\}/g, (_, i) => String(all[Number(i)] ?? ""));
};
const text = (localized) => (localized ? (welsh ? localized.cy || localized.en : localized.en || localized.cy) : "");

let view = null;
let skipped = new Set();

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function announce(message) {
  // Polite: screen readers finish what they are saying first.
  announcer.textContent = "";
  window.setTimeout(() => { announcer.textContent = message; }, 50);
}

function setStatus(message) {
  status.textContent = message;
}

// Keep trying for as long as the page is open (a server restart or a long tunnel must not leave the
// page dead), quickly at first, then every 5–10 s with jitter so a whole room does not come back at once.
const retry = { nextRetryDelayInMilliseconds: (context) => context.previousRetryCount < 3 ? [0, 1000, 2000][context.previousRetryCount] : 5000 + Math.random() * 5000 };
const connection = new signalR.HubConnectionBuilder()
  .withUrl(app.dataset.hub)
  .withAutomaticReconnect(retry)
  .build();
// Set when the room is over for this person (removed, or the session ended): stop reconnecting.
let finished = false;

async function enter() {
  const result = await connection.invoke("Enter");
  if (!result.ok) {
    view = null;
    app.replaceChildren(el("p", { class: "govuk-body", text: result.message }));
    if (result.error === "Error.Participant.Removed" || result.error === "Error.Workshop.Ended" || result.error === "Error.Participant.NotFound") {
      setStatus("");
      await finish();
    }
    return;
  }
  view = result.view;
  render();
  if (view.state === "Ended") await finish();
}

async function finish() {
  finished = true;
  await connection.stop();
}

// What someone is typing or choosing must survive a re-render (another person's idea arriving, a
// tally, a reconnect): remember the values and the focus of the current activity's fields by id.
function keepInput(render) {
  const activityId = app.dataset.activity;
  const values = new Map();
  for (const field of app.querySelectorAll("textarea[id], input[id], select[id]")) {
    values.set(field.id, field.type === "checkbox" || field.type === "radio" ? field.checked : field.value);
  }
  // A form's answer ("Saved.", or why not) stays too.
  const answers = new Map([...app.querySelectorAll("form [role=status][id]")].map((m) => [m.id, [m.className, m.textContent]]));
  const focused = app.contains(document.activeElement) ? document.activeElement.id : null;
  render();
  const sameActivity = view?.current && view.current.id === activityId;
  app.dataset.activity = view?.current?.id ?? "";
  if (!sameActivity) return;
  for (const [id, value] of values) {
    const field = document.getElementById(id);
    if (!field || !app.contains(field) || field.disabled) continue;
    if (typeof value === "boolean") field.checked = value;
    else if (field.tagName !== "SELECT" || [...field.options].some((o) => o.value === value)) field.value = value;
  }
  for (const [id, [className, message]] of answers) {
    const answer = document.getElementById(id);
    if (answer && app.contains(answer)) {
      answer.className = className;
      answer.textContent = message;
    }
  }
  if (focused) document.getElementById(focused)?.focus();
}

function render() {
  keepInput(renderView);
}

function renderView() {
  if (view.state === "Paused") {
    app.replaceChildren(el("div", { class: "govuk-panel app-pause-panel" },
      el("h2", { class: "govuk-panel__title", text: t("Workshop.Live.Paused") }),
      el("div", { class: "govuk-panel__body", text: t("Workshop.Live.PausedBody") })));
    announce(t("Workshop.Live.Paused"));
    return;
  }
  if (view.state === "Ended") {
    app.replaceChildren(el("p", { class: "govuk-body", text: t("Workshop.Live.Ended") }));
    return;
  }
  if (view.yourStatus === "Waiting") {
    app.replaceChildren(el("p", { class: "govuk-body", text: t("Workshop.Live.WaitingAdmission") }));
    return;
  }
  const current = view.current;
  if (!current) {
    app.replaceChildren(el("p", { class: "govuk-body", text: t("Workshop.Live.Waiting") }));
    return;
  }
  const parts = [el("h2", { class: "govuk-heading-m", id: "activity-title", tabindex: "-1", text: text(current.title) })];
  if (current.contentWarning && !skipped.has(current.id) && !sessionStorageSafe("seen-" + current.id)) {
    parts.push(contentWarning(current));
    app.replaceChildren(...parts);
    return;
  }
  if (skipped.has(current.id)) {
    parts.push(el("p", { class: "govuk-body", text: t("Workshop.Live.Skipped") }));
    app.replaceChildren(...parts);
    return;
  }
  if (current.prompt) parts.push(el("p", { class: "govuk-body", text: text(current.prompt) }));
  switch (current.kind) {
    case "Poll": parts.push(pollForm(current)); break;
    case "IdeaBoard": parts.push(ideaBoard(current)); break;
    case "DotVoting": parts.push(dotForm(current)); break;
    case "Ranking": parts.push(rankingForm(current)); break;
    case "OutcomeFramework": parts.push(frameworkBuilder(current)); break;
  }
  parts.push(el("div", { id: "activity-tally" }));
  app.replaceChildren(...parts);
  renderTally(current.tally, current.voters);
}

// Remembered only in this tab's memory, never in storage that outlives it.
const seenWarnings = new Set();
function sessionStorageSafe(key) { return seenWarnings.has(key); }

function contentWarning(current) {
  const box = el("div", { class: "govuk-warning-text" },
    el("span", { class: "govuk-warning-text__icon", "aria-hidden": "true", text: "!" }),
    el("strong", { class: "govuk-warning-text__text" },
      el("span", { class: "govuk-visually-hidden", text: t("Workshop.Live.ContentWarning") }), text(current.contentWarning)));
  const go = el("button", { type: "button", class: "govuk-button", text: t("Workshop.Live.ContinueActivity") });
  go.addEventListener("click", () => { seenWarnings.add("seen-" + current.id); render(); document.getElementById("activity-title")?.focus(); });
  const skip = el("button", { type: "button", class: "govuk-button govuk-button--secondary", text: t("Workshop.Live.SkipActivity") });
  skip.addEventListener("click", () => { skipped.add(current.id); render(); document.getElementById("activity-title")?.focus(); });
  return el("div", {}, box, el("div", { class: "govuk-button-group" }, go, skip));
}

function errorAware(form, send) {
  const message = el("p", { class: "govuk-body", role: "status", id: form.id ? form.id + "-answer" : undefined });
  form.append(message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.textContent = "";
    // The room may re-render while the answer is on its way: answer in the form shown by then.
    const answer = (className, words) => {
      const shown = (form.id && document.getElementById(form.id)) || form;
      const target = shown.querySelector("[role=status]") || message;
      target.className = className;
      target.textContent = words;
      return shown;
    };
    try {
      const ack = await send();
      const shown = answer(ack.ok ? "govuk-body" : "govuk-error-message", ack.ok ? t("Workshop.Live.Saved") : ack.message);
      // What was written has been sent; choices stay as made (resetting would show the old ballot).
      if (ack.ok) shown.querySelectorAll("textarea").forEach((box) => { box.value = ""; });
    } catch (error) {
      answer("govuk-error-message", error?.message?.replace(/^.*HubException: /, "") || t("Workshop.Live.Offline"));
    }
  });
  return form;
}

function pollForm(current) {
  const type = current.multipleChoice ? "checkbox" : "radio";
  const group = el("div", { class: current.multipleChoice ? "govuk-checkboxes" : "govuk-radios" });
  current.items.forEach((item, i) => {
    const id = `choice-${i}`;
    const input = el("input", { class: `govuk-${type === "radio" ? "radios" : "checkboxes"}__input`, id, name: "choice", type, value: item.id, checked: (view.yourBallot || []).includes(item.id) });
    group.append(el("div", { class: `govuk-${type === "radio" ? "radios" : "checkboxes"}__item` }, input,
      el("label", { class: `govuk-label govuk-${type === "radio" ? "radios" : "checkboxes"}__label`, for: id, text: text(item.label) })));
  });
  const form = el("form", { novalidate: true, id: "poll-form" },
    el("div", { class: "govuk-form-group" }, el("fieldset", { class: "govuk-fieldset", "aria-labelledby": "activity-title" }, group)),
    el("button", { type: "submit", class: "govuk-button", text: t("Workshop.Live.Vote") }));
  return errorAware(form, () => connection.invoke("Vote", {
    activityId: current.id,
    choices: [...form.querySelectorAll("input:checked")].map((i) => i.value),
  }));
}

function ideaBoard(current) {
  const list = el("ul", { class: "govuk-list govuk-list--bullet", id: "idea-list" });
  const ideas = view.contributions.filter((c) => c.kind === "Idea" && c.status === "Approved");
  for (const idea of ideas) list.append(el("li", { lang: idea.language, text: idea.theme ? `${idea.text} (${t("Workshop.Live.Theme")}: ${idea.theme})` : idea.text }));
  if (ideas.length === 0) list.append(el("li", { text: t("Workshop.Live.NoIdeas") }));
  const form = el("form", { novalidate: true, id: "idea-form" },
    el("div", { class: "govuk-form-group" },
      el("label", { class: "govuk-label", for: "idea-text", text: t("Workshop.Live.YourIdea") }),
      el("textarea", { class: "govuk-textarea", id: "idea-text", name: "text", rows: "3", maxlength: "280" })),
    el("button", { type: "submit", class: "govuk-button", text: t("Workshop.Live.Send") }));
  errorAware(form, () => connection.invoke("Post", { activityId: current.id, kind: "Idea", text: form.querySelector("textarea").value }));
  return el("div", {}, el("h3", { class: "govuk-heading-s", text: t("Workshop.Live.Ideas") }), list, form);
}

function dotForm(current) {
  const mine = view.yourBallot || [];
  const fields = current.items.map((item, i) => {
    const id = `dots-${i}`;
    return el("div", { class: "govuk-form-group" },
      el("label", { class: "govuk-label", for: id, text: text(item.label) }),
      el("input", { class: "govuk-input govuk-input--width-2", id, type: "number", min: "0", max: String(current.dots), inputmode: "numeric", "data-item": item.id, value: String(mine.filter((m) => m === item.id).length) }));
  });
  const form = el("form", { novalidate: true, id: "dots-form" },
    el("p", { class: "govuk-body", text: plural("Workshop.Live.DotsLeft", current.dots) }), ...fields,
    el("button", { type: "submit", class: "govuk-button", text: t("Workshop.Live.Vote") }));
  return errorAware(form, () => connection.invoke("Vote", {
    activityId: current.id,
    choices: [...form.querySelectorAll("input[data-item]")].flatMap((i) => Array(Math.max(0, Math.min(10, Number(i.value) || 0))).fill(i.dataset.item)),
  }));
}

function rankingForm(current) {
  const n = current.items.length;
  const mine = view.yourBallot || [];
  const fields = current.items.map((item, i) => {
    const id = `rank-${i}`;
    const select = el("select", { class: "govuk-select", id, "data-item": item.id });
    for (let p = 1; p <= n; p++) select.append(el("option", { value: String(p), text: String(p), selected: (mine.indexOf(item.id) + 1 || i + 1) === p }));
    return el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: id, text: `${text(item.label)} — ${t("Workshop.Live.Position")}` }), select);
  });
  const form = el("form", { novalidate: true, id: "ranking-form" }, ...fields, el("button", { type: "submit", class: "govuk-button", text: t("Workshop.Live.Vote") }));
  return errorAware(form, () => connection.invoke("Vote", {
    activityId: current.id,
    choices: [...form.querySelectorAll("select")].sort((a, b) => Number(a.value) - Number(b.value)).map((s) => s.dataset.item),
  }));
}

function frameworkBuilder(current) {
  const outcomes = view.framework?.outcomes || [];
  const doc = el("div", {}, el("h3", { class: "govuk-heading-s", text: t("Workshop.Live.Framework") }));
  const list = el("ol", { class: "govuk-list govuk-list--number" });
  for (const outcome of outcomes) {
    const indicators = el("ul", { class: "govuk-list govuk-list--bullet" });
    for (const indicator of outcome.indicators) indicators.append(el("li", { text: text(indicator.statement) }));
    list.append(el("li", {}, el("span", { text: text(outcome.statement) }), outcome.indicators.length ? indicators : null));
  }
  doc.append(list);

  const proposals = view.contributions.filter((c) => c.kind === "OutcomeProposal" || c.kind === "IndicatorProposal");
  const support = el("div", { class: "govuk-checkboxes govuk-checkboxes--small" });
  proposals.forEach((p, i) => {
    const id = `support-${i}`;
    support.append(el("div", { class: "govuk-checkboxes__item" },
      el("input", { class: "govuk-checkboxes__input", id, type: "checkbox", value: p.id, checked: (view.yourBallot || []).includes(p.id), disabled: p.status === "Accepted" }),
      el("label", { class: "govuk-label govuk-checkboxes__label", for: id, lang: p.language, text: p.text })));
  });
  const supportForm = el("form", { novalidate: true, id: "support-form" },
    el("h3", { class: "govuk-heading-s", text: t("Workshop.Live.Proposals") }), support,
    el("button", { type: "submit", class: "govuk-button govuk-button--secondary", text: t("Workshop.Live.Support") }));
  errorAware(supportForm, () => connection.invoke("Vote", { activityId: current.id, choices: [...support.querySelectorAll("input:checked:not(:disabled)")].map((i) => i.value) }));

  const target = el("select", { class: "govuk-select", id: "proposal-target" }, el("option", { value: "", text: t("Workshop.Live.ProposeOutcome") }));
  for (const outcome of outcomes) target.append(el("option", { value: outcome.key, text: `${t("Workshop.Live.ProposeIndicator")}: ${text(outcome.statement)}` }));
  const proposeForm = el("form", { novalidate: true, id: "propose-form" },
    el("h3", { class: "govuk-heading-s", text: t("Workshop.Live.Propose") }),
    el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: "proposal-target", text: t("Workshop.Live.ForOutcome") }), target),
    el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: "proposal-text", text: t("Workshop.Live.YourIdea") }),
      el("textarea", { class: "govuk-textarea", id: "proposal-text", rows: "3", maxlength: "280" })),
    el("button", { type: "submit", class: "govuk-button", text: t("Workshop.Live.Send") }));
  errorAware(proposeForm, () => connection.invoke("Post", {
    activityId: current.id,
    kind: target.value ? "IndicatorProposal" : "OutcomeProposal",
    text: proposeForm.querySelector("textarea").value,
    targetKey: target.value || null,
  }));
  return el("div", {}, doc, proposals.length ? supportForm : null, proposals.length ? commentsSection(current, proposals) : null, proposeForm);
}

// Each suggestion with the comments the room may see (approved ones only reach this page) and a
// form to add one; with pre-moderation a new comment waits for the facilitator like an idea.
function commentsSection(current, proposals) {
  const section = el("div", { id: "proposal-comments" });
  proposals.forEach((p, i) => {
    const comments = view.contributions.filter((c) => c.kind === "Comment" && c.parentId === p.id);
    const list = el("ul", { class: "govuk-list govuk-list--bullet" });
    for (const c of comments) list.append(el("li", { lang: c.language, text: c.text }));
    const id = `comment-text-${i}`;
    const form = el("form", { novalidate: true },
      el("div", { class: "govuk-form-group" },
        el("label", { class: "govuk-label", for: id, text: t("Workshop.Live.YourComment") }),
        el("textarea", { class: "govuk-textarea", id, rows: "2", maxlength: "280" })),
      el("button", { type: "submit", class: "govuk-button govuk-button--secondary", text: t("Workshop.Live.SendComment") }));
    errorAware(form, () => connection.invoke("Post", { activityId: current.id, kind: "Comment", text: form.querySelector("textarea").value, parentId: p.id }));
    section.append(el("details", { class: "govuk-details", "data-proposal": p.id },
      el("summary", { class: "govuk-details__summary" },
        el("span", { class: "govuk-details__summary-text", lang: p.language, text: `${p.text} (${plural("Workshop.Live.Comments", comments.length)})` })),
      el("div", { class: "govuk-details__text" }, comments.length ? list : null, form)));
  });
  return el("div", {}, el("h3", { class: "govuk-heading-s", text: t("Workshop.Live.CommentOn") }), section);
}

function renderTally(counts, voters) {
  const box = document.getElementById("activity-tally");
  if (!box || !view?.current) return;
  if (!counts) {
    box.replaceChildren(view.current.kind === "Poll" ? el("p", { class: "govuk-body", text: t("Workshop.Live.ResultsHidden") }) : "");
    return;
  }
  const labels = new Map(view.current.items.map((i) => [i.id, text(i.label)]));
  for (const c of view.contributions) labels.set(c.id, c.text);
  const rows = el("ul", { class: "govuk-list" });
  for (const [id, count] of Object.entries(counts)) if (labels.has(id)) rows.append(el("li", { text: plural(`Workshop.Tally.${view.current.kind}`, count, labels.get(id)) }));
  box.replaceChildren(el("h3", { class: "govuk-heading-s", text: plural("Workshop.Live.Voters", voters) }), rows);
}

connection.on("Room", () => enter().catch(() => {}));
connection.on("Tally", (message) => {
  if (view?.current && message.activityId === view.current.id) {
    view.current.tally = message.counts;
    view.current.voters = message.voters;
    renderTally(message.counts, message.voters);
    announce(t("Workshop.Live.TallyUpdated"));
  }
});
connection.on("Closed", (reason) => {
  view = null;
  // In this page's language: the message was written in the language of whoever closed the room.
  const message = strings[reason.error] ?? reason.message;
  app.replaceChildren(el("p", { class: "govuk-body", text: message }));
  announce(message);
  setStatus("");
  finish();
});
connection.onreconnecting(() => setStatus(t("Workshop.Live.Reconnecting")));
connection.onreconnected(() => { setStatus(t("Workshop.Live.Connected")); enter().catch(() => {}); });
connection.onclose(() => {
  if (finished) return;
  // Automatic reconnection gave up or never started: keep trying, as the status promises.
  setStatus(t("Workshop.Live.Offline"));
  window.setTimeout(start, 5000 + Math.random() * 5000);
});

signalForm.addEventListener("submit", async (event) => {
  const kind = event.submitter?.value;
  if (!kind || connection.state !== signalR.HubConnectionState.Connected) return; // The plain form still works.
  event.preventDefault();
  const ack = await connection.invoke("Signal", kind);
  supportBox.replaceChildren(el("div", { class: "govuk-inset-text app-preserve-lines" },
    el("p", { class: "govuk-body govuk-!-font-weight-bold", text: ack.ok ? t("Workshop.Live.SignalSent") : ack.message }),
    ack.supportInformation ? el("p", { class: "govuk-body", text: ack.supportInformation }) : null));
});

// Scripts run: the page is live, so the words for people without JavaScript go.
document.getElementById("workshop-no-script")?.remove();
setStatus(t("Workshop.Live.Connecting"));

async function start() {
  if (finished || connection.state !== signalR.HubConnectionState.Disconnected) return;
  try {
    await connection.start();
    setStatus(t("Workshop.Live.Connected"));
    await enter();
  } catch {
    if (finished) return;
    setStatus(t("Workshop.Live.Offline"));
    window.setTimeout(start, 5000 + Math.random() * 5000);
  }
}
start();
