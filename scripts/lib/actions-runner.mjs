// What a GitHub Actions runner gives a JavaScript action, and how it reads the action's outputs:
// shared by the tests, the benchmark and the demo, so all run the action as a runner does.

/** Parses GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` blocks (and `name=value` lines) as the runner does. */
export function parseOutputFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (match) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
      out[match[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

/**
 * The environment of one action step: the runner's variables, the inputs as INPUT_<NAME> (the
 * runner upper-cases the name and keeps its dashes), and nothing of the caller's git config.
 */
export function runnerEnvironment({ home, workspace, runnerTemp, outputFile, summaryFile, apiUrl, serverUrl, repository, inputs, extra = {} }) {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_GRAPHQL_URL: `${serverUrl}/api/graphql`,
    GITHUB_REPOSITORY: repository,
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTOR: 'on-call-engineer',
    RUNNER_TEMP: runnerTemp,
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}
