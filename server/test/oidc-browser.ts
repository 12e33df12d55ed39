/**
 * A cookie-keeping HTTP client that follows redirects across origins by hand, the way a browser
 * walks an OpenID Connect code flow between Samform and the demo IdP.
 */
export class OidcBrowser {
  /** Cookies per host (name -> value); paths are not told apart, which these tests never need. */
  readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const host = new URL(origin).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(name, value);
  }

  /** One request, no redirects followed; the answer's cookies are kept. */
  async fetch(url: string, init: { method?: string; body?: URLSearchParams | string; headers?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookies === '' ? {} : { cookie: cookies }), ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (!this.jar.has(target.host)) this.jar.set(target.host, new Map());
      if (expired) this.jar.get(target.host)!.delete(name);
      else this.jar.get(target.host)!.set(name, value);
    }
    return response;
  }

  /** GET and follow redirects until an answer that is not one, or one leading to `stopAt`'s origin and path. */
  async follow(url: string, stopAt?: (location: URL) => boolean): Promise<{ response: Response; url: string }> {
    let current = url;
    for (let hop = 0; hop < 15; hop++) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return { response, url: current };
      const next = new URL(location, current);
      if (stopAt?.(next)) return { response, url: next.href };
      current = next.href;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/**
 * Walk a login from `startUrl` (Samform's login route) through the demo IdP as `persona`:
 * choose the persona on the picker and follow the redirects back to Samform, stopping at the
 * first Samform address after `callbackPath`. Returns that address, the picker's HTML and
 * headers, and the callback's answer when it was not a redirect (a refusal).
 */
export async function logInThroughIdp(
  browser: OidcBrowser,
  startUrl: string,
  persona: string,
  callbackPath: string,
): Promise<{ landedAt: string; pickerHtml: string; pickerHeaders: Headers; callback?: Response }> {
  const samformOrigin = new URL(startUrl).origin;
  const picker = await browser.follow(startUrl);
  if (picker.response.status !== 200) throw new Error(`expected the persona picker, got ${picker.response.status} at ${picker.url}`);
  const pickerHtml = await picker.response.text();
  const action = /<form method="post" action="([^"]+)">/.exec(pickerHtml)?.[1];
  if (action === undefined) throw new Error('no form on the persona picker');
  const chosen = await browser.fetch(new URL(action, picker.url).href, {
    method: 'POST',
    body: new URLSearchParams({ persona, action: 'login' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const location = chosen.headers.get('location');
  if (location === null) throw new Error(`the picker answered ${chosen.status} without a redirect: ${await chosen.text()}`);
  const back = await browser.follow(new URL(location, picker.url).href, (next) => next.origin === samformOrigin && next.pathname !== callbackPath);
  return { landedAt: back.url, pickerHtml, pickerHeaders: picker.response.headers, ...(back.response.status < 300 || back.response.status >= 400 ? { callback: back.response } : {}) };
}

/** A citizen's e-ID login at Östersund through the demo IdP, coming back to `returnTo`. */
export function logInWithEId(browser: OidcBrowser, samformUrl: string, persona: string, returnTo = '/t/ostersund'): ReturnType<typeof logInThroughIdp> {
  return logInThroughIdp(browser, `${samformUrl}/t/ostersund/e-id/login?return=${encodeURIComponent(returnTo)}`, persona, '/e-id/callback');
}
