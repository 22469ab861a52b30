import { it } from 'vitest';
import { matchOperation, checkResponse, checkRequestBody, openApiStats, warmUpOpenApi } from '../forge/openapi.js';
it('scratch', () => {
console.log(warmUpOpenApi());
for (const [m,p] of [['GET','/repos/a/b'],['GET','/repos/a/b/git/ref/heads/feature/x'],['PATCH','/repos/a/b/git/refs/heads%2Ffoo'],['GET','/repos/a/b/compare/main...feature/x'],['GET','/repos/a/b/pulls/comments'],['GET','/repos/a/b/branches/rel/1/protection'],['POST','/repos/a/b/nope']] as const) {
  const r = matchOperation(m,p); console.log(m,p,r.pathKnown,r.match?.template, r.match?.params);
}
const m = matchOperation('POST','/repos/a/b/pulls').match!;
console.log(checkRequestBody(m,{title:5, head:'x', base:'y'}, true));
console.log(checkResponse(m,201,{}, true));
const t=performance.now();
console.log(checkResponse(matchOperation('GET','/repos/a/b').match!,200,{}, true).join('\n').slice(0,300));
console.log(performance.now()-t, openApiStats());
});
