import type { Page, Request } from 'playwright-core';
import { screenshot } from './browser';

/** One API call the page made, as the browser saw it. */
interface Exchange {
  method: string;
  path: string;
  status?: number;
  failure?: string;
  body?: string;
}

const KEEP = 40;
const BODY_CHARS = 600;
const SERVER_LOG_CHARS = 4000;

/**
 * What the browser did recently (API calls with their status, refused answers with their body, calls that
 * never answered, console errors), so that a failed step can say why instead of only "timed out".
 */
export class PageDiagnostics {
  private readonly exchanges = new Map<Request, Exchange>();
  private readonly consoleErrors: string[] = [];

  /** `serverLog` gives the tail of the platform's own log, added to a failure's report. */
  constructor(
    private readonly page: Page,
    private readonly serverLog: () => string = () => '',
  ) {
    page.on('request', (request) => {
      if (!isApi(request.url())) return;
      this.exchanges.set(request, { method: request.method(), path: pathOf(request.url()) });
      if (this.exchanges.size > KEEP) this.exchanges.delete(this.exchanges.keys().next().value!);
    });
    page.on('response', (response) => {
      const exchange = this.exchanges.get(response.request());
      if (!exchange) return;
      exchange.status = response.status();
      // Refused answers carry the service's message: keep it (SSE and 2xx bodies are not needed).
      if (response.status() >= 400) {
        response.text().then(
          (text) => (exchange.body = text.slice(0, BODY_CHARS)),
          () => undefined,
        );
      }
    });
    page.on('requestfailed', (request) => {
      const exchange = this.exchanges.get(request);
      if (exchange) exchange.failure = request.failure()?.errorText ?? 'failed';
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text().slice(0, BODY_CHARS));
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
  }

  /** The page's visible alerts and statuses, the recent API calls and console errors, as text. */
  async report(): Promise<string> {
    const lines: string[] = [];
    const shown = await this.page
      .locator('[role="alert"], [role="status"]')
      .allInnerTexts()
      .catch((error: Error) => [`(could not read the page: ${error.message})`]);
    lines.push(`page: ${this.page.url()}`);
    lines.push(
      `shown alerts/statuses: ${shown.length ? shown.map((text) => JSON.stringify(text.trim())).join(' | ') : 'none'}`,
    );
    lines.push('recent API calls (oldest first):');
    for (const exchange of this.exchanges.values()) {
      const outcome = exchange.failure ?? (exchange.status === undefined ? 'NO ANSWER YET' : String(exchange.status));
      lines.push(`  ${exchange.method} ${exchange.path} -> ${outcome}${exchange.body ? ` ${exchange.body}` : ''}`);
    }
    if (this.consoleErrors.length) lines.push(`console errors: ${this.consoleErrors.slice(-10).join(' | ')}`);
    const log = this.serverLog().slice(-SERVER_LOG_CHARS);
    if (log) lines.push(`platform log (last ${SERVER_LOG_CHARS} characters):\n${log}`);
    return lines.join('\n');
  }

  /**
   * Runs one step of a test; when it fails, saves a screenshot (failure-<name>.png) and fails with the
   * original error plus what the page showed and which API calls were refused or still open.
   */
  async step(name: string, work: () => Promise<void>, budgetMs: number): Promise<void> {
    // Fail a little before jest's own timeout would, which would leave no screenshot and no report.
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the step did not finish within ${budgetMs} ms`)), budgetMs);
    });
    try {
      await Promise.race([work(), outOfTime]);
    } catch (error) {
      const file = `failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
      await screenshot(this.page, file).catch(() => undefined);
      const report = await this.report();
      const original = error instanceof Error ? error.message : String(error);
      throw new Error(`${original}\n--- ${file}.png ---\n${report}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

function isApi(url: string): boolean {
  return /\/(spider|tumblebug|mcmeta|hub|api)\//.test(new URL(url).pathname);
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}
