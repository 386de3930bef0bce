'use strict';
// A staff API token obtained the way a person gets one: sign in through the real sign-in form (the demo accounts
// exist in Development only, with their published passwords), then create a token on the real "API tokens" page.
// Cookies and the anti-forgery token are carried by hand, as a browser would.

/** A tiny cookie jar: name → value, filled from Set-Cookie headers. */
function cookieJar() {
  const cookies = new Map();
  return {
    take(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    header() {
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
  };
}

function formToken(html, page) {
  const match = /name="__RequestVerificationToken"[^>]*value="([^"]+)"/.exec(html) ?? /value="([^"]+)"[^>]*name="__RequestVerificationToken"/.exec(html);
  if (!match) throw new Error(`${page} has no anti-forgery token in its form`);
  return match[1];
}

async function get(base, path, jar) {
  const response = await fetch(`${base}${path}`, { headers: { cookie: jar.header() }, redirect: 'manual' });
  jar.take(response);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return html;
}

async function post(base, path, jar, fields) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  jar.take(response);
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/**
 * Signs in at /staff/sign-in with `email` and `password`, creates an API token named `name` at
 * /staff/account/api-tokens and returns it (`cpt_…`).
 */
async function createApiToken(base, { email, password, name }) {
  const jar = cookieJar();
  const signInPage = await get(base, '/staff/sign-in', jar);
  const signedIn = await post(base, '/staff/sign-in', jar, {
    email,
    password,
    __RequestVerificationToken: formToken(signInPage, 'the sign-in page'),
  });
  if (signedIn.status !== 302 || /sign-in/.test(signedIn.location ?? '')) {
    throw new Error(`signing in as ${email} failed: ${signedIn.status} ${signedIn.location ?? ''}`);
  }

  const tokensPage = await get(base, '/staff/account/api-tokens', jar);
  const created = await post(base, '/staff/account/api-tokens?handler=Create', jar, {
    name,
    __RequestVerificationToken: formToken(tokensPage, 'the API tokens page'),
  });
  const token = /id="new-token"[^>]*>(cpt_[^<\s]+)</.exec(created.html);
  if (created.status !== 200 || !token) throw new Error(`creating an API token failed: ${created.status}`);
  return token[1];
}

/** POSTs a GraphQL request (optionally with a bearer token) and returns the parsed body; throws on errors. */
async function graphql(url, query, variables, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.split('{')[0].trim() || 'query'} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

module.exports = { createApiToken, graphql };
