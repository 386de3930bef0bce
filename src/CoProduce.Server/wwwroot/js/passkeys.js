// Passkeys (WebAuthn) on the staff sign-in page and on /staff/account/passkeys. Progressive
// enhancement: the passkey parts of those pages stay hidden unless this script runs in a browser
// with WebAuthn, and password + authenticator-app code remains the way in without it.
//
// A form marked data-passkey-form="create" or "get" is intercepted on submit: the script asks the
// server for the ceremony's options (POST to data-options-url with the form's antiforgery token),
// lets the browser prompt for the passkey, puts the result as JSON into the form's hidden
// "credential" field and submits the form for real. The server checks everything; messages the
// script may show are already in the page, in its language.

const supported = typeof window.PublicKeyCredential === "function"
  && typeof navigator.credentials?.create === "function";

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes.buffer;
}

function toBase64Url(buffer) {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const withIds = (list) => (list ?? []).map((c) => ({ ...c, id: fromBase64Url(c.id) }));

function creationOptions(json) {
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    user: { ...json.user, id: fromBase64Url(json.user.id) },
    excludeCredentials: withIds(json.excludeCredentials),
  };
}

function requestOptions(json) {
  return { ...json, challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) };
}

// The JSON shape of WebAuthn's PublicKeyCredential.toJSON(), written out for browsers without it.
function serialise(credential) {
  const response = credential.response;
  const json = {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    clientExtensionResults: credential.getClientExtensionResults(),
    response: { clientDataJSON: toBase64Url(response.clientDataJSON) },
  };
  if (response.attestationObject) {
    json.response.attestationObject = toBase64Url(response.attestationObject);
    json.response.transports = typeof response.getTransports === "function" ? response.getTransports() : [];
  } else {
    json.response.authenticatorData = toBase64Url(response.authenticatorData);
    json.response.signature = toBase64Url(response.signature);
    json.response.userHandle = response.userHandle ? toBase64Url(response.userHandle) : null;
  }
  return JSON.stringify(json);
}

function show(form, which) {
  for (const message of form.querySelectorAll("[data-passkey-message]")) {
    message.hidden = message.dataset.passkeyMessage !== which;
  }
}

async function ceremony(form) {
  const token = form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
  const response = await fetch(form.dataset.optionsUrl, {
    method: "POST",
    headers: { "X-CSRF-TOKEN": token, Accept: "application/json" },
    credentials: "same-origin",
  });
  if (!response.ok) {
    throw new Error(response.status === 429 ? "busy" : "failed");
  }

  const options = await response.json();
  const credential = form.dataset.passkeyForm === "create"
    ? await navigator.credentials.create({ publicKey: creationOptions(options) })
    : await navigator.credentials.get({ publicKey: requestOptions(options) });
  if (!credential) {
    throw new Error("failed");
  }
  return serialise(credential);
}

function enhance(form) {
  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // An empty name is the server's to explain, without a pointless passkey prompt first.
    const name = form.querySelector("input[name='passkey-name']");
    if (busy || (name && name.value.trim() === "")) {
      if (!busy) {
        form.submit();
      }
      return;
    }

    busy = true;
    show(form, null);
    try {
      form.querySelector("input[name='credential']").value = await ceremony(form);
      form.submit();
    } catch (error) {
      show(form, error?.message === "busy" ? "busy" : "failed");
      busy = false;
    }
  });
}

if (supported) {
  for (const section of document.querySelectorAll("[data-passkey-section]")) {
    section.hidden = false;
  }
  for (const note of document.querySelectorAll("[data-passkey-unsupported]")) {
    note.hidden = true;
  }
  for (const form of document.querySelectorAll("form[data-passkey-form]")) {
    enhance(form);
  }
}
