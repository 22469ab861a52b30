// A stand-in for a production system, for the action demo and the tests: GET /health/<name>/<env>
// answers 200 or whatever status `verdict(name, env)` returns, so a meta-repo's http health check
// (see addHttpHealthCheck) sees a healthy or a broken service without any network.
import { createServer } from 'node:http';

export async function startProduction(verdict) {
  const server = createServer((req, res) => {
    const [, name = '', env = ''] = /^\/health\/([^/]+)\/([^/]+)$/.exec(req.url ?? '') ?? [];
    const status = name ? verdict(decodeURIComponent(name), decodeURIComponent(env)) : 404;
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status === 200 ? 'ok' : 'down');
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    /** The health URL of service `name`, with the `${env}` placeholder the health check fills in. */
    healthUrl: (name) => `${url}/health/${encodeURIComponent(name)}/\${env}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
