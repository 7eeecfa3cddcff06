interface StoredCookie {
  value: string;
  path: string;
  httpOnly: boolean;
  sameSite?: string;
  secure: boolean;
}

export interface Hop {
  url: string;
  status: number;
  location?: string;
}

/**
 * A browser as far as login is concerned: a real HTTP client (fetch) with a cookie jar scoped by
 * host and path, following redirects itself so that every Set-Cookie along the way is kept. Cookies
 * are per host, not per port, as in a browser.
 */
export class Browser {
  readonly jar = new Map<string, Map<string, StoredCookie>>();
  /** Every hop of the last `go`: status and Location, to check the redirects taken. */
  hops: Hop[] = [];

  cookie(host: string, name: string): StoredCookie | undefined {
    return this.jar.get(host)?.get(name);
  }

  async go(url: string, init: { method?: string; body?: string | URLSearchParams; headers?: Record<string, string> } = {}): Promise<{ url: string; status: number; text: string; headers: Headers }> {
    this.hops = [];
    let current = new URL(url);
    let method = init.method ?? 'GET';
    let body = init.body;
    let headers = init.headers ?? {};
    for (let i = 0; i < 20; i++) {
      const res = await fetch(current, { method, body, headers: { ...headers, ...this.cookieHeader(current) }, redirect: 'manual' });
      this.store(current, res.headers.getSetCookie());
      const location = res.headers.get('location') ?? undefined;
      this.hops.push({ url: current.href, status: res.status, location });
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        current = new URL(location, current);
        // 303 (and 302 after a POST, as browsers do) becomes a GET without a body.
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          headers = {};
        }
        continue;
      }
      return { url: current.href, status: res.status, text: await res.text(), headers: res.headers };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the first form on an HTML page with the given fields (plus its hidden inputs). */
  async submitForm(page: { url: string; text: string }, fields: Record<string, string> = {}) {
    const form = /<form[^>]*>([\s\S]*?)<\/form>/i.exec(page.text);
    if (!form) throw new Error(`no form on ${page.url}`);
    const action = /action="([^"]*)"/i.exec(form[0])?.[1] ?? page.url;
    const params = new URLSearchParams();
    for (const input of form[1]!.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) params.set(name, value);
    }
    for (const [k, v] of Object.entries(fields)) params.set(k, v);
    return this.go(new URL(action.replace(/&amp;/g, '&'), page.url).href, {
      method: 'POST',
      body: params.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private cookieHeader(url: URL): Record<string, string> {
    const cookies = [...(this.jar.get(url.hostname)?.entries() ?? [])].filter(([, c]) => url.pathname.startsWith(c.path));
    return cookies.length ? { cookie: cookies.map(([n, c]) => `${n}=${c.value}`).join('; ') } : {};
  }

  private store(url: URL, setCookies: string[]): void {
    const jar = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
    this.jar.set(url.hostname, jar);
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const attr = new Map(attrs.map((a) => {
        const i = a.indexOf('=');
        return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
      }));
      const expired = attr.get('max-age') === '0' || (attr.has('expires') && new Date(attr.get('expires')!).getTime() <= Date.now());
      if (expired || value === '') {
        jar.delete(name);
        continue;
      }
      jar.set(name, { value, path: attr.get('path') || '/', httpOnly: attr.has('httponly'), sameSite: attr.get('samesite'), secure: attr.has('secure') });
    }
  }
}

/** Logs in through the embedded provider's login page; returns the page the login ended on. */
export async function login(browser: Browser, baseUrl: string, username: string, returnTo = '/api/me') {
  const loginPage = await browser.go(`${baseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  const authorizeHops = browser.hops;
  // Already signed in at the provider (single sign-on): the provider sent us straight back.
  if (!/\/interaction\//.test(loginPage.url)) return { page: loginPage, authorizeHops, finishHops: [] as Hop[] };
  const page = await browser.submitForm(loginPage, { username });
  return { page, authorizeHops, finishHops: browser.hops };
}
