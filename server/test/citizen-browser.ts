/** One browser of a citizen: its `samform.citizen` cookie, posting plain forms from the app's own pages. */
export class CitizenBrowser {
  cookie: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async get(path: string): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: 'manual' });
    this.keep(response);
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  /** A plain urlencoded post; by default from the app's own origin, as a browser sends it. */
  async post(path: string, fields: [string, string][], headers: Record<string, string> = { origin: this.baseUrl }): Promise<{ status: number; html: string; location: string | null }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
    this.keep(response);
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }

  private keep(response: Response): void {
    const set = response.headers.getSetCookie().find((c) => c.startsWith('samform.citizen='));
    if (set) this.cookie = set.split(';')[0];
  }
}

/** The page's state block (what the browser hydrates from). */
export function stateOf(html: string): any {
  const json = /<script type="application\/json" id="sf-state">(.*?)<\/script>/s.exec(html)?.[1];
  return json === undefined ? undefined : JSON.parse(json);
}
