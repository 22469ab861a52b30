export const id = 650;
export const ids = [650];
export const modules = {

/***/ 4650:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2264);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3251);




const GitHubClient = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
/**
 * An Octokit that retries 5xx answers and dropped connections (plugin-retry) and waits out primary
 * and secondary rate limits (plugin-throttling) instead of failing an incident run on a blip.
 *
 * plugin-throttling also spaces writes 1 s apart and writes that notify people (pull requests,
 * comments, merges) 3 s apart: right for a bot making many writes, but an incident rollback makes
 * a handful, and that spacing was most of its time. Writes stay one at a time, as GitHub asks, with
 * no pause; a secondary rate limit or a 429 is still waited out as its `retry-after` says.
 */
function createGitHubClient(options) {
    const retries = options.rateLimitRetries ?? 3;
    const log = options.log ?? (() => undefined);
    return new GitHubClient({
        auth: options.token,
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: 'meta-rollback',
        // The request log reports every failed request (`POST /repos/... - 403 with id ...`); the action
        // reports the failure itself, once, so only Octokit's own warnings (deprecations) are passed on.
        log: { debug: () => undefined, info: () => undefined, warn: (m) => log(m), error: () => undefined },
        // 405 (not mergeable, merge queue required) and 409 (head moved) are answers, not blips: the
        // plugin's default would retry them with seconds of backoff.
        retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 451] },
        throttle: {
            write: new bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__.Group({ id: 'meta-rollback-write', maxConcurrent: 1, minTime: 0 }),
            notifications: new bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__.Group({ id: 'meta-rollback-notifications', maxConcurrent: 1, minTime: 0 }),
            onRateLimit: (retryAfter, request, _o, retryCount) => {
                log(`rate limit reached on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
                return retryCount < retries;
            },
            onSecondaryRateLimit: (retryAfter, request, _o, retryCount) => {
                log(`secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
                return retryCount < retries;
            },
        },
    });
}


/***/ })

};
