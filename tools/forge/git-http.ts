// Serves git's smart HTTP protocol by running `git http-backend` as a CGI
// program, so clones and pushes talk to real git on the server side too.
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cleanEnv } from './git.js';

export interface GitCgiRequest {
  projectRoot: string;
  /** e.g. /acme/meta.git/info/refs */
  pathInfo: string;
  query: string;
  remoteUser: string;
  /** Passed on to git's hooks through http-backend and receive-pack. */
  hookEnv?: Record<string, string>;
}

const HEADER_END = /\r?\n\r?\n/;

/** Streams the request through http-backend; resolves with the status sent. */
export function serveGitCgi(req: IncomingMessage, res: ServerResponse, cgi: GitCgiRequest): Promise<number> {
  return new Promise((resolve) => {
    const env = cleanEnv({
      GIT_PROJECT_ROOT: cgi.projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: cgi.pathInfo,
      QUERY_STRING: cgi.query,
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      REMOTE_USER: cgi.remoteUser,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
      SERVER_SOFTWARE: 'meta-rollback-forge',
      ...cgi.hookEnv,
    });
    // Without a length http-backend reads to EOF, which is what chunked uploads need.
    const length = req.headers['content-length'];
    if (length !== undefined && !req.headers['transfer-encoding']) env.CONTENT_LENGTH = length;
    else delete env.CONTENT_LENGTH;
    const protocol = req.headers['git-protocol'];
    if (typeof protocol === 'string') env.HTTP_GIT_PROTOCOL = protocol;
    const encoding = req.headers['content-encoding'];
    // http-backend inflates gzip request bodies itself when told about them.
    if (typeof encoding === 'string') env.HTTP_CONTENT_ENCODING = encoding;

    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let pending: Buffer | undefined = Buffer.alloc(0);
    let status = 200;
    const stderr: Buffer[] = [];

    const fail = (message: string): void => {
      if (!res.headersSent) {
        status = 500;
        res.writeHead(500, { 'content-type': 'text/plain' });
      }
      res.end(message);
    };

    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.stdout.on('data', (chunk: Buffer) => {
      if (pending === undefined) {
        res.write(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const text = pending.toString('latin1');
      const end = HEADER_END.exec(text);
      if (!end) return;
      const headers: Record<string, string> = {};
      for (const line of text.slice(0, end.index).split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon === -1) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      const rest = pending.subarray(Buffer.byteLength(text.slice(0, end.index + end[0].length), 'latin1'));
      pending = undefined;
      res.writeHead(status, headers);
      if (rest.length) res.write(rest);
    });
    child.on('error', (err) => {
      fail(`git http-backend failed to start: ${err.message}`);
      resolve(500);
    });
    child.on('close', (code) => {
      if (pending !== undefined) fail(`git http-backend exited ${code} without headers: ${Buffer.concat(stderr).toString()}`);
      else res.end();
      resolve(status);
    });
    child.stdin.on('error', () => {
      // http-backend may stop reading early (e.g. on errors); its output says why.
    });
    req.pipe(child.stdin);
    res.on('close', () => {
      if (child.exitCode === null) child.kill();
    });
  });
}
