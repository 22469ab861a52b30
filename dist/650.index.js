export const id = 650;
export const ids = [650];
export const modules = {

/***/ 4650:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9988);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);



const GitHubClient = _octokit_rest__WEBPACK_IMPORTED_MODULE_0__/* .Octokit */ .E.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
/**
 * An Octokit that retries 5xx answers and dropped connections (plugin-retry) and waits out primary
 * and secondary rate limits (plugin-throttling) instead of failing an incident run on a blip.
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
        retry: { retries: 3 },
        throttle: {
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
