import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../../src/core/errors.js';
import { HealthConfigError, parseHealthChecks } from '../../../src/core/health/validate.js';

const where = { file: 'manifests/components.yaml', component: 'alpha' };

function problem(raw: unknown): string {
  try {
    parseHealthChecks(raw, where);
  } catch (err) {
    expect(err).toBeInstanceOf(HealthConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a HealthConfigError');
}

describe('parseHealthChecks', () => {
  it('reads the checks of the contract example and fills in defaults', () => {
    const raw = parse(`
      - name: api
        http: https://scraper.\${env}.acme.example/healthz
        expect_status: 200
        envs: [staging, prod]
      - name: unit
        command: ["npm", "test"]
      - name: ready
        http: http://localhost:8080/ready
        expect_body: ok
        timeout: 0.5
        retries: 0
    `) as unknown;
    expect(parseHealthChecks(raw, where)).toEqual([
      {
        kind: 'http',
        name: 'api',
        url: 'https://scraper.${env}.acme.example/healthz',
        expectStatus: 200,
        timeoutSeconds: 10,
        retries: 2,
        envs: ['staging', 'prod'],
      },
      { kind: 'command', name: 'unit', command: ['npm', 'test'], timeoutSeconds: 120 },
      {
        kind: 'http',
        name: 'ready',
        url: 'http://localhost:8080/ready',
        expectStatus: 200,
        expectBody: 'ok',
        timeoutSeconds: 0.5,
        retries: 0,
      },
    ]);
  });

  it('treats a missing or empty health key as no checks', () => {
    expect(parseHealthChecks(undefined, where)).toEqual([]);
    expect(parseHealthChecks(null, where)).toEqual([]);
    expect(parseHealthChecks([], where)).toEqual([]);
  });

  it('is an input error carrying the file and field', () => {
    let caught: unknown;
    try {
      parseHealthChecks([{ name: 'api', http: 'http://x/', expect_status: 700 }], where);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(caught).toMatchObject({
      file: 'manifests/components.yaml',
      field: 'components.alpha.health[0].expect_status',
      problem: 'must be an integer 100-599',
      exitCode: 2,
    });
  });

  const ok = { name: 'api', http: 'http://127.0.0.1/healthz' };
  const cases: Array<[string, unknown, string]> = [
    ['not a list', { name: 'api' }, 'components.alpha.health: must be a list of checks'],
    ['an entry that is not a mapping', ['api'], 'components.alpha.health[0]: must be a mapping with a name and either http or command'],
    ['a missing name', [{ http: 'http://x/' }], 'components.alpha.health[0].name: missing (every check needs a name)'],
    ['an empty name', [{ name: ' ', http: 'http://x/' }], 'components.alpha.health[0].name: must be a non-empty string'],
    ['a name that is not a string', [{ name: 7, http: 'http://x/' }], 'components.alpha.health[0].name: must be a non-empty string'],
    ['a multi-line name', [{ name: 'a\nb', http: 'http://x/' }], 'components.alpha.health[0].name: must be a single line without control characters'],
    ['the reserved name', [{ name: 'lock', http: 'http://x/' }], 'components.alpha.health[0].name: "lock" is reserved for the built-in lock check'],
    [
      'a duplicate name',
      [ok, { name: 'unit', command: ['true'] }, { name: 'api', command: ['true'] }],
      'components.alpha.health[2].name: duplicate check name "api" (also at health[0])',
    ],
    ['both http and command', [{ ...ok, command: ['true'] }], 'components.alpha.health[0]: has both http and command (a check is one or the other)'],
    ['neither http nor command', [{ name: 'api' }], 'components.alpha.health[0]: needs either http (a URL) or command (an argv list)'],
    [
      'an unknown field',
      [{ ...ok, expect_stauts: 200 }],
      'components.alpha.health[0].expect_stauts: unknown field (expected one of: name, http, command, expect_status, expect_body, timeout, retries, envs)',
    ],
    [
      'a command given as a string',
      [{ name: 'unit', command: 'npm test' }],
      'components.alpha.health[0].command: must be a list of strings (argv), not a string: no shell splits it; write e.g. ["npm","test"]',
    ],
    ['an empty command', [{ name: 'unit', command: [] }], 'components.alpha.health[0].command: must be a non-empty list of strings (argv)'],
    ['a non-string argument', [{ name: 'unit', command: ['sleep', 5] }], 'components.alpha.health[0].command[1]: must be a string'],
    ['an empty program', [{ name: 'unit', command: ['', 'x'] }], 'components.alpha.health[0].command[0]: must name a program'],
    ['a URL that is not a string', [{ name: 'api', http: 80 }], 'components.alpha.health[0].http: must be a URL string'],
    ['an unparsable URL', [{ name: 'api', http: 'not a url' }], 'components.alpha.health[0].http: not a valid URL: "not a url"'],
    ['a non-http URL', [{ name: 'api', http: 'ftp://host/x' }], 'components.alpha.health[0].http: must be an http:// or https:// URL, not "ftp"'],
    [
      'credentials in the URL',
      [{ name: 'api', http: 'https://user:pw@host/x' }],
      'components.alpha.health[0].http: must not contain credentials (the URL appears in reports and logs)',
    ],
    [
      'an unknown placeholder',
      [{ name: 'api', http: 'https://${region}.host/x' }],
      'components.alpha.health[0].http: unknown placeholder ${region} (only ${env} is supported)',
    ],
    ['a status out of range', [ok, { ...ok, name: 'b', expect_status: 99 }], 'components.alpha.health[1].expect_status: must be an integer 100-599'],
    ['a fractional status', [{ ...ok, expect_status: 200.5 }], 'components.alpha.health[0].expect_status: must be an integer 100-599'],
    ['a status given as a string', [{ ...ok, expect_status: '200' }], 'components.alpha.health[0].expect_status: must be an integer 100-599'],
    ['an empty expected body', [{ ...ok, expect_body: '' }], 'components.alpha.health[0].expect_body: must be a non-empty string'],
    [
      'a timeout given as a string',
      [{ ...ok, timeout: '10s' }],
      'components.alpha.health[0].timeout: must be a number of seconds greater than 0 and at most 3600',
    ],
    ['a zero timeout', [{ ...ok, timeout: 0 }], 'components.alpha.health[0].timeout: must be a number of seconds greater than 0 and at most 3600'],
    ['a huge timeout', [{ ...ok, timeout: 86400 }], 'components.alpha.health[0].timeout: must be a number of seconds greater than 0 and at most 3600'],
    ['fractional retries', [{ ...ok, retries: 1.5 }], 'components.alpha.health[0].retries: must be an integer 0-10'],
    ['negative retries', [{ ...ok, retries: -1 }], 'components.alpha.health[0].retries: must be an integer 0-10'],
    ['retries on a command', [{ name: 'unit', command: ['true'], retries: 1 }], 'components.alpha.health[0].retries: only applies to http checks'],
    ['expect_status on a command', [{ name: 'unit', command: ['true'], expect_status: 200 }], 'components.alpha.health[0].expect_status: only applies to http checks'],
    ['envs that is not a list', [{ ...ok, envs: 'prod' }], 'components.alpha.health[0].envs: must be a non-empty list of environment names'],
    ['an empty envs list', [{ ...ok, envs: [] }], 'components.alpha.health[0].envs: must be a non-empty list of environment names'],
    ['a non-string env', [{ ...ok, envs: ['prod', 1] }], 'components.alpha.health[0].envs[1]: must be a string'],
    [
      'an invalid env name',
      [{ ...ok, envs: ['prod east'] }],
      `components.alpha.health[0].envs[0]: invalid environment name "prod east" (letters, digits, '.', '_' and '-'; no '..', no trailing '.' or '.lock')`,
    ],
  ];

  it.each(cases)('rejects %s', (_label, raw, message) => {
    expect(problem(raw)).toBe(`manifests/components.yaml: ${message}`);
  });
});
