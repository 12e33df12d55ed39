/**
 * The baseline of the submit path: an Express 5 route that only parses the JSON body and
 * echoes it, in its own process on loopback. Answers { url } on the IPC channel once listening.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';

const app = express();
app.disable('x-powered-by');
// The same body limit as Samform's API.
app.post('/echo', express.json({ limit: '1mb' }), (req, res) => {
  res.status(201).json(req.body);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on('message', (message) => {
  if (message === 'stop') server.close(() => process.exit(0));
});
