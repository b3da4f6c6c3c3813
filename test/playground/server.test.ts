// The playground's HTTP server as a browser and a hostile page would reach it: the routes of
// playground/routes.ts, bad payloads, requests from other sites and other host names, and a taken port.

import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../playground/server';
import { launch } from '../../playground/start.mjs';

let playground: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  playground = await launch({ port: 0 });
});

afterAll(async () => {
  await playground?.close();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  body: any;
}

/** One request with exactly these headers (fetch would add or refuse some, such as Host). */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { Host: `127.0.0.1:${playground.port}`, ...options.headers };
  // Host '' stands for a request without a Host header.
  const setHost = headers.Host !== '';
  if (!setHost) delete headers.Host;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: playground.port, method, path, headers, setHost }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const postJson = (path: string, payload: unknown, headers: Record<string, string> = {}) =>
  send('POST', path, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(payload) });

describe('playground server', () => {
  describe('routes', () => {
    it('answers the page’s requests', async () => {
      const sheets = await send('GET', '/api/sheets');
      expect(sheets.status).toBe(200);
      expect(sheets.body.sheets.map((s: { name: string }) => s.name)).toEqual(['ICP Accounts', 'ICP Criteria', 'ICP Segments']);
      const grid = await send('GET', '/api/window?sheet=ICP%20Accounts&row=0&rows=2&column=0&columns=2');
      expect(grid.body.cells[0].map((c: { text: string }) => c.text)).toEqual(['Company', 'Industry']);
      const input = await send('GET', '/api/input?sheet=ICP%20Accounts&row=1&column=1');
      expect(input.body).toEqual({ input: 'Company' });
      const charts = await send('GET', '/api/charts?sheet=ICP%20Segments');
      expect(charts.body.charts).toHaveLength(1);
      const state = await postJson('/api/run', { name: 'getSidebarState', active: 'ICP Accounts' });
      expect(state.body.result.table.rows).toBe(40);
    });

    it('serves the sidebar with the one google.script.run bridge before the sidebar’s code', async () => {
      const sidebar = await send('GET', '/sidebar');
      expect(sidebar.status).toBe(200);
      expect(sidebar.text.indexOf('icp-workbook-changed')).toBeGreaterThan(0);
      expect(sidebar.text.indexOf('icp-workbook-changed')).toBeLessThan(sidebar.text.indexOf('IcpSidebar'));
      // The bridge is injected as written: `$&` and `$'` in the minified script are not replacement patterns.
      const script = sidebar.text.slice(sidebar.text.indexOf('<script>') + 8, sidebar.text.indexOf('</script>'));
      expect(() => new Function(script)).not.toThrow();
    });

    it('edits a cell and loads a CSV sent as JSON', async () => {
      expect((await postJson('/api/cell', { sheet: 'ICP Criteria', row: 30, column: 1, input: 'note' })).body).toEqual({ ok: true });
      expect((await send('GET', '/api/input?sheet=ICP%20Criteria&row=30&column=1')).body).toEqual({ input: 'note' });
      const csv = await postJson('/api/csv', { csv: 'Company,Industry\nAcme,SaaS\n' });
      expect(csv.body).toEqual({ ok: true, rows: 1, sheet: 'ICP Accounts' });
      expect((await postJson('/api/csv', { csv: '' })).status).toBe(400);
      playground.workbook.setUpExample();
    });
  });

  describe('errors become answers, never a crash', () => {
    it('answers 404 for an unknown sheet on every route that names one, and stays up', async () => {
      for (const path of ['/api/charts?sheet=nope', '/api/window?sheet=nope&row=0&rows=1&column=0&columns=1', '/api/input?sheet=nope&row=1&column=1']) {
        const answer = await send('GET', path);
        expect(answer.status).toBe(404);
        expect(answer.body.error).toBe('There is no sheet named nope.');
      }
      expect((await postJson('/api/cell', { sheet: 'nope', row: 1, column: 1, input: 'x' })).status).toBe(404);
      expect((await postJson('/api/run', { name: 'getSidebarState', active: 'nope' })).status).toBe(404);
      expect((await send('GET', '/api/sheets')).status).toBe(200);
    });

    it('refuses functions the add-on does not export', async () => {
      const refused = await postJson('/api/run', { name: 'eval' });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('eval is not a server function of the add-on.');
      expect((await postJson('/api/run', { name: 'constructor' })).status).toBe(400);
    });

    it('validates every payload against the route’s schema', async () => {
      const bad: [string, unknown][] = [
        ['/api/cell', { sheet: 'ICP Accounts', row: 1.5, column: 1, input: 'x' }],
        ['/api/cell', null],
        ['/api/cell', { sheet: 'ICP Accounts', row: '1', column: 1, input: 'x' }],
        ['/api/cell', { sheet: 'ICP Accounts', row: 0, column: 1, input: 'x' }],
        ['/api/cell', { sheet: 'ICP Accounts', row: 1, column: 1, input: 5 }],
        ['/api/csv', { csv: 5 }],
        ['/api/csv', 'Company,Industry'],
        ['/api/run', { name: 'getSidebarState', args: 'x' }],
        ['/api/run', { name: 'on Open' }],
        ['/api/run', []],
      ];
      for (const [path, payload] of bad) {
        const answer = await postJson(path, payload);
        expect(answer.status, `${path} ${JSON.stringify(payload)}`).toBe(400);
        expect(answer.body.error).toMatch(/^Invalid request to \/api\//);
      }
      for (const query of ['row=1.5&column=1', 'row=&column=1', 'row=-1&column=1', 'row=1e3&column=1', 'column=1']) {
        expect((await send('GET', `/api/input?sheet=ICP%20Accounts&${query}`)).status).toBe(400);
      }
      expect((await send('GET', '/api/window?sheet=ICP%20Accounts&row=0&rows=5000&column=0&columns=1')).status).toBe(400);
      const broken = await send('POST', '/api/cell', { headers: { 'Content-Type': 'application/json' }, body: '{"sheet":' });
      expect(broken.status).toBe(400);
      expect(broken.body.error).toBe('The request body is not JSON.');
    });

    it('answers 404 for unknown paths and methods', async () => {
      expect((await send('GET', '/api/nope')).status).toBe(404);
      for (const path of ['/__proto__', '/constructor', '/toString', '/api/__proto__']) expect((await send('GET', path)).status, path).toBe(404);
      expect((await send('DELETE', '/api/cell')).status).toBe(404);
      expect(
        (await send('OPTIONS', '/api/cell', { headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } })).headers[
          'access-control-allow-origin'
        ],
      ).toBeUndefined();
    });
  });

  describe('other sites and host names', () => {
    it('refuses a text/plain POST, which any page may send without asking', async () => {
      const answer = await send('POST', '/api/cell', {
        headers: { 'Content-Type': 'text/plain', Origin: `http://127.0.0.1:${playground.port}` },
        body: JSON.stringify({ sheet: 'ICP Accounts', row: 2, column: 1, input: '=HYPERLINK("http://evil")' }),
      });
      expect(answer.status).toBe(415);
      expect(playground.workbook.input('ICP Accounts', 2, 1)).not.toMatch(/HYPERLINK/);
      for (const type of ['text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        expect((await send('POST', '/api/csv', { headers: { 'Content-Type': type }, body: 'Company\nEvil' })).status).toBe(415);
      }
    });

    it('refuses requests from another origin, even as JSON', async () => {
      for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', `http://localhost.evil.example:${playground.port}`]) {
        const answer = await postJson('/api/cell', { sheet: 'ICP Accounts', row: 2, column: 1, input: 'evil' }, { Origin: origin });
        expect(answer.status, origin).toBe(403);
      }
      expect((await send('GET', '/api/sheets', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
      expect(playground.workbook.input('ICP Accounts', 2, 1)).not.toBe('evil');
    });

    it('refuses a foreign Host header (DNS rebinding), on pages too', async () => {
      for (const host of ['evil.example', `evil.example:${playground.port}`, '127.0.0.1:1']) {
        expect((await send('GET', '/api/sheets', { headers: { Host: host } })).status, host).toBe(403);
        expect((await send('GET', '/', { headers: { Host: host } })).status, host).toBe(403);
      }
      // Without a Host header Node's HTTP parser answers 400 before the server sees the request.
      expect((await send('GET', '/api/sheets', { headers: { Host: '' } })).status).toBe(400);
    });

    it('accepts the page’s own requests by 127.0.0.1 and localhost', async () => {
      for (const host of [`127.0.0.1:${playground.port}`, `localhost:${playground.port}`]) {
        const answer = await postJson('/api/run', { name: 'getSidebarState' }, { Host: host, Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' });
        expect(answer.status).toBe(200);
      }
    });
  });

  describe('port', () => {
    it('fails clearly when the asked port is taken, or moves and says which it asked for', async () => {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const port = (taken.address() as AddressInfo).port;
      try {
        await expect(listen(createServer(), port, false)).rejects.toThrow(
          `Port ${port} is in use. Stop what uses it, or choose another with --port N (--port 0 for any free port).`,
        );
        const moved = createServer();
        expect(await listen(moved, port, true)).toBe(port);
        expect((moved.address() as AddressInfo).port).not.toBe(port);
        moved.close();
      } finally {
        taken.close();
      }
    });
  });
});
