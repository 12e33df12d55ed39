import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { startTestServer } from './harness.ts';

describe('graceful shutdown', () => {
  it('when close() is called while a submission is still arriving, then that request completes with 201 and new connections are refused', async () => {
    const server = await startTestServer();
    const { port } = new URL(server.url);
    const body = JSON.stringify({ data: exampleAnswers('region-jamtland-harjedalen', 'felanmalan', new Date()) });
    const answer = new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/t/ostersund/services/felanmalan/submissions', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.running.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    const { status, text } = await answer;
    expect(status).toBe(201);
    expect(JSON.parse(text).reference).toMatch(/^\w{4}-\w{4}$/);
    await closing;
    await server.close();
  });
});
