'use strict';
// Staff (and participants) the way people are: sign in through the real sign-in form (the demo accounts exist in
// Development only, with their published passwords), create a token on the real "API tokens" page, fill in the real
// forms. Cookies and anti-forgery tokens are carried by hand, as a browser would.

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

/**
 * A browser-like session on the server's pages: `page(path)` GETs a page, `submit(formPath, fields, action)` GETs the
 * page holding the form for its anti-forgery token and POSTs the fields to `action` (default: the same path).
 */
function session(base) {
  const jar = cookieJar();
  const page = async (path) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.take(response);
    const html = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    return html;
  };
  const submit = async (formPath, fields, action = formPath) => {
    const token = formToken(await page(formPath), formPath);
    const response = await fetch(`${base}${action}`, {
      method: 'POST',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, __RequestVerificationToken: token }).toString(),
      redirect: 'manual',
    });
    jar.take(response);
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  };
  return { page, submit, cookies: () => jar.header() };
}

/** Signs in at /staff/sign-in with `email` and `password`; resolves with the signed-in session. */
async function signIn(base, { email, password }) {
  const staff = session(base);
  const signedIn = await staff.submit('/staff/sign-in', { email, password });
  if (signedIn.status !== 302 || /sign-in/.test(signedIn.location ?? '')) {
    throw new Error(`signing in as ${email} failed: ${signedIn.status} ${signedIn.location ?? ''}`);
  }
  return staff;
}

/** Creates an API token named `name` at /staff/account/api-tokens and returns it (`cpt_…`). */
async function createApiToken(staff, name) {
  const created = await staff.submit('/staff/account/api-tokens', { name }, '/staff/account/api-tokens?handler=Create');
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

module.exports = { session, signIn, createApiToken, graphql };
