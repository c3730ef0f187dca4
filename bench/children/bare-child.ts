/**
 * Child process of the HTTP suite: the floor. A bare node:http server that answers every POST
 * with a fixed JSON body of the given size, reading the request body first as GraphQL over HTTP
 * would. Prints `{"url": …}` once listening.
 *
 * argv: <bodyBytes>
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const size = Number(process.argv[2] ?? 1000);
// `{"data":{"x":"` + filler + `"}}` is 17 bytes of JSON around the filler.
const body = Buffer.from(`{"data":{"x":"${'x'.repeat(Math.max(0, size - 17))}"}}`);
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, bytes: body.length })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
