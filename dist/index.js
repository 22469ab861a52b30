import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// NAMESPACE OBJECT: ./.tsbuild/action/runner-io.js
var runner_io_namespaceObject = {};
__nccwpck_require__.r(runner_io_namespaceObject);
__nccwpck_require__.d(runner_io_namespaceObject, {
  annotateError: () => (annotateError),
  debug: () => (debug),
  endGroup: () => (endGroup),
  getInput: () => (getInput),
  info: () => (info),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  warning: () => (warning),
  writeSummary: () => (writeSummary)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./.tsbuild/action/runner-io.js

// @actions/core's entry module also loads its OIDC token client, and with it undici and
// @actions/exec: about 100 ms before the action's first line, for a feature this action never
// uses. These are the same library's own writers of workflow commands, file commands and the job
// summary, imported from its files (its package exports list only the entry).



/** An input as the runner passes it (`INPUT_<NAME>`), trimmed, exactly as @actions/core reads it. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT) {
        issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
        return;
    }
    process.stdout.write(external_node_os_namespaceObject.EOL);
    issueCommand('set-output', { name }, value);
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
/** Lines until endGroup fold under `title` in the Actions UI. */
function startGroup(title) {
    issueCommand('group', {}, title);
}
function endGroup() {
    issueCommand('endgroup', {}, '');
}
function warning(message) {
    issueCommand('warning', {}, message);
}
/** An error annotation on a line of a file (a pull request shows it on that line of the diff). */
function annotateError(message, file, line) {
    issueCommand('error', { file, line: String(line) }, message);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function setFailed(message) {
    process.exitCode = 1;
    issueCommand('error', {}, message);
}
async function writeSummary(markdown) {
    await summary.addRaw(markdown, true).write();
}

;// CONCATENATED MODULE: ./.tsbuild/core/errors.js
/**
 * Every failure the tool reports carries the exit code the CLI uses for it, so the CLI and the
 * action print the same one-line message and agree on whether the input or the operation was at fault.
 */
class MetaError extends Error {
    exitCode;
    constructor(message, exitCode) {
        super(message);
        this.exitCode = exitCode;
        this.name = new.target.name;
    }
}
/** Bad input: unknown component, missing tag, malformed YAML, bad flag. Exit 2. */
class errors_InputError extends MetaError {
    constructor(message) {
        super(message, 2);
    }
}
/** The operation ran and failed: unhealthy, conflict, remote refused. Exit 1. */
class errors_OperationError extends MetaError {
    constructor(message) {
        super(message, 1);
    }
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}

;// CONCATENATED MODULE: ./.tsbuild/github/repository.js
function parseRepository(value, where = 'GITHUB_REPOSITORY') {
    const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
    if (!match || match[2] === '.' || match[2] === '..')
        throw new Error(`${where}: ${JSON.stringify(value)} is not owner/name`);
    return { owner: match[1], repo: match[2] };
}
/** The repository a URL names when it is on the given server, else undefined. */
function repoOnServer(url, serverUrl) {
    const base = serverUrl.replace(/\/+$/, '');
    if (!url.startsWith(`${base}/`))
        return undefined;
    const rest = url.slice(base.length + 1).replace(/\.git$/, '').replace(/\/+$/, '');
    try {
        return parseRepository(rest, 'repo');
    }
    catch {
        return undefined;
    }
}
function cloneUrl(serverUrl, ref) {
    return `${serverUrl.replace(/\/+$/, '')}/${ref.owner}/${ref.repo}.git`;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./.tsbuild/core/names.js

// Component and environment names become path segments and branch-name parts, so they are
// held to a conservative alphabet rather than "anything git or the filesystem would take".
const COMPONENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ABBREV_SHA = /^[0-9a-f]{7,64}$/;
function names_checkComponentName(name, where = 'component') {
    if (!COMPONENT_NAME.test(name) || name.includes('..') || name.endsWith('.lock')) {
        throw new errors_InputError(`${where}: invalid component name ${quote(name)} (letters, digits, '.', '_' and '-'; no '..')`);
    }
    return name;
}
function isValidComponentName(name) {
    return COMPONENT_NAME.test(name) && !name.includes('..') && !name.endsWith('.lock');
}
// The Python tool takes `eu.prod`, so dots are allowed; `..`, a trailing `.` and `.lock` are not,
// because the name also becomes part of git ref names (head branches, known-good refs).
function checkEnvName(env, where = '--env') {
    if (!isValidEnvName(env)) {
        throw new errors_InputError(`${where}: invalid environment name ${quote(env)} (letters, digits, '.', '_' and '-'; no '..', no trailing '.' or '.lock')`);
    }
    return env;
}
function isValidEnvName(env) {
    return ENV_NAME.test(env) && !env.includes('..') && !env.endsWith('.') && !env.endsWith('.lock');
}
function isFullSha(value) {
    return FULL_SHA.test(value);
}
function checkFullSha(value, where) {
    if (!FULL_SHA.test(value)) {
        throw new InputError(`${where}: not a SHA (${quote(value)}; expected 40 or 64 lowercase hex digits)`);
    }
    return value;
}
function checkShaOrAbbrev(value, where) {
    if (!ABBREV_SHA.test(value)) {
        if (/^[0-9a-fA-F]{7,64}$/.test(value)) {
            throw new errors_InputError(`${where}: ${quote(value)} must be lowercase hex`);
        }
        throw new errors_InputError(`${where}: not a commit SHA (${quote(value)}; expected 7 to 64 lowercase hex digits)`);
    }
    return value;
}
/**
 * The rules of `git check-ref-format`, applied before a name ever reaches git, plus a ban on a
 * leading '-' so a tag can never be read as an option (`--upload-pack=...`).
 */
function refNameProblem(name) {
    if (name.length === 0)
        return 'is empty';
    if (name.length > 255)
        return 'is too long';
    if (name.startsWith('-'))
        return "starts with '-'";
    if (name === '@')
        return "is '@'";
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
        return 'contains a space, control character or one of ~ ^ : ? * [ \\';
    if (name.includes('..'))
        return "contains '..'";
    if (name.includes('@{'))
        return "contains '@{'";
    if (name.includes('//'))
        return "contains '//'";
    if (name.endsWith('/') || name.endsWith('.'))
        return "ends with '/' or '.'";
    for (const part of name.split('/')) {
        if (part.startsWith('.'))
            return "has a part starting with '.'";
        if (part.endsWith('.lock'))
            return "has a part ending with '.lock'";
    }
    return undefined;
}
function checkRefName(name, where) {
    const problem = refNameProblem(name);
    if (problem)
        throw new errors_InputError(`${where}: invalid ref name ${quote(name)}: ${problem}`);
    return name;
}
/**
 * A pinned version is free text (a tag, `1.2.3-rc1`, a short SHA), but it ends up in commit messages,
 * pull request titles and one-line errors, so it may not hold control characters such as newlines.
 */
function versionProblem(version) {
    if (version.length > 255)
        return 'is longer than 255 characters';
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(version))
        return 'contains a control character (newline, tab, NUL, ...)';
    return undefined;
}
/** Quotes a user value for an error message without letting it break the one-line format. */
function quote(value) {
    return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./.tsbuild/core/paths.js




const MANIFEST_PATH = 'manifests/components.yaml';
const ENVIRONMENTS_PATH = 'manifests/environments.yaml';
const SNAPSHOT_DIR = '.meta/snapshots';
/** The journal: one file per entry (see journal.ts). A subdirectory, because the Python `meta` CLI's
 * `meta history show|clear` treat every `.meta/history/*.json` as a component's own history list. */
const JOURNAL_DIR = '.meta/history/rollbacks';
/** The journal as earlier versions wrote it, one JSON line per entry: read, never written. */
const LEGACY_JOURNAL_PATH = '.meta/history.jsonl';
const CHANGESET_DIR = '.meta/changesets';
const STORE_DIR = '.meta-store';
const COMPONENTS_DIR = 'components';
const HOLDS_PATH = 'manifests/holds.yaml';
/** The nearest directory at or above `start` that holds manifests/components.yaml. */
function findRoot(start) {
    let dir = (0,external_node_path_namespaceObject.resolve)(start);
    for (;;) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, MANIFEST_PATH)))
            return dir;
        const parent = (0,external_node_path_namespaceObject.dirname)(dir);
        if (parent === dir) {
            throw new errors_InputError(`--root: no ${MANIFEST_PATH} in ${quote((0,external_node_path_namespaceObject.resolve)(start))} or any parent directory`);
        }
        dir = parent;
    }
}
function resolveRoot(root, cwd) {
    if (root === undefined)
        return findRoot(cwd);
    if (root.includes('\0'))
        throw new errors_InputError('--root: contains a NUL byte');
    const dir = (0,external_node_path_namespaceObject.resolve)(cwd, root);
    if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, MANIFEST_PATH))) {
        throw new errors_InputError(`--root: ${quote(dir)} has no ${MANIFEST_PATH}`);
    }
    return dir;
}
/** Relative path of the lock file for an environment (the default lock without one). */
function lockPathFor(env) {
    if (env === undefined)
        return 'manifests/components.lock.yaml';
    checkEnvName(env);
    return `manifests/components.lock.${env}.yaml`;
}
/**
 * Resolves a user-given path (relative to `cwd`) and proves it stays inside the meta-repo, also
 * after following symbolic links, so no argument can make the tool read or write elsewhere.
 */
function resolveInsideRoot(root, cwd, given, what) {
    if (given.includes('\0'))
        throw new errors_InputError(`${what}: path contains a NUL byte`);
    if (given.length === 0)
        throw new errors_InputError(`${what}: path is empty`);
    const abs = (0,external_node_path_namespaceObject.resolve)(cwd, given);
    if (!isInside(root, abs))
        throw new errors_InputError(`${what}: ${quote(given)} is outside the meta-repo root`);
    const real = realpathOfExistingPrefix(abs);
    if (!isInside((0,external_node_fs_namespaceObject.realpathSync)(root), real)) {
        throw new errors_InputError(`${what}: ${quote(given)} leads outside the meta-repo root through a symbolic link`);
    }
    return abs;
}
function isInside(root, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_namespaceObject.isAbsolute)(rel) && rel.split(external_node_path_namespaceObject.sep)[0] !== '..');
}
/** Path relative to the root, with forward slashes, as it appears in messages and in git. */
function relativeToRoot(root, path) {
    return (0,external_node_path_namespaceObject.relative)(root, path).split(external_node_path_namespaceObject.sep).join('/');
}
function componentDir(root, name) {
    return (0,external_node_path_namespaceObject.join)(root, COMPONENTS_DIR, name);
}
function realpathOfExistingPrefix(path) {
    let current = path;
    const rest = [];
    for (;;) {
        if ((0,external_node_fs_namespaceObject.existsSync)(current))
            return (0,external_node_path_namespaceObject.join)((0,external_node_fs_namespaceObject.realpathSync)(current), ...rest.reverse());
        const parent = (0,external_node_path_namespaceObject.dirname)(current);
        if (parent === current)
            return path;
        rest.push(current.slice(parent.length + (parent.endsWith(external_node_path_namespaceObject.sep) ? 0 : 1)));
        current = parent;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/changeset/id.js



// A changeset id becomes a file name under .meta/changesets/ and part of a branch name, so it is
// held to the same conservative alphabet as component names: it can never name a path outside
// the changeset directory, nor a ref git would refuse.
const CHANGESET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const CHANGESET_INDEX = `${CHANGESET_DIR}/index.yaml`;
function changesetIdProblem(id) {
    if (!CHANGESET_ID.test(id))
        return "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters";
    if (id.includes('..'))
        return "contains '..'";
    if (id.endsWith('.') || id.endsWith('.lock'))
        return "ends with '.' or '.lock'";
    if (/^index$/i.test(id))
        return `'index' is the name of ${CHANGESET_INDEX}`;
    return refNameProblem(revertBranchName(id));
}
function isValidChangesetId(id) {
    return changesetIdProblem(id) === undefined;
}
function checkChangesetId(id, where = 'ID') {
    const problem = changesetIdProblem(id);
    if (problem)
        throw new errors_InputError(`${where}: invalid changeset id ${quote(id)} (${problem})`);
    return id;
}
/** `.meta/changesets/<id>.yaml`, relative to the meta-repo root. */
function changesetFileRel(id) {
    return `${CHANGESET_DIR}/${id}.yaml`;
}
/** The branch each affected component gets, holding the revert commits. */
function revertBranchName(id) {
    return `meta-rollback/changeset-${id}`;
}
/** What a commit message carries to say it belongs to a changeset. */
function changesetMarker(id) {
    return `[changeset:${id}]`;
}
/** The trailer every revert commit made by a changeset rollback carries. */
const REVERT_TRAILER = 'Reverts-Changeset';
function revertTrailerLine(id) {
    return `${REVERT_TRAILER}: ${id}`;
}

;// CONCATENATED MODULE: ./.tsbuild/core/closest-names.js
/**
 * The names nearest to a mistyped one, for "did you mean" answers: at most `limit` (five by
 * default), nearest first, never the whole list. Distance is Damerau-Levenshtein (a swapped pair of
 * letters counts once, as a typo does); a name containing the typed text, or contained in it, also
 * counts as close, so `web` finds `web-ui`. Names further than about a third of their length are
 * not suggested at all.
 *
 * Linear in the number of candidates (each comparison is bounded by the two names' lengths), so a
 * typo among 5,000 components costs one pass.
 */
function closestNames(typed, candidates, limit = 5) {
    const scored = [];
    const lower = typed.toLowerCase();
    for (const name of new Set(candidates)) {
        const other = name.toLowerCase();
        const distance = editDistance(lower, other);
        const contains = lower.length >= 2 && (other.includes(lower) || lower.includes(other));
        const bound = Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3));
        if (distance <= bound)
            scored.push({ name, score: distance });
        else if (contains)
            scored.push({ name, score: bound + 1 + Math.abs(other.length - lower.length) / 100 });
    }
    scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
    return scored.slice(0, limit).map((s) => s.name);
}
/** `; did you mean a, b or c?`, or nothing when no name is close. */
function didYouMean(typed, candidates, limit = 5) {
    const close = closestNames(typed, candidates, limit);
    if (close.length === 0)
        return '';
    const list = close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close[close.length - 1]}`;
    return `; did you mean ${list}?`;
}
function editDistance(a, b) {
    if (a === b)
        return 0;
    let before = new Array(b.length + 1).fill(0);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d = Math.min(d, before[j - 2] + 1);
            current.push(d);
        }
        before = previous;
        previous = current;
    }
    return previous[b.length];
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./.tsbuild/core/repo-url.js

/**
 * Transports a manifest may name. `ext::` runs an arbitrary command and `fd::` reads a file
 * descriptor, so a repo URL is refused unless it is one of these or a plain path.
 */
const ALLOWED_SCHEMES = new Set(['https', 'http', 'ssh', 'git', 'file']);
const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+$/;
function repoUrlProblem(repo) {
    if (repo.length === 0)
        return 'is empty';
    if (repo.startsWith('-'))
        return "starts with '-'";
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(repo))
        return 'contains a control character';
    if (repo.includes('::'))
        return "uses a '::' transport, which git would run as a command";
    const url = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(repo);
    if (url) {
        if (!ALLOWED_SCHEMES.has(url[1].toLowerCase()))
            return `uses the unsupported transport '${url[1]}'`;
        return hostProblem(url[2]);
    }
    // scp-like `[user@]host:path` (a ':' before any '/'): ssh is started with the host as an argument.
    const scp = /^([^/:]+):/.exec(repo);
    if (scp)
        return hostProblem(scp[1]);
    return undefined;
}
function decoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** `ssh -oProxyCommand=...` runs a command: no user or host may look like an option. */
function hostProblem(authority) {
    const at = authority.lastIndexOf('@');
    const user = at >= 0 ? authority.slice(0, at) : '';
    const host = authority.slice(at + 1);
    if ([user, host, decoded(user), decoded(host)].some((part) => part.startsWith('-'))) {
        return "names a user or host starting with '-', which ssh would read as an option";
    }
    return undefined;
}
/** Where a repo lives: a URL git fetches from, or a local repository the tool can read directly. */
function locateRepo(repo, root) {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(repo)) {
        if (repo.startsWith('file://'))
            return { kind: 'path', path: decodeURIComponent(new URL(repo).pathname) };
        return { kind: 'url', url: repo };
    }
    if (SCP_LIKE.test(repo))
        return { kind: 'url', url: repo };
    return { kind: 'path', path: (0,external_node_path_namespaceObject.isAbsolute)(repo) ? repo : (0,external_node_path_namespaceObject.resolve)(root, repo) };
}
/** The protocols git may use for any command we run: the ones above, nothing that runs programs. */
const GIT_ALLOW_PROTOCOL = 'file:git:http:https:ssh';

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./.tsbuild/core/yaml-source.js



/** Manifests and locks are small; anything this large is a mistake or an attack. */
const MAX_YAML_BYTES = 16 * 1024 * 1024;
async function readYamlFile(path, display) {
    let bytes;
    try {
        // Size and kind are checked before reading, so a huge file is never loaded into memory and a
        // FIFO or device (a lock symlinked to /dev/zero) is refused instead of read forever.
        const info = await (0,promises_namespaceObject.stat)(path);
        if (info.isDirectory())
            throw new errors_InputError(`${display}: is a directory, not a YAML file`);
        if (!info.isFile())
            throw new errors_InputError(`${display}: not a regular file`);
        if (info.size > MAX_YAML_BYTES)
            throw new errors_InputError(`${display}: file is ${info.size} bytes, over the ${MAX_YAML_BYTES}-byte limit`);
        bytes = await (0,promises_namespaceObject.readFile)(path);
    }
    catch (err) {
        if (err instanceof errors_InputError)
            throw err;
        const code = err.code;
        if (code === 'ENOENT')
            throw new errors_InputError(`${display}: no such file`);
        if (code === 'EISDIR')
            throw new errors_InputError(`${display}: is a directory, not a YAML file`);
        throw new errors_InputError(`${display}: cannot read (${code ?? String(err)})`);
    }
    return parseYamlBytes(bytes, display);
}
function parseYamlBytes(bytes, display) {
    if (bytes.byteLength > MAX_YAML_BYTES) {
        throw new errors_InputError(`${display}: file is ${bytes.byteLength} bytes, over the ${MAX_YAML_BYTES}-byte limit`);
    }
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new errors_InputError(`${display}: not valid UTF-8`);
    }
    return parseYamlText(text, display);
}
let bytesParsed = 0;
/** Characters handed to the YAML parser so far in this process: tests count work with it, not time. */
function yamlCharsParsed() {
    return bytesParsed;
}
function parseYamlText(text, display) {
    bytesParsed += text.length;
    refuseConflictMarkers(text, display);
    const lines = new dist/* LineCounter */.HN();
    // Duplicate keys (which YAML forbids but many parsers quietly accept) are refused by checkNodes
    // below, with a set per mapping: the yaml package's own uniqueKeys check compares every key with
    // every other, quadratic in a lock of 5,000 components. A small alias budget stops "billion
    // laughs" documents from expanding without bound.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
    const first = doc.errors[0];
    if (first) {
        const line = lines.linePos(first.pos[0]).line;
        throw new errors_InputError(`${display}:${line}: ${oneLine(first.message)}`);
    }
    const file = { display, text, doc, lines };
    checkNodes(file);
    return file;
}
function lineOf(file, node) {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : file.lines.linePos(offset).line;
}
function fail(file, node, field, problem) {
    throw new errors_InputError(`${file.display}:${lineOf(file, node)}: ${printable(field)}: ${problem}`);
}
/** Field names are built from the file's own keys; a newline or NUL in one must not break the one-line message. */
function printable(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\x00-\x1f\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Follows an alias to the node it names, so anchors in hand-written manifests keep working. */
function deref(file, node) {
    if ((0,dist/* isAlias */.Vj)(node))
        return node.resolve(file.doc);
    return (node ?? undefined);
}
function mapAt(file, node, field, parent) {
    const target = deref(file, node);
    if (!(0,dist/* isMap */.jh)(target))
        fail(file, target ?? parent, field, target === undefined ? 'missing (expected a mapping)' : 'must be a mapping');
    return target;
}
function entries(file, map) {
    return map.items.map((pair) => {
        const keyNode = pair.key;
        if (!(0,dist/* isScalar */.jn)(keyNode))
            fail(file, keyNode, 'key', 'must be a plain string');
        return { key: scalarText(keyNode), keyNode, value: deref(file, pair.value) };
    });
}
/**
 * The text of a scalar as written. Plain scalars come back as their source so that a commit such as
 * `0123456` or a version such as `1.10` is never turned into a number.
 */
function scalarText(node) {
    if (node.type === 'PLAIN' && typeof node.source === 'string')
        return node.source;
    return String(node.value);
}
function stringAt(file, node, field, parent) {
    if (node === undefined)
        fail(file, parent, field, 'missing');
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || typeof node.value === 'object')
        fail(file, node, field, 'must be a string');
    return scalarText(node);
}
function optionalStringAt(file, node, field) {
    if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return undefined;
    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value === 'object')
        fail(file, node, field, 'must be a string');
    return scalarText(node);
}
function stringListAt(file, node, field) {
    if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return [];
    if (!(0,dist/* isSeq */.oP)(node))
        fail(file, node, field, 'must be a list of strings');
    return node.items.map((item, i) => stringAt(file, deref(file, item), `${field}[${i}]`, node));
}
function toPlain(file, node, field = 'document') {
    if (node === undefined)
        return undefined;
    try {
        return node.toJS(file.doc, { maxAliasCount: 100 });
    }
    catch (err) {
        // The yaml package refuses aliases that expand too far ("billion laughs"); say where.
        fail(file, node, field, /alias/i.test(String(err)) ? 'aliases expand too far (more than 100 nodes through aliases)' : oneLine(String(err)));
    }
}
function checkNodes(file) {
    // The yaml package only bounds alias expansion when converting to JS; we walk nodes directly,
    // so apply the same bound up front. Keys are checked for duplicates in the same single walk.
    let aliases = 0;
    const visit = (node, depth) => {
        if (depth > 64)
            fail(file, node, 'document', 'nested too deeply');
        if ((0,dist/* isAlias */.Vj)(node)) {
            aliases += 1;
            if (aliases > 100)
                fail(file, node, 'document', 'too many aliases');
            return;
        }
        if ((0,dist/* isMap */.jh)(node))
            uniqueKeys(file, node);
        if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) {
            for (const item of node.items) {
                if ((0,dist/* isMap */.jh)(node)) {
                    const pair = item;
                    visit(pair.key, depth + 1);
                    visit(pair.value, depth + 1);
                }
                else
                    visit(item, depth + 1);
            }
        }
    };
    visit(file.doc.contents, 0);
}
/** The message and line the yaml package gives a duplicate key, found with one set per mapping. */
function uniqueKeys(file, map) {
    const seen = new Set();
    for (const pair of map.items) {
        const key = pair.key;
        // Merge keys (`<<`) may repeat; keys that are mappings or sequences are compared by yaml's rules elsewhere.
        const value = (0,dist/* isScalar */.jn)(key) ? key.value : undefined;
        if (value === undefined || value === '<<' || (typeof value === 'object' && value !== null))
            continue;
        if (seen.has(value))
            throw new errors_InputError(`${file.display}:${lineOf(file, key)}: Map keys must be unique`);
        seen.add(value);
    }
}
function oneLine(message) {
    return message.split('\n')[0].trim();
}
/** At most this many marker lines are listed; a conflict in a big lock can have hundreds. */
const MARKERS_LISTED = 12;
/**
 * A file left with git's conflict markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>` at the start of
 * a line) is refused before it is parsed: the YAML parser would report only a confusing
 * `Implicit keys need to be on a single line`, and a user must learn that a merge is unfinished.
 * `=======` alone counts only beside an opening or closing marker: on its own it is a YAML scalar.
 */
function refuseConflictMarkers(text, display) {
    const marked = [];
    let fences = false;
    text.split('\n').forEach((raw, i) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (/^(?:<{7}|>{7}|\|{7})(?: |$)/.test(line)) {
            fences = true;
            marked.push(i + 1);
        }
        else if (line === '=======')
            marked.push(i + 1);
    });
    if (!fences)
        return;
    const listed = marked.slice(0, MARKERS_LISTED).join(', ') + (marked.length > MARKERS_LISTED ? `, ... ${marked.length - MARKERS_LISTED} more` : '');
    throw new errors_InputError(`${display}:${marked[0]}: git conflict markers (lines ${listed}): resolve the merge conflict first`);
}

;// CONCATENATED MODULE: ./.tsbuild/core/manifest.js








async function loadManifest(root) {
    const file = await readYamlFile((0,external_node_path_namespaceObject.join)(root, MANIFEST_PATH), MANIFEST_PATH);
    return parseManifest(file);
}
function parseManifest(file) {
    const top = mapAt(file, file.doc.contents, 'document');
    const componentsNode = top.get('components', true);
    const map = mapAt(file, componentsNode, 'components', top);
    const components = new Map();
    for (const { key, keyNode, value } of entries(file, map)) {
        const field = `components.${key}`;
        if (!isValidComponentName(key))
            fail(file, keyNode, field, `invalid component name ${quote(key)}`);
        const entry = mapAt(file, value, field, keyNode);
        const get = (k) => entry.get(k, true);
        const repo = stringAt(file, get('repo'), `${field}.repo`, entry);
        const problem = repoUrlProblem(repo);
        if (problem)
            fail(file, get('repo'), `${field}.repo`, `${quote(repo)} ${problem}`);
        const dependsOn = stringListAt(file, get('depends_on'), `${field}.depends_on`);
        const healthNode = get('health');
        components.set(key, {
            name: key,
            repo,
            version: optionalStringAt(file, get('version'), `${field}.version`),
            type: optionalStringAt(file, get('type'), `${field}.type`),
            dependsOn,
            health: healthNode === undefined || ((0,dist/* isScalar */.jn)(healthNode) && healthNode.value === null) ? undefined : toPlain(file, healthNode, `${field}.health`),
            line: file.lines.linePos(keyNode.range?.[0] ?? 0).line,
        });
    }
    for (const spec of components.values()) {
        spec.dependsOn.forEach((dep, i) => {
            if (!components.has(dep)) {
                throw new errors_InputError(`${file.display}:${spec.line}: components.${spec.name}.depends_on[${i}]: unknown component ${quote(dep)}`);
            }
        });
    }
    return { file, components };
}
function requireComponent(manifest, name, where = 'component') {
    names_checkComponentName(name, where);
    const spec = manifest.components.get(name);
    if (!spec) {
        // The nearest names, not "the first 20 of 5,000".
        throw new errors_InputError(`${where}: unknown component ${quote(name)} (not in ${MANIFEST_PATH})${didYouMean(name, manifest.components.keys())}`);
    }
    return spec;
}
/**
 * Orders components so that dependents come before their dependencies: the order in which a
 * rollback or revert must proceed so nothing is left depending on a version that is gone.
 */
function dependentsFirst(manifest, names) {
    const wanted = new Set(names);
    const order = [];
    const state = new Map();
    const visit = (name, path) => {
        const seen = state.get(name);
        if (seen === 'done')
            return;
        if (seen === 'visiting')
            throw new errors_InputError(`${MANIFEST_PATH}: depends_on: cycle ${[...path, name].join(' -> ')}`);
        state.set(name, 'visiting');
        for (const dep of manifest.components.get(name)?.dependsOn ?? [])
            visit(dep, [...path, name]);
        state.set(name, 'done');
        order.push(name);
    };
    for (const name of [...wanted].sort())
        visit(name, []);
    return order.filter((n) => wanted.has(n)).reverse();
}

;// CONCATENATED MODULE: ./.tsbuild/core/fan-out.js


/** GitHub Actions runs at most 256 jobs from one matrix. */
const MAX_MATRIX_JOBS = 256;
const DEFAULT_GROUP_SIZE = 50;
/**
 * Splits components into groups for a GitHub Actions matrix, dependents before dependencies
 * (so group 1 holds the components nothing else needs), every component in exactly one group.
 * A group size that would exceed the 256-job limit is raised to fit.
 */
function planMatrix(manifest, names, groupSize = DEFAULT_GROUP_SIZE) {
    const ordered = dependentsFirst(manifest, names);
    const size = Math.max(1, groupSize, Math.ceil(ordered.length / MAX_MATRIX_JOBS));
    const total = Math.ceil(ordered.length / size);
    const width = String(total).length;
    const include = [];
    for (let i = 0; i < total; i++) {
        const members = ordered.slice(i * size, (i + 1) * size);
        include.push({ group: `${String(i + 1).padStart(width, '0')}-of-${total}`, index: i + 1, components: members.join(','), count: members.length });
    }
    return { include };
}
/** Adds `matrix` (component groups for a GitHub Actions matrix job) to a JSON result. */
async function withMatrix(root, result, names, groupSize) {
    const manifest = await loadManifest(root);
    return { ...result, matrix: planMatrix(manifest, names, groupSize) };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./.tsbuild/core/store/tree.js



/** A tree that must not be stored or restored: a path or link that could reach outside it. */
class UnsafeTreeError extends Error {
    path;
    problem;
    constructor(path, problem) {
        super(`${quote(path)} ${problem}`);
        this.path = path;
        this.problem = problem;
        this.name = 'UnsafeTreeError';
    }
}
const HASH_PREFIX = /^[0-9a-f]{8,64}$/;
const FULL_HASH = /^[0-9a-f]{64}$/;
function isFullStoreHash(value) {
    return FULL_HASH.test(value);
}
/** A HASH argument: 8 to 64 lowercase hex digits, so it can never be a path or an option. */
function checkHashPrefix(value, where) {
    if (HASH_PREFIX.test(value))
        return value;
    if (/^[0-9a-fA-F]{8,64}$/.test(value))
        throw new errors_InputError(`${where}: ${quote(value)} must be lowercase hex`);
    throw new errors_InputError(`${where}: not a store hash (${quote(value)}; expected 8 to 64 lowercase hex digits)`);
}
/**
 * Why a path inside a tree is unsafe to write, or undefined. Refused: absolute paths, empty, `.` and
 * `..` segments, and any `.git` segment (a `.git` written into a plain directory would turn it into
 * a repository whose config git obeys); newlines and NUL, which the hash serialisation cannot hold.
 */
function treePathProblem(path) {
    if (path.length === 0)
        return 'is an empty path';
    if (/[\0\n]/.test(path))
        return 'contains a newline or NUL';
    if (path.startsWith('/'))
        return 'is an absolute path';
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            return "has an empty or '.' segment";
        if (part === '..')
            return "contains '..'";
        if (part.toLowerCase() === '.git')
            return "contains a '.git' segment";
    }
    return undefined;
}
/**
 * Why a symbolic link is unsafe, or undefined. A link must be relative and stay inside the tree. Only
 * leading `..` segments are allowed: a `..` after a name would be resolved through whatever that name
 * is, possibly another link, so the check could not be done on the text alone.
 */
function symlinkProblem(path, target) {
    if (target.length === 0)
        return 'is a symbolic link with an empty target';
    if (target.includes('\0'))
        return 'is a symbolic link whose target contains NUL';
    if (target.startsWith('/'))
        return `is a symbolic link to an absolute path (${quote(target)})`;
    const depth = path.split('/').length - 1;
    let ups = 0;
    let named = false;
    for (const part of target.split('/')) {
        if (part === '..') {
            if (named)
                return `is a symbolic link with '..' after a name (${quote(target)})`;
            ups += 1;
        }
        else if (part !== '' && part !== '.') {
            named = true;
        }
    }
    if (ups > depth)
        return `is a symbolic link pointing outside the tree (${quote(target)})`;
    return undefined;
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** Throws UnsafeTreeError for a file that must not be stored or written. */
function checkTreeFile(file) {
    const problem = treePathProblem(file.path);
    if (problem)
        throw new UnsafeTreeError(file.path, problem);
    if (file.mode === '120000') {
        let target;
        try {
            target = strictUtf8.decode(file.data);
        }
        catch {
            throw new UnsafeTreeError(file.path, 'is a symbolic link whose target is not UTF-8');
        }
        const linkProblem = symlinkProblem(file.path, target);
        if (linkProblem)
            throw new UnsafeTreeError(file.path, linkProblem);
    }
}
/**
 * The content hash of a tree, the name of its store entry:
 *
 *   sha256 hex of the concatenation, over every file sorted by the UTF-8 bytes of its path, of
 *   `${mode} ${sha256 hex of content} ${path}\n`
 *
 * `mode` is `100644` (regular), `100755` (executable) or `120000` (symbolic link, whose content is
 * the target's bytes); `path` is relative and `/`-separated. Only files count: directories are
 * implied by their files, so an empty directory does not change the hash.
 */
class TreeHasher {
    lines = [];
    add(file) {
        const sha = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(file.data).digest('hex');
        this.lines.push({ key: Buffer.from(file.path, 'utf8'), line: `${file.mode} ${sha} ${file.path}\n` });
    }
    get count() {
        return this.lines.length;
    }
    digest() {
        this.lines.sort((a, b) => Buffer.compare(a.key, b.key));
        // A path that is also another's directory (`a` and `a/b`) cannot come from a real tree; written
        // out, the file or link `a` would decide where `a/b` lands.
        const paths = new Set(this.lines.map((l) => l.key.toString('utf8')));
        for (const path of paths) {
            for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
                if (paths.has(path.slice(0, slash)))
                    throw new UnsafeTreeError(path.slice(0, slash), 'is both a file and a directory');
            }
        }
        const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        for (let i = 0; i < this.lines.length; i++) {
            const entry = this.lines[i];
            if (i > 0 && Buffer.compare(this.lines[i - 1].key, entry.key) === 0) {
                throw new UnsafeTreeError(entry.key.toString('utf8'), 'appears twice');
            }
            hash.update(entry.line, 'utf8');
        }
        return hash.digest('hex');
    }
}
/** Checks and hashes every file of a tree, handing each to `onFile` (to be written) once checked. */
async function consumeTree(files, onFile) {
    const hasher = new TreeHasher();
    for await (const file of files) {
        checkTreeFile(file);
        hasher.add(file);
        if (onFile)
            await onFile(file);
    }
    return { hash: hasher.digest(), files: hasher.count };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./.tsbuild/core/interrupt.js

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
let received;
let writing = 0;
/** A write phase has completed: a signal now must not say the workspace is in its old state. */
let committed = false;
const children = new Set();
const listeners = new Set();
class InterruptedError extends MetaError {
    signal;
    constructor(signal, state) {
        super(`interrupted by ${signal}: ${state}`, EXIT_CODES[signal]);
        this.signal = signal;
    }
}
function exitCodeFor(signal) {
    return EXIT_CODES[signal];
}
/** The signal received, if any. */
function interruption() {
    return received;
}
/** A safe point of a write phase: stop here, before starting more, if a signal came. */
function throwIfInterrupted(state = 'stopped before changing anything; the workspace is in its old state') {
    if (received)
        throw new InterruptedError(received, state);
}
/** Called once when a signal arrives (the batch checkout stops its xargs this way). Returns the unsubscribe. */
function onInterrupt(listener) {
    if (received) {
        listener(received);
        return () => undefined;
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
}
/** Runs `fn` as a write phase: a signal meanwhile is noted, not acted on, until it returns. */
async function duringWrites(fn) {
    writing += 1;
    try {
        const result = await fn();
        committed = true;
        return result;
    }
    finally {
        writing -= 1;
    }
}
/** Child processes (by process group) that an immediate exit must end so none outlives this one. */
function trackChild(pid) {
    if (pid === undefined)
        return () => undefined;
    children.add(pid);
    return () => children.delete(pid);
}
/**
 * Installed by the CLI's and the action's entry points (never by the in-process test helper, so
 * tests of the commands are unaffected). Returns a function that removes the handlers.
 */
function installInterruptHandlers(handlers) {
    const handle = (signal) => {
        const first = received === undefined;
        received ??= signal;
        // After a completed write phase only the report is left: the command's end says what was done.
        if (first && (writing > 0 || committed)) {
            for (const listener of [...listeners])
                listener(signal);
            listeners.clear();
            return;
        }
        endChildren();
        handlers.report(first
            ? `interrupted by ${signal}: stopped before changing anything; the workspace is in its old state`
            : `interrupted again by ${signal}: stopped at once; the next meta command finishes or undoes this run first (${'.meta/lock'} records what it was doing)`);
        handlers.exit(exitCodeFor(received));
    };
    const onInt = () => handle('SIGINT');
    const onTerm = () => handle('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
    };
}
function endChildren() {
    for (const pid of children) {
        try {
            process.kill(-pid, 'SIGTERM');
        }
        catch {
            // Already gone.
        }
    }
}
/**
 * Test hook, like meta-lock.ts's crashPoint: with META_ROLLBACK_TEST_INTERRUPT_AT=<step>, the process
 * sends itself META_ROLLBACK_TEST_SIGNAL (default SIGINT) at that step, to its whole process group
 * when META_ROLLBACK_TEST_SIGNAL_GROUP=1 (as a terminal's Ctrl-C does), so the suite can interrupt
 * a run at every step instead of at moments that timing happens to hit. Unset, it does nothing.
 */
async function interruptPoint(step) {
    if (process.env.META_ROLLBACK_TEST_INTERRUPT_AT !== step)
        return;
    const signal = process.env.META_ROLLBACK_TEST_SIGNAL === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
    process.kill(process.env.META_ROLLBACK_TEST_SIGNAL_GROUP === '1' ? -process.pid : process.pid, signal);
    // Node runs signal handlers from its event loop: wait for ours, so the signal lands at this step.
    for (let i = 0; i < 1000 && received === undefined; i++)
        await new Promise((r) => setTimeout(r, 1));
}

;// CONCATENATED MODULE: ./.tsbuild/git/run-git.js



class GitError extends Error {
    args;
    code;
    stderr;
    constructor(args, code, stderr) {
        super(`git ${args[0] ?? ''} failed (exit ${code}): ${firstLine(stderr)}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
        this.name = 'GitError';
    }
}
let gitProcesses = 0;
/** How many git processes this process has started; the benchmark reports it. */
function gitProcessCount() {
    return gitProcesses;
}
/**
 * Inherited variables that would point git at another repository, index or object store, add config
 * entries (a second Authorization header among them) or change what a pathspec means. The in-process
 * readers under ./local always read the repository in the directory given, so spawned git must too.
 */
const INHERITED_GIT_VARIABLES = /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|PREFIX|SHALLOW_FILE|GRAFT_FILE|REPLACE_REF_BASE|NO_REPLACE_OBJECTS|QUARANTINE_PATH|CONFIG|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|(LITERAL|GLOB|NOGLOB|ICASE)_PATHSPECS)$/;
/** The environment every git gets: the caller's less the variables above, prompts off, only safe transports, messages in English. */
function gitEnvironment(extra) {
    const env = {};
    for (const [name, value] of Object.entries(process.env))
        if (!INHERITED_GIT_VARIABLES.test(name))
            env[name] = value;
    return { ...env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', GIT_ALLOW_PROTOCOL: GIT_ALLOW_PROTOCOL, LC_ALL: 'C', ...extra };
}
/**
 * Runs git with an argument array (never a shell), with prompts disabled so a missing credential
 * fails fast instead of hanging an incident run, and with only safe transports allowed.
 */
function run_git_runGit(args, options) {
    gitProcesses += 1;
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)('git', args, {
            cwd: options.cwd,
            shell: false,
            env: gitEnvironment(options.env),
            stdio: ['pipe', 'pipe', 'pipe'],
            timeout: options.timeoutMs,
            // A group of its own: a Ctrl-C sent to the terminal's process group must not kill a
            // `git checkout` half-way through its files; interrupt.ts decides when git stops.
            detached: process.platform !== 'win32',
        });
        const untrack = trackChild(child.pid);
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (err) => {
            untrack();
            reject(err);
        });
        child.on('close', (code, signal) => {
            untrack();
            resolvePromise({
                code: code ?? (signal ? 128 : 1),
                stdout: Buffer.concat(out),
                stderr: Buffer.concat(err).toString('utf8'),
            });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
    });
}
/** Runs git and returns its stdout as text, throwing GitError on a non-zero exit. */
async function run_git_git(args, options) {
    const result = await run_git_runGit(args, options);
    if (result.code !== 0)
        throw new GitError(args, result.code, result.stderr);
    return result.stdout.toString('utf8');
}
async function gitLines(args, options) {
    return (await run_git_git(args, options)).split('\n').filter((line) => line.length > 0);
}
function firstLine(text) {
    return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
}

;// CONCATENATED MODULE: ./.tsbuild/git/meta-history.js



/**
 * Revisions such as `HEAD~1`, `main^`, `v1.2`, `abc1234` or `HEAD@{2}`; refused are option-like
 * values and anything with characters that no revision needs.
 */
function checkRevision(rev, where = '--rev') {
    // eslint-disable-next-line no-control-regex
    if (rev.length === 0 || rev.length > 255 || rev.startsWith('-') || /[\x00-\x20\x7f\\:?*[]/.test(rev) || rev.includes('..')) {
        throw new errors_InputError(`${where}: invalid revision ${quote(rev)}`);
    }
    return rev;
}
/** `where` names the argument in errors (`--rev`, `--good`, `input bad`). */
async function resolveMetaRevision(root, rev, where = '--rev') {
    checkRevision(rev, where);
    const result = await run_git_runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: root });
    if (result.code !== 0)
        throw new errors_InputError(`${where}: ${quote(rev)} is not a revision of the meta-repo`);
    return result.stdout.toString().trim();
}
/** The bytes of a file as it was at a revision of the meta-repo. */
async function readFileAtRevision(root, commit, relPath, where = '--rev') {
    const result = await run_git_runGit(['cat-file', 'blob', `${commit}:${relPath}`], { cwd: root });
    if (result.code !== 0)
        throw new errors_InputError(`${where}: ${relPath} does not exist at ${commit.slice(0, 12)}`);
    return result.stdout;
}
/** Every commit that changed one of the given files, newest first (renames not followed). */
async function fileRevisions(root, pathspecs) {
    const result = await run_git_runGit(['log', '--format=%x01%H%x00%cI%x00%s', '--name-only', '--no-renames', '--', ...pathspecs], { cwd: root });
    if (result.code !== 0)
        return [];
    const revisions = [];
    for (const block of result.stdout.toString().split('\x01').slice(1)) {
        const [header = '', ...files] = block.split('\n');
        const [commit = '', date = '', subject = ''] = header.split('\0');
        for (const path of files.filter(Boolean))
            revisions.push({ commit, date, path, subject });
    }
    return revisions;
}
/** Reads many `commit:path` blobs with one git process instead of one per revision. */
async function readBlobs(root, specs) {
    const out = new Map();
    if (specs.length === 0)
        return out;
    const result = await run_git_runGit(['cat-file', '--batch'], { cwd: root, input: specs.map((s) => `${s}\n`).join('') });
    if (result.code !== 0)
        throw new Error(`git cat-file --batch failed: ${result.stderr}`);
    const data = result.stdout;
    let offset = 0;
    for (const spec of specs) {
        const nl = data.indexOf(0x0a, offset);
        const header = data.subarray(offset, nl).toString();
        offset = nl + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
            out.set(spec, undefined);
            continue;
        }
        const size = Number(header.split(' ')[2]);
        out.set(spec, data.subarray(offset, offset + size));
        offset += size + 1;
    }
    return out;
}
async function isMetaRepoGit(root) {
    return (await run_git_runGit(['rev-parse', '--git-dir'], { cwd: root })).code === 0;
}
async function metaHead(root) {
    return (await git(['rev-parse', 'HEAD'], { cwd: root })).trim();
}
/** The newest commit that changed a file, with its first parent (undefined for a root commit). */
async function lastCommitTouching(root, relPath) {
    const result = await run_git_runGit(['log', '-n', '1', '--format=%H%x00%P%x00%B', '--', relPath], { cwd: root });
    if (result.code !== 0 || result.stdout.length === 0)
        return undefined;
    const [commit = '', parents = '', message = ''] = result.stdout.toString().split('\0');
    return { commit, parent: parents.split(' ').filter(Boolean)[0], message };
}

;// CONCATENATED MODULE: ./.tsbuild/action/inputs.js







const MODES = ['component', 'lock', 'store', 'snapshot', 'changeset', 'list', 'health', 'check', 'bisect'];
function oneOf(value, allowed, name) {
    if (!allowed.includes(value)) {
        throw new errors_InputError(`input ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
    }
    return value;
}
function positive(value, name, fallback) {
    if (value === '')
        return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 100000)
        throw new errors_InputError(`input ${name}: ${JSON.stringify(value)} is not a whole number from 1 to 100000`);
    return n;
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `90s`, `10m`, `1h` or a number of seconds; at most 6 hours, a job's own limit on GitHub's runners. */
function duration(value, name, fallback) {
    if (value === '')
        return fallback;
    const match = /^(\d{1,7})(ms|s|m|h)?$/.exec(value);
    const ms = match ? Number(match[1]) * UNIT_MS[match[2] ?? 's'] : NaN;
    if (!(ms > 0 && ms <= 6 * 3_600_000))
        throw new errors_InputError(`input ${name}: ${JSON.stringify(value)} is not a duration from 1s to 6h, such as 90s, 10m or 1h`);
    return ms;
}
/**
 * As @actions/core's getBooleanInput (YAML 1.2's core schema): `true`, `True`, `TRUE`, `false`,
 * `False`, `FALSE`. Anything else is refused, never read as false: `health: ture` must not turn
 * the checks off.
 */
function bool(value, name, fallback) {
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new errors_InputError(`input ${name}: ${JSON.stringify(value)} is not true or false`);
}
/**
 * A token goes into an HTTP header: white space or a control character in it is a pasting mistake
 * (or an attempt to add a header line). The value is never echoed.
 */
function checkToken(value, name) {
    // eslint-disable-next-line no-control-regex
    if (/[\s\x00-\x1f\x7f]/.test(value))
        throw new errors_InputError(`input ${name}: contains white space or a control character (the value is not shown)`);
    return value;
}
/** A comma list in which every element names something: `a,,b` is a typo, not two names. */
function commaList(value, name) {
    if (value === undefined)
        return undefined;
    const items = value.split(',').map((s) => s.trim());
    if (items.some((s) => s === ''))
        throw new errors_InputError(`input ${name}: ${JSON.stringify(value)} has an empty name; separate names with single commas`);
    return items;
}
function readInputs(get) {
    const opt = (name) => {
        const value = get(name).trim();
        return value === '' ? undefined : value;
    };
    const modeRaw = opt('mode');
    if (modeRaw === undefined)
        throw new errors_InputError('input mode: required (one of ' + MODES.join(', ') + ')');
    const mode = oneOf(modeRaw, MODES, 'mode');
    const token = checkToken(get('token').trim(), 'token');
    const inputs = {
        mode,
        component: opt('component'),
        toVersion: opt('to-version'),
        toCommit: opt('to-commit'),
        lockFile: opt('lock-file'),
        rev: opt('rev'),
        storeHash: opt('store-hash'),
        storeBranch: opt('store-branch'),
        snapshotAction: opt('snapshot-action') === undefined ? undefined : oneOf(opt('snapshot-action'), ['create', 'restore'], 'snapshot-action'),
        snapshotFile: opt('snapshot-file'),
        components: commaList(opt('components'), 'components'),
        changeset: opt('changeset'),
        env: opt('env'),
        root: opt('root') ?? '.',
        token,
        componentsToken: checkToken(get('components-token').trim(), 'components-token') || token,
        pullRequest: oneOf(opt('pull-request') ?? 'open', ['open', 'merge', 'auto-merge', 'none'], 'pull-request'),
        mergeMethod: oneOf(opt('merge-method') ?? 'squash', ['merge', 'squash', 'rebase'], 'merge-method'),
        base: opt('base'),
        branch: opt('branch'),
        health: bool(get('health').trim(), 'health', true),
        rollbackOnUnhealthy: bool(get('rollback-on-unhealthy').trim(), 'rollback-on-unhealthy', false),
        recordKnownGood: bool(get('record-known-good').trim(), 'record-known-good', true),
        hold: bool(get('hold').trim(), 'hold', true),
        dryRun: bool(get('dry-run').trim(), 'dry-run', false),
        signCommits: bool(get('sign-commits').trim(), 'sign-commits', false),
        mergeTimeoutMs: duration(get('merge-timeout').trim(), 'merge-timeout', 10 * 60_000),
        groupSize: positive(get('group-size').trim(), 'group-size', DEFAULT_GROUP_SIZE),
        good: opt('good') ?? (mode === 'bisect' ? 'known-good' : undefined),
        bad: opt('bad') ?? (mode === 'bisect' ? 'HEAD' : undefined),
        rollbackCulprits: bool(get('rollback-culprits').trim(), 'rollback-culprits', false),
    };
    validateForMode(inputs);
    return inputs;
}
function inputs_require(value, name, mode) {
    if (value === undefined)
        throw new errors_InputError(`input ${name}: required with mode ${mode}`);
    return value;
}
/**
 * Paths are relative to the workspace (root) or to the meta-repo root (files) and may not climb out
 * of it; `root` may also be absolute (`${{ github.workspace }}/meta`). The core checks again, after
 * symbolic links, once it knows the root.
 */
function checkPathInput(value, name, absoluteAllowed) {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(value))
        throw new errors_InputError(`input ${name}: ${quote(value)} contains a control character`);
    if ((0,external_node_path_namespaceObject.isAbsolute)(value)) {
        if (absoluteAllowed)
            return;
        throw new errors_InputError(`input ${name}: ${quote(value)} is absolute; give a path relative to the meta-repo root`);
    }
    const normal = (0,external_node_path_namespaceObject.normalize)(value).replace(/\\/g, '/');
    if (normal === '..' || normal.startsWith('../'))
        throw new errors_InputError(`input ${name}: ${quote(value)} climbs out of the ${absoluteAllowed ? 'workspace' : 'meta-repo root'}`);
}
function validateForMode(i) {
    if (i.env !== undefined)
        checkEnvName(i.env, 'input env');
    if (i.component !== undefined)
        names_checkComponentName(i.component, 'input component');
    for (const c of i.components ?? [])
        names_checkComponentName(c, 'input components');
    if (i.base !== undefined)
        checkRefName(i.base, 'input base');
    if (i.branch !== undefined)
        checkRefName(i.branch, 'input branch');
    if (i.storeBranch !== undefined)
        checkRefName(i.storeBranch, 'input store-branch');
    if (i.toVersion !== undefined)
        checkRefName(i.toVersion, 'input to-version');
    if (i.toCommit !== undefined)
        checkShaOrAbbrev(i.toCommit, 'input to-commit');
    // Everything else a mode needs is checked here too, before the run makes any API call or moves
    // the workspace: a bad value is refused the same way however far the run would have got.
    if (i.rev !== undefined)
        checkRevision(i.rev, 'input rev');
    if (i.storeHash !== undefined)
        checkHashPrefix(i.storeHash, 'input store-hash');
    if (i.changeset !== undefined)
        checkChangesetId(i.changeset, 'input changeset');
    checkPathInput(i.root, 'root', true);
    if (i.lockFile !== undefined)
        checkPathInput(i.lockFile, 'lock-file', false);
    if (i.snapshotFile !== undefined)
        checkPathInput(i.snapshotFile, 'snapshot-file', false);
    switch (i.mode) {
        case 'component':
            inputs_require(i.component, 'component', i.mode);
            if ((i.toVersion === undefined) === (i.toCommit === undefined))
                throw new errors_InputError('input to-version / to-commit: give exactly one with mode component');
            break;
        case 'lock':
            inputs_require(i.lockFile, 'lock-file', i.mode);
            break;
        case 'store':
            inputs_require(i.component, 'component', i.mode);
            inputs_require(i.storeHash, 'store-hash', i.mode);
            break;
        case 'snapshot':
            inputs_require(i.snapshotAction, 'snapshot-action', i.mode);
            if (i.snapshotAction === 'restore')
                inputs_require(i.snapshotFile, 'snapshot-file', i.mode);
            break;
        case 'changeset':
            inputs_require(i.changeset, 'changeset', i.mode);
            break;
        case 'bisect':
            checkRevision(i.good, 'input good');
            checkRevision(i.bad, 'input bad');
            if (i.good === i.bad)
                throw new errors_InputError(`input bad: ${quote(i.bad)} is input good too; give two different revisions`);
            break;
        default:
            break;
    }
    if (i.branch !== undefined && i.branch === i.base)
        throw new errors_InputError(`input branch: ${quote(i.branch)} is the base branch too; the head branch must be another`);
    if (i.rollbackOnUnhealthy && i.mode !== 'health')
        throw new errors_InputError('input rollback-on-unhealthy: only with mode health');
    if (i.mode !== 'bisect') {
        // Ignoring them would run a different mode than the author meant to configure.
        for (const [name, given] of [['good', i.good], ['bad', i.bad], ['rollback-culprits', i.rollbackCulprits || undefined]]) {
            if (given !== undefined)
                throw new errors_InputError(`input ${name}: only with mode bisect`);
        }
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/context.js

function defaultActor() {
    const fromEnv = process.env.META_ACTOR ?? process.env.GITHUB_ACTOR;
    if (fromEnv)
        return fromEnv;
    try {
        return (0,external_node_os_namespaceObject.userInfo)().username;
    }
    catch {
        return 'unknown';
    }
}
function makeContext(partial) {
    return {
        cwd: partial.root,
        dryRun: false,
        jobs: 8,
        actor: defaultActor(),
        now: () => new Date(),
        log: () => undefined,
        ...partial,
    };
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/types.js
/**
 * Health checks declared under a component's `health:` list in manifests/components.yaml, and
 * what running them reports. Specs use camelCase; results keep the snake_case field names of the
 * JSON the CLI and the action print, so the report can be serialised as is.
 */
/** Name of the built-in lock check; reserved so a declared check can never shadow it. */
const LOCK_CHECK_NAME = 'lock';
const HEALTH_DEFAULTS = {
    httpTimeoutSeconds: 10,
    expectStatus: 200,
    retries: 2,
    // Test suites routinely run past a minute; the bound exists to stop hung commands, not slow ones.
    commandTimeoutSeconds: 120,
    concurrency: 8,
};

;// CONCATENATED MODULE: ./.tsbuild/core/health/env.js
const ENV_PLACEHOLDER = '${env}';
function placeholdersIn(text) {
    return text.match(/\$\{[^}]*\}/g) ?? [];
}
/** A check limited by `envs` is written for those environments only, so it never runs without one. */
function appliesToEnv(spec, env) {
    if (spec.envs === undefined)
        return true;
    return env !== undefined && spec.envs.includes(env);
}
/**
 * Fills in `${env}`. Without an environment (the default lock) there is deliberately no stand-in
 * such as "default": guessing a host name during an incident could probe the wrong system and
 * report it healthy, so such a check fails and says why instead.
 */
function resolveUrl(template, env) {
    if (!template.includes(ENV_PLACEHOLDER))
        return { url: template };
    if (env === undefined) {
        return { problem: `the URL uses ${ENV_PLACEHOLDER} but no environment was selected (add envs: or pass an environment)` };
    }
    return { url: template.replaceAll(ENV_PLACEHOLDER, env) };
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/validate.js




/** A malformed `health:` list. An input error (exit 2): the manifest, not the system, is at fault. */
class HealthConfigError extends errors_InputError {
    file;
    field;
    problem;
    constructor(file, 
    /** Dotted path of the offending value, e.g. `components.alpha.health[1].expect_status`. */
    field, problem) {
        super(`${file}: ${field}: ${problem}`);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }
}
const FIELDS = ['name', 'http', 'command', 'expect_status', 'expect_body', 'timeout', 'retries', 'envs'];
const HTTP_ONLY = ['expect_status', 'expect_body', 'retries'];
// Past this, setTimeout overflows long before; an hour is already far beyond any sane check.
const MAX_TIMEOUT_SECONDS = 3600;
const MAX_RETRIES = 10;
/**
 * Validates the plain value (as parsed from YAML) of one component's `health:` key and applies
 * defaults, so callers and reports see every effective setting. A missing or empty key is no checks.
 */
function parseHealthChecks(raw, where) {
    const base = `components.${where.component}.health`;
    const fail = (field, problem) => {
        throw new HealthConfigError(where.file, field, problem);
    };
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw))
        fail(base, 'must be a list of checks');
    const seen = new Map();
    return raw.map((entry, index) => {
        const at = `${base}[${index}]`;
        if (!isPlainObject(entry))
            fail(at, 'must be a mapping with a name and either http or command');
        const item = entry;
        for (const key of Object.keys(item)) {
            if (!FIELDS.includes(key)) {
                // A misspelt key would otherwise be ignored and its default silently used instead.
                fail(`${at}.${key}`, `unknown field (expected one of: ${FIELDS.join(', ')})`);
            }
        }
        const name = parseName(item.name, `${at}.name`, fail);
        const earlier = seen.get(name);
        if (earlier !== undefined)
            fail(`${at}.name`, `duplicate check name ${quote(name)} (also at health[${earlier}])`);
        seen.set(name, index);
        const hasHttp = item.http !== undefined;
        const hasCommand = item.command !== undefined;
        if (hasHttp && hasCommand)
            fail(at, 'has both http and command (a check is one or the other)');
        if (!hasHttp && !hasCommand)
            fail(at, 'needs either http (a URL) or command (an argv list)');
        const envs = item.envs === undefined ? undefined : parseEnvs(item.envs, `${at}.envs`, fail);
        if (hasCommand) {
            for (const key of HTTP_ONLY) {
                if (item[key] !== undefined)
                    fail(`${at}.${key}`, 'only applies to http checks');
            }
            return {
                kind: 'command',
                name,
                command: parseCommand(item.command, `${at}.command`, fail),
                timeoutSeconds: parseTimeout(item.timeout, HEALTH_DEFAULTS.commandTimeoutSeconds, `${at}.timeout`, fail),
                ...(envs && { envs }),
            };
        }
        const expectBody = item.expect_body;
        if (expectBody !== undefined && (typeof expectBody !== 'string' || expectBody.length === 0)) {
            fail(`${at}.expect_body`, 'must be a non-empty string');
        }
        return {
            kind: 'http',
            name,
            url: parseUrl(item.http, `${at}.http`, fail),
            expectStatus: parseInteger(item.expect_status, HEALTH_DEFAULTS.expectStatus, 100, 599, `${at}.expect_status`, fail),
            ...(expectBody !== undefined && { expectBody: expectBody }),
            timeoutSeconds: parseTimeout(item.timeout, HEALTH_DEFAULTS.httpTimeoutSeconds, `${at}.timeout`, fail),
            retries: parseInteger(item.retries, HEALTH_DEFAULTS.retries, 0, MAX_RETRIES, `${at}.retries`, fail),
            ...(envs && { envs }),
        };
    });
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function parseName(value, field, fail) {
    if (value === undefined)
        return fail(field, 'missing (every check needs a name)');
    if (typeof value !== 'string' || value.trim().length === 0)
        return fail(field, 'must be a non-empty string');
    // Names are table cells and log lines; a line break or control character would garble both.
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(value))
        return fail(field, 'must be a single line without control characters');
    if (value.length > 100)
        return fail(field, 'must be at most 100 characters');
    if (value === LOCK_CHECK_NAME)
        return fail(field, `${quote(LOCK_CHECK_NAME)} is reserved for the built-in lock check`);
    return value;
}
function parseUrl(value, field, fail) {
    if (typeof value !== 'string' || value.length === 0)
        return fail(field, 'must be a URL string');
    for (const placeholder of placeholdersIn(value)) {
        if (placeholder !== ENV_PLACEHOLDER) {
            fail(field, `unknown placeholder ${placeholder} (only ${ENV_PLACEHOLDER} is supported)`);
        }
    }
    // Any valid environment name yields the same URL shape, so one stand-in proves them all.
    let url;
    try {
        url = new URL(value.replaceAll(ENV_PLACEHOLDER, 'env'));
    }
    catch {
        return fail(field, `not a valid URL: ${quote(value)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return fail(field, `must be an http:// or https:// URL, not ${quote(url.protocol.replace(/:$/, ''))}`);
    }
    if (url.username !== '' || url.password !== '') {
        return fail(field, 'must not contain credentials (the URL appears in reports and logs)');
    }
    return value;
}
function parseCommand(value, field, fail) {
    if (typeof value === 'string') {
        return fail(field, `must be a list of strings (argv), not a string: no shell splits it; write e.g. ${JSON.stringify(value.trim().split(/\s+/))}`);
    }
    if (!Array.isArray(value) || value.length === 0)
        return fail(field, 'must be a non-empty list of strings (argv)');
    value.forEach((arg, i) => {
        if (typeof arg !== 'string')
            fail(`${field}[${i}]`, 'must be a string');
        if (arg.includes('\0'))
            fail(`${field}[${i}]`, 'contains a NUL byte');
    });
    if (value[0].length === 0)
        fail(`${field}[0]`, 'must name a program');
    return [...value];
}
function parseTimeout(value, fallback, field, fail) {
    if (value === undefined)
        return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_SECONDS) {
        return fail(field, `must be a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}`);
    }
    return value;
}
function parseInteger(value, fallback, min, max, field, fail) {
    if (value === undefined)
        return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        return fail(field, `must be an integer ${min}-${max}`);
    }
    return value;
}
function parseEnvs(value, field, fail) {
    if (!Array.isArray(value) || value.length === 0)
        return fail(field, 'must be a non-empty list of environment names');
    return value.map((env, i) => {
        if (typeof env !== 'string')
            return fail(`${field}[${i}]`, 'must be a string');
        try {
            return checkEnvName(env, `${field}[${i}]`);
        }
        catch (err) {
            // Reuse the project-wide name rule but keep this module's error type and field path.
            const prefix = `${field}[${i}]: `;
            const message = err.message;
            return fail(`${field}[${i}]`, message.startsWith(prefix) ? message.slice(prefix.length) : message);
        }
    });
}

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/process-group.js

/**
 * Whether commands get their own process group. On POSIX a detached child leads a new group, so
 * one signal to `-pid` reaches everything it started (npm → node → workers), not just npm.
 * On Windows `detached` opens a new console instead, and trees are killed with taskkill.
 */
const OWN_PROCESS_GROUP = process.platform !== 'win32';
function signalTree(child, signal) {
    const pid = child.pid;
    if (pid === undefined)
        return;
    if (!OWN_PROCESS_GROUP) {
        // Windows has no graceful signal for console programs, so both steps force-kill the tree.
        const killer = (0,external_node_child_process_namespaceObject.spawn)('taskkill', ['/pid', String(pid), '/T', '/F'], { shell: false, stdio: 'ignore', windowsHide: true });
        killer.on('error', () => child.kill(signal));
        return;
    }
    try {
        process.kill(-pid, signal);
    }
    catch (err) {
        // ESRCH: the whole group is already gone, which is what was wanted.
        if (err.code !== 'ESRCH')
            child.kill(signal);
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/command-check.js





const DEFAULT_KILL_GRACE_MS = 2000;
const DEFAULT_OUTPUT_CHARS = 2000;
// After the command exits, a process that escaped its group (setsid) could still hold the pipes
// open; the check must not wait on it forever.
const CLOSE_AFTER_EXIT_MS = 1000;
/**
 * Runs the argv in `cwd` without a shell; exit 0 passes. Whatever the command leaves behind in its
 * process group is killed once it exits, and the whole group is killed when it runs out of time,
 * so a check never leaves processes running.
 */
async function runCommandCheck(spec, options) {
    const { cwd, signal } = options;
    if (signal?.aborted)
        return { ok: false, detail: 'aborted before it started' };
    const cwdProblem = await directoryProblem(cwd);
    if (cwdProblem)
        return { ok: false, detail: cwdProblem };
    const seconds = spec.timeoutSeconds ?? HEALTH_DEFAULTS.commandTimeoutSeconds;
    const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    const output = new OutputTail(options.outputChars ?? DEFAULT_OUTPUT_CHARS);
    const [program, ...args] = spec.command;
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(program, args, {
            cwd,
            shell: false,
            ...(options.env !== undefined && { env: { ...process.env, ...options.env } }),
            detached: OWN_PROCESS_GROUP,
            // No stdin: a command that prompts gets end-of-file instead of hanging until the timeout.
            stdio: ['ignore', 'pipe', 'pipe'],
            windowsHide: true,
        });
    }
    catch (err) {
        return { ok: false, detail: `could not start ${quote(program)}: ${err.message}` };
    }
    return new Promise((resolve) => {
        let cutOff;
        let startError;
        let exit;
        let graceTimer;
        let closeTimer;
        let settled = false;
        const stop = (reason) => {
            if (cutOff !== undefined || exit !== undefined || settled)
                return;
            cutOff = reason;
            signalTree(child, 'SIGTERM');
            graceTimer = setTimeout(() => signalTree(child, 'SIGKILL'), graceMs);
        };
        const onAbort = () => stop('aborted');
        const timer = setTimeout(() => stop(`timed out after ${seconds}s`), Math.max(1, Math.round(seconds * 1000)));
        signal?.addEventListener('abort', onAbort, { once: true });
        for (const stream of [child.stdout, child.stderr]) {
            stream?.setEncoding('utf8');
            stream?.on('data', (chunk) => output.push(chunk));
        }
        const finish = () => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            clearTimeout(closeTimer);
            signal?.removeEventListener('abort', onAbort);
            resolve(outcome({ cutOff, startError, exit, program: program }, output.text()));
        };
        const finishSoon = () => {
            closeTimer ??= setTimeout(() => {
                child.stdout?.destroy();
                child.stderr?.destroy();
                finish();
            }, CLOSE_AFTER_EXIT_MS);
        };
        child.on('error', (err) => {
            startError ??= err;
            finishSoon();
        });
        child.on('exit', (code, sig) => {
            exit = { code, signal: sig };
            // Leftovers in the group (background jobs, a stuck worker) die with the check. Only where the
            // group is the child's own: on Windows a tree kill by a reaped pid could hit a reused one.
            if (OWN_PROCESS_GROUP)
                signalTree(child, 'SIGKILL');
            finishSoon();
        });
        child.on('close', finish);
    });
}
function outcome(run, output) {
    let head;
    let ok = false;
    if (run.cutOff !== undefined)
        head = `${run.cutOff} (killed)`;
    else if (run.startError && !run.exit)
        head = `could not start ${quote(run.program)}: ${run.startError.message}`;
    else if (run.exit?.code === 0) {
        head = 'exit 0';
        ok = true;
    }
    else if (run.exit?.code !== null && run.exit?.code !== undefined)
        head = `exit ${run.exit.code}`;
    else
        head = `killed by ${run.exit?.signal ?? 'an unknown signal'}`;
    const exitCode = run.cutOff === undefined && typeof run.exit?.code === 'number' ? run.exit.code : undefined;
    return { ok, detail: output ? `${head}\n${output}` : head, ...(exitCode !== undefined && { exitCode }) };
}
async function directoryProblem(dir) {
    try {
        if (!(await (0,promises_namespaceObject.stat)(dir)).isDirectory())
            return `checkout ${quote(dir)} is not a directory`;
        return undefined;
    }
    catch {
        return `checkout ${quote(dir)} does not exist`;
    }
}
/** Keeps the end of the output (where test runners print their verdict) in bounded memory. */
class OutputTail {
    limit;
    buffer = '';
    dropped = false;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.buffer += chunk;
        if (this.buffer.length > this.limit * 4) {
            this.buffer = this.buffer.slice(-this.limit * 2);
            this.dropped = true;
        }
    }
    text() {
        const clean = cleanOutput(this.buffer);
        if (!this.dropped && clean.length <= this.limit)
            return clean;
        return `…${clean.slice(-this.limit)}`.replace(/^…\s+/, '…');
    }
}
/** Colour codes and progress-bar carriage returns are noise in a report; keep what a terminal would show. */
function cleanOutput(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
        .replace(/\r\n/g, '\n')
        .split('\n')
        .map((line) => line.slice(line.lastIndexOf('\r') + 1))
        .join('\n')
        .trim());
}

;// CONCATENATED MODULE: ./node_modules/is-network-error/index.js
const objectToString = Object.prototype.toString;

const isError = value => objectToString.call(value) === '[object Error]';

const errorMessages = new Set([
	'network error', // Chrome
	'NetworkError when attempting to fetch resource.', // Firefox
	'The Internet connection appears to be offline.', // Safari 16
	'Network request failed', // `cross-fetch`
	'fetch failed', // Undici (Node.js)
	'terminated', // Undici (Node.js)
	' A network error occurred.', // Bun (WebKit)
	'Network connection lost', // Cloudflare Workers (fetch)
]);

function isNetworkError(error) {
	const isValid = error
		&& isError(error)
		&& error.name === 'TypeError'
		&& typeof error.message === 'string';

	if (!isValid) {
		return false;
	}

	const {message, stack} = error;

	// Safari 17+ has generic message but no stack for network errors
	if (message === 'Load failed' || (message.startsWith('Load failed (') && message.endsWith(')'))) {
		return stack === undefined
			// Sentry adds its own stack trace to the fetch error, so also check for that
			|| '__sentry_captured__' in error;
	}

	// Deno network errors start with specific text
	if (message.startsWith('error sending request for url')) {
		return true;
	}

	// Chrome: exact "Failed to fetch" or with hostname: "Failed to fetch (example.com)"
	if (message === 'Failed to fetch' || (message.startsWith('Failed to fetch (') && message.endsWith(')'))) {
		return true;
	}

	// Standard network error messages
	return errorMessages.has(message);
}

;// CONCATENATED MODULE: ./node_modules/p-retry/index.js


function validateRetries(retries) {
	if (typeof retries === 'number') {
		if (retries < 0) {
			throw new TypeError('Expected `retries` to be a non-negative number.');
		}

		if (Number.isNaN(retries)) {
			throw new TypeError('Expected `retries` to be a valid number or Infinity, got NaN.');
		}
	} else if (retries !== undefined) {
		throw new TypeError('Expected `retries` to be a number or Infinity.');
	}
}

function validateNumberOption(name, value, {min = 0, allowInfinity = false} = {}) {
	if (value === undefined) {
		return;
	}

	if (typeof value !== 'number' || Number.isNaN(value)) {
		throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? ' or Infinity' : ''}.`);
	}

	if (!allowInfinity && !Number.isFinite(value)) {
		throw new TypeError(`Expected \`${name}\` to be a finite number.`);
	}

	if (value < min) {
		throw new TypeError(`Expected \`${name}\` to be \u2265 ${min}.`);
	}
}

class AbortError extends Error {
	constructor(message) {
		super();

		if (message instanceof Error) {
			this.originalError = message;
			({message} = message);
		} else {
			this.originalError = new Error(message);
			this.originalError.stack = this.stack;
		}

		this.name = 'AbortError';
		this.message = message;
	}
}

function calculateDelay(retriesConsumed, options) {
	const attempt = Math.max(1, retriesConsumed + 1);
	const random = options.randomize ? (Math.random() + 1) : 1;

	let timeout = Math.round(random * options.minTimeout * (options.factor ** (attempt - 1)));
	timeout = Math.min(timeout, options.maxTimeout);

	return timeout;
}

function calculateRemainingTime(start, max) {
	if (!Number.isFinite(max)) {
		return max;
	}

	return max - (performance.now() - start);
}

async function onAttemptFailure({error, attemptNumber, retriesConsumed, startTime, options}) {
	const normalizedError = error instanceof Error
		? error
		: new TypeError(`Non-error was thrown: "${error}". You should only throw errors.`);

	if (normalizedError instanceof AbortError) {
		throw normalizedError.originalError;
	}

	const retriesLeft = Number.isFinite(options.retries)
		? Math.max(0, options.retries - retriesConsumed)
		: options.retries;

	const maxRetryTime = options.maxRetryTime ?? Number.POSITIVE_INFINITY;

	const context = Object.freeze({
		error: normalizedError,
		attemptNumber,
		retriesLeft,
		retriesConsumed,
	});

	await options.onFailedAttempt(context);

	if (calculateRemainingTime(startTime, maxRetryTime) <= 0) {
		throw normalizedError;
	}

	const consumeRetry = await options.shouldConsumeRetry(context);

	const remainingTime = calculateRemainingTime(startTime, maxRetryTime);

	if (remainingTime <= 0 || retriesLeft <= 0) {
		throw normalizedError;
	}

	if (normalizedError instanceof TypeError && !isNetworkError(normalizedError)) {
		if (consumeRetry) {
			throw normalizedError;
		}

		options.signal?.throwIfAborted();
		return false;
	}

	if (!await options.shouldRetry(context)) {
		throw normalizedError;
	}

	if (!consumeRetry) {
		options.signal?.throwIfAborted();
		return false;
	}

	const delayTime = calculateDelay(retriesConsumed, options);
	const finalDelay = Math.min(delayTime, remainingTime);

	options.signal?.throwIfAborted();

	if (finalDelay > 0) {
		await new Promise((resolve, reject) => {
			const onAbort = () => {
				clearTimeout(timeoutToken);
				options.signal?.removeEventListener('abort', onAbort);
				reject(options.signal.reason);
			};

			const timeoutToken = setTimeout(() => {
				options.signal?.removeEventListener('abort', onAbort);
				resolve();
			}, finalDelay);

			if (options.unref) {
				timeoutToken.unref?.();
			}

			options.signal?.addEventListener('abort', onAbort, {once: true});
		});
	}

	options.signal?.throwIfAborted();

	return true;
}

async function pRetry(input, options = {}) {
	options = {...options};

	validateRetries(options.retries);

	if (Object.hasOwn(options, 'forever')) {
		throw new Error('The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.');
	}

	options.retries ??= 10;
	options.factor ??= 2;
	options.minTimeout ??= 1000;
	options.maxTimeout ??= Number.POSITIVE_INFINITY;
	options.maxRetryTime ??= Number.POSITIVE_INFINITY;
	options.randomize ??= false;
	options.onFailedAttempt ??= () => {};
	options.shouldRetry ??= () => true;
	options.shouldConsumeRetry ??= () => true;

	// Validate numeric options and normalize edge cases
	validateNumberOption('factor', options.factor, {min: 0, allowInfinity: false});
	validateNumberOption('minTimeout', options.minTimeout, {min: 0, allowInfinity: false});
	validateNumberOption('maxTimeout', options.maxTimeout, {min: 0, allowInfinity: true});
	validateNumberOption('maxRetryTime', options.maxRetryTime, {min: 0, allowInfinity: true});

	// Treat non-positive factor as 1 to avoid zero backoff or negative behavior
	if (!(options.factor > 0)) {
		options.factor = 1;
	}

	options.signal?.throwIfAborted();

	let attemptNumber = 0;
	let retriesConsumed = 0;
	const startTime = performance.now();

	while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true) {
		attemptNumber++;

		try {
			options.signal?.throwIfAborted();

			const result = await input(attemptNumber);

			options.signal?.throwIfAborted();

			return result;
		} catch (error) {
			if (await onAttemptFailure({
				error,
				attemptNumber,
				retriesConsumed,
				startTime,
				options,
			})) {
				retriesConsumed++;
			}
		}
	}

	// Should not reach here, but in case it does, throw an error
	throw new Error('Retry attempts exhausted without throwing an error.');
}

function makeRetriable(function_, options) {
	return function (...arguments_) {
		return pRetry(() => function_.apply(this, arguments_), options);
	};
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/http-check.js




const DEFAULT_RETRY_DELAY_MS = 1000;
const DEFAULT_MAX_RETRY_DELAY_MS = 10_000;
// Enough for any health page; a larger body is read no further, so a streaming endpoint cannot
// hold a check open past what it needs.
const MAX_BODY_CHARS = 1024 * 1024;
const BODY_SNIPPET_CHARS = 120;
class AttemptFailed extends Error {
}
/** GETs the URL until it answers as expected or the retries run out; every failure is retried. */
async function runHttpCheck(spec, options = {}) {
    const resolved = resolveUrl(spec.url, options.env);
    if ('problem' in resolved)
        return { ok: false, detail: resolved.problem, attempts: 0 };
    const { url } = resolved;
    const retries = spec.retries ?? HEALTH_DEFAULTS.retries;
    const { signal } = options;
    let attempts = 0;
    let last = '';
    try {
        const status = await pRetry(async () => {
            attempts += 1;
            const result = await attempt(url, spec, signal);
            if ('problem' in result) {
                last = result.problem;
                throw new AttemptFailed(result.problem);
            }
            return result.status;
        }, {
            retries,
            factor: 2,
            randomize: true,
            minTimeout: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
            maxTimeout: options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
            signal,
        });
        return { ok: true, detail: `GET ${url}: HTTP ${status}${ofAttempts(attempts, retries)}`, attempts };
    }
    catch (err) {
        if (signal?.aborted) {
            const before = last && last !== 'aborted' ? ` (last attempt: ${last})` : '';
            return { ok: false, detail: `GET ${url}: aborted${before}`, attempts };
        }
        const problem = err instanceof AttemptFailed ? err.message : String(err);
        return { ok: false, detail: `GET ${url}: ${problem}${ofAttempts(attempts, retries)}`, attempts };
    }
}
function ofAttempts(attempts, retries) {
    return attempts > 1 ? ` (attempt ${attempts} of ${retries + 1})` : '';
}
async function attempt(url, spec, outer) {
    const seconds = spec.timeoutSeconds ?? HEALTH_DEFAULTS.httpTimeoutSeconds;
    const expected = spec.expectStatus ?? HEALTH_DEFAULTS.expectStatus;
    // The timeout covers headers and body alike, so a server that trickles bytes is cut off too.
    const timeout = AbortSignal.timeout(Math.max(1, Math.round(seconds * 1000)));
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    try {
        const response = await fetch(url, {
            method: 'GET',
            signal,
            // Following a redirect would make an expected 3xx impossible to observe.
            redirect: expected >= 300 && expected < 400 ? 'manual' : 'follow',
            headers: { accept: '*/*', 'user-agent': 'meta-rollback-health-check' },
        });
        const needBody = spec.expectBody !== undefined || response.status !== expected;
        const body = needBody ? await readCapped(response) : await discard(response);
        if (response.status !== expected) {
            return { problem: `HTTP ${response.status}, expected ${expected}${snippet(body)}` };
        }
        if (spec.expectBody !== undefined && !body.includes(spec.expectBody)) {
            return { problem: `HTTP ${response.status} but the body does not contain ${quote(spec.expectBody)}${snippet(body)}` };
        }
        return { status: response.status };
    }
    catch (err) {
        if (timeout.aborted)
            return { problem: `timed out after ${seconds}s` };
        if (outer?.aborted)
            return { problem: 'aborted' };
        return { problem: `request failed: ${networkReason(err)}` };
    }
}
async function readCapped(response) {
    if (!response.body)
        return '';
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    let text = '';
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        text += decoder.decode(value, { stream: true });
        if (text.length >= MAX_BODY_CHARS) {
            await reader.cancel().catch(() => undefined);
            return text.slice(0, MAX_BODY_CHARS);
        }
    }
    return text + decoder.decode();
}
async function discard(response) {
    await response.body?.cancel().catch(() => undefined);
    return '';
}
function snippet(body) {
    // eslint-disable-next-line no-control-regex
    const flat = body.replace(/[\s\x00-\x1f\x7f]+/g, ' ').trim();
    if (flat.length === 0)
        return '';
    return `; body: ${quote(flat.length > BODY_SNIPPET_CHARS ? `${flat.slice(0, BODY_SNIPPET_CHARS)}…` : flat)}`;
}
/** fetch reports every network failure as "fetch failed"; the useful reason is in its cause. */
function networkReason(err) {
    if (err instanceof Error) {
        const cause = err.cause;
        if (cause instanceof Error && cause.message)
            return cause.message;
        return err.message;
    }
    return String(err);
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/lock-check.js

const NO_CHECKOUT = 'no checkout';
/** A component that is not checked out cannot be at the wrong commit, so it passes without asking git. */
async function runLockCheck(component, lockCheck, signal) {
    if (component.checkoutDir === undefined)
        return { ok: true, detail: NO_CHECKOUT };
    try {
        const { ok, detail } = await lockCheck(component, signal);
        return { ok: ok === true, detail };
    }
    catch (err) {
        return { ok: false, detail: `lock check failed: ${errorMessage(err)}` };
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/run-checks.js






async function runHealthChecks(input) {
    const concurrency = input.concurrency ?? HEALTH_DEFAULTS.concurrency;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new RangeError(`health check concurrency must be a positive integer, got ${String(concurrency)}`);
    }
    const { tasks, skipped } = plan(input);
    let callbackError;
    const limit = pLimit(concurrency);
    const results = await limit.map(tasks, async (task) => {
        const result = await execute(task, input.signal);
        try {
            input.onResult?.(result);
        }
        catch (error) {
            // A broken progress callback must not abandon checks that are still running their processes.
            callbackError ??= { error };
        }
        return result;
    });
    if (callbackError)
        throw callbackError.error;
    return { healthy: results.every((r) => r.ok), results, skipped };
}
function plan(input) {
    const tasks = [];
    const skipped = [];
    const { env, signal, lockCheck } = input;
    for (const component of input.components) {
        if (lockCheck) {
            tasks.push({ component, name: LOCK_CHECK_NAME, kind: 'lock', run: () => runLockCheck(component, lockCheck, signal) });
        }
        for (const spec of component.checks) {
            const skip = (reason) => {
                skipped.push({ name: spec.name, component: component.name, kind: spec.kind, reason });
            };
            if (!appliesToEnv(spec, env)) {
                const only = `only for ${spec.envs?.join(', ')}`;
                skip(env === undefined ? `${only}; no environment selected` : `${only}, not ${env}`);
                continue;
            }
            if (spec.kind === 'http') {
                tasks.push({
                    component,
                    name: spec.name,
                    kind: 'http',
                    run: () => runHttpCheck(spec, { env, signal, retryDelayMs: input.retryDelayMs }),
                });
                continue;
            }
            const cwd = component.checkoutDir;
            if (cwd === undefined) {
                const askedBy = input.required?.(spec.name);
                if (askedBy !== undefined) {
                    const detail = `no checkout: components/${component.name} is missing, and ${askedBy} asked for this check`;
                    tasks.push({ component, name: spec.name, kind: 'command', run: () => Promise.resolve({ ok: false, detail }) });
                    continue;
                }
                // Neither a pass nor a failure: the command has nowhere to run, and the report says so.
                skip('no checkout');
                continue;
            }
            tasks.push({
                component,
                name: spec.name,
                kind: 'command',
                run: () => runCommandCheck(spec, { cwd, signal, killGraceMs: input.killGraceMs }),
            });
        }
    }
    return { tasks, skipped };
}
async function execute(task, signal) {
    const base = { name: task.name, component: task.component.name, kind: task.kind };
    if (signal?.aborted)
        return { ...base, ok: false, duration_ms: 0, detail: 'aborted before it started' };
    const started = performance.now();
    let outcome;
    try {
        outcome = await task.run();
    }
    catch (err) {
        // The check runners report failures as outcomes; reaching here is a bug, still shown as a failure.
        outcome = { ok: false, detail: `internal error: ${err instanceof Error ? err.message : String(err)}` };
    }
    return {
        ...base,
        ok: outcome.ok,
        duration_ms: Math.round(performance.now() - started),
        detail: outcome.detail,
        ...(outcome.attempts !== undefined && { attempts: outcome.attempts }),
    };
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/format.js
const TABLE_DETAIL = 100;
// A PR comment is capped at 65536 characters; this keeps even a large system well inside it.
const MARKDOWN_DETAIL = 300;
/** A plain-text table for terminals and logs: one line per check, then a verdict line. */
function formatHealthTable(report, options = {}) {
    const rows = rowsOf(report);
    if (rows.length === 0)
        return 'No health checks to run.';
    const max = options.maxDetail ?? TABLE_DETAIL;
    const cells = [
        ['COMPONENT', 'CHECK', 'KIND', 'RESULT', 'TIME', 'DETAIL'],
        ...rows.map((r) => [r.component, r.check, r.kind, r.result, r.time, format_oneLine(r.detail, max)]),
    ];
    const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...cells.map((c) => c[i].length)));
    const lines = cells.map((c) => c
        .map((text, i) => (i < widths.length ? text.padEnd(widths[i]) : text))
        .join('  ')
        .trimEnd());
    return [...lines, '', verdict(report)].join('\n');
}
/** A markdown summary and table for job summaries and PR comments. */
function healthToMarkdown(report, options = {}) {
    const rows = rowsOf(report);
    const heading = `**Health: ${report.healthy ? '✅ healthy' : '❌ unhealthy'}** (${counts(report)})`;
    if (rows.length === 0)
        return `${heading}\n\nNo health checks to run.\n`;
    const max = options.maxDetail ?? MARKDOWN_DETAIL;
    const icon = { PASS: '✅ pass', FAIL: '❌ fail', SKIP: '⏭️ skipped' };
    const lines = [
        heading,
        '',
        '| Component | Check | Kind | Result | Time | Detail |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows.map((r) => `| ${[r.component, r.check, r.kind].map(cell).join(' | ')} | ${icon[r.result]} | ${r.time} | ${cell(clipDetail(r.detail.trim(), max))} |`),
    ];
    return `${lines.join('\n')}\n`;
}
function rowsOf(report) {
    const passed = report.results.map((r) => ({
        component: r.component,
        check: r.name,
        kind: r.kind,
        result: r.ok ? 'PASS' : 'FAIL',
        time: formatDuration(r.duration_ms),
        detail: r.detail,
    }));
    const skipped = (report.skipped ?? []).map((s) => ({ component: s.component, check: s.name, kind: s.kind, result: 'SKIP', time: '-', detail: s.reason }));
    // Skipped checks go last so the rows that decided the verdict stay together.
    return [...passed, ...skipped];
}
function verdict(report) {
    return `${report.healthy ? 'HEALTHY' : 'UNHEALTHY'}: ${counts(report)}`;
}
function counts(report) {
    const failed = report.results.filter((r) => !r.ok).length;
    const parts = [`${report.results.length - failed} passed`, `${failed} failed`];
    const skipped = report.skipped?.length ?? 0;
    if (skipped > 0)
        parts.push(`${skipped} skipped`);
    return parts.join(', ');
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)}s`;
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
/** Folds a detail onto one line for the text table, with control characters made harmless. */
function format_oneLine(detail, max) {
    const flat = detail
        .trim()
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .join(' ⏎ ')
        // eslint-disable-next-line no-control-regex
        .replace(/[\x00-\x1f\x7f]/g, ' ');
    return clipDetail(flat, max);
}
/**
 * The reason of a failed HTTP check (`GET URL: HTTP 404, expected 200`) comes before the body it
 * quotes; when the row is too long the body gives way first, so the reason is never clipped out.
 */
function clipDetail(flat, max) {
    const at = flat.indexOf('; body: ');
    if (at < 0 || flat.length <= max)
        return clip(flat, max);
    const reason = flat.slice(0, at);
    if (reason.length + 10 >= max)
        return clip(reason, max);
    return `${flat.slice(0, max - 1).trimEnd()}…`;
}
/**
 * Shortens from the middle: a detail's start says what failed (the exit code, the URL) and its end
 * holds the last output lines, where test runners print the reason.
 */
function clip(text, max) {
    if (text.length <= max)
        return text;
    const keep = Math.max(0, max - 3);
    const head = Math.ceil(keep / 2);
    const tail = keep - head;
    return `${text.slice(0, head).trimEnd()} … ${tail > 0 ? text.slice(-tail).trimStart() : ''}`.trimEnd();
}
/**
 * Makes text safe inside one markdown table cell: pipes would split the cell, line breaks would end
 * the row, and markup or HTML in command output must not render as formatting.
 */
function cell(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/[\\`*_[\]<>|~]/g, '\\$&')
        .replace(/\r?\n|\r/g, '<br>')
        // eslint-disable-next-line no-control-regex
        .replace(/[\x00-\x1f\x7f]/g, ' '));
}

;// CONCATENATED MODULE: ./.tsbuild/core/health/index.js






;// CONCATENATED MODULE: ./.tsbuild/git/local/git-dirs.js


/**
 * Finds the repository of a checkout without starting git, or undefined when it uses anything the
 * in-process readers do not understand (SHA-256 objects, reftable refs, other extensions): the
 * caller then asks git, which is always right.
 */
function locateGitDirs(worktree) {
    try {
        const dotGit = (0,external_node_path_namespaceObject.join)(worktree, '.git');
        const stat = (0,external_node_fs_namespaceObject.statSync)(dotGit, { throwIfNoEntry: false });
        if (!stat)
            return bareRepository(worktree);
        let gitDir;
        if (stat.isDirectory()) {
            gitDir = dotGit;
        }
        else if (stat.isFile()) {
            const match = /^gitdir: (.+?)\r?\n?$/.exec((0,external_node_fs_namespaceObject.readFileSync)(dotGit, 'utf8'));
            if (!match)
                return undefined;
            gitDir = (0,external_node_path_namespaceObject.isAbsolute)(match[1]) ? match[1] : (0,external_node_path_namespaceObject.resolve)(worktree, match[1]);
        }
        else {
            return undefined;
        }
        let commonDir = gitDir;
        try {
            commonDir = (0,external_node_path_namespaceObject.resolve)(gitDir, (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(gitDir, 'commondir'), 'utf8').trim());
        }
        catch {
            // Not a linked worktree: objects and refs are in the git directory itself.
        }
        if (usesExtensions((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(commonDir, 'config'), 'utf8')))
            return undefined;
        return { worktree, gitDir, commonDir };
    }
    catch {
        return undefined;
    }
}
/** A bare repository (a mirror, or a component repository on disk) is its own git directory. */
function bareRepository(dir) {
    if (!(0,external_node_fs_namespaceObject.statSync)((0,external_node_path_namespaceObject.join)(dir, 'objects'), { throwIfNoEntry: false })?.isDirectory())
        return undefined;
    if (!(0,external_node_fs_namespaceObject.statSync)((0,external_node_path_namespaceObject.join)(dir, 'HEAD'), { throwIfNoEntry: false })?.isFile())
        return undefined;
    if (usesExtensions((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, 'config'), 'utf8')))
        return undefined;
    return { worktree: dir, gitDir: dir, commonDir: dir };
}
/**
 * Any `[extensions]` section (objectFormat, refStorage, worktreeConfig, partialClone...) or a
 * repository format version above 1 changes how objects or refs are stored.
 */
function usesExtensions(config) {
    if (/^\s*\[\s*extensions\b/im.test(config))
        return true;
    const version = /^\s*repositoryformatversion\s*=\s*(\d+)/im.exec(config);
    return version !== null && Number(version[1]) > 1;
}

;// CONCATENATED MODULE: ./.tsbuild/git/local/head-file.js


const SHA = /^[0-9a-f]{40}$/;
/**
 * HEAD and its branch read from the files git keeps them in, or undefined when they are stored
 * in a way this reader does not follow (a symbolic ref pointing at another symbolic ref, a ref
 * outside refs/heads): the caller then asks git.
 */
function readHead(dirs) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dirs.gitDir, 'HEAD'), 'utf8').trim();
    }
    catch {
        return undefined;
    }
    if (SHA.test(text))
        return { head: text, branch: undefined };
    const symbolic = /^ref: refs\/heads\/(\S+)$/.exec(text);
    if (!symbolic)
        return undefined;
    const branch = symbolic[1];
    const loose = readLooseRef(dirs.commonDir, `refs/heads/${branch}`);
    if (loose === null)
        return undefined;
    if (loose !== undefined)
        return { head: loose, branch };
    const packed = readPackedRef(dirs.commonDir, `refs/heads/${branch}`);
    if (packed === null)
        return undefined;
    return { head: packed, branch };
}
/** undefined: no such file; null: a file this reader does not understand. */
function readLooseRef(commonDir, ref) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(commonDir, ref), 'utf8').trim();
    }
    catch (err) {
        return err.code === 'ENOENT' ? undefined : null;
    }
    return SHA.test(text) ? text : null;
}
function readPackedRef(commonDir, ref) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(commonDir, 'packed-refs'), 'utf8');
    }
    catch (err) {
        return err.code === 'ENOENT' ? undefined : null;
    }
    for (const line of text.split('\n')) {
        if (line.length < 42 || line[40] !== ' ' || line.slice(41) !== ref)
            continue;
        const sha = line.slice(0, 40);
        return SHA.test(sha) ? sha : null;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.tsbuild/git/local/index-file.js
const ENTRY_FIXED = 62;
const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const HASH_BYTES = 20;
function parseIndexFile(data) {
    if (data.length < 12 + HASH_BYTES || data.toString('latin1', 0, 4) !== 'DIRC')
        return unsupported('not an index');
    const version = data.readUInt32BE(4);
    if (version < 2 || version > 4)
        return unsupported(`index version ${version}`);
    const count = data.readUInt32BE(8);
    const end = data.length - HASH_BYTES;
    const entries = [];
    let pos = 12;
    let previous = '';
    for (let i = 0; i < count; i++) {
        if (pos + ENTRY_FIXED > end)
            return unsupported('truncated');
        const flags = data.readUInt16BE(pos + 60);
        let extendedFlags = 0;
        let nameStart = pos + ENTRY_FIXED;
        if (flags & EXTENDED) {
            if (version < 3)
                return unsupported('extended flags in a version 2 index');
            extendedFlags = data.readUInt16BE(nameStart);
            nameStart += 2;
        }
        let path;
        let next;
        if (version === 4) {
            const strip = readVarint(data, nameStart, end);
            if (!strip || strip.value > previous.length)
                return unsupported('bad path prefix');
            const nul = data.indexOf(0, strip.next);
            if (nul < 0 || nul >= end)
                return unsupported('truncated');
            path = previous.slice(0, previous.length - strip.value) + data.toString('utf8', strip.next, nul);
            next = nul + 1;
        }
        else {
            const nul = data.indexOf(0, nameStart);
            if (nul < 0 || nul >= end)
                return unsupported('truncated');
            path = data.toString('utf8', nameStart, nul);
            // Entries are padded with NULs to a multiple of eight bytes, counted from the entry's start.
            next = pos + ((nameStart - pos + (nul - nameStart) + 8) & ~7);
        }
        entries.push({
            path,
            ctimeS: data.readUInt32BE(pos),
            ctimeNs: data.readUInt32BE(pos + 4),
            mtimeS: data.readUInt32BE(pos + 8),
            mtimeNs: data.readUInt32BE(pos + 12),
            ino: data.readUInt32BE(pos + 20),
            mode: data.readUInt32BE(pos + 24),
            uid: data.readUInt32BE(pos + 28),
            gid: data.readUInt32BE(pos + 32),
            size: data.readUInt32BE(pos + 36),
            oid: data.toString('hex', pos + 40, pos + 40 + HASH_BYTES),
            stage: (flags >> 12) & 3,
            special: (flags & ASSUME_VALID) !== 0 || extendedFlags !== 0,
        });
        previous = path;
        pos = next;
    }
    let rootTree;
    while (pos + 8 <= end) {
        const signature = data.toString('latin1', pos, pos + 4);
        const size = data.readUInt32BE(pos + 4);
        const body = pos + 8;
        if (body + size > end)
            return unsupported('truncated extension');
        // Split and sparse indexes keep entries elsewhere; reading only this file would miss them.
        if (signature === 'link' || signature === 'sdir')
            return unsupported(`index extension ${signature}`);
        if (signature === 'TREE')
            rootTree = rootOfCacheTree(data.subarray(body, body + size));
        pos = body + size;
    }
    return { supported: true, entries, rootTree };
}
/** The cached tree's first record is the root: "" NUL "<entries> <subtrees>\n" then its id when valid. */
function rootOfCacheTree(tree) {
    if (tree.length === 0 || tree[0] !== 0)
        return undefined;
    const newline = tree.indexOf(0x0a, 1);
    if (newline < 0)
        return undefined;
    const match = /^(-?\d+) \d+$/.exec(tree.toString('latin1', 1, newline));
    if (!match || Number(match[1]) < 0 || newline + 1 + HASH_BYTES > tree.length)
        return undefined;
    return tree.toString('hex', newline + 1, newline + 1 + HASH_BYTES);
}
/** Git's offset varint (also used by index version 4 for the length of the shared path prefix). */
function readVarint(data, pos, end) {
    if (pos >= end)
        return undefined;
    let byte = data[pos++];
    let value = byte & 0x7f;
    while (byte & 0x80) {
        if (pos >= end || value > 0xffffff)
            return undefined;
        byte = data[pos++];
        value = ((value + 1) << 7) | (byte & 0x7f);
    }
    return { value, next: pos };
}
function unsupported(reason) {
    return { supported: false, reason };
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./.tsbuild/git/local/object-lookup.js



const COMMIT_TYPE = 1;
const TAG_TYPE = 4;
const LOOSE_TYPES = { commit: 1, tree: 2, blob: 3, tag: 4 };
const OFS_DELTA = 6;
const REF_DELTA = 7;
const MAX_DELTA_DEPTH = 64;
/** Larger objects are not commits worth reading here; git is asked instead. */
const MAX_OBJECT_BYTES = 1 << 20;
const IDX_V2_MAGIC = 0xff744f63;
const MAX_ALTERNATES_DEPTH = 5;
/**
 * Answers "is this commit here, and what is its tree" from a repository's pack indexes and loose
 * objects, without starting git. Only definite answers are given: a commit stored as a delta, an
 * index of an unknown version or a pack that cannot be read gives undefined, and "not found" is
 * never final (a pack may be arriving, or the object may be a promisor's), so callers ask git then.
 */
class ObjectLookup {
    objectDirs;
    packs;
    constructor(commonDir) {
        this.objectDirs = objectDirectories((0,external_node_path_namespaceObject.join)(commonDir, 'objects'), 0);
    }
    /** The tree of a commit when it is certainly a commit stored here; undefined otherwise. */
    commitTree(sha) {
        const object = this.readObjectStart(sha);
        if (object?.type !== COMMIT_TYPE)
            return undefined;
        return /^tree ([0-9a-f]{40})\n/.exec(object.data.toString('latin1'))?.[1];
    }
    /**
     * An object's type and the start of its content (at least its header lines: a commit's tree,
     * parents and committer, a tag's object, type and tagger), or undefined when not read here.
     */
    readObjectStart(sha) {
        if (!/^[0-9a-f]{40}$/.test(sha))
            return undefined;
        return this.readLooseStart(sha) ?? this.readPacked(sha);
    }
    readLooseStart(sha) {
        for (const dir of this.objectDirs) {
            const raw = readPrefix((0,external_node_path_namespaceObject.join)(dir, sha.slice(0, 2), sha.slice(2)), 0, 4096);
            if (raw === undefined)
                continue;
            const inflated = inflateStart(raw);
            const nul = inflated?.indexOf(0) ?? -1;
            if (!inflated || nul < 0)
                return undefined;
            const type = LOOSE_TYPES[inflated.toString('latin1', 0, nul).split(' ')[0]];
            return type === undefined ? undefined : { type, data: inflated.subarray(nul + 1) };
        }
        return undefined;
    }
    readPacked(sha) {
        const found = this.findPacked(Buffer.from(sha, 'hex'));
        if (!found)
            return undefined;
        return readPackedObject(found.index, found.offset, (base) => this.findPacked(base), 0);
    }
    findPacked(sha) {
        for (const index of this.packIndexes()) {
            const offset = findOffset(index, sha);
            if (offset !== undefined)
                return { index, offset };
        }
        return undefined;
    }
    packIndexes() {
        if (this.packs)
            return this.packs;
        const packs = [];
        for (const dir of this.objectDirs) {
            const packDir = (0,external_node_path_namespaceObject.join)(dir, 'pack');
            let names;
            try {
                names = (0,external_node_fs_namespaceObject.readdirSync)(packDir);
            }
            catch {
                continue;
            }
            for (const name of names) {
                if (!name.endsWith('.idx'))
                    continue;
                const parsed = parseIndex((0,external_node_path_namespaceObject.join)(packDir, name));
                if (parsed)
                    packs.push(parsed);
            }
        }
        this.packs = packs;
        return packs;
    }
}
function objectDirectories(objects, depth) {
    const dirs = [objects];
    if (depth >= MAX_ALTERNATES_DEPTH)
        return dirs;
    let alternates;
    try {
        alternates = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(objects, 'info', 'alternates'), 'utf8');
    }
    catch {
        return dirs;
    }
    for (const line of alternates.split('\n')) {
        const entry = line.trim();
        if (!entry || entry.startsWith('#') || entry.startsWith('"'))
            continue;
        dirs.push(...objectDirectories((0,external_node_path_namespaceObject.isAbsolute)(entry) ? entry : (0,external_node_path_namespaceObject.resolve)(objects, entry), depth + 1));
    }
    return dirs;
}
function parseIndex(path) {
    let data;
    try {
        data = (0,external_node_fs_namespaceObject.readFileSync)(path);
    }
    catch {
        return undefined;
    }
    const pack = path.slice(0, -'.idx'.length) + '.pack';
    if (data.length >= 8 && data.readUInt32BE(0) === IDX_V2_MAGIC) {
        if (data.readUInt32BE(4) !== 2 || data.length < 8 + 1024)
            return undefined;
        const count = data.readUInt32BE(8 + 255 * 4);
        if (data.length < 8 + 1024 + count * 28)
            return undefined;
        return { pack, data, version: 2, count };
    }
    if (data.length < 1024)
        return undefined;
    const count = data.readUInt32BE(255 * 4);
    if (data.length < 1024 + count * 24)
        return undefined;
    return { pack, data, version: 1, count };
}
/** Binary search of the sorted object names, narrowed by the fan-out table. */
function findOffset(index, sha) {
    const { data, version, count } = index;
    const fanout = version === 2 ? 8 : 0;
    const names = fanout + 1024;
    const stride = version === 2 ? 20 : 24;
    const nameAt = version === 2 ? 0 : 4;
    const first = sha[0];
    let lo = first === 0 ? 0 : data.readUInt32BE(fanout + (first - 1) * 4);
    let hi = data.readUInt32BE(fanout + first * 4);
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const at = names + mid * stride + nameAt;
        // Negative when the stored name sorts before the wanted one.
        const cmp = data.compare(sha, 0, 20, at, at + 20);
        if (cmp === 0) {
            if (version === 1)
                return data.readUInt32BE(names + mid * stride);
            const offsets = names + count * 24;
            const small = data.readUInt32BE(offsets + mid * 4);
            if ((small & 0x80000000) === 0)
                return small;
            const large = offsets + count * 4 + (small & 0x7fffffff) * 8;
            if (large + 8 > data.length)
                return undefined;
            const value = data.readBigUInt64BE(large);
            return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return undefined;
}
/**
 * A whole object from a pack, deltas resolved (packs store most commits of a cloned repository as
 * deltas against their neighbours). Objects are only read in full when small: a commit is.
 */
function readPackedObject(index, offset, findBase, depth) {
    if (depth > MAX_DELTA_DEPTH)
        return undefined;
    const head = readPrefix(index.pack, offset, 32);
    if (head === undefined || head.length < 2)
        return undefined;
    let byte = head[0];
    const type = (byte >> 4) & 7;
    let size = byte & 0x0f;
    let shift = 4;
    let pos = 1;
    while (byte & 0x80) {
        if (pos >= head.length || shift > 28)
            return undefined;
        byte = head[pos++];
        size += (byte & 0x7f) * 2 ** shift;
        shift += 7;
    }
    if (size > MAX_OBJECT_BYTES)
        return undefined;
    let base;
    if (type === OFS_DELTA) {
        if (pos >= head.length)
            return undefined;
        byte = head[pos++];
        let distance = byte & 0x7f;
        while (byte & 0x80) {
            if (pos >= head.length || distance > 2 ** 40)
                return undefined;
            byte = head[pos++];
            distance = (distance + 1) * 128 + (byte & 0x7f);
        }
        if (distance <= 0 || distance > offset)
            return undefined;
        base = readPackedObject(index, offset - distance, findBase, depth + 1);
    }
    else if (type === REF_DELTA) {
        if (pos + 20 > head.length)
            return undefined;
        const where = findBase(head.subarray(pos, pos + 20));
        pos += 20;
        base = where ? readPackedObject(where.index, where.offset, findBase, depth + 1) : undefined;
    }
    else if (type < 1 || type > 4) {
        return undefined;
    }
    // Deflate never grows data by more than a few bytes per block, so this holds the whole stream.
    const compressed = readPrefix(index.pack, offset + pos, size + (size >> 4) + 64);
    const data = compressed && inflateWhole(compressed, size);
    if (!data)
        return undefined;
    if (type !== OFS_DELTA && type !== REF_DELTA)
        return { type, data };
    if (!base)
        return undefined;
    const result = applyDelta(base.data, data);
    return result ? { type: base.type, data: result } : undefined;
}
/** Up to `length` bytes of a file from `position`; a commit's first line never needs more. */
function readPrefix(path, position, length) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const chunk = Buffer.alloc(length);
        return chunk.subarray(0, (0,external_node_fs_namespaceObject.readSync)(fd, chunk, 0, length, position));
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
function inflateWhole(raw, size) {
    try {
        const data = (0,external_node_zlib_namespaceObject.inflateSync)(raw, { maxOutputLength: Math.max(size, 1) });
        return data.length === size ? data : undefined;
    }
    catch {
        return undefined;
    }
}
/** Git's delta format: source and result sizes, then copy-from-base and insert instructions. */
function applyDelta(base, delta) {
    let pos = 0;
    const varint = () => {
        let value = 0;
        let shift = 0;
        let byte;
        do {
            if (pos >= delta.length || shift > 28)
                return undefined;
            byte = delta[pos++];
            value += (byte & 0x7f) * 2 ** shift;
            shift += 7;
        } while (byte & 0x80);
        return value;
    };
    if (varint() !== base.length)
        return undefined;
    const size = varint();
    if (size === undefined || size > MAX_OBJECT_BYTES)
        return undefined;
    const out = Buffer.alloc(size);
    let written = 0;
    while (pos < delta.length) {
        const op = delta[pos++];
        if (op & 0x80) {
            let from = 0;
            let length = 0;
            for (let bit = 0; bit < 4; bit++)
                if (op & (1 << bit))
                    from |= (delta[pos++] ?? 0) << (8 * bit);
            for (let bit = 0; bit < 3; bit++)
                if (op & (0x10 << bit))
                    length |= (delta[pos++] ?? 0) << (8 * bit);
            from >>>= 0;
            if (length === 0)
                length = 0x10000;
            if (from + length > base.length || written + length > size)
                return undefined;
            base.copy(out, written, from, from + length);
            written += length;
        }
        else if (op > 0) {
            if (pos + op > delta.length || written + op > size)
                return undefined;
            delta.copy(out, written, pos, pos + op);
            pos += op;
            written += op;
        }
        else {
            return undefined;
        }
    }
    return written === size ? out : undefined;
}
/** Inflates as much of a zlib stream as the bytes given hold; a commit's first line is enough. */
function inflateStart(raw) {
    try {
        return (0,external_node_zlib_namespaceObject.inflateSync)(raw, { finishFlush: external_node_zlib_namespaceObject.constants.Z_SYNC_FLUSH });
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/git/local/fast-state.js







/**
 * At hundreds of checkouts, starting git is the cost of a rollback (each process costs tens of
 * milliseconds on a small runner), so the questions asked of every checkout before it moves are
 * answered from git's own files when the answer is certain, as git itself decides it: HEAD from
 * the HEAD file and refs, "no tracked change" from the index's recorded file metadata and its
 * cached tree. Anything uncertain (a file whose metadata differs, a racily-clean entry, a merge
 * in progress, an index feature not read here) gives undefined, and the caller runs git.
 */
const GITLINK = 0o160000;
const TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;
const REGULAR = 0o100000;
function fastHead(worktree) {
    const dirs = locateGitDirs(worktree);
    return dirs ? readHead(dirs) : undefined;
}
/** HEAD, branch and "no uncommitted tracked change", or undefined when only git can tell. */
function fastCleanState(worktree) {
    const dirs = locateGitDirs(worktree);
    if (!dirs)
        return undefined;
    const head = readHead(dirs);
    if (!head?.head)
        return undefined;
    let indexData;
    let indexStat;
    try {
        const path = (0,external_node_path_namespaceObject.join)(dirs.gitDir, 'index');
        indexStat = (0,external_node_fs_namespaceObject.statSync)(path, { bigint: true });
        indexData = (0,external_node_fs_namespaceObject.readFileSync)(path);
    }
    catch {
        return undefined;
    }
    const index = parseIndexFile(indexData);
    if (!index.supported || index.rootTree === undefined)
        return undefined;
    // Staged changes: the index's cached root tree must be HEAD's own tree.
    if (new ObjectLookup(dirs.commonDir).commitTree(head.head) !== index.rootTree)
        return undefined;
    for (const entry of index.entries) {
        if (!entryUnchanged(worktree, entry, indexStat))
            return undefined;
    }
    return head;
}
/** Unchanged by git's rule: the file's metadata is what the index recorded, and not racily so. */
function entryUnchanged(worktree, entry, indexStat) {
    if (entry.stage !== 0 || entry.special || (entry.mode & TYPE_MASK) === GITLINK)
        return false;
    let stat;
    try {
        stat = (0,external_node_fs_namespaceObject.lstatSync)((0,external_node_path_namespaceObject.join)(worktree, entry.path), { bigint: true });
    }
    catch {
        return false;
    }
    const type = entry.mode & TYPE_MASK;
    if (type === SYMLINK ? !stat.isSymbolicLink() : type !== REGULAR || !stat.isFile())
        return false;
    if (type === REGULAR && (Number(stat.mode) & 0o100) !== (entry.mode & 0o100))
        return false;
    const mtimeS = Number(stat.mtimeNs / 1000000000n);
    const mtimeNs = Number(stat.mtimeNs % 1000000000n);
    const ctimeS = Number(stat.ctimeNs / 1000000000n);
    const ctimeNs = Number(stat.ctimeNs % 1000000000n);
    if ((mtimeS >>> 0) !== entry.mtimeS ||
        mtimeNs !== entry.mtimeNs ||
        (ctimeS >>> 0) !== entry.ctimeS ||
        ctimeNs !== entry.ctimeNs ||
        Number(stat.ino & 0xffffffffn) !== entry.ino ||
        Number(stat.uid) >>> 0 !== entry.uid ||
        Number(stat.gid) >>> 0 !== entry.gid ||
        Number(stat.size & 0xffffffffn) !== entry.size) {
        return false;
    }
    if (stat.mtimeNs < indexStat.mtimeNs)
        return true;
    // Racily clean: written in the same clock tick as the index, so equal metadata proves nothing
    // and, as git does, the content decides. A filtered file (CRLF, clean filters) hashes
    // differently from its blob and is left to git.
    return contentMatches((0,external_node_path_namespaceObject.join)(worktree, entry.path), type === SYMLINK, entry.oid);
}
function contentMatches(path, symlink, oid) {
    try {
        const content = symlink ? Buffer.from((0,external_node_fs_namespaceObject.readlinkSync)(path, { encoding: 'buffer' })) : (0,external_node_fs_namespaceObject.readFileSync)(path);
        return (0,external_node_crypto_namespaceObject.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex') === oid;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/git/local/tag-list.js



const tag_list_SHA = /^[0-9a-f]{40}$/;
const MAX_TAG_CHAIN = 8;
/**
 * Every tag of a repository, newest first, read from its refs and objects without starting git
 * (what `git for-each-ref --sort=-creatordate refs/tags` prints). Undefined when any tag cannot be
 * read here (an object in a form the reader declines, a ref file it does not follow): the caller
 * then asks git for the whole list, so a partial answer is never given.
 */
function readTags(dirs) {
    const refs = tagRefs(dirs.commonDir);
    if (!refs)
        return undefined;
    const objects = new ObjectLookup(dirs.commonDir);
    const tags = [];
    for (const [name, sha] of refs) {
        const tag = describe(objects, name, sha);
        if (!tag)
            return undefined;
        tags.push(tag);
    }
    return tags
        .sort((a, b) => b.seconds - a.seconds || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map(({ name, commit, date }) => ({ name, commit, date }));
}
function describe(objects, name, sha) {
    let current = sha;
    let tagger;
    for (let depth = 0; depth < MAX_TAG_CHAIN; depth++) {
        const object = objects.readObjectStart(current);
        if (!object)
            return undefined;
        const text = object.data.toString('utf8');
        if (object.type === TAG_TYPE) {
            const target = /^object ([0-9a-f]{40})\n/.exec(text)?.[1];
            if (!target)
                return undefined;
            tagger ??= signatureDate(text, 'tagger');
            current = target;
            continue;
        }
        if (object.type !== COMMIT_TYPE)
            return undefined;
        const when = tagger ?? signatureDate(text, 'committer');
        return { name, commit: current, date: when?.date, seconds: when?.seconds ?? 0 };
    }
    return undefined;
}
/** `<name> <email> <seconds> <+hhmm>` on the header line, as ISO 8601 in the signer's own offset. */
function signatureDate(text, header) {
    const headerEnd = text.indexOf('\n\n');
    const headers = headerEnd < 0 ? text : text.slice(0, headerEnd);
    const line = headers.split('\n').find((l) => l.startsWith(`${header} `));
    const match = line && / (\d+) ([+-])(\d\d)(\d\d)$/.exec(line);
    if (!match)
        return undefined;
    const seconds = Number(match[1]);
    const offsetMinutes = (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
    const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().replace(/\.\d{3}Z$/, '');
    return { seconds, date: `${local}${match[2]}${match[3]}:${match[4]}` };
}
/** Loose refs under refs/tags override packed ones, as in git. */
function tagRefs(commonDir) {
    const refs = new Map();
    let packed = '';
    try {
        packed = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(commonDir, 'packed-refs'), 'utf8');
    }
    catch (err) {
        if (err.code !== 'ENOENT')
            return undefined;
    }
    for (const line of packed.split('\n')) {
        if (line.length < 42 || line[40] !== ' ' || !line.startsWith('refs/tags/', 41))
            continue;
        const sha = line.slice(0, 40);
        if (!tag_list_SHA.test(sha))
            return undefined;
        refs.set(line.slice(41 + 'refs/tags/'.length), sha);
    }
    return walkLoose((0,external_node_path_namespaceObject.join)(commonDir, 'refs', 'tags'), '', refs) ? refs : undefined;
}
function walkLoose(dir, prefix, refs) {
    let entries;
    try {
        entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
    }
    catch (err) {
        return err.code === 'ENOENT';
    }
    for (const entry of entries) {
        const name = `${prefix}${entry.name}`;
        if (entry.isDirectory()) {
            if (!walkLoose((0,external_node_path_namespaceObject.join)(dir, entry.name), `${name}/`, refs))
                return false;
            continue;
        }
        // A lock file left by a concurrent git is not a ref; anything else unreadable is left to git.
        if (entry.name.endsWith('.lock'))
            continue;
        let text;
        try {
            text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, entry.name), 'utf8').trim();
        }
        catch {
            return false;
        }
        if (!tag_list_SHA.test(text))
            return false;
        refs.set(name, text);
    }
    return true;
}

;// CONCATENATED MODULE: ./.tsbuild/git/repo-reader.js








/**
 * META_ROLLBACK_GIT_ONLY=1 answers every question with git itself: an escape hatch should a
 * repository layout ever confuse the in-process readers, and what the tests compare them against.
 */
function inProcessReaders() {
    return process.env.META_ROLLBACK_GIT_ONLY !== '1';
}
/** Read-only questions asked of a local repository (a checkout, or a component repo on disk). */
function isGitRepo(dir) {
    return (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, '.git')) || ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'HEAD')) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'objects')));
}
async function resolveTagIn(dir, tag) {
    const result = await run_git_runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/tags/${tag}^{commit}`], { cwd: dir });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
/**
 * Resolves a full or abbreviated SHA to a commit. An abbreviation that matches several commits is
 * refused rather than guessed, since rolling back to the wrong commit is worse than asking again.
 */
async function resolveCommitIn(dir, sha, where) {
    const result = await run_git_runGit(['rev-parse', '--verify', '--end-of-options', `${sha}^{commit}`], { cwd: dir });
    if (result.code === 0) {
        const full = result.stdout.toString().trim();
        // rev-parse also accepts ref names; only a hex prefix of the result is a match.
        return full.startsWith(sha) ? full : undefined;
    }
    if (/ambiguous/i.test(result.stderr)) {
        const candidates = await ambiguousCandidates(dir, sha);
        throw new errors_InputError(`${where}: ${sha} is ambiguous (matches ${candidates || 'several objects'}); give more digits`);
    }
    return undefined;
}
async function ambiguousCandidates(dir, sha) {
    const result = await run_git_runGit(['rev-parse', '--disambiguate=' + sha], { cwd: dir });
    const lines = result.stdout.toString().split('\n').filter(Boolean);
    return lines.slice(0, 5).map((l) => l.slice(0, 12)).join(', ');
}
async function hasCommit(dir, sha) {
    if (inProcessReaders()) {
        const dirs = locateGitDirs(dir);
        if (dirs && new ObjectLookup(dirs.commonDir).commitTree(sha) !== undefined)
            return true;
    }
    const result = await run_git_runGit(['cat-file', '-e', '--end-of-options', `${sha}^{commit}`], { cwd: dir });
    return result.code === 0;
}
/** Tags pointing exactly at a commit (annotated ones peeled), newest first. */
async function tagsPointingAt(dir, sha) {
    return gitLines(['for-each-ref', '--sort=-creatordate', `--points-at=${sha}`, '--format=%(refname:strip=2)', 'refs/tags'], { cwd: dir });
}
async function listTags(dir) {
    if (inProcessReaders()) {
        const dirs = locateGitDirs(dir);
        const tags = dirs && readTags(dirs);
        if (tags)
            return tags;
    }
    const lines = await gitLines(['for-each-ref', '--sort=-creatordate', '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:iso-strict)', 'refs/tags'], { cwd: dir });
    return lines.map((line) => {
        const [name = '', object = '', peeled = '', date = ''] = line.split('\0');
        return { name, commit: peeled || object, date: date || undefined };
    });
}
async function headCommit(dir) {
    const result = await run_git_runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: dir });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
async function currentBranch(dir) {
    const result = await run_git_runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: dir });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
/** Tracked changes only: untracked files survive a checkout, modified tracked files might not. */
async function trackedChanges(dir) {
    return gitLines(['status', '--porcelain', '--untracked-files=no'], { cwd: dir });
}
async function isShallow(dir) {
    return (await run_git_git(['rev-parse', '--is-shallow-repository'], { cwd: dir })).trim() === 'true';
}
async function commitDate(dir, sha) {
    const result = await runGit(['show', '-s', '--format=%cI', '--end-of-options', sha], { cwd: dir });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
/** HEAD and branch only: what a checkout must still show under the lock before it is moved. */
async function headState(dir) {
    const fast = inProcessReaders() ? fastHead(dir) : undefined;
    if (fast)
        return fast;
    const { head, branch } = await workingState(dir);
    return { head, branch };
}
/**
 * HEAD, its branch and the tracked changes of a checkout from one `git status` (porcelain v2)
 * instead of three commands: at hundreds of checkouts the process count is the cost.
 */
async function workingState(dir) {
    const fast = inProcessReaders() ? fastCleanState(dir) : undefined;
    if (fast)
        return { head: fast.head, branch: fast.branch, changed: [] };
    const out = await run_git_git(['status', '--porcelain=v2', '--branch', '--untracked-files=no', '-z'], { cwd: dir });
    let head;
    let branch;
    const changed = [];
    const records = out.split('\0');
    for (let i = 0; i < records.length; i++) {
        const record = records[i];
        if (record.startsWith('# branch.oid ')) {
            const oid = record.slice('# branch.oid '.length);
            head = oid === '(initial)' ? undefined : oid;
        }
        else if (record.startsWith('# branch.head ')) {
            const name = record.slice('# branch.head '.length);
            branch = name === '(detached)' ? undefined : name;
        }
        else if (record.startsWith('1 ') || record.startsWith('u ')) {
            changed.push(record.split(' ').slice(record.startsWith('1 ') ? 8 : 10).join(' '));
        }
        else if (record.startsWith('2 ')) {
            // A rename carries its original path as the next NUL-separated record.
            changed.push(record.split(' ').slice(9).join(' '));
            i += 1;
        }
    }
    return { head, branch, changed };
}
/**
 * When `sha` names an annotated tag object of the repository (what `git ls-remote` lists first for
 * such a tag), the tag's name and the commit it points at; undefined for anything else.
 */
async function tagObjectIn(dir, sha) {
    const lines = await gitLines(['for-each-ref', '--format=%(objectname)%00%(*objectname)%00%(refname:strip=2)', 'refs/tags'], { cwd: dir });
    for (const line of lines) {
        const [object = '', peeled = '', tag = ''] = line.split('\0');
        if (object === sha && peeled) {
            // A tag of a tag still ends at a commit; ask git for it rather than follow the chain here.
            const commit = (await run_git_runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${sha}^{commit}`], { cwd: dir })).stdout.toString().trim();
            return commit ? { tag, commit } : undefined;
        }
    }
    return undefined;
}
/** Whether `sha` names a commit object itself (not a tag object that peels to one). */
async function isCommitObject(dir, sha) {
    if (inProcessReaders()) {
        const dirs = locateGitDirs(dir);
        const type = dirs && new ObjectLookup(dirs.commonDir).readObjectStart(sha)?.type;
        if (type !== undefined && type !== null)
            return type === COMMIT_TYPE;
    }
    const result = await run_git_runGit(['cat-file', '-t', '--end-of-options', sha], { cwd: dir });
    return result.code === 0 && result.stdout.toString().trim() === 'commit';
}
/** Whether `name` is a branch of the repository: a local one, or one of a remote's as last fetched. */
async function isBranchName(dir, name) {
    const lines = await gitLines(['for-each-ref', '--count=1', '--format=%(refname)', `refs/heads/${name}`, `refs/remotes/*/${name}`], { cwd: dir });
    return lines.length > 0;
}

;// CONCATENATED MODULE: ./.tsbuild/core/env-locks.js



const LOCK_FILE = /^components\.lock(?:\.(.+))?\.yaml$/;
const PREVIOUS = /^(?:(.+)\.)?previous$/;
/** Reads `components.lock.yaml`, `components.lock.<env>.yaml` and their `.previous` files; anything else is undefined. */
function parseLockName(base) {
    const match = LOCK_FILE.exec(base);
    if (!match)
        return undefined;
    const middle = match[1];
    if (middle === undefined)
        return { previous: false };
    const previous = PREVIOUS.exec(middle);
    if (previous) {
        const env = previous[1];
        if (env === undefined)
            return { previous: true };
        return isValidEnvName(env) ? { env, previous: true } : undefined;
    }
    return isValidEnvName(middle) ? { env: middle, previous: false } : undefined;
}
/** The envs that have a current lock in manifests/, sorted: the names an unknown --env is compared with. */
async function envsWithLocks(root) {
    const names = await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, 'manifests')).catch(() => []);
    const envs = new Set();
    for (const name of names) {
        const parsed = parseLockName(name);
        if (parsed?.env !== undefined && !parsed.previous)
            envs.add(parsed.env);
    }
    return [...envs].sort();
}

;// CONCATENATED MODULE: ./.tsbuild/core/lock.js





const LOCK_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
async function loadLock(root, rel) {
    return parseLock(await readYamlFile((0,external_node_path_namespaceObject.join)(root, rel), rel));
}
function parseLockBytes(bytes, display) {
    return parseLock(parseYamlBytes(bytes, display));
}
function parseLock(file) {
    const top = mapAt(file, file.doc.contents, 'document');
    const componentsNode = top.get('components', true);
    const map = mapAt(file, componentsNode, 'components', top);
    const result = new Map();
    for (const { key, keyNode, value } of entries(file, map)) {
        const field = `components.${key}`;
        if (!isValidComponentName(key))
            fail(file, keyNode, field, `invalid component name ${quote(key)}`);
        const entry = mapAt(file, value, field, keyNode);
        const get = (k) => entry.get(k, true);
        const commitNode = get('commit');
        const vendored = commitNode === undefined && get('version') !== undefined;
        const commit = vendored ? '' : stringAt(file, commitNode, `${field}.commit`, entry);
        if (!vendored && !LOCK_SHA.test(commit))
            fail(file, commitNode, `${field}.commit`, 'not a SHA');
        const repo = optionalStringAt(file, get('repo'), `${field}.repo`);
        if (repo !== undefined) {
            const problem = repoUrlProblem(repo);
            if (problem)
                fail(file, get('repo'), `${field}.repo`, `${quote(repo)} ${problem}`);
        }
        const version = optionalStringAt(file, get('version'), `${field}.version`) ?? commit.slice(0, 12);
        if (version === '')
            fail(file, get('version') ?? entry, `${field}.version`, 'missing (an entry without a commit pins a version)');
        const versionBad = versionProblem(version);
        if (versionBad)
            fail(file, get('version'), `${field}.version`, `${quote(version)} ${versionBad}`);
        const line = file.lines.linePos(keyNode.range?.[0] ?? 0).line;
        result.set(key, { name: key, version, commit, vendored, repo, line, commitLine: commitNode?.range ? file.lines.linePos(commitNode.range[0]).line : line });
    }
    return {
        file,
        environment: optionalStringAt(file, top.get('environment', true), 'environment'),
        generatedAt: optionalStringAt(file, top.get('generated_at', true), 'generated_at'),
        mode: optionalStringAt(file, top.get('mode', true), 'mode'),
        entries: result,
    };
}
function componentsMap(lock) {
    const top = lock.file.doc.contents;
    if (!(0,dist/* isMap */.jh)(top))
        throw new Error('lock without a top-level mapping');
    const components = top.get('components', true);
    if (!(0,dist/* isMap */.jh)(components))
        throw new Error('lock without a components mapping');
    return components;
}

;// CONCATENATED MODULE: ./.tsbuild/core/operations/load-state.js









/** `known`: a lock the caller has already parsed, reused when it is the selected env's lock. */
async function loadState(ctx, known) {
    const lockRel = lockPathFor(ctx.env);
    const manifest = await loadManifest(ctx.root);
    if (ctx.env !== undefined && known?.rel !== lockRel && !(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(ctx.root, lockRel))) {
        throw new errors_InputError(`--env: no lock for env ${quote(ctx.env)} (${lockRel}: no such file)${envHint(ctx.env, await envsWithLocks(ctx.root))}`);
    }
    const lock = known?.rel === lockRel ? known.lock : await loadLock(ctx.root, lockRel);
    return { manifest, lock, lockRel };
}
/** The closest envs; when none is close, the few there are (never a long list), or that there are none. */
function envHint(env, envs) {
    const close = didYouMean(env, envs);
    if (close)
        return close;
    if (envs.length === 0)
        return '; no env has a lock (only the default lock is used)';
    return envs.length <= 5 ? `; envs with a lock: ${envs.join(', ')}` : '';
}

;// CONCATENATED MODULE: ./.tsbuild/core/operations/check-health.js






const FLAG_CHECKS = [
    { flag: 'build', names: ['build'] },
    { flag: 'tests', names: ['tests', 'test'] },
];
async function checkHealth(ctx, only, signal, flags = {}) {
    const { manifest, lock } = await loadState(ctx);
    const names = typeof only === 'string' ? [only] : only;
    const specs = names !== undefined ? names.map((n) => requireComponent(manifest, n, '--component')) : [...manifest.components.values()];
    // Every component's checks are validated before any runs, so a typo never yields half a report.
    const components = specs.map((spec) => {
        const dir = componentDir(ctx.root, spec.name);
        return {
            name: spec.name,
            checks: parseHealthChecks(spec.health, { file: MANIFEST_PATH, component: spec.name }),
            checkoutDir: (0,external_node_fs_namespaceObject.existsSync)(dir) && isGitRepo(dir) ? dir : undefined,
            lockedCommit: lock.entries.get(spec.name)?.commit,
        };
    });
    const asked = FLAG_CHECKS.filter((f) => flags[f.flag]);
    const skippedFlags = [];
    for (const component of components) {
        for (const { flag, names: checkNames } of asked) {
            // Python passes a component it has no build or test for; the report says there was none.
            if (!component.checks.some((c) => c.kind === 'command' && checkNames.includes(c.name))) {
                skippedFlags.push({ name: checkNames[0], component: component.name, kind: 'command', reason: `--${flag}: no command check named ${checkNames.join(' or ')} in ${MANIFEST_PATH}` });
            }
        }
    }
    const report = await runHealthChecks({
        components,
        required: (name) => asked.find((f) => f.names.includes(name)) && `--${asked.find((f) => f.names.includes(name)).flag}`,
        env: ctx.env,
        concurrency: ctx.jobs,
        signal,
        lockCheck: async (c) => {
            const head = await headCommit(c.checkoutDir);
            const entry = lock.entries.get(c.name);
            if (entry?.vendored)
                return { ok: true, detail: `vendored: the lock pins version ${entry.version} and no commit; checkout at ${head?.slice(0, 12) ?? 'nothing'}` };
            if (!c.lockedCommit)
                return { ok: true, detail: `no pin in the lock; checkout at ${head?.slice(0, 12) ?? 'nothing'}` };
            if (head === c.lockedCommit)
                return { ok: true, detail: `at ${head.slice(0, 12)}` };
            const tag = await tagObjectIn(c.checkoutDir, c.lockedCommit);
            if (tag && tag.commit === head) {
                const line = entry?.commitLine;
                return { ok: true, detail: `at ${head.slice(0, 12)}; ${lock.file.display}:${line} pins the annotated tag object of ${tag.tag} (${c.lockedCommit.slice(0, 12)}), which points here` };
            }
            return { ok: false, detail: `checkout at ${head?.slice(0, 12) ?? 'nothing'}, lock pins ${c.lockedCommit.slice(0, 12)}` };
        },
    });
    const skipped = [...(report.skipped ?? []), ...skippedFlags];
    return { ...report, skipped, ok: report.healthy, env: ctx.env ?? null, changes: [] };
}

;// CONCATENATED MODULE: ./.tsbuild/core/atomic-write.js



/**
 * Writes a file so that a reader, or a run after a crash, sees either the old content or the new,
 * never a mix: the data goes to a temp file beside the target, is flushed, then renamed over it.
 */
async function writeFileAtomic(path, data) {
    const dir = (0,external_node_path_namespaceObject.dirname)(path);
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const temp = (0,external_node_path_namespaceObject.join)(dir, `.${(0,external_node_path_namespaceObject.basename)(path)}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
    try {
        const handle = await (0,promises_namespaceObject.open)(temp, 'wx', 0o644);
        try {
            await handle.writeFile(data);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_namespaceObject.rename)(temp, path);
    }
    catch (err) {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
        throw err;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/journal.js






/**
 * The journal: one file per entry in JOURNAL_DIR, never a shared file that every rollback appends to.
 * Two rollback pull requests made from the same base then each add a file of their own, and git
 * merges them in either order; an appended line would be an add/add conflict for the second.
 *
 * Name: `<UTC time, ISO 8601 basic format to the millisecond>-<env or "default">-<8 random hex>.json`,
 * e.g. `20261204T192257.123Z-prod-3fa9c1d2.json`. The time comes first and is fixed-width, so names
 * sort in the order entries were written; the random part keeps two runs on different machines
 * that write in the same millisecond apart; the env is there for a human scanning the directory.
 * Old `.meta/history.jsonl` journals are only ever read (see journal-reader.ts).
 */
const JOURNAL_FILE = /^(\d{8}T\d{6}\.\d{3}Z)-([A-Za-z0-9._-]+)-([0-9a-f]{8})\.json$/;
/**
 * Picks the name of the next entry. Called holding `.meta/lock`: the name sorts after every entry
 * already here even if the clock stepped back or two entries fall in one millisecond, so in one
 * meta-repo the order of names is always the order of writes.
 */
async function nextJournalFile(root, env, now) {
    // A journal directory that is a symbolic link out of the meta-repo is refused, not written through.
    resolveInsideRoot(root, root, JOURNAL_DIR, JOURNAL_DIR);
    const names = (await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, JOURNAL_DIR)).catch(() => [])).filter((n) => JOURNAL_FILE.test(n)).sort();
    const last = names.length > 0 ? stampTime(JOURNAL_FILE.exec(names[names.length - 1])[1]) : -Infinity;
    const at = Math.max(now.getTime(), last + 1);
    for (;;) {
        const rel = `${JOURNAL_DIR}/${compactStamp(new Date(at))}-${env ?? 'default'}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.json`;
        if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, rel)))
            return rel;
    }
}
/** Writes one entry, atomically (temp file and rename): a crash leaves the whole entry or none. */
async function writeJournalEntry(root, rel, line) {
    await writeFileAtomic((0,external_node_path_namespaceObject.join)(root, rel), `${JSON.stringify(line)}\n`);
}
/** Names and writes the next entry; returns its path relative to the root. Hold `.meta/lock`. */
async function recordJournal(root, line, now) {
    const rel = await nextJournalFile(root, line.env, now);
    await writeJournalEntry(root, rel, line);
    return rel;
}
/** `20261204T192257.123Z`: ISO 8601 basic format, so the name holds no `:` (not allowed on Windows). */
function compactStamp(date) {
    return date.toISOString().replace(/[-:]/g, '');
}
/** Milliseconds since the epoch of a name's stamp. */
function stampTime(stamp) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z$/.exec(stamp);
    if (!m)
        return NaN;
    const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

;// CONCATENATED MODULE: ./.tsbuild/core/source-edit.js
/** Non-overlapping edits, applied in one pass (a lock rollback at N=500 makes a thousand). */
function applyEdits(text, edits) {
    // Inserts at one offset keep the order they were given in.
    const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
    const parts = [];
    let cursor = 0;
    for (const edit of ordered) {
        parts.push(text.slice(cursor, edit.start), edit.text);
        cursor = Math.max(cursor, edit.end);
    }
    parts.push(text.slice(cursor));
    return parts.join('');
}
function columnOf(text, offset) {
    return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
/** The offset just past the end of the line that `offset` is on (or `offset`, at a line start). */
function endOfLine(text, offset) {
    if (offset > 0 && text[offset - 1] === '\n')
        return offset;
    const nl = text.indexOf('\n', offset);
    return nl === -1 ? text.length : nl + 1;
}
/** A newline to put before an insert at `at` when that is not the start of a line. */
function needsNewline(text, at) {
    return at > 0 && text[at - 1] !== '\n' ? '\n' : '';
}

;// CONCATENATED MODULE: ./.tsbuild/core/lock-edit.js



/**
 * Returns the lock's new text with only the changed scalars replaced in the source. Re-serialising
 * the document would reflow flow sequences and comment spacing; a rollback's pull request must show
 * only the lines it really changes, so everything else stays byte-for-byte.
 */
function editLockText(lock, writes, generatedAt) {
    const text = lock.file.text;
    const edits = [];
    const components = componentsMap(lock);
    // One pass to index the entries: YAMLMap.get scans every item, so a get per write is quadratic.
    const byName = new Map();
    for (const pair of components.items)
        if ((0,dist/* isScalar */.jn)(pair.key))
            byName.set(sourceValue(pair.key), pair.value);
    let changed = false;
    const appended = [];
    for (const write of writes) {
        const entry = byName.get(write.component);
        if (!(0,dist/* isMap */.jh)(entry)) {
            appended.push(write);
            changed = true;
            continue;
        }
        const versionNode = entry.get('version', true);
        const oldVersion = (0,dist/* isScalar */.jn)(versionNode) ? sourceValue(versionNode) : undefined;
        for (const key of ['version', 'commit']) {
            const value = write.pin[key];
            // A vendored entry pins no commit, and gets none.
            if (key === 'commit' && value === '')
                continue;
            const node = entry.get(key, true);
            if ((0,dist/* isScalar */.jn)(node) && node.range) {
                if (sourceValue(node) === value)
                    continue;
                // A comment on the line that names the old version (`commit: <sha>   # web-ui v1.2.0`) would lie afterwards.
                const comment = commentNaming(text, node.range[1], oldVersion, write.pin.version);
                edits.push({ start: node.range[0], end: comment?.end ?? node.range[1], text: renderScalar(value, node.type) + (comment?.text ?? '') });
                changed = true;
            }
            else {
                edits.push(insertIntoEntry(text, entry, key, value));
                changed = true;
            }
        }
    }
    if (!changed)
        return text;
    if (appended.length > 0)
        edits.push(appendEntries(text, components, appended));
    edits.push(generatedAtEdit(lock, generatedAt));
    return applyEdits(text, edits);
}
/** The rest of the line after a scalar, when it is a comment naming `from`: with `from` replaced by `to`. */
function commentNaming(text, at, from, to) {
    if (from === undefined || from === '' || from === to)
        return undefined;
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const rest = text.slice(at, end);
    if (!/^\s+#/.test(rest))
        return undefined;
    const word = new RegExp(`(?<![\\w.+-])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.+-])`, 'g');
    if (!word.test(rest))
        return undefined;
    return { end, text: rest.replace(word, () => to) };
}
function sourceValue(node) {
    return node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : String(node.value);
}
/**
 * Plain when the value reads back as the same string both in YAML 1.2 and in YAML 1.1 (which
 * PyYAML and other `meta` tools use): an all-digit SHA or `1.10` would otherwise become a number.
 */
function renderScalar(value, style = 'PLAIN') {
    if (style === 'QUOTE_DOUBLE')
        return JSON.stringify(value);
    if (style === 'PLAIN' && isPlainSafe(value))
        return value;
    return `'${value.replace(/'/g, "''")}'`;
}
function isPlainSafe(value) {
    // Hex with a letter other than e (every SHA but a few) and tag-like names starting with a letter
    // are strings in every YAML schema; the parse below costs ~0.2 ms a value, a second at N=500.
    if (/^[0-9a-f]+$/.test(value) && /[a-df]/.test(value))
        return true;
    if (/^[A-Za-z][A-Za-z0-9._+/-]*$/.test(value) && !YAML11_WORDS.test(value))
        return true;
    // Absolute paths and URLs (the `repo:` of every entry): no YAML number, date or word starts so.
    if (/^(?:\/|[A-Za-z][A-Za-z0-9+.-]*:\/\/)[A-Za-z0-9._~/@%=&?+,-]*$/.test(value) && !value.endsWith(':'))
        return true;
    return parsesBackPlain(value);
}
/** Words YAML 1.1 reads as booleans or null, and 1.2's null; a plain scalar must avoid them. */
const YAML11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
function parsesBackPlain(value) {
    if (value.length === 0 || /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) || /\s$|: | #|:$|[\t\n\r]/.test(value))
        return false;
    if (YAML11_WORDS.test(value))
        return false;
    try {
        return (0,dist/* parse */.qg)(`k: ${value}`)?.k === value && (0,dist/* parse */.qg)(`k: ${value}`, { version: '1.1' })?.k === value;
    }
    catch {
        return false;
    }
}
function insertIntoEntry(text, entry, key, value) {
    const line = `${key}: ${renderScalar(value)}`;
    if (entry.flow) {
        const close = text.lastIndexOf('}', entry.range?.[1] ?? text.length);
        const empty = entry.items.length === 0;
        return { start: close, end: close, text: `${empty ? '' : ', '}${line}` };
    }
    const firstKey = entry.items[0]?.key;
    const indent = ' '.repeat(columnOf(text, firstKey?.range?.[0] ?? entry.range?.[0] ?? 0));
    const at = endOfLine(text, entry.range?.[2] ?? entry.range?.[1] ?? text.length);
    return { start: at, end: at, text: `${needsNewline(text, at)}${indent}${line}\n` };
}
function appendEntries(text, components, writes) {
    const firstKey = components.items[0]?.key;
    const block = (indent) => writes
        .map((w) => {
        const lines = [`${indent}${w.component}:`, `${indent}  version: ${renderScalar(w.pin.version)}`];
        if (w.pin.commit !== '')
            lines.push(`${indent}  commit: ${renderScalar(w.pin.commit)}`);
        if (w.repo !== undefined)
            lines.push(`${indent}  repo: ${renderScalar(w.repo)}`);
        return `${lines.join('\n')}\n`;
    })
        .join('');
    if (components.flow || components.items.length === 0) {
        // `components: {}` becomes a block mapping; nothing else on the line carries meaning.
        const start = components.range?.[0] ?? text.length;
        const end = components.range?.[1] ?? start;
        return { start, end, text: `\n${block('  ').replace(/\n$/, '')}` };
    }
    const indent = ' '.repeat(columnOf(text, firstKey?.range?.[0] ?? 0));
    const at = endOfLine(text, components.range?.[2] ?? components.range?.[1] ?? text.length);
    return { start: at, end: at, text: `${needsNewline(text, at)}${block(indent)}` };
}
function generatedAtEdit(lock, generatedAt) {
    const top = lock.file.doc.contents;
    const node = top.get('generated_at', true);
    if ((0,dist/* isScalar */.jn)(node) && node.range) {
        const style = node.type === 'PLAIN' ? 'QUOTE_SINGLE' : node.type;
        return { start: node.range[0], end: node.range[1], text: renderScalar(generatedAt, style) };
    }
    const firstKey = top.items[0]?.key;
    const at = firstKey?.range?.[0] ?? 0;
    return { start: at, end: at, text: `generated_at: ${renderScalar(generatedAt, 'QUOTE_SINGLE')}\n` };
}
function timestamp(now) {
    return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: external "node:async_hooks"
const external_node_async_hooks_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");
;// CONCATENATED MODULE: ./.tsbuild/core/journal-reader.js




/** Journal files are small; one this large is not an entry this tool wrote. */
const MAX_ENTRY_BYTES = 1024 * 1024;
/**
 * Reads the whole journal, both layouts merged: the lines of an old `.meta/history.jsonl` (kept
 * as they are, never rewritten) and the files of `.meta/history/rollbacks/`. An entry that cannot be
 * read is reported and skipped rather than failing the read: the journal is evidence someone may
 * be reading during an incident, and one damaged entry must not hide the others.
 */
async function readJournal(root) {
    const warnings = [];
    const found = [...(await readLegacy(root, warnings)), ...(await readDirectory(root, warnings))];
    found.sort((a, b) => a.time - b.time || a.rank - b.rank);
    return { records: found.reverse().map(({ entry, source }) => ({ entry, source })), warnings };
}
async function readLegacy(root, warnings) {
    const text = await readRegular(root, LEGACY_JOURNAL_PATH, warnings, Infinity);
    if (text === undefined)
        return [];
    const out = [];
    text.split('\n').forEach((raw, i) => {
        if (!raw.trim())
            return;
        const where = `${LEGACY_JOURNAL_PATH}:${i + 1}`;
        const entry = parseEntry(raw, where, warnings);
        if (entry)
            out.push({ entry, source: { file: LEGACY_JOURNAL_PATH, line: i + 1 }, time: Date.parse(entry.at), rank: i });
    });
    return out;
}
async function readDirectory(root, warnings) {
    let names;
    try {
        names = (await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, JOURNAL_DIR))).sort();
    }
    catch {
        return [];
    }
    const out = [];
    for (const [i, name] of names.entries()) {
        // Dot files are temp files of a writer (or of one that was killed before its rename).
        if (name.startsWith('.'))
            continue;
        const rel = `${JOURNAL_DIR}/${name}`;
        const stamp = JOURNAL_FILE.exec(name)?.[1];
        if (stamp === undefined) {
            warnings.push(`${rel}: not named like a journal entry (<time>-<env>-<hex>.json); skipped`);
            continue;
        }
        const text = await readRegular(root, rel, warnings, MAX_ENTRY_BYTES);
        if (text === undefined)
            continue;
        const entry = parseEntry(text, rel, warnings);
        // The name's time, not `at`: it has milliseconds and is kept in write order even across clock steps.
        if (entry)
            out.push({ entry, source: { file: rel, line: null }, time: stampTime(stamp), rank: 1_000_000_000 + i });
    }
    return out;
}
async function readRegular(root, rel, warnings, maxBytes) {
    try {
        const info = await (0,promises_namespaceObject.lstat)((0,external_node_path_namespaceObject.join)(root, rel));
        if (!info.isFile()) {
            warnings.push(`${rel}: not a regular file; skipped`);
            return undefined;
        }
        if (info.size > maxBytes) {
            warnings.push(`${rel}: ${info.size} bytes, too large for a journal entry; skipped`);
            return undefined;
        }
        return await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(root, rel), 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOENT')
            warnings.push(`${rel}: cannot read (${code ?? String(err)}); skipped`);
        return undefined;
    }
}
/** The fields `meta history` shows must be there and have their types; anything else is kept as it is. */
function parseEntry(text, where, warnings) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        warnings.push(`${where}: not valid JSON; skipped`);
        return undefined;
    }
    const problem = entryProblem(value);
    if (problem) {
        warnings.push(`${where}: ${problem}; skipped`);
        return undefined;
    }
    return value;
}
function entryProblem(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return 'not a JSON object';
    const v = value;
    if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at)))
        return '"at" is missing or not a time';
    if (typeof v.mode !== 'string')
        return '"mode" is missing or not a string';
    if (v.env !== undefined && v.env !== null && typeof v.env !== 'string')
        return '"env" must be a string or null';
    if (!Array.isArray(v.changes))
        return '"changes" is missing or not a list';
    for (const [i, c] of v.changes.entries()) {
        if (typeof c !== 'object' || c === null || typeof c.component !== 'string')
            return `"changes[${i}].component" is missing`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.tsbuild/git/half-checkout.js




/** An `index.lock` older than this, with no git still finishing, was left by a killed git. */
const INDEX_LOCK_WAIT_MS = 5_000;
/**
 * Puts back a checkout that a killed rollback was moving from `head` to `to`. A `git checkout`
 * killed half-way leaves HEAD at either commit and some files of the other: those are the run's
 * own work, recognised because every changed or new path is one that differs between the two
 * commits, and they are overwritten. Anything else is someone's work and is left alone ('foreign'),
 * as is a checkout that is at neither commit ('elsewhere': moved by someone since).
 */
async function putBackCheckout(c) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(c.dir))
        return 'untouched';
    await clearStaleIndexLock(c.dir);
    const head = (await run_git_git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: c.dir })).trim();
    if (head !== c.head && head !== c.to)
        return 'elsewhere';
    const status = statusRecords(await run_git_git(['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames'], { cwd: c.dir }));
    const branch = (await run_git_runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: c.dir })).stdout.toString().trim() || undefined;
    const ours = new Set(c.head === c.to ? [] : await gitLines(['diff', '--name-only', '--no-renames', '-z', c.head, c.to], { cwd: c.dir }).then(splitZ));
    // Untracked files outside the diff are someone's (build output, notes): a checkout keeps them, so may this.
    const dirty = status.filter((r) => ours.has(r.path) || !r.untracked).map((r) => r.path);
    if (dirty.length === 0 && head === c.head && branch === c.branch)
        return 'untouched';
    if (dirty.some((path) => !ours.has(path)))
        return 'foreign';
    await run_git_git(['checkout', '--force', '--quiet', ...(c.branch ? [c.branch] : ['--detach', c.head]), '--'], { cwd: c.dir });
    // Files the half-done checkout created that the old commit does not have stay behind as untracked.
    const left = dirty.filter((path) => ours.has(path));
    if (left.length > 0)
        await run_git_git(['clean', '--force', '--quiet', '--', ...left], { cwd: c.dir, env: { GIT_LITERAL_PATHSPECS: '1' } });
    return 'restored';
}
function splitZ(lines) {
    return lines.flatMap((l) => l.split('\0')).filter(Boolean);
}
/** `git status --porcelain -z`: "XY path" records; renames are off, so one path each. */
function statusRecords(out) {
    return out
        .split('\0')
        .filter((r) => r.length > 3)
        .map((r) => ({ path: r.slice(3), untracked: r.startsWith('??') }));
}
/**
 * A git killed by the signal that killed the run leaves `.git/index.lock`; one still finishing
 * removes its own within moments, so only a lock that stays is removed.
 */
async function clearStaleIndexLock(dir) {
    const lock = (0,external_node_path_namespaceObject.join)(dir, '.git', 'index.lock');
    const deadline = Date.now() + INDEX_LOCK_WAIT_MS;
    while ((0,external_node_fs_namespaceObject.existsSync)(lock) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    if (await (0,promises_namespaceObject.stat)(lock).catch(() => undefined))
        await (0,promises_namespaceObject.rm)(lock, { force: true });
}

;// CONCATENATED MODULE: ./.tsbuild/core/meta-lock.js













/**
 * `.meta/lock`: one writing command at a time per meta-repo.
 *
 * - Created exclusively (a hard link of a fully written temp file, which fails if the lock exists, as
 *   O_CREAT|O_EXCL does; `open(path, 'wx')` where links are unsupported), so of two runs exactly
 *   one creates it, and it is never seen half-written; the other
 *   polls for up to META_ROLLBACK_LOCK_WAIT_MS (default 10 s), then refuses with exit 1, naming the
 *   holder. The holder removes it in a `finally`, and refreshes its mtime while it runs.
 * - A lock is stale when its pid is not running on this host, or when it has not been refreshed
 *   for META_ROLLBACK_LOCK_STALE_MS (default 10 min; a holder on another host cannot be asked).
 *   A stale lock is taken over atomically: a new lock is written beside it, the old one is read
 *   again and must still be byte-for-byte what was judged stale, then the new one is renamed over
 *   it; after a short pause the lock is read back and must be ours, else the run backs off and
 *   waits like any other. (Two runs can both win only if one stalls for longer than that pause
 *   between its second read and its rename.)
 * - While it writes, a rollback records its intent in the lock (the journal entry it will write and
 *   the file it goes in, the lock text it will write, the checkouts it will move). A run that takes
 *   over the stale lock of a killed rollback first finishes it (the new lock had been written: the
 *   journal entry is written, under the name the dead run chose) or undoes it (it had not: the checkouts are put back and the snapshot removed), so
 *   no run ever builds on a half-done one.
 * - Holding it, a run removes the temp files (`.NAME.PID.RANDOM.tmp`) that killed writers on this
 *   host left beside the lock, the journal and the snapshots.
 * - Dry runs and read-only commands take no lock.
 */
const META_LOCK_PATH = '.meta/lock';
const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_STALE_MS = 10 * 60_000;
const POLL_MS = 100;
/** How long a takeover waits before reading the lock back. */
const SETTLE_MS = 100;
/** A lock file with no readable content is someone's lock being written, unless it is this old. */
const UNREADABLE_GRACE_MS = 5_000;
function lockSettings() {
    return { waitMs: msFromEnv('META_ROLLBACK_LOCK_WAIT_MS', DEFAULT_WAIT_MS), staleMs: msFromEnv('META_ROLLBACK_LOCK_STALE_MS', DEFAULT_STALE_MS) };
}
const held = new external_node_async_hooks_namespaceObject.AsyncLocalStorage();
/**
 * Runs `fn` holding the meta-repo's lock. Re-entrant within one async call chain (a command that
 * holds the lock may call another that takes it), exclusive between runs, in-process ones included.
 */
async function withMetaLock(ctx, command, fn) {
    const mine = held.getStore();
    const already = mine?.get(ctx.root);
    if (already)
        return fn(already);
    // A write phase: SIGINT/SIGTERM from here on is noted and acted on at the writer's safe points.
    return duringWrites(async () => {
        const lock = await acquireMetaLock(ctx, command);
        try {
            return await held.run(new Map([...(mine ?? new Map()), [ctx.root, lock]]), () => fn(lock));
        }
        finally {
            await lock.release();
        }
    });
}
async function acquireMetaLock(ctx, command) {
    const path = resolveInsideRoot(ctx.root, ctx.root, META_LOCK_PATH, META_LOCK_PATH);
    // A refused run must leave no trace, not even an empty .meta/ it made for its lock.
    const madeDir = await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
    const tidy = async () => {
        if (madeDir)
            await (0,promises_namespaceObject.rmdir)(madeDir).catch(() => undefined);
    };
    const { waitMs, staleMs } = lockSettings();
    const record = {
        owner: { pid: process.pid, host: (0,external_node_os_namespaceObject.hostname)(), command, actor: ctx.actor },
        created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        id: (0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex'),
    };
    const deadline = Date.now() + waitMs;
    let waiting = false;
    for (;;) {
        // Again each time: a run that releases its lock removes the .meta/ it made, if it is empty.
        await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
        if (await createExclusive(path, render(record))) {
            await sweepTemps(ctx.root);
            return lockHandle(path, record, staleMs, tidy);
        }
        const seen = await readLockFile(path);
        if (!seen) {
            // Released between our attempt and our read: try again at once (but not for ever).
            if (Date.now() >= deadline)
                throw new errors_OperationError(`${META_LOCK_PATH}: could not be created within ${Math.round(waitMs / 1000)}s`);
            continue;
        }
        const stale = staleReason(seen, staleMs);
        if (stale) {
            // The intent comes from a file anyone could have written: refuse a bad one before touching anything.
            const intent = seen.record?.intent === undefined ? undefined : checkIntent(seen.record.intent);
            // Take over, carrying the dead run's intent until it has been finished or undone, so a run
            // killed during recovery leaves the same work to the next one.
            const inherited = intent ? { ...record, intent } : record;
            if (await takeOver(path, seen.text, render(inherited))) {
                ctx.log(`${META_LOCK_PATH}: took over a stale lock (${stale})`);
                await sweepTemps(ctx.root);
                const handle = lockHandle(path, inherited, staleMs, tidy);
                if (!intent || !seen.record)
                    return handle;
                try {
                    handle.recovered = await recoverInterrupted(ctx, seen.record, intent);
                    await handle.setIntent(undefined);
                    return handle;
                }
                catch (err) {
                    // Leave the dead run's lock as it was, so the next run tries again.
                    await replaceFile(path, seen.text).catch(() => undefined);
                    await handle.release();
                    throw err;
                }
            }
            continue;
        }
        if (Date.now() >= deadline) {
            await tidy();
            throw new errors_OperationError(heldMessage(seen.record));
        }
        if (!waiting) {
            ctx.log(`${heldMessage(seen.record).replace(/; try again.*$/, '')}; waiting up to ${Math.round(waitMs / 1000)}s`);
            waiting = true;
        }
        if (interruption()) {
            await tidy();
            throwIfInterrupted(`stopped while waiting for ${META_LOCK_PATH}, held by another run; the workspace is in its old state`);
        }
        await sleep(POLL_MS);
    }
}
/** Temp files (`.NAME.PID.RANDOM.tmp`) of writers that were killed before renaming them. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** Holding the lock, remove the temp files that runs killed on this host left beside the files they write. */
async function sweepTemps(root) {
    for (const dir of ['.meta', SNAPSHOT_DIR, JOURNAL_DIR, 'manifests']) {
        const names = await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, dir)).catch(() => []);
        for (const name of names) {
            const pid = Number(TEMP_FILE.exec(name)?.[1]);
            if (pid && pid !== process.pid && !pidAlive(pid))
                await (0,promises_namespaceObject.rm)((0,external_node_path_namespaceObject.join)(root, dir, name), { force: true }).catch(() => undefined);
        }
    }
}
/**
 * Whether `.meta/lock` is left by a run that is gone. A command that finds nothing to do still takes
 * (and so recovers and removes) such a lock, since what it sees may be a killed run's half.
 */
async function staleLockPresent(root) {
    if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, META_LOCK_PATH)))
        return false;
    const seen = await readLockFile((0,external_node_path_namespaceObject.join)(root, META_LOCK_PATH)).catch(() => undefined);
    return seen !== undefined && staleReason(seen, lockSettings().staleMs) !== undefined;
}
function heldMessage(record) {
    if (!record)
        return `${META_LOCK_PATH}: held by a run whose lock cannot be read; try again, or remove it if that run is gone`;
    const { pid, host, command } = record.owner;
    return `${META_LOCK_PATH}: held by pid ${pid} on ${host} since ${record.created_at} (${command}); try again, or remove it if that run is gone`;
}
function lockHandle(path, record, staleMs, tidy) {
    // The holder keeps the lock's mtime fresh, so only a run that stopped refreshing it looks stale.
    const beat = setInterval(() => {
        const now = new Date();
        (0,promises_namespaceObject.utimes)(path, now, now).catch(() => undefined);
    }, Math.max(1_000, Math.min(60_000, Math.floor(staleMs / 4))));
    beat.unref();
    let current = record;
    const ours = async () => (await readLockFile(path))?.record?.id === record.id;
    return {
        path,
        get record() {
            return current;
        },
        async setIntent(intent) {
            if (!(await ours()))
                throw new errors_OperationError(`${META_LOCK_PATH}: taken over by another run while this one held it; nothing more was written`);
            const next = { owner: record.owner, created_at: record.created_at, id: record.id, ...(intent ? { intent } : {}) };
            await replaceFile(path, render(next));
            current = next;
        },
        async release() {
            clearInterval(beat);
            if (await ours())
                await (0,promises_namespaceObject.rm)(path, { force: true });
            await tidy();
        },
    };
}
async function readLockFile(path) {
    let text;
    let mtimeMs;
    try {
        [text, mtimeMs] = await Promise.all([(0,promises_namespaceObject.readFile)(path, 'utf8'), (0,promises_namespaceObject.stat)(path).then((s) => s.mtimeMs)]);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw new errors_OperationError(`${META_LOCK_PATH}: cannot read (${err.code ?? errorMessage(err)})`);
    }
    return { text, record: parseRecord(text), mtimeMs };
}
function parseRecord(text) {
    try {
        const value = JSON.parse(text);
        const owner = value?.owner;
        if (!value || typeof owner !== 'object' || !owner || typeof owner.pid !== 'number' || typeof owner.host !== 'string')
            return undefined;
        return {
            owner: { pid: owner.pid, host: owner.host, command: typeof owner.command === 'string' ? owner.command : '?', actor: typeof owner.actor === 'string' ? owner.actor : undefined },
            created_at: typeof value.created_at === 'string' ? value.created_at : '?',
            id: typeof value.id === 'string' ? value.id : '',
            intent: value.intent,
        };
    }
    catch {
        return undefined;
    }
}
function staleReason(seen, staleMs) {
    const age = Date.now() - seen.mtimeMs;
    if (!seen.record)
        return age > UNREADABLE_GRACE_MS ? `unreadable and ${Math.round(age / 1000)}s old` : undefined;
    const { pid, host } = seen.record.owner;
    if (host === (0,external_node_os_namespaceObject.hostname)() && !pidAlive(pid))
        return `pid ${pid} is not running on ${host}`;
    if (age > staleMs)
        return `pid ${pid} on ${host} has not refreshed it for ${Math.round(age / 60_000)} min`;
    return undefined;
}
function pidAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/**
 * Creates the lock only if there is none, with its whole content at once: the record is written to
 * a temp file and hard-linked to the lock's name, which fails if the name exists, exactly like
 * O_CREAT|O_EXCL, but a run killed half-way can never leave an empty lock behind. Where hard links
 * are not supported, `open(path, 'wx')` is used instead.
 */
async function createExclusive(path, text) {
    const temp = tempBeside(path);
    try {
        await writeDurably(temp, text);
        await (0,promises_namespaceObject.link)(temp, path);
        return true;
    }
    catch (err) {
        const code = err.code;
        // EEXIST: someone holds it. ENOENT: .meta/ was removed meanwhile; the caller makes it again.
        if (code === 'EEXIST' || code === 'ENOENT')
            return false;
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')
            return openExclusive(path, text);
        throw new errors_OperationError(`${META_LOCK_PATH}: cannot create (${code ?? errorMessage(err)})`);
    }
    finally {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
    }
}
async function openExclusive(path, text) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(path, 'wx', 0o644);
    }
    catch (err) {
        const code = err.code;
        if (code === 'EEXIST' || code === 'ENOENT')
            return false;
        throw new errors_OperationError(`${META_LOCK_PATH}: cannot create (${err.code ?? errorMessage(err)})`);
    }
    try {
        await handle.writeFile(text);
        await handle.sync();
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        await (0,promises_namespaceObject.rm)(path, { force: true });
        throw new errors_OperationError(`${META_LOCK_PATH}: cannot write (${err.code ?? errorMessage(err)})`);
    }
    await handle.close();
    return true;
}
async function takeOver(path, seenText, text) {
    const temp = tempBeside(path);
    try {
        await writeDurably(temp, text);
        const again = await (0,promises_namespaceObject.readFile)(path, 'utf8').catch(() => undefined);
        if (again !== seenText)
            return false;
        await (0,promises_namespaceObject.rename)(temp, path);
    }
    finally {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
    }
    await sleep(SETTLE_MS);
    return (await (0,promises_namespaceObject.readFile)(path, 'utf8').catch(() => undefined)) === text;
}
async function replaceFile(path, text) {
    const temp = tempBeside(path);
    try {
        await writeDurably(temp, text);
        await (0,promises_namespaceObject.rename)(temp, path);
    }
    finally {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
    }
}
async function writeDurably(path, text) {
    const handle = await (0,promises_namespaceObject.open)(path, 'wx', 0o644);
    try {
        await handle.writeFile(text);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
function tempBeside(path) {
    return (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(path), `.${(0,external_node_path_namespaceObject.basename)(path)}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
}
function render(record) {
    return `${JSON.stringify(record)}\n`;
}
function sha256(text) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex');
}
/**
 * Finishes or undoes the rollback a killed run was writing. The commit point is the rename of the
 * new lock text (or, when the lock does not change, the journal line): past it, the rollback
 * happened and only its journal entry may be missing, so it is written; before it, the checkouts
 * it moved are put back and its snapshot is removed, so the meta-repo is as it was before that run.
 */
async function recoverInterrupted(ctx, stale, intent) {
    const who = `pid ${stale.owner.pid} on ${stale.owner.host} (${stale.owner.command})`;
    const lockNow = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(ctx.root, intent.lock), 'utf8').then(sha256, () => undefined);
    const journaled = (intent.journalFile !== undefined && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(ctx.root, intent.journalFile))) ||
        (await readJournal(ctx.root)).records.some(({ entry }) => entry.snapshot === intent.snapshot && entry.at === intent.journal.at);
    if (journaled || (intent.lockAfter !== null && lockNow === intent.lockAfter)) {
        if (!journaled)
            await writeJournalEntry(ctx.root, intent.journalFile ?? (await nextJournalFile(ctx.root, intent.journal.env, ctx.now())), intent.journal);
        ctx.log(`finished the rollback interrupted in ${who}: ${intent.lock} had been written${journaled ? '' : '; its journal entry is now recorded'}`);
        return 'finished';
    }
    if (lockNow === intent.lockBefore) {
        for (const c of intent.checkouts) {
            if (c.head === c.to)
                continue;
            // A checkout the dead run left half-written is recognised as its own and put back clean.
            const outcome = await putBackCheckout({ ...c, dir: (0,external_node_path_namespaceObject.join)(ctx.root, c.dir) });
            if (outcome === 'foreign') {
                throw new errors_OperationError(`${c.dir}: has changes the rollback interrupted in ${who} did not make, so it cannot be undone; commit or stash them and run again`);
            }
        }
    }
    if (intent.holds)
        await undoHolds(ctx.root, intent.holds);
    await (0,promises_namespaceObject.rm)((0,external_node_path_namespaceObject.join)(ctx.root, intent.snapshot), { force: true });
    ctx.log(`undid the rollback interrupted in ${who}: it had not written ${intent.lock}`);
    return 'undone';
}
/** The holds the killed run added go too, unless someone has changed the file since. */
async function undoHolds(root, holds) {
    const path = (0,external_node_path_namespaceObject.join)(root, HOLDS_PATH);
    const now = await (0,promises_namespaceObject.readFile)(path, 'utf8').then(sha256, () => undefined);
    if (now !== holds.after)
        return;
    if (holds.before === null)
        await (0,promises_namespaceObject.rm)(path, { force: true });
    else
        await replaceFile(path, holds.before);
}
const SNAPSHOT_REL = /^\.meta\/snapshots\/[A-Za-z0-9][A-Za-z0-9._-]*\.yaml$/;
const LOCK_REL = /^manifests\/components\.lock(?:\.[A-Za-z0-9._-]+)?\.yaml$/;
const HASH = /^[0-9a-f]{64}$/;
/** The intent comes from a file anyone could have written: it may only name the paths a rollback writes. */
function checkIntent(raw) {
    const bad = (field, value) => {
        throw new errors_InputError(`${META_LOCK_PATH}: intent.${field}: ${quote(String(typeof value === 'string' ? value : JSON.stringify(value) ?? 'missing'))} is not what a rollback writes; remove ${META_LOCK_PATH} if no rollback is running`);
    };
    const i = (raw ?? {});
    if (i.kind !== 'rollback')
        bad('kind', i.kind);
    if (typeof i.lock !== 'string' || !LOCK_REL.test(i.lock))
        bad('lock', i.lock);
    if (typeof i.lockBefore !== 'string' || !HASH.test(i.lockBefore))
        bad('lockBefore', i.lockBefore);
    if (i.lockAfter !== null && (typeof i.lockAfter !== 'string' || !HASH.test(i.lockAfter)))
        bad('lockAfter', i.lockAfter);
    if (typeof i.snapshot !== 'string' || !SNAPSHOT_REL.test(i.snapshot))
        bad('snapshot', i.snapshot);
    const j = i.journal;
    if (!j || typeof j.at !== 'string' || typeof j.mode !== 'string' || !Array.isArray(j.changes) || j.snapshot !== i.snapshot)
        bad('journal', j);
    if (i.journalFile !== undefined && (typeof i.journalFile !== 'string' || !i.journalFile.startsWith(`${JOURNAL_DIR}/`) || !JOURNAL_FILE.test(i.journalFile.slice(JOURNAL_DIR.length + 1)))) {
        bad('journalFile', i.journalFile);
    }
    if (!Array.isArray(i.checkouts))
        bad('checkouts', i.checkouts);
    if (i.holds !== undefined && (typeof i.holds?.after !== 'string' || !HASH.test(i.holds.after) || (i.holds.before !== null && typeof i.holds.before !== 'string')))
        bad('holds', i.holds);
    for (const c of i.checkouts) {
        const name = typeof c?.dir === 'string' && c.dir.startsWith('components/') ? c.dir.slice('components/'.length) : '';
        if (!isValidComponentName(name))
            bad('checkouts.dir', c?.dir);
        if (typeof c.head !== 'string' || !isFullSha(c.head))
            bad('checkouts.head', c.head);
        if (typeof c.to !== 'string' || !isFullSha(c.to))
            bad('checkouts.to', c.to);
        if (c.branch !== undefined && (typeof c.branch !== 'string' || refNameProblem(c.branch)))
            bad('checkouts.branch', c.branch);
    }
    return i;
}
/**
 * Test hook: with META_ROLLBACK_TEST_CRASH_AT=<point>, the process kills itself (SIGKILL, no
 * cleanup) at that point of a rollback's write phase, so the suite can crash it at exactly the
 * moments that are too short to hit by timing alone. Unset, it does nothing.
 */
function crashPoint(point) {
    if (process.env.META_ROLLBACK_TEST_CRASH_AT === point)
        process.kill(process.pid, 'SIGKILL');
}
function msFromEnv(name, fallback) {
    const raw = process.env[name];
    if (raw === undefined || raw === '')
        return fallback;
    const n = Number(raw);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./.tsbuild/core/manifest-edit.js




/**
 * The manifest's new text with `components.<name>.version` set for each write, and every other
 * byte kept, as for locks. This is what the Python CLI's `meta lock validate` compares a lock
 * with, so a rollback made with `--update-manifest` keeps that gate passing.
 */
function editManifestVersions(manifest, writes) {
    const text = manifest.file.text;
    const top = manifest.file.doc.contents;
    const components = (0,dist/* isMap */.jh)(top) ? top.get('components', true) : undefined;
    if (!(0,dist/* isMap */.jh)(components))
        return text;
    const edits = [];
    for (const write of writes) {
        const entry = components.get(write.component, true);
        if (!(0,dist/* isMap */.jh)(entry))
            continue;
        const node = entry.get('version', true);
        if ((0,dist/* isScalar */.jn)(node) && node.range && node.value !== null) {
            if (scalarText(node) !== write.version)
                edits.push({ start: node.range[0], end: node.range[1], text: renderScalar(write.version, node.type) });
        }
        else if (node === undefined) {
            edits.push(insertIntoEntry(text, entry, 'version', write.version));
        }
        else if ((0,dist/* isScalar */.jn)(node) && node.range) {
            // `version:` with no value (null): replaced in place.
            edits.push({ start: node.range[0], end: node.range[1], text: `${node.range[1] > node.range[0] ? '' : ' '}${renderScalar(write.version)}` });
        }
    }
    return edits.length === 0 ? text : applyEdits(text, edits);
}

;// CONCATENATED MODULE: ./.tsbuild/core/snapshot-file.js





const snapshot_file_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * YAML unless the file name ends in .json; both read back through the same YAML parser. The YAML
 * is written by hand, quoting whatever a YAML 1.1 reader would turn into a date or a number.
 */
function renderSnapshot(snapshot, path) {
    const sorted = [...snapshot.components].sort(([a], [b]) => a.localeCompare(b));
    if (path.endsWith('.json')) {
        const components = Object.fromEntries(sorted.map(([name, pin]) => [name, { version: pin.version, ...(pin.commit !== '' ? { commit: pin.commit } : {}), ...(pin.repo !== undefined ? { repo: pin.repo } : {}) }]));
        const body = { created_at: snapshot.createdAt, ...(snapshot.environment !== undefined ? { environment: snapshot.environment } : {}), components };
        return `${JSON.stringify(body, null, 2)}\n`;
    }
    const lines = [`created_at: ${renderScalar(snapshot.createdAt)}`];
    if (snapshot.environment !== undefined)
        lines.push(`environment: ${renderScalar(snapshot.environment)}`);
    lines.push(sorted.length === 0 ? 'components: {}' : 'components:');
    for (const [name, pin] of sorted) {
        lines.push(`  ${name}:`, `    version: ${renderScalar(pin.version)}`);
        // A vendored pin has a version and no commit; so has its snapshot.
        if (pin.commit !== '')
            lines.push(`    commit: ${renderScalar(pin.commit)}`);
        if (pin.repo !== undefined)
            lines.push(`    repo: ${renderScalar(pin.repo)}`);
    }
    return `${lines.join('\n')}\n`;
}
async function writeSnapshot(path, snapshot) {
    await writeFileAtomic(path, renderSnapshot(snapshot, path));
}
async function readSnapshot(path, display) {
    return parseSnapshot(await readYamlFile(path, display));
}
function parseSnapshot(file) {
    const top = mapAt(file, file.doc.contents, 'document');
    const get = (k) => top.get(k, true);
    const createdAt = stringAt(file, get('created_at'), 'created_at', top);
    const environment = optionalStringAt(file, get('environment'), 'environment');
    const map = mapAt(file, get('components'), 'components', top);
    const components = new Map();
    for (const { key, keyNode, value } of entries(file, map)) {
        const field = `components.${key}`;
        if (!isValidComponentName(key))
            fail(file, keyNode, field, `invalid component name ${quote(key)}`);
        const entry = mapAt(file, value, field, keyNode);
        const at = (k) => entry.get(k, true);
        // The Python CLI records `commit: null` for a checkout it cannot read; a version alone is a vendored pin.
        const commit = optionalStringAt(file, at('commit'), `${field}.commit`) ?? '';
        if (commit !== '' && !snapshot_file_SHA.test(commit))
            fail(file, at('commit'), `${field}.commit`, 'not a SHA');
        const version = optionalStringAt(file, at('version'), `${field}.version`) ?? commit.slice(0, 12);
        if (version === '')
            fail(file, at('commit') ?? entry, `${field}`, 'has neither a commit nor a version');
        const versionBad = versionProblem(version);
        if (versionBad)
            fail(file, at('version'), `${field}.version`, `${quote(version)} ${versionBad}`);
        const repo = optionalStringAt(file, at('repo'), `${field}.repo`);
        if (repo !== undefined && repoUrlProblem(repo))
            fail(file, at('repo'), `${field}.repo`, `${quote(repo)} ${repoUrlProblem(repo)}`);
        components.set(key, { version, commit, repo });
    }
    return { createdAt, environment, components };
}

;// CONCATENATED MODULE: ./.tsbuild/core/workspace.js


const VENDOR_INFO = '.vendor-info.yaml';



/**
 * The state of `components/<name>`: absent (a lock-only rollback), or a git checkout that may be
 * moved. A directory that is not a checkout, or one with uncommitted tracked changes, is refused
 * before anything changes: a rollback must never discard someone's work.
 */
async function inspectCheckout(root, name) {
    const dir = componentDir(root, name);
    if (!(0,external_node_fs_namespaceObject.existsSync)(dir))
        return undefined;
    const rel = relativeToRoot(root, dir);
    // The Python CLI's vendored mode copies a component's sources here (with .vendor-info.yaml, no
    // .git): not a checkout to move, and nothing a rollback may rewrite.
    if ((0,external_node_fs_namespaceObject.statSync)(dir).isDirectory() && !isGitRepo(dir) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, VENDOR_INFO)))
        return undefined;
    if (!(0,external_node_fs_namespaceObject.statSync)(dir).isDirectory() || !isGitRepo(dir)) {
        throw new errors_InputError(`${rel}: exists but is not a git checkout`);
    }
    const state = await workingState(dir);
    if (state.changed.length > 0) {
        throw new errors_InputError(`${rel}: has uncommitted changes (${state.changed.slice(0, 5).join(', ')}); commit or stash them first`);
    }
    if (!state.head)
        throw new errors_InputError(`${rel}: has no commit checked out`);
    return { dir, head: state.head, branch: state.branch };
}

;// CONCATENATED MODULE: ./.tsbuild/git/transient-retry.js


/**
 * git over the network, run again when it fails the way a busy or restarting server fails. git
 * itself retries almost nothing over HTTP, and an incident run should not end on one 502.
 *
 * Only transport failures are retried. A rejected credential, a missing repository or a refused
 * push gives the same answer the next time, so retrying it would only delay the error (and a
 * rejected lease must reach the caller as it is: it means someone else wrote first).
 */
const GIT_ATTEMPTS = 3;
/** Waits before the 2nd and 3rd attempts: 0.5 s, then 1.5 s. Short, because a run is waiting on it. */
const FIRST_DELAY_MS = 500;
const FACTOR = 3;
/** Answers that will not change on a retry; checked first, since they often come with "RPC failed". */
const PERMANENT = [
    /\bHTTP 4\d\d\b/,
    /returned error: 4\d\d\b/,
    /Authentication failed/i,
    /could not read (?:Username|Password)/i,
    /terminal prompts disabled/i,
    /Permission denied/i,
    /repository .* not found/i,
    /does not appear to be a git repository/i,
    /\[rejected\]|\[remote rejected\]|stale info|non-fast-forward|fetch first/,
    /couldn't find remote ref|not our ref|upload-pack: not our/i,
];
/** How an interrupted or overloaded transfer looks from git and libcurl. */
const TRANSIENT = [
    /returned error: 5\d\d\b/,
    /\bHTTP 5\d\d\b/,
    /RPC failed/,
    /Connection reset|Connection refused|Connection timed out|Operation timed out|timed out after/i,
    /Empty reply from server|Recv failure|Send failure|Failed to connect|Couldn't connect to server/i,
    /early EOF|unexpected disconnect|the remote end hung up unexpectedly|transfer closed with/i,
    /SSL_read|SSL_write|GnuTLS recv error|TLS connection was non-properly terminated/i,
    /HTTP\/2 stream \d+ was not closed cleanly/i,
];
/** Whether a failed git command's output (stderr, and stdout for a porcelain push) is worth another try. */
function isTransientGitFailure(output) {
    if (PERMANENT.some((re) => re.test(output)))
        return false;
    return TRANSIENT.some((re) => re.test(output));
}
class TransientFailure extends Error {
    result;
    constructor(result) {
        super(result.stderr);
        this.result = result;
    }
}
/** `runGit`, repeated while it fails in transit; the last result is returned either way. */
async function runGitRetrying(args, options, hooks = {}) {
    let attempts = 0;
    try {
        return await pRetry(async (attempt) => {
            if (attempt > 1)
                await hooks.beforeRetry?.();
            attempts = attempt;
            const result = await run_git_runGit(args, options);
            if (result.code !== 0 && isTransientGitFailure(`${result.stderr}\n${result.stdout.toString('utf8', 0, 4096)}`))
                throw new TransientFailure(result);
            return { ...result, attempts };
        }, { retries: GIT_ATTEMPTS - 1, minTimeout: FIRST_DELAY_MS, factor: FACTOR, randomize: false, shouldRetry: ({ error }) => error instanceof TransientFailure });
    }
    catch (err) {
        if (err instanceof TransientFailure)
            return { ...err.result, attempts };
        throw err;
    }
}
/** Like `git`: stdout on success, else a GitError saying how many times it was tried. */
async function gitRetrying(args, options, hooks = {}) {
    const result = await runGitRetrying(args, options, hooks);
    if (result.code !== 0)
        throw retriedError(args, result);
    return result.stdout.toString('utf8');
}
/** ` (tried 3 times)` after an error that was retried, so the log shows it was not a one-off. */
function triedNote(result) {
    return result.attempts > 1 ? ` (tried ${result.attempts} times)` : '';
}
/**
 * A ref push (an update or a delete) tried again in transit. A push that failed after more than one
 * attempt may have landed on an earlier one and lost only its answer (the retry then trips over its
 * own lease); `landed` looks at the remote, and the push counts as done when it says so.
 */
async function pushRetrying(args, options, landed) {
    const result = await runGitRetrying(args, options);
    if (result.code === 0 || result.attempts < 2)
        return result;
    return (await landed().catch(() => false)) ? { ...result, code: 0 } : result;
}
/** The GitError for a command that failed, saying how many times it was tried. */
function retriedError(args, result) {
    const error = new GitError(args, result.code, result.stderr);
    error.message += triedNote(result);
    return error;
}

;// CONCATENATED MODULE: ./.tsbuild/git/checkout.js



async function readCheckoutState(dir) {
    const head = await headCommit(dir);
    if (!head)
        throw new Error(`${dir} has no commit checked out`);
    return { dir, head, branch: await currentBranch(dir) };
}
/**
 * Makes a commit available in a checkout with the least transfer: nothing is fetched when it is
 * already there, and a missing one is fetched alone (depth 1 in a shallow clone), never re-cloned.
 * Only objects and FETCH_HEAD change, so doing this before any checkout moves keeps a failed run
 * from leaving some checkouts moved and others not.
 */
async function ensureCommitPresent(dir, commit, fallbackUrl, env) {
    if (await hasCommit(dir, commit))
        return false;
    const hasOrigin = (await run_git_runGit(['remote', 'get-url', 'origin'], { cwd: dir })).code === 0;
    const remote = hasOrigin ? 'origin' : fallbackUrl;
    if (!remote)
        throw new Error(`commit ${commit.slice(0, 12)} is not in ${dir} and it has no remote to fetch it from`);
    const depth = (await isShallow(dir)) ? ['--depth=1'] : [];
    await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', ...depth, remote, commit], { cwd: dir, env });
    if (!(await hasCommit(dir, commit)))
        throw new Error(`fetching ${commit.slice(0, 12)} into ${dir} did not bring the commit`);
    return true;
}
async function checkoutDetached(dir, commit) {
    await run_git_git(['checkout', '--quiet', '--detach', commit, '--'], { cwd: dir });
}
/** Puts a checkout back where it was before a failed run: on its branch, or at its commit. */
async function restoreCheckout(state) {
    if (state.branch) {
        await run_git_git(['checkout', '--quiet', state.branch, '--'], { cwd: state.dir });
    }
    else {
        await run_git_git(['checkout', '--quiet', '--detach', state.head, '--'], { cwd: state.dir });
    }
}

;// CONCATENATED MODULE: ./.tsbuild/git/batch-checkout.js






const ARGS_PER_CHECKOUT = 7;
/**
 * Moves many checkouts, each with its own `git checkout --detach`, started by one `xargs -0 -P`
 * instead of by Node. Starting a process from Node forks the whole runtime (100+ MB at N=500) and
 * blocks its one thread until the child has exec'd, about 30 ms of CPU each on a 2-core runner;
 * xargs forks from a 2 MB process and runs `jobs` at a time. No shell is involved: xargs receives
 * every argument NUL-separated and passes them to git as an argument array, unparsed.
 *
 * Afterwards every checkout's HEAD is read; any not at its target is checked out again alone, which
 * either succeeds or throws git's own error for that checkout (after all have settled, so the
 * caller's undo finds every checkout at rest). Without xargs (or with
 * META_ROLLBACK_BATCH=0) each checkout is started from Node, as before.
 */
async function checkoutMany(targets, jobs, onProgress) {
    const batched = targets.length > 1 && process.env.META_ROLLBACK_BATCH !== '0';
    // xargs says nothing as it goes, so the count is read from the HEADs now and then (files, no process).
    const poll = batched && onProgress ? setInterval(() => void countMoved(targets).then((n) => onProgress(n, targets.length)), PROGRESS_MS) : undefined;
    try {
        if (batched)
            await runThroughXargs(targets, jobs);
    }
    finally {
        if (poll)
            clearInterval(poll);
    }
    let moved = batched && onProgress ? await countMoved(targets) : 0;
    if (batched)
        onProgress?.(moved, targets.length);
    const limit = pLimit(Math.max(1, jobs));
    let started = 0;
    const results = await Promise.allSettled(targets.map((target) => limit(async () => {
        // After SIGINT/SIGTERM no checkout is started; the ones running finish, and the caller puts every moved one back.
        if (interruption())
            return;
        await interruptPoint(`checkout-${++started}`);
        const now = batched ? await headState(target.dir).catch(() => undefined) : undefined;
        if (now?.head !== target.commit || now.branch !== undefined) {
            await checkoutDetached(target.dir, target.commit);
            onProgress?.(++moved, targets.length);
        }
    })));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    throwIfInterrupted('stopped while moving the checkouts');
}
const PROGRESS_MS = 250;
async function countMoved(targets) {
    const heads = await Promise.all(targets.map((t) => headState(t.dir).then((s) => s.head === t.commit && s.branch === undefined, () => false)));
    return heads.filter(Boolean).length;
}
/** Waits until no process of the group is left: the checkouts xargs had started when it was ended. */
async function groupEnded(pgid) {
    if (pgid === undefined)
        return;
    for (;;) {
        try {
            process.kill(-pgid, 0);
        }
        catch {
            return;
        }
        await new Promise((r) => setTimeout(r, 10));
    }
}
/** Resolves whether or not every checkout succeeded: the HEADs read afterwards are what count. */
function runThroughXargs(targets, jobs) {
    const input = targets
        .map((t) => ['-C', t.dir, 'checkout', '--quiet', '--detach', t.commit, '--'])
        .map((args) => {
        if (args.length !== ARGS_PER_CHECKOUT || args.some((a) => a.includes('\0')))
            throw new Error(`cannot pass ${args.join(' ')} to xargs`);
        return args.join('\0');
    })
        .join('\0');
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)('xargs', ['-0', '-n', String(ARGS_PER_CHECKOUT), '-P', String(Math.max(1, jobs)), 'git'], {
            shell: false,
            stdio: ['pipe', 'ignore', 'ignore'],
            env: gitEnvironment(),
            // Its own process group (see run-git.ts): a terminal's Ctrl-C must not reach the checkouts it runs.
            detached: true,
        });
        const untrack = trackChild(child.pid);
        // On a signal xargs alone is ended, so it starts no more checkouts; the ones it started run to
        // their end (a checkout killed half-way leaves a dirty tree) and are waited for below.
        const stop = onInterrupt(() => {
            if (child.pid !== undefined)
                process.kill(child.pid, 'SIGTERM');
        });
        const done = () => {
            stop();
            untrack();
            void groupEnded(child.pid).then(resolve);
        };
        child.on('error', done);
        child.on('close', done);
        child.stdin.on('error', () => undefined);
        child.stdin.end(`${input}\0`);
    });
}

;// CONCATENATED MODULE: ./.tsbuild/core/holds/holds-file.js






/**
 * Reads the holds file through the same reader as every other YAML file (size limit, alias budget,
 * duplicate keys), and checks each hold against the manifest: a hold naming a component that does
 * not exist is a typo that would silently hold nothing, so it is refused like any bad input.
 */
async function loadHolds(root, manifest) {
    if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, HOLDS_PATH)))
        return { holds: [] };
    const file = await readYamlFile((0,external_node_path_namespaceObject.join)(root, HOLDS_PATH), HOLDS_PATH);
    return { file, holds: parseHolds(file, manifest) };
}
/** The `holds:` sequence node, or undefined when the file has none or it is empty (`holds:`). */
function holdsSeq(file) {
    const top = file.doc.contents;
    if (top === null || ((0,dist/* isScalar */.jn)(top) && top.value === null))
        return undefined;
    const map = mapAt(file, top, 'document');
    const node = deref(file, map.get('holds', true));
    if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return undefined;
    if (!(0,dist/* isSeq */.oP)(node))
        fail(file, node, 'holds', 'must be a list');
    return node;
}
function parseHolds(file, manifest) {
    const seq = holdsSeq(file);
    if (!seq)
        return [];
    return seq.items.map((item, i) => {
        const field = `holds[${i}]`;
        const entry = mapAt(file, item, field, seq);
        const get = (k) => deref(file, entry.get(k, true));
        const component = stringAt(file, get('component'), `${field}.component`, entry);
        if (!isValidComponentName(component))
            fail(file, get('component'), `${field}.component`, `invalid component name ${quote(component)}`);
        if (!manifest.components.has(component))
            fail(file, get('component'), `${field}.component`, `unknown component ${quote(component)} (not in manifests/components.yaml)`);
        const commit = stringAt(file, get('commit'), `${field}.commit`, entry);
        if (!isFullSha(commit))
            fail(file, get('commit'), `${field}.commit`, `not a full commit SHA (${quote(commit)})`);
        const version = optionalStringAt(file, get('version'), `${field}.version`);
        const bad = version === undefined ? undefined : versionProblem(version);
        if (bad)
            fail(file, get('version'), `${field}.version`, `${quote(version)} ${bad}`);
        const envsNode = get('envs');
        const envs = envsNode === undefined ? undefined : stringListAt(file, envsNode, `${field}.envs`);
        envs?.forEach((env, k) => {
            if (!isValidEnvName(env))
                fail(file, envsNode, `${field}.envs[${k}]`, `invalid environment name ${quote(env)}`);
        });
        const text = (k) => {
            const value = optionalStringAt(file, get(k), `${field}.${k}`);
            if (value !== undefined && versionProblem(value))
                fail(file, get(k), `${field}.${k}`, 'contains a control character or is over 255 characters');
            return value;
        };
        const lineAt = (node) => file.lines.linePos(node?.range?.[0] ?? entry.range?.[0] ?? 0).line;
        return { component, commit, version, envs, reason: text('reason'), at: text('at'), by: text('by'), line: lineAt(entry), commitLine: lineAt(get('commit')) };
    });
}
/** Whether a hold applies to a lock of this env (undefined: the default lock, which only env-less holds cover). */
function holdCovers(hold, env) {
    if (hold.envs === undefined)
        return true;
    return env !== undefined && hold.envs.includes(env);
}
/** The first hold on this component's commit that covers the env. */
function findHold(holds, component, commit, env) {
    return holds.find((h) => h.component === component && h.commit === commit && holdCovers(h, env));
}
function describeHold(hold) {
    const where = hold.envs === undefined ? 'every env' : `env ${hold.envs.join(', ')}`;
    return `${HOLDS_PATH}:${hold.line}: ${hold.component} ${hold.version ?? hold.commit.slice(0, 12)} (${hold.commit.slice(0, 12)}) is held for ${where}${hold.reason ? `: ${hold.reason}` : ''}`;
}

;// CONCATENATED MODULE: ./.tsbuild/core/holds/holds-edit.js






const HEADER = '# Pins that must not be released again: added by rollbacks and `meta hold add`,\n# removed by `meta hold release`. `meta check` fails while a lock pins one of them.\n';
function renderHold(hold, indent) {
    const lines = [`${indent}- component: ${renderScalar(hold.component)}`, `${indent}  commit: ${renderScalar(hold.commit)}`];
    if (hold.version !== undefined)
        lines.push(`${indent}  version: ${renderScalar(hold.version)}`);
    if (hold.envs !== undefined)
        lines.push(`${indent}  envs: [${hold.envs.map((e) => renderScalar(e)).join(', ')}]`);
    if (hold.reason !== undefined)
        lines.push(`${indent}  reason: ${renderScalar(hold.reason)}`);
    // Quoted like generated_at, so YAML 1.1 readers keep it a string rather than a timestamp.
    if (hold.at !== undefined)
        lines.push(`${indent}  at: ${renderScalar(hold.at, 'QUOTE_SINGLE')}`);
    if (hold.by !== undefined)
        lines.push(`${indent}  by: ${renderScalar(hold.by)}`);
    return `${lines.join('\n')}\n`;
}
/**
 * The holds file's text with these holds appended to its list, every other byte as it was (comments,
 * order, quoting), so the rollback's pull request shows only the lines added. Without a file, a new one.
 */
function appendHoldsText(file, holds) {
    if (holds.length === 0 && file)
        return file.text;
    const block = (indent) => holds.map((h) => renderHold(h, indent)).join('');
    if (!file || file.text.trim() === '' || !(0,dist/* isMap */.jh)(file.doc.contents)) {
        // An empty file, or one holding only comments: its text is kept above the new list.
        const kept = file?.text ?? HEADER;
        return `${kept}${needsNewline(kept, kept.length)}holds:\n${block('  ')}`;
    }
    const text = file.text;
    const top = file.doc.contents;
    const seq = holdsSeq(file);
    if (seq && !seq.flow && seq.items.length > 0 && seq.range) {
        const at = endOfLine(text, seq.range[1]);
        return applyEdits(text, [{ start: at, end: at, text: `${needsNewline(text, at)}${block(' '.repeat(columnOf(text, seq.range[0])))}` }]);
    }
    const pair = top.items.find((p) => p.key?.value === 'holds');
    if (!pair) {
        const at = text.length;
        return applyEdits(text, [{ start: at, end: at, text: `${needsNewline(text, at)}holds:\n${block('  ')}` }]);
    }
    const value = pair.value;
    // `holds: []` or `holds:` with nothing: the list becomes a block list under the key.
    const keyEnd = pair.key.range[1];
    const edit = value?.range ? { start: keyEnd, end: value.range[1], text: `:\n${block('  ').replace(/\n$/, '')}` } : { start: keyEnd, end: endOfLine(text, keyEnd), text: `:\n${block('  ')}` };
    return applyEdits(text, [edit]);
}
/**
 * The holds file's text without the holds at these indexes of its list. Each entry's lines go, from
 * the comment lines right above its `-` (indented as the `-` is: they are about it) to the start of
 * the next entry. An emptied list leaves `holds:` with no value, which reads as no holds.
 */
function removeHoldsText(file, indexes) {
    const seq = holdsSeq(file);
    if (!seq || indexes.size === 0)
        return file.text;
    const text = file.text;
    if (seq.flow) {
        // A flow list has no lines to cut; emptied whole it becomes `[]`, anything finer is left to a person.
        if (indexes.size === seq.items.length && seq.range)
            return applyEdits(text, [{ start: seq.range[0], end: seq.range[1], text: '[]' }]);
        throw new errors_InputError(`${file.display}:${lineOf(file, seq)}: holds: a flow list ([...]); write it as a block list (one \`- component:\` per entry) to release single holds`);
    }
    const edits = [];
    seq.items.forEach((item, i) => {
        if (!indexes.has(i) || !(0,dist/* isMap */.jh)(item) || !item.range)
            return;
        edits.push({ start: withCommentsAbove(text, text.lastIndexOf('\n', item.range[0] - 1) + 1), end: endOfLine(text, item.range[1]), text: '' });
    });
    return applyEdits(text, edits);
}
/** The start of the comment lines directly above the line at `start` that are indented as it is. */
function withCommentsAbove(text, start) {
    const indent = /^ */.exec(text.slice(start))[0];
    let at = start;
    while (at > 0) {
        const prev = text.lastIndexOf('\n', at - 2) + 1;
        const line = text.slice(prev, at - 1);
        if (!line.startsWith(`${indent}#`))
            break;
        at = prev;
    }
    return at;
}

;// CONCATENATED MODULE: ./.tsbuild/core/holds/rollback-holds.js





/**
 * A rollback whose targets include a held commit is refused whole, before anything changes: the
 * hold says that version was rolled away from for a reason. `--force` goes ahead (the hold stays)
 * and says so in a warning.
 */
function refuseHeldTargets(ctx, holds, moves, warnings) {
    for (const move of moves) {
        if (move.to.commit === '')
            continue;
        const hold = findHold(holds.holds, move.component, move.to.commit, ctx.env);
        if (!hold)
            continue;
        if (ctx.force) {
            warnings.push(`--force: rolling ${move.component} back to a held commit (${describeHold(hold)}); the hold stays`);
            continue;
        }
        throw new errors_InputError(`${describeHold(hold)}; release it first (meta hold release ${move.component} --commit ${hold.commit.slice(0, 12)}) or give --force`);
    }
}
/**
 * The holds a rollback adds: one for each pin it rolls away from, for the rollback's env (none for
 * the default lock's, which covers every env), unless one already holds that pin there.
 */
function holdsFor(ctx, holds, moves, mode, at) {
    if (ctx.hold === false)
        return [];
    const added = [];
    for (const { component, from, to } of moves) {
        if (!from || from.commit === '' || from.commit === to.commit)
            continue;
        if (findHold(holds.holds, component, from.commit, ctx.env) || added.some((h) => h.component === component && h.commit === from.commit))
            continue;
        added.push({
            component,
            commit: from.commit,
            version: from.version,
            envs: ctx.env === undefined ? undefined : [ctx.env],
            reason: ctx.holdReason ?? `rolled back by meta-rollback (${mode})`,
            at,
            by: ctx.actor,
        });
    }
    return added;
}
/**
 * Restoring the undo snapshot of a rollback undoes that rollback, holds included: the holds it added
 * (as its journal entry names them) are released in the same write, so the undo is not refused for
 * re-pinning what that very rollback held; and it adds none, since it says the rollback was the
 * mistake, not the pins it moves away from. Returns their indexes in the holds file.
 */
async function holdsAddedByRollbackOf(root, snapshotRel, holds) {
    // Newest first: the latest rollback that saved this snapshot.
    const entry = (await readJournal(root)).records.find((r) => r.entry.snapshot === snapshotRel)?.entry;
    const added = entry?.holds ?? [];
    const indexes = new Set();
    holds.holds.forEach((h, i) => {
        if (added.some((a) => a.component === h.component && a.commit === h.commit && (a.envs ?? []).join(',') === (h.envs ?? []).join(',')))
            indexes.add(i);
    });
    return { undo: entry !== undefined, released: indexes };
}
/** The holds file less the released entries, as refusals and de-duplication see it. */
function withoutReleased(holds, released) {
    return { file: holds.file, holds: holds.holds.filter((_, i) => !released.has(i)) };
}
/** The holds file's new text (undefined: unchanged) after releasing and adding, each edit in place. */
function holdsText(holds, released, added) {
    if (released.size === 0 && added.length === 0)
        return undefined;
    let file = holds.file;
    if (file && released.size > 0)
        file = parseYamlText(removeHoldsText(file, released), file.display);
    return added.length > 0 ? appendHoldsText(file, added) : file.text;
}

;// CONCATENATED MODULE: ./.tsbuild/core/apply-plan.js























/**
 * Carries out a fully validated plan in the order that keeps it undoable: record the current state
 * as a snapshot, move the checkouts, write the lock, then journal. If any step fails, everything
 * already done is put back and the snapshot removed, so a failed run leaves no trace.
 *
 * The writes happen holding `.meta/lock` (see meta-lock.ts), so two rollbacks of one meta-repo
 * never interleave; under it the plan is checked against the files and checkouts again, and the
 * lock records what is being written so a run killed half-way is finished or undone by the next.
 */
async function executePlan(ctx, given) {
    let plan = vendoredPins(given);
    const limit = pLimit(ctx.jobs);
    // A run killed half-way leaves checkouts this run would take for someone's uncommitted work:
    // finish or undo it first, then plan from what is there.
    if (!ctx.dryRun && (await staleLockPresent(ctx.root)))
        await withMetaLock(ctx, `meta rollback ${plan.mode} (recovery)`, async () => undefined);
    let steps = await planSteps(ctx, plan, limit);
    const warnings = [...(plan.warnings ?? [])];
    // Held targets are refused before anything is fetched or locked, dry runs included.
    refuseHeldTargets(ctx, (await readHoldsState(ctx, plan)).kept, lockMoves(steps), warnings);
    plan = { ...plan, warnings };
    await interruptPoint('planned');
    if (ctx.dryRun && plan.notice)
        ctx.log(plan.notice);
    if (ctx.dryRun)
        return resultOf(ctx, plan, steps, null, null);
    // Nothing to do may only look so because a killed run got half-way: then take its lock anyway.
    if (effectiveOf(steps).length === 0 && !(await staleLockPresent(ctx.root)))
        return resultOf(ctx, plan, steps, null, null);
    await fetchMissing(ctx, effectiveOf(steps), limit);
    // After the fetch (objects only) and before the first write: a failed fetch stays one error line.
    if (plan.notice)
        ctx.log(plan.notice);
    return withMetaLock(ctx, `meta rollback ${plan.mode}${ctx.env ? ` --env ${ctx.env}` : ''}`, async (metaLock) => {
        await interruptPoint('locked');
        if (metaLock.recovered) {
            // An interrupted run was just finished or undone: plan again from what is there now.
            steps = await planSteps(ctx, plan, limit);
            await fetchMissing(ctx, effectiveOf(steps), limit);
        }
        else {
            await assertCheckoutsUnchanged(ctx, effectiveOf(steps), limit);
        }
        if (effectiveOf(steps).length === 0)
            return resultOf(ctx, plan, steps, null, null);
        // Read again under the lock: a rollback of another env may have added holds meanwhile, and
        // holds are only ever written under it, so this read stays true until this run writes.
        const holds = await readHoldsState(ctx, plan);
        refuseHeldTargets(ctx, holds.kept, lockMoves(steps), []);
        return writePlan(ctx, plan, steps, metaLock, limit, holds);
    });
}
/**
 * A vendored lock entry (the Python CLI's vendored mode) keeps pinning a version only: the commit a
 * target resolved to is not written, and components/NAME, a copy of the sources, is not touched.
 */
function vendoredPins(plan) {
    const warnings = [...(plan.warnings ?? [])];
    const vendoredMode = plan.lock.mode === 'vendored';
    const pins = plan.pins.map((pin) => {
        const entry = plan.lock.entries.get(pin.component);
        if (!(entry?.vendored ?? vendoredMode))
            return pin;
        if (entry?.version !== pin.to.version) {
            warnings.push(`${plan.lockRel}: components.${pin.component} is vendored (a version, no commit): only its version is set, to ${pin.to.version}; the vendored files in components/${pin.component} are not changed; re-vendor them at that version (Python CLI: meta vendor import ${pin.component} --force)`);
        }
        return { ...pin, to: { version: pin.to.version, commit: '' } };
    });
    return { ...plan, pins, warnings };
}
/** How the journal names a hold: what it holds and where. */
function holdSummary(h) {
    return { component: h.component, commit: h.commit, version: h.version, envs: h.envs };
}
/** The pins a rollback writes into the lock: what holds guard (a checkout synced to the lock is no release). */
function lockMoves(steps) {
    return steps.filter((s) => s.change.lock === 'changed').map((s) => s.change);
}
function effectiveOf(steps) {
    return steps.filter((s) => s.change.lock === 'changed' || s.change.checkout === 'moved');
}
function resultOf(ctx, plan, steps, snapshot, historyEntry, journalFile = null) {
    return {
        ok: true,
        mode: plan.mode,
        env: ctx.env ?? null,
        lock: plan.lockRel,
        dryRun: ctx.dryRun,
        changes: effectiveOf(steps).map((s) => s.change),
        warnings: plan.warnings ?? [],
        snapshot,
        historyEntry,
        journalFile,
    };
}
async function planSteps(ctx, plan, limit) {
    return Promise.all(plan.pins.map((pin) => limit(() => planStep(ctx, plan, pin))));
}
/** Fetching only adds objects to the checkouts, so it happens before the lock is taken. */
async function fetchMissing(ctx, effective, limit) {
    try {
        await fetchEach(ctx, effective, limit);
    }
    finally {
        ctx.progress?.('');
    }
}
async function fetchEach(ctx, effective, limit) {
    const moving = effective.filter((s) => s.change.checkout === 'moved' && s.checkout);
    let looked = 0;
    await Promise.all(moving.map((s) => limit(async () => {
        ctx.progress?.(`commits checked (fetched where missing): ${++looked} of ${moving.length}`);
        const location = locateRepo(s.pin.repo, ctx.root);
        const url = location.kind === 'url' ? location.url : location.path;
        try {
            if (await ensureCommitPresent(s.checkout.dir, s.pin.to.commit, url, ctx.gitEnv)) {
                ctx.log(`fetched ${s.pin.to.commit.slice(0, 12)} into components/${s.pin.component}`);
            }
        }
        catch (err) {
            throw new errors_OperationError(`components/${s.pin.component}: ${errorMessage(err)}`);
        }
    })));
}
async function readHoldsState(ctx, plan) {
    const read = await loadHolds(ctx.root, await loadManifest(ctx.root));
    const { undo, released } = plan.undoOf === undefined ? { undo: false, released: new Set() } : await holdsAddedByRollbackOf(ctx.root, plan.undoOf, read);
    return { read, kept: withoutReleased(read, released), released, undo };
}
async function writePlan(ctx, plan, steps, metaLock, limit, holdsState) {
    const holds = holdsState.read;
    const effective = effectiveOf(steps);
    const moving = effective.filter((s) => s.change.checkout === 'moved' && s.checkout);
    const lockPath = (0,external_node_path_namespaceObject.join)(ctx.root, plan.lockRel);
    const lockChanges = effective.filter((s) => s.change.lock === 'changed');
    if (lockChanges.length > 0)
        await assertUnchanged(lockPath, plan);
    const holdsPath = (0,external_node_path_namespaceObject.join)(ctx.root, HOLDS_PATH);
    const now = ctx.now();
    // Random, not the pid: two rollback pull requests made in the same second on two runners (whose
    // pids are alike) must add two snapshots, not one path twice. Unique under the lock besides.
    const stem = `${SNAPSHOT_DIR}/${timestamp(now).replace(/:/g, '')}-${ctx.env ?? 'default'}-${plan.mode}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
    let snapshotRel = `${stem}.yaml`;
    for (let n = 2; (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(ctx.root, snapshotRel)); n++)
        snapshotRel = `${stem}-${n}.yaml`;
    // A .meta/snapshots that is a symbolic link out of the meta-repo is refused, not written through.
    const snapshotPath = resolveInsideRoot(ctx.root, ctx.root, snapshotRel, SNAPSHOT_DIR);
    const before = new Map();
    for (const s of effective) {
        if (s.change.from)
            before.set(s.pin.component, { ...s.change.from, repo: plan.lock.entries.get(s.pin.component)?.repo ?? s.pin.repo });
    }
    const newLockText = lockChanges.length > 0
        ? editLockText(plan.lock, lockChanges.map((s) => ({ component: s.pin.component, pin: s.pin.to, repo: s.pin.repo })), timestamp(now))
        : undefined;
    // Holds go with the lock change they guard: a checkout moved back alone rolls no release away.
    const added = holdsState.undo ? [] : holdsFor(ctx, holdsState.kept, lockChanges.map((s) => s.change), plan.mode, timestamp(now));
    const released = holds.holds.filter((_, i) => holdsState.released.has(i));
    const newHoldsText = holdsText(holds, holdsState.released, added);
    const historyEntry = {
        at: timestamp(now),
        actor: ctx.actor,
        mode: plan.mode,
        env: ctx.env ?? null,
        lock: plan.lockRel,
        changes: effective.map((s) => ({ component: s.change.component, from: s.change.from, to: s.change.to })),
        snapshot: snapshotRel,
        ...(added.length > 0 ? { holds: added.map(holdSummary) } : {}),
        ...(released.length > 0 ? { holds_released: released.map(holdSummary) } : {}),
    };
    throwIfInterrupted();
    const journalFile = await nextJournalFile(ctx.root, historyEntry.env, now);
    await metaLock.setIntent({
        kind: 'rollback',
        lock: plan.lockRel,
        lockBefore: sha256(plan.lock.file.text),
        lockAfter: newLockText === undefined ? null : sha256(newLockText),
        snapshot: snapshotRel,
        journal: historyEntry,
        journalFile,
        checkouts: moving.map((s) => ({ dir: relativeToRoot(ctx.root, s.checkout.dir), head: s.checkout.head, branch: s.checkout.branch, to: s.pin.to.commit })),
        ...(newHoldsText !== undefined ? { holds: { before: holds.file?.text ?? null, after: sha256(newHoldsText) } } : {}),
    });
    await writeSnapshot(snapshotPath, { createdAt: timestamp(now), environment: ctx.env, components: before });
    crashPoint('after-snapshot');
    await interruptPoint('after-snapshot');
    let lockWritten = false;
    let holdsWritten = false;
    let manifestWritten = false;
    const manifestPath = (0,external_node_path_namespaceObject.join)(ctx.root, MANIFEST_PATH);
    const manifestEdit = ctx.updateManifest && lockChanges.length > 0 ? await manifestVersionsEdit(ctx, lockChanges.map((s) => ({ component: s.pin.component, version: s.pin.to.version }))) : undefined;
    try {
        throwIfInterrupted('stopped before moving the checkouts');
        await checkoutMany(moving.map((s) => ({ dir: s.checkout.dir, commit: s.pin.to.commit })), ctx.jobs, ctx.progress && ((moved, total) => ctx.progress(`checkouts moved: ${moved} of ${total}`)));
        ctx.progress?.('');
        crashPoint('after-checkouts');
        await interruptPoint('after-checkouts');
        // Past here finishing is quicker and as safe as undoing: the rest is a few file renames, so a
        // signal no longer stops the run; the command's end reports the completed state and its undo.
        // Before the lock, whose rename is the commit point: a run killed between the two is undone,
        // holds included (see recoverInterrupted).
        if (newHoldsText !== undefined) {
            await writeFileAtomic(holdsPath, newHoldsText);
            holdsWritten = true;
        }
        if (newLockText !== undefined) {
            await writeFileAtomic(lockPath, newLockText);
            lockWritten = true;
        }
        if (manifestEdit && manifestEdit.after !== manifestEdit.before) {
            await writeFileAtomic(manifestPath, manifestEdit.after);
            manifestWritten = true;
        }
        crashPoint('after-lock');
        await interruptPoint('after-lock');
        await writeJournalEntry(ctx.root, journalFile, historyEntry);
        crashPoint('after-journal');
        await interruptPoint('after-journal');
        await metaLock.setIntent(undefined);
        return resultOf(ctx, plan, steps, snapshotRel, historyEntry, journalFile);
    }
    catch (err) {
        // A checkout that failed part-way may still have moved: put back every one not where it was.
        await Promise.allSettled(moving.map((s) => limit(() => restoreIfMoved(s.checkout))));
        if (lockWritten)
            await writeFileAtomic(lockPath, plan.lock.file.text).catch(() => undefined);
        if (holdsWritten)
            await (holds.file ? writeFileAtomic(holdsPath, holds.file.text) : (0,promises_namespaceObject.rm)(holdsPath, { force: true })).catch(() => undefined);
        if (manifestWritten)
            await writeFileAtomic(manifestPath, manifestEdit.before).catch(() => undefined);
        await (0,promises_namespaceObject.rm)(snapshotPath, { force: true });
        await metaLock.setIntent(undefined).catch(() => undefined);
        if (err instanceof InterruptedError) {
            throw new InterruptedError(err.signal, `${err.message.replace(/^interrupted by \w+: /, '')}; every checkout it had moved is back where it was and no file changed: the workspace is in its old state`);
        }
        throw err instanceof errors_OperationError ? err : new errors_OperationError(`rollback failed and was undone: ${errorMessage(err)}`);
    }
}
async function manifestVersionsEdit(ctx, writes) {
    const manifest = await loadManifest(ctx.root);
    return { before: manifest.file.text, after: editManifestVersions(manifest, writes) };
}
async function restoreIfMoved(state) {
    const now = await headState(state.dir).catch(() => undefined);
    if (now?.head === state.head && now.branch === state.branch)
        return;
    await restoreCheckout(state);
}
/** Under the lock: the checkouts must still be where the plan saw them, or another run moved them. */
async function assertCheckoutsUnchanged(ctx, effective, limit) {
    const moved = await Promise.all(effective.map((s) => limit(async () => {
        if (!s.checkout)
            return undefined;
        const now = await headState(s.checkout.dir).catch(() => undefined);
        return now?.head !== s.checkout.head || now.branch !== s.checkout.branch ? s.checkout.dir : undefined;
    })));
    const first = moved.find((dir) => dir !== undefined);
    if (first)
        throw new errors_OperationError(`${relativeToRoot(ctx.root, first)}: moved by someone else while this rollback was being planned; run it again`);
}
async function planStep(ctx, plan, pin) {
    const entry = plan.lock.entries.get(pin.component);
    // A pin without a commit (vendored) has nothing to check a checkout out at.
    const checkout = pin.to.commit === '' ? undefined : await inspectCheckout(ctx.root, pin.component);
    const lockChanged = plan.writeLock && (!entry || entry.commit !== pin.to.commit || entry.version !== pin.to.version);
    const checkoutStatus = !checkout ? 'absent' : checkout.head === pin.to.commit ? 'unchanged' : 'moved';
    let from = entry ? { version: entry.version, commit: entry.commit } : null;
    if (!lockChanged && checkout && checkoutStatus === 'moved') {
        // Only the checkout moves, so "from" is where the checkout was, which is what undo must restore.
        from = { version: entry?.commit === checkout.head ? entry.version : checkout.head.slice(0, 12), commit: checkout.head };
    }
    return {
        pin,
        checkout,
        change: { component: pin.component, from, to: pin.to, checkout: checkoutStatus, lock: lockChanged ? 'changed' : 'unchanged' },
    };
}
async function assertUnchanged(lockPath, plan) {
    const now = await (0,promises_namespaceObject.readFile)(lockPath, 'utf8').catch(() => undefined);
    if (now !== plan.lock.file.text) {
        throw new errors_OperationError(`${plan.lockRel}: changed by someone else while this rollback was being planned; run it again`);
    }
}

;// CONCATENATED MODULE: ./.tsbuild/git/mirror.js






/**
 * A treeless bare clone of a remote component repository, kept in the user's cache directory (never
 * in the meta-repo). It answers what `ls-remote` cannot (does this commit exist, which commit does
 * this abbreviation name, which tag points here) with commits and tags only, no file contents.
 */
function mirrorDir(url) {
    const base = process.env.META_ROLLBACK_CACHE ?? (0,external_node_path_namespaceObject.join)(process.env.XDG_CACHE_HOME ?? (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.cache'), 'meta-rollback');
    return (0,external_node_path_namespaceObject.join)(base, 'mirrors', `${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(url).digest('hex').slice(0, 24)}.git`);
}
async function ensureMirror(url, env) {
    const dir = mirrorDir(url);
    if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'HEAD'))) {
        await gitRetrying(['fetch', '--quiet', '--prune', '--tags', '--force', url, '+refs/heads/*:refs/heads/*'], { cwd: dir, env });
        return dir;
    }
    const parent = (0,external_node_path_namespaceObject.join)(dir, '..');
    await (0,promises_namespaceObject.mkdir)(parent, { recursive: true });
    const temp = `${dir}.${process.pid}.tmp`;
    await (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true });
    const clean = () => (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true });
    const result = await runGitRetrying(['clone', '--quiet', '--bare', '--filter=tree:0', '--', url, temp], { cwd: parent, env }, { beforeRetry: clean });
    if (result.code !== 0) {
        await clean();
        throw new Error(`cannot clone ${url}: ${result.stderr.split('\n').find(Boolean) ?? ''}${triedNote(result)}`);
    }
    // Two runs may race to create the same mirror; the loser's copy is simply dropped.
    await (0,promises_namespaceObject.rename)(temp, dir).catch(async () => (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true }));
    return dir;
}

;// CONCATENATED MODULE: ./.tsbuild/git/remote-reader.js

/**
 * Asks a remote for one tag without cloning anything: `git ls-remote` returns the tag and, for an
 * annotated tag, the peeled commit (`^{}`), which is the one a pin must name.
 */
async function lsRemoteTag(url, tag, cwd, env) {
    const ref = `refs/tags/${tag}`;
    const result = await runGitRetrying(['ls-remote', '--tags', url, ref, `${ref}^{}`], { cwd, env });
    if (result.code !== 0)
        throw new Error(`cannot reach ${url}: ${result.stderr.split('\n')[0] ?? ''}${triedNote(result)}`);
    let direct;
    for (const line of result.stdout.toString().split('\n')) {
        const [sha, name] = line.split('\t');
        if (name === `${ref}^{}`)
            return sha;
        if (name === ref)
            direct = sha;
    }
    return direct;
}
async function lsRemoteTags(url, cwd, env) {
    const result = await runGitRetrying(['ls-remote', '--tags', url], { cwd, env });
    if (result.code !== 0)
        throw new Error(`cannot reach ${url}: ${result.stderr.split('\n')[0] ?? ''}${triedNote(result)}`);
    const tags = new Map();
    for (const line of result.stdout.toString().split('\n')) {
        const [sha, ref] = line.split('\t');
        if (!sha || !ref?.startsWith('refs/tags/'))
            continue;
        const peeled = ref.endsWith('^{}');
        const name = ref.slice('refs/tags/'.length, peeled ? -3 : undefined);
        if (peeled || !tags.has(name))
            tags.set(name, sha);
    }
    return [...tags].map(([name, commit]) => ({ name, commit }));
}
/** One tag as a remote lists it: the object the ref names, and for an annotated tag the commit it peels to. */
async function lsRemoteTagObject(url, tag, cwd, env) {
    const ref = `refs/tags/${tag}`;
    const result = await runGitRetrying(['ls-remote', '--tags', url, ref, `${ref}^{}`], { cwd, env });
    if (result.code !== 0)
        throw new Error(`cannot reach ${url}: ${result.stderr.split('\n')[0] ?? ''}${triedNote(result)}`);
    const found = {};
    for (const line of result.stdout.toString().split('\n')) {
        const [sha, name] = line.split('\t');
        if (name === `${ref}^{}`)
            found.peeled = sha;
        else if (name === ref)
            found.object = sha;
    }
    return found;
}

;// CONCATENATED MODULE: ./.tsbuild/core/resolve-target.js









/**
 * The local repositories that can answer questions about a component, cheapest first: its checkout,
 * then its source repository when that is a path on disk.
 */
function localSources(ctx, spec) {
    const dirs = [];
    const checkout = componentDir(ctx.root, spec.name);
    if ((0,external_node_fs_namespaceObject.existsSync)(checkout) && isGitRepo(checkout))
        dirs.push(checkout);
    const location = locateRepo(spec.repo, ctx.root);
    if (location.kind === 'path' && (0,external_node_fs_namespaceObject.existsSync)(location.path) && isGitRepo(location.path))
        dirs.push(location.path);
    return dirs;
}
function validateTarget(target, where) {
    if (target.kind === 'version')
        checkRefName(target.tag, where);
    else
        checkShaOrAbbrev(target.sha, where);
    return target;
}
/**
 * Turns a tag or a (possibly abbreviated) SHA into the pin a lock records. Annotated tags are
 * peeled to their commit; a commit's version is a tag pointing exactly at it, else its short SHA.
 */
async function resolveTarget(ctx, spec, target) {
    const where = target.kind === 'version' ? '--to-version' : '--to-commit';
    validateTarget(target, where);
    const dirs = localSources(ctx, spec);
    const location = locateRepo(spec.repo, ctx.root);
    if (target.kind === 'version') {
        for (const dir of dirs) {
            const commit = await resolveTagIn(dir, target.tag);
            if (commit)
                return { version: target.tag, commit };
        }
        if (location.kind === 'url') {
            const commit = await remote(() => lsRemoteTag(location.url, target.tag, ctx.root, ctx.gitEnv));
            if (commit && isFullSha(commit)) {
                // ls-remote cannot peel a lightweight tag that names a tag object chain; the mirror can.
                return { version: target.tag, commit };
            }
        }
        throw new errors_InputError(`${where}: tag ${quote(target.tag)} not found in ${spec.name} (${spec.repo})${didYouMean(target.tag, await knownTags(ctx, dirs, location))}`);
    }
    for (const dir of dirs) {
        const commit = await resolveCommitIn(dir, target.sha, where);
        if (commit)
            return { version: await versionOf(dir, commit), commit };
    }
    if (location.kind === 'url') {
        const mirror = await remote(() => ensureMirror(location.url, ctx.gitEnv));
        const commit = await resolveCommitIn(mirror, target.sha, where);
        if (commit) {
            const tags = await remote(() => lsRemoteTags(location.url, ctx.root, ctx.gitEnv));
            return { version: tags.find((t) => t.commit === commit)?.name ?? commit.slice(0, 12), commit };
        }
    }
    throw new errors_InputError(`${where}: commit ${quote(target.sha)} not found in ${spec.name} (${spec.repo})`);
}
/** The tags a mistyped one is compared with: from a local repository when there is one, else the remote's. */
async function knownTags(ctx, dirs, location) {
    try {
        if (dirs[0] !== undefined)
            return (await listTags(dirs[0])).map((t) => t.name);
        if (location.kind === 'url')
            return (await lsRemoteTags(location.url, ctx.root, ctx.gitEnv)).map((t) => t.name);
    }
    catch {
        // Suggestions are a courtesy: the error about the missing tag stands without them.
    }
    return [];
}
async function versionOf(dir, commit) {
    const tags = await tagsPointingAt(dir, commit);
    return tags[0] ?? commit.slice(0, 12);
}
async function remote(call) {
    try {
        return await call();
    }
    catch (err) {
        throw new errors_OperationError(errorMessage(err));
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/source-pins.js






/**
 * Makes the pins read from another lock or a snapshot fit to be written into `target`:
 *
 * - a commit that is an annotated tag *object* (the Python CLI writes the first `git ls-remote`
 *   line, which for such a tag is the tag object) is peeled to its commit, with a warning naming
 *   the line, so the lock never pins something a checkout cannot sit at;
 * - a pin with a version and no commit (a vendored lock, a Python snapshot of an unreadable
 *   checkout) gets the commit of that tag when the entry it lands in pins commits.
 */
async function prepareSourcePins(ctx, specs, target, pins, warnings, options = {}) {
    const out = new Map();
    let peeled = 0;
    for (const [name, pin] of pins) {
        const spec = specs.get(name);
        if (!spec) {
            out.set(name, pin);
            continue;
        }
        const entry = target.entries.get(name);
        const vendoredTarget = entry?.vendored ?? target.mode === 'vendored';
        if (pin.commit === '') {
            if (vendoredTarget) {
                out.set(name, { version: pin.version, commit: '', repo: pin.repo });
                continue;
            }
            let resolved;
            try {
                resolved = await resolveTarget(ctx, spec, { kind: 'version', tag: pin.version });
            }
            catch (err) {
                if (!(err instanceof errors_InputError))
                    throw err;
                throw new errors_InputError(`${pin.at}: components.${name}: pins version ${quote(pin.version)} and no commit, and no tag of ${name} has that name; ${target.file.display} needs a commit`);
            }
            out.set(name, { version: pin.version, commit: resolved.commit, repo: pin.repo });
            continue;
        }
        if (options.checkoutVersions) {
            const version = await versionForCheckoutRecord(ctx, spec, pin);
            if (version !== pin.version) {
                warnings.push(`${pin.at}: components.${name}.version: ${quote(pin.version)} names where the checkout was (detached HEAD or a branch), not a version; using ${quote(version)}`);
                out.set(name, { ...pin, version });
                continue;
            }
        }
        const tag = await peelTagObject(ctx, spec, pin.commit, options.fromPythonLock && pin.commit !== entry?.commit ? pin.version : undefined);
        if (tag) {
            peeled += 1;
            warnings.push(`${pin.at}: components.${name}.commit: ${pin.commit.slice(0, 12)} is the annotated tag object of ${tag.tag}, not a commit; using the commit it points at, ${tag.commit.slice(0, 12)}`);
            out.set(name, { version: pin.version, commit: tag.commit, repo: pin.repo });
            continue;
        }
        out.set(name, pin);
    }
    return { pins: out, peeled };
}
/**
 * A snapshot the Python CLI took of a detached or branch checkout records `version: HEAD` or the
 * branch name (`git rev-parse --abbrev-ref HEAD`); a lock must not pin a moving name. Such a
 * version becomes a tag at the commit, else its 12-hex short SHA, as for `--to-commit`.
 */
async function versionForCheckoutRecord(ctx, spec, pin) {
    const dirs = localSources(ctx, spec);
    let moving = pin.version === 'HEAD';
    if (!moving && pin.version !== pin.commit.slice(0, 12) && refNameProblem(pin.version) === undefined) {
        for (const dir of dirs) {
            // The tag list is read in process, so the usual case (a tag) costs no git process.
            if ((await listTags(dir)).some((t) => t.name === pin.version && t.commit === pin.commit))
                return pin.version;
            if (await isBranchName(dir, pin.version)) {
                moving = true;
                break;
            }
        }
    }
    if (!moving)
        return pin.version;
    for (const dir of dirs) {
        if (await isCommitObject(dir, pin.commit))
            return versionOf(dir, pin.commit);
    }
    return pin.commit.slice(0, 12);
}
/**
 * The tag and commit when `sha` is an annotated tag object: asked of a repository on disk (commits
 * cost one lookup), else, given the tag the pin names (`remoteTag`), of the component's remote,
 * which lists the tag object beside the commit it peels to.
 */
async function peelTagObject(ctx, spec, sha, remoteTag) {
    const dirs = localSources(ctx, spec);
    for (const dir of dirs) {
        if (await isCommitObject(dir, sha))
            return undefined;
        const tag = await tagObjectIn(dir, sha);
        if (tag)
            return tag;
    }
    const location = locateRepo(spec.repo, ctx.root);
    if (dirs.length > 0 || remoteTag === undefined || location.kind !== 'url' || refNameProblem(remoteTag))
        return undefined;
    const listed = await lsRemoteTagObject(location.url, remoteTag, ctx.root, ctx.gitEnv).catch(() => ({ object: undefined, peeled: undefined }));
    return listed.object === sha && listed.peeled && listed.peeled !== sha ? { tag: remoteTag, commit: listed.peeled } : undefined;
}

;// CONCATENATED MODULE: ./.tsbuild/git/shallow-history.js






/** The commits at the shallow boundary (empty for a complete clone). */
async function shallowBoundary(root) {
    const path = (await run_git_git(['rev-parse', '--path-format=absolute', '--git-path', 'shallow'], { cwd: root })).trim();
    const text = await (0,promises_namespaceObject.readFile)(path, 'utf8').catch(() => '');
    return new Set(text.split('\n').filter(Boolean));
}
async function resolveLocal(root, rev) {
    const result = await run_git_runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: root });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
async function fetchInto(remote, options, want) {
    await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', ...options, remote.url, want], { cwd: remote.root, env: remote.env });
}
async function deepen(remote, by) {
    const head = (await run_git_git(['rev-parse', 'HEAD'], { cwd: remote.root })).trim();
    await fetchInto(remote, [`--deepen=${by}`], head);
}
async function unshallow(remote) {
    if ((await shallowBoundary(remote.root)).size === 0)
        return;
    const head = (await run_git_git(['rev-parse', 'HEAD'], { cwd: remote.root })).trim();
    await fetchInto(remote, ['--unshallow'], head);
}
/** `v1.2~3` → base `v1.2`, 3 generations; undefined generations when the suffix is not ~N / ^N steps. */
function splitRevision(rev) {
    const match = /^(.*?)((?:[~^]\d*)*)$/.exec(rev);
    const base = match?.[1] || 'HEAD';
    const suffix = match?.[2] ?? '';
    let generations = 0;
    for (const step of suffix.match(/[~^]\d*/g) ?? []) {
        const n = step.length > 1 ? Number(step.slice(1)) : 1;
        // `^2` is a second parent: one generation, but fetched by depth just the same.
        generations += step[0] === '~' ? n : Math.min(n, 1);
    }
    return { base, generations: base.includes('@{') ? undefined : generations };
}
/** A branch or tag name on the remote, peeled to its commit; undefined when the remote has none. */
async function remoteCommitOf(remote, name) {
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(name))
        return name;
    const refs = [`refs/tags/${name}`, `refs/heads/${name}`];
    const result = await runGitRetrying(['ls-remote', remote.url, ...refs, `refs/tags/${name}^{}`], { cwd: remote.root, env: remote.env });
    if (result.code !== 0)
        return undefined;
    const lines = result.stdout.toString().split('\n').map((l) => l.split('\t'));
    const find = (ref) => lines.find((l) => l[1] === ref)?.[0];
    return find(`refs/tags/${name}^{}`) ?? find(refs[0]) ?? find(refs[1]);
}
/**
 * Resolves a revision of the meta-repo to its commit, first fetching what a shallow clone lacks:
 * the generations below a present commit (`HEAD~1`), or a branch or tag the clone does not have.
 * A revision that the whole history does not hold is refused, as in a complete clone.
 */
async function ensureRevision(remote, rev, where) {
    checkRevision(rev, where);
    const refuse = () => new errors_InputError(`${where}: ${quote(rev)} is not a revision of the meta-repo`);
    const found = await resolveLocal(remote.root, rev);
    if (found)
        return found;
    if ((await shallowBoundary(remote.root)).size === 0)
        throw refuse();
    const { base, generations } = splitRevision(rev);
    const suffix = rev.slice(base.length);
    const present = await resolveLocal(remote.root, base);
    let start = present;
    if (present && generations !== undefined && generations > 0) {
        await deepen(remote, generations);
    }
    else if (!present) {
        start = await remoteCommitOf(remote, base);
        // Not present, so fetching it with a depth cannot cut history that is.
        if (start)
            await fetchInto(remote, generations === undefined ? [] : [`--depth=${generations + 1}`], start).catch(() => undefined);
    }
    const after = start ? await resolveLocal(remote.root, `${start}${suffix}`) : undefined;
    if (after)
        return after;
    await unshallow(remote);
    const last = await resolveLocal(remote.root, start ? `${start}${suffix}` : rev);
    if (!last)
        throw refuse();
    return last;
}
/**
 * The newest commit that changed a file, with its parent present: in a shallow clone the boundary
 * commit seems to add every file, so the history is deepened (1, 2, 4, ... commits) until the
 * commit found lies above the boundary, or the clone is complete.
 */
async function ensureLastChange(remote, relPath) {
    for (let by = 1;; by *= 2) {
        const last = await lastCommitTouching(remote.root, relPath);
        const boundary = await shallowBoundary(remote.root);
        if (boundary.size === 0 || (last && !boundary.has(last.commit)))
            return last;
        if (by > 64)
            await unshallow(remote);
        else
            await deepen(remote, by);
    }
}
/** The whole history, for what reads every revision (the lock history `list` shows). */
async function ensureFullHistory(remote) {
    await unshallow(remote);
}

;// CONCATENATED MODULE: ./.tsbuild/git/known-good.js




/**
 * An env's known-good state: the meta-repo commit whose health checks last passed, kept in
 * `refs/meta-rollback/known-good/<env>` (`default` for the default lock). A ref rather than a file,
 * so recording it never makes a commit, and it travels with `git push`/`git fetch` like a branch.
 */
function knownGoodRef(env) {
    return `refs/meta-rollback/known-good/${env ?? 'default'}`;
}
async function readKnownGood(root, env) {
    const result = await run_git_runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${knownGoodRef(env)}^{commit}`], { cwd: root });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
/** Whether `older` is `newer` or one of its ancestors; in a shallow clone the history is fetched first when needed. */
async function isAncestor(root, older, newer, remote) {
    const ask = async () => (await run_git_runGit(['merge-base', '--is-ancestor', older, newer], { cwd: root })).code === 0;
    if (await ask())
        return true;
    if (!remote)
        return false;
    // A shallow clone cannot see past its boundary: look again with the whole history.
    await ensureFullHistory(remote);
    return ask();
}
/**
 * Only forward: the ref moves to `commit` when it is absent or `commit` descends from where it is.
 * A health run that started on an older commit and finished last never moves it back.
 */
function forwardNote(previous, commit) {
    return `${previous.slice(0, 12)} is already recorded and ${commit.slice(0, 12)} does not descend from it; the known-good state only moves forward`;
}
/** Records `commit` in the local ref, compare-and-swap (`update-ref NEW OLD`), never backwards. */
async function recordKnownGood(root, env, commit) {
    const ref = knownGoodRef(env);
    const previous = await readKnownGood(root, env);
    if (previous === commit)
        return { moved: false, commit, previous, note: `${commit.slice(0, 12)} is already recorded` };
    if (previous && !(await isAncestor(root, previous, commit)))
        return { moved: false, commit: previous, previous, note: forwardNote(previous, commit) };
    const result = await runGit(['update-ref', '-m', 'meta health --record', ref, commit, previous ?? ''], { cwd: root });
    if (result.code !== 0)
        throw new OperationError(`${ref}: moved by another run while this one recorded it; run again (${result.stderr.trim().split('\n')[0]})`);
    return { moved: true, commit, previous };
}
/** The remote's known-good commit, or undefined when it has none. */
async function remoteKnownGood(remote, env) {
    const ref = knownGoodRef(env);
    const result = await runGitRetrying(['ls-remote', remote.url, ref], { cwd: remote.root, env: remote.env });
    if (result.code !== 0)
        throw new errors_OperationError(`cannot read ${ref} from the meta-repo's remote: ${result.stderr.trim().split('\n')[0]}${triedNote(result)}`);
    return result.stdout.toString().split('\n').find((l) => l.endsWith(`\t${ref}`))?.split('\t')[0];
}
/**
 * Fetches the remote's known-good ref into the same local ref, for `--rev known-good` and `list` on
 * a checkout that lacks it (actions/checkout fetches one branch, shallow, without tags). Only the
 * commit itself is fetched (depth 1) when it is not present, so the shallow boundary of what is
 * present never moves. Returns the commit, or undefined when the remote has none.
 */
async function fetchKnownGood(remote, env) {
    const commit = await remoteKnownGood(remote, env);
    if (commit === undefined)
        return undefined;
    const present = (await run_git_runGit(['cat-file', '-e', `${commit}^{commit}`], { cwd: remote.root })).code === 0;
    if (!present)
        await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--depth=1', remote.url, commit], { cwd: remote.root, env: remote.env });
    await run_git_git(['update-ref', knownGoodRef(env), commit], { cwd: remote.root });
    return commit;
}
const PUSH_ATTEMPTS = 5;
/**
 * Pushes `commit` as the remote's known-good state with a lease (`--force-with-lease=REF:SEEN`):
 * the push lands only if the ref is still where it was read, and only forward from it. When another
 * run moved it in between, it is read again; a newer state recorded by that run is kept.
 */
async function pushKnownGood(remote, env, commit) {
    const ref = knownGoodRef(env);
    for (let attempt = 1;; attempt++) {
        const seen = await remoteKnownGood(remote, env);
        if (seen === commit)
            return { moved: false, commit, previous: seen, note: `${commit.slice(0, 12)} is already recorded` };
        if (seen) {
            await fetchKnownGood(remote, env);
            if (!(await isAncestor(remote.root, seen, commit, remote)))
                return { moved: false, commit: seen, previous: seen, note: forwardNote(seen, commit) };
        }
        const args = ['push', '--quiet', '--porcelain', `--force-with-lease=${ref}:${seen ?? ''}`, remote.url, `${commit}:${ref}`];
        const result = await pushRetrying(args, { cwd: remote.root, env: remote.env }, async () => (await remoteKnownGood(remote, env)) === commit);
        if (result.code === 0) {
            await run_git_git(['update-ref', ref, commit], { cwd: remote.root });
            return { moved: true, commit, previous: seen };
        }
        const text = `${result.stdout.toString()}\n${result.stderr}`;
        if (!/stale info|rejected|fetch first/.test(text) || attempt >= PUSH_ATTEMPTS) {
            throw new errors_OperationError(`push of ${ref} failed: ${result.stderr.trim().split('\n').find((l) => l && !l.startsWith('To ')) ?? text.trim()}${triedNote(result)}`);
        }
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/known-good.js






/** The word `--rev` (and the action's `rev`) takes for the env's recorded known-good state. */
const KNOWN_GOOD_REV = 'known-good';
/** A `--rev` as the commit it names: `known-good` is the env's known-good ref, anything else a git revision. */
async function resolveLockRevision(ctx, rev) {
    if (rev !== KNOWN_GOOD_REV)
        return resolveMetaRevision(ctx.root, rev);
    const commit = await readKnownGood(ctx.root, ctx.env);
    if (commit === undefined) {
        throw new errors_InputError(`--rev: no known-good state recorded for ${ctx.env === undefined ? 'the default lock' : `env ${ctx.env}`} (${knownGoodRef(ctx.env)}); record one with meta health --all --record${ctx.env ? ` --env ${ctx.env}` : ''}, or fetch it (git fetch origin ${knownGoodRef(ctx.env)}:${knownGoodRef(ctx.env)})`);
    }
    return commit;
}
/** `rollback list`'s kind `known-good`: the pins of the env's lock at its known-good commit. */
async function knownGoodTargets(ctx, components) {
    const commit = await readKnownGood(ctx.root, ctx.env);
    if (commit === undefined)
        return [];
    const lockRel = lockPathFor(ctx.env);
    const source = `known-good ${commit.slice(0, 12)}`;
    let lock;
    try {
        lock = parseLockBytes(await readFileAtRevision(ctx.root, commit, lockRel), `${lockRel}@${source}`);
    }
    catch {
        return [];
    }
    const date = (await run_git_git(['log', '-1', '--format=%cI', commit], { cwd: ctx.root })).trim() || null;
    const envFlag = ctx.env ? ` --env ${ctx.env}` : '';
    const wanted = new Set(components.map((c) => c.name));
    return [...lock.entries.values()]
        .filter((e) => wanted.has(e.name))
        .map((e) => ({ component: e.name, kind: 'known-good', version: e.version, commit: e.commit, source, date, command: `meta rollback lock ${lockRel} --rev known-good --component ${e.name}${envFlag}` }));
}

;// CONCATENATED MODULE: ./.tsbuild/core/select-env.js





/**
 * SPEC section 2: the env is never guessed silently. Without --env, a source that is an env's lock
 * (by its name, `components.lock.<env>[.previous].yaml`, or by its `environment:`) selects that env,
 * and a line on stderr names the lock that will be written before anything changes. With --env, a
 * source of another env is copied across, which is said too. Returns the context to run with and
 * that line, which the caller prints once the selected env's lock has been found.
 */
function selectEnvForSource(ctx, given, what, sourceRel, fileEnv) {
    const named = parseLockName((0,external_node_path_namespaceObject.basename)(sourceRel));
    const nameEnv = named?.env;
    if (ctx.env !== undefined) {
        const from = nameEnv ?? fileEnv;
        if (from === undefined || from === ctx.env)
            return { ctx };
        return { ctx, notice: `copying the pins of env ${from} (${given}) into ${lockPathFor(ctx.env)}, as --env ${ctx.env} asks` };
    }
    if (named && fileEnv !== undefined && fileEnv !== nameEnv) {
        const as = nameEnv === undefined ? 'the default lock' : `the lock of env ${nameEnv}`;
        throw new errors_InputError(`${what}: ${quote(given)} is named as ${as} but its environment: is ${quote(fileEnv)}; give --env to say which lock to write`);
    }
    const env = nameEnv ?? fileEnv;
    if (env === undefined)
        return { ctx };
    checkEnvName(env, `${what}: ${given}: environment`);
    const how = nameEnv !== undefined ? `the name of ${given}` : `the environment: of ${given}`;
    return { ctx: { ...ctx, env }, notice: `lock to write: ${lockPathFor(env)} (env ${env}, from ${how}; give --env to write another env's lock)` };
}

;// CONCATENATED MODULE: ./.tsbuild/core/operations/rollback-lock.js












/**
 * `meta rollback lock LOCKFILE [--component NAME] [--rev GITREV]`: bring the workspace to the pins
 * of another lock (or of a lock as it was at an earlier revision) and record them in the current one.
 */
async function rollbackLock(ctx, lockFile, options = {}) {
    const abs = resolveInsideRoot(ctx.root, ctx.cwd, lockFile, 'LOCKFILE');
    // Named as given, so the CLI and the action each name their argument.
    if (options.rev === undefined && !(0,external_node_fs_namespaceObject.existsSync)(abs))
        throw new errors_InputError(`LOCKFILE: ${quote(lockFile)}: no such file`);
    const rel = relativeToRoot(ctx.root, abs);
    // git reads the older lock while the manifest and the current lock are parsed.
    const rev = options.rev;
    const olderBytes = rev === undefined ? undefined : resolveLockRevision(ctx, rev).then((commit) => readFileAtRevision(ctx.root, commit, rel));
    olderBytes?.catch(() => undefined);
    // The source is read first: whose lock it is decides which env's lock is written.
    const sourceName = olderBytes !== undefined ? `${rel}@${rev}` : rel;
    const source = olderBytes !== undefined ? parseLockBytes(await olderBytes, sourceName) : await loadLock(ctx.root, rel);
    const { ctx: selected, notice } = selectEnvForSource(ctx, lockFile, 'LOCKFILE', rel, source.environment);
    const state = await loadState(selected, olderBytes === undefined ? { rel, lock: source } : undefined);
    const sourceIsCurrent = options.rev === undefined && rel === state.lockRel;
    const pins = new Map();
    for (const [name, entry] of source.entries)
        pins.set(name, { version: entry.version, commit: entry.commit, repo: entry.repo, at: `${sourceName}:${entry.commitLine}` });
    return applyPins(selected, state, pins, {
        mode: 'lock',
        sourceName,
        components: options.components,
        // The current lock itself is rewritten only to replace a tag object it pins by its commit.
        writeLock: sourceIsCurrent ? 'if-peeled' : true,
        notice,
        fromPythonLock: source.mode !== undefined,
    });
}
/** Shared by lock rollbacks and snapshot restores: validate every pin first, then execute. */
async function applyPins(ctx, state, sourcePins, options) {
    let names = [...sourcePins.keys()];
    const warnings = [];
    if (options.components !== undefined) {
        for (const name of options.components) {
            requireComponent(state.manifest, name, '--component');
            if (!sourcePins.has(name))
                throw new errors_InputError(`--component: ${quote(name)} has no pin in ${options.sourceName}`);
        }
        names = [...new Set(options.components)];
    }
    for (const name of names)
        requireComponent(state.manifest, name, `${options.sourceName}: components.${name}`);
    const chosen = new Map(names.map((name) => [name, sourcePins.get(name)]));
    const { pins, peeled } = await prepareSourcePins(ctx, state.manifest.components, state.lock, chosen, warnings, { checkoutVersions: options.checkoutVersions, fromPythonLock: options.fromPythonLock });
    const planned = names.map((name) => {
        const spec = requireComponent(state.manifest, name, `${options.sourceName}: components.${name}`);
        const pin = pins.get(name);
        return { component: name, to: { version: pin.version, commit: pin.commit }, repo: state.lock.entries.get(name)?.repo ?? pin.repo ?? spec.repo };
    });
    // An undo snapshot (.meta/snapshots/) holds only the entries its rollback changed: the others are
    // missing by design, and a warning about each would bury the one line that matters.
    const undoSnapshot = options.mode === 'snapshot' && options.sourceName.startsWith(`${SNAPSHOT_DIR}/`);
    if (options.components === undefined && !undoSnapshot) {
        const missing = [...state.lock.entries.keys()].filter((n) => !sourcePins.has(n));
        if (missing.length > 0)
            warnings.push(`${options.sourceName} has no pin for ${missing.join(', ')}; left as they are`);
    }
    const writeLock = options.writeLock === 'if-peeled' ? peeled > 0 : options.writeLock;
    return executePlan(ctx, { mode: options.mode, lock: state.lock, lockRel: state.lockRel, pins: planned, writeLock, warnings, undoOf: options.undoOf, notice: options.notice });
}

;// CONCATENATED MODULE: ./.tsbuild/action/health-target.js





function samePins(a, b) {
    if (a.entries.size !== b.entries.size)
        return false;
    for (const [name, entry] of a.entries) {
        const other = b.entries.get(name);
        if (other?.commit !== entry.commit || other.version !== entry.version)
            return false;
    }
    return true;
}
/**
 * The known-good state when one is recorded and pins something else than the current lock: the
 * previous revision may be a bad release too (two in a row), and known-good is the last state whose
 * checks passed. Otherwise the revision before the lock's last change, as before known-good existed,
 * but never when that change was itself a meta-rollback: then a person decides what comes next.
 */
async function chooseHealthTarget(ctx, remote, lockRel) {
    const knownGood = await fetchKnownGood(remote, ctx.env);
    let whyNot = `no known-good state is recorded (${knownGoodRef(ctx.env)})`;
    if (knownGood !== undefined) {
        const short = knownGood.slice(0, 12);
        const current = await loadLock(ctx.root, lockRel);
        const recorded = await readFileAtRevision(ctx.root, knownGood, lockRel).then((bytes) => parseLockBytes(bytes, `${lockRel}@known-good`), () => undefined);
        if (recorded && !samePins(recorded, current)) {
            return { kind: 'known-good', commit: knownGood, why: `rolled back to the known-good state ${short} (${knownGoodRef(ctx.env)}, the last commit whose health checks passed): its ${lockRel} pins differ from the current ones` };
        }
        whyNot = recorded ? `the known-good state ${short} pins what the current lock pins` : `the known-good state ${short} has no ${lockRel}`;
    }
    const last = await ensureLastChange(remote, lockRel);
    if (!last?.parent)
        throw new errors_OperationError(`${lockRel}: no earlier revision in the meta-repo's history to roll back to (${whyNot})`);
    if (/^Meta-Rollback-Mode: /m.test(last.message)) {
        throw new errors_OperationError(`${lockRel}: its last change (${last.commit.slice(0, 12)}) is already a meta-rollback; not rolling back again automatically (${whyNot})`);
    }
    return { kind: 'previous', commit: last.parent, why: `rolled back to the revision before ${last.commit.slice(0, 12)}, the lock's last change: ${whyNot}` };
}

;// CONCATENATED MODULE: ./.tsbuild/core/holds/check-locks.js






const LOCK_NAME = /^components\.lock(?:\.([A-Za-z0-9][A-Za-z0-9._-]*))?\.yaml$/;
/**
 * `meta check [--env ENV]`: the gate for lock changes. Every lock file (or only ENV's) is read, and
 * each entry pinning a commit that a hold covers for that lock's env is reported by file and line.
 */
async function checkLocks(ctx) {
    const manifest = await loadManifest(ctx.root);
    const { holds } = await loadHolds(ctx.root, manifest);
    const locks = ctx.env !== undefined ? [{ rel: lockPathFor(ctx.env), env: ctx.env }] : await allLocks(ctx.root);
    const offending = [];
    for (const { rel, env } of locks) {
        const lock = await loadLock(ctx.root, rel);
        for (const entry of lock.entries.values()) {
            if (entry.commit === '')
                continue;
            const hold = findHold(holds, entry.name, entry.commit, env);
            if (!hold)
                continue;
            const message = `${entry.name} pins ${entry.version} (${entry.commit.slice(0, 12)}), which is held: ${describeHold(hold)}`;
            offending.push({ file: rel, line: entry.commitLine, component: entry.name, version: entry.version, commit: entry.commit, env: env ?? null, hold, message });
        }
    }
    return { ok: offending.length === 0, locks: locks.map((l) => l.rel), offending, changes: [] };
}
async function allLocks(root) {
    const names = (await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, 'manifests')).catch(() => [])).sort();
    return names.flatMap((name) => {
        const match = LOCK_NAME.exec(name);
        return match ? [{ rel: `manifests/${name}`, env: match[1] }] : [];
    });
}

;// CONCATENATED MODULE: ./.tsbuild/core/changes.js
function shortPin(pin) {
    if (!pin)
        return '(none)';
    if (pin.commit === null)
        return pin.version;
    return pin.version === pin.commit.slice(0, 12) ? pin.version : `${pin.version} (${pin.commit.slice(0, 12)})`;
}

;// CONCATENATED MODULE: ./.tsbuild/action/report.js


/** Markdown for pull request bodies and job summaries; no GitHub or runner knowledge here. */
function escapeCell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
/** A compare link for a component hosted on the same server, else the plain SHAs. */
function compareLink(change, componentRepo, serverUrl) {
    if (!componentRepo || !change.from || !change.to.commit)
        return '';
    return `[compare](${serverUrl.replace(/\/+$/, '')}/${componentRepo.owner}/${componentRepo.repo}/compare/${change.to.commit}...${change.from.commit})`;
}
function changesTable(rows, withPr) {
    if (rows.length === 0)
        return '_No pins changed: everything already matched._\n';
    const head = withPr ? '| component | from | to | compare | pull request | health |\n|---|---|---|---|---|---|\n' : '| component | from | to | compare |\n|---|---|---|---|\n';
    const body = rows
        .map((r) => {
        const cells = [r.change.component, shortPin(r.change.from), shortPin(r.change.to), r.link];
        if (withPr)
            cells.push(r.pullRequest ?? '', r.health ?? '');
        return `| ${cells.map(escapeCell).join(' | ')} |`;
    })
        .join('\n');
    return `${head}${body}\n`;
}
function undoText(snapshot, env) {
    if (!snapshot)
        return '';
    const envFlag = env ? ` --env ${env}` : '';
    return [
        '### Undo',
        '',
        `Every rollback saves the pins it replaces. To put them back, run this action with \`mode: snapshot\`, \`snapshot-action: restore\`, \`snapshot-file: ${snapshot}\`${env ? `, \`env: ${env}\`` : ''}, or locally:`,
        '',
        '```sh',
        `meta rollback snapshot --restore ${snapshot}${envFlag}`,
        '```',
        '',
    ].join('\n');
}
function journalBlock(entry) {
    if (!entry)
        return '';
    return ['### Journal entry (`.meta/history/rollbacks/`)', '', '```json', JSON.stringify(entry), '```', ''].join('\n');
}
/** The holds a rollback added, so reviewers see that the versions rolled away from cannot come back. */
function holdsBlock(entry) {
    const holds = entry?.holds ?? [];
    if (holds.length === 0)
        return '';
    const rows = holds.map((h) => `| ${escapeCell(h.component)} | ${escapeCell(h.version ?? '')} | \`${h.commit.slice(0, 12)}\` | ${h.envs ? escapeCell(h.envs.join(', ')) : 'every env'} |`);
    return [
        '### Holds added (`manifests/holds.yaml`)',
        '',
        'These pins may not be released again until the hold is released (`meta hold release NAME --commit SHA`); `meta check` fails on a lock that pins one.',
        '',
        '| component | version | commit | envs |',
        '|---|---|---|---|',
        ...rows,
        '',
    ].join('\n');
}
function pullRequestBody(input) {
    return [
        `## ${input.title}`,
        '',
        changesTable(input.rows, false),
        input.note ? `${input.note}\n` : '',
        holdsBlock(input.entry),
        journalBlock(input.entry),
        undoText(input.snapshot, input.env),
        '<sub>Opened by meta-rollback. Running the same rollback again updates this pull request.</sub>',
        '',
    ].join('\n');
}
function healthSection(report, title = 'Health') {
    if (!report)
        return '';
    return `### ${title}: ${report.healthy ? 'healthy' : 'UNHEALTHY'}\n\n${healthToMarkdown(report)}\n`;
}

;// CONCATENATED MODULE: ./.tsbuild/action/check-mode.js



/**
 * `mode: check`, the gate of a `pull_request` workflow on lock changes: one annotation per lock line
 * that pins a held commit, and a failed step while there is any, so the pull request cannot merge
 * until the pin changes or someone releases the hold. Paths are the workspace's (the repository's),
 * which is how GitHub places annotations, also when `root` is a subdirectory.
 */
async function runCheckMode(ctx, workspace) {
    const result = await checkLocks(ctx);
    const inRepo = (rel) => (0,external_node_path_namespaceObject.relative)(workspace, (0,external_node_path_namespaceObject.join)(ctx.root, rel)).split(external_node_path_namespaceObject.sep).join('/');
    const annotations = result.offending.map((o) => ({ file: inRepo(o.file), line: o.line, message: o.message }));
    const rows = result.offending.map((o) => `| \`${inRepo(o.file)}:${o.line}\` | ${escapeCell(o.component)} | ${escapeCell(o.version)} | \`${o.commit.slice(0, 12)}\` | ${escapeCell(o.hold.reason ?? '')} |`);
    const summary = result.ok
        ? `## meta-rollback: check\n\nNo lock pins a held commit (${result.locks.length} lock files checked).\n`
        : `## meta-rollback: check\n\n| lock line | component | version | commit | hold reason |\n|---|---|---|---|---|\n${rows.join('\n')}\n\nPin another version, or release the hold (\`meta hold release NAME --commit SHA\`).\n`;
    return {
        outputs: { 'held-pins': JSON.stringify(result.offending.map((o) => ({ file: inRepo(o.file), line: o.line, component: o.component, commit: o.commit }))), changes: '[]' },
        summary,
        annotations,
        failed: result.ok ? undefined : `${result.offending.length} lock line${result.offending.length === 1 ? '' : 's'} pin a held commit (see the annotations)`,
    };
}

;// CONCATENATED MODULE: ./.tsbuild/git/credentials.js
function basicAuthHeader(token) {
    return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}
function credentialEnv(credentials) {
    const entries = [];
    const usable = credentials.filter((c) => c.token.length > 0).sort((a, b) => specificity(a.urlPrefix) - specificity(b.urlPrefix));
    for (const c of usable) {
        const key = `http.${c.urlPrefix}.extraheader`;
        entries.push([key, ''], [key, basicAuthHeader(c.token)]);
    }
    const env = { GIT_CONFIG_COUNT: String(entries.length) };
    entries.forEach(([key, value], i) => {
        env[`GIT_CONFIG_KEY_${i}`] = key;
        env[`GIT_CONFIG_VALUE_${i}`] = value;
    });
    return env;
}
/** Longer paths match more specifically; the host part is the same for every prefix we pass. */
function specificity(prefix) {
    return prefix.replace(/\/+$/, '').length;
}

;// CONCATENATED MODULE: ./.tsbuild/git/publish-commit.js





/**
 * Commits the given paths, as they are in the working tree, on top of `parent`, without touching
 * the user's index, HEAD or branches: a private index file is filled from `parent` and the paths.
 */
async function commitPaths(root, parent, paths, message, identity) {
    const index = (0,external_node_path_namespaceObject.join)(await absoluteGitDir(root), `meta-rollback-index-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`);
    const env = {
        GIT_INDEX_FILE: index,
        GIT_AUTHOR_NAME: identity.name,
        GIT_AUTHOR_EMAIL: identity.email,
        GIT_COMMITTER_NAME: identity.name,
        GIT_COMMITTER_EMAIL: identity.email,
    };
    try {
        await run_git_git(['read-tree', parent], { cwd: root, env });
        // -f: the audit trail is committed even where a .gitignore would hide it.
        await run_git_git(['add', '-f', '-A', '--', ...paths], { cwd: root, env });
        const tree = (await run_git_git(['write-tree'], { cwd: root, env })).trim();
        return (await run_git_git(['commit-tree', tree, '-p', parent, '-F', '-'], { cwd: root, env, input: message })).trim();
    }
    finally {
        await (0,promises_namespaceObject.rm)(index, { force: true });
    }
}
async function treeOf(root, commit) {
    return (await git(['rev-parse', `${commit}^{tree}`], { cwd: root })).trim();
}
/** The SHA a remote branch points at, or undefined when it does not exist. */
async function remoteBranchSha(root, url, branch, env) {
    const result = await runGitRetrying(['ls-remote', '--heads', url, `refs/heads/${branch}`], { cwd: root, env });
    if (result.code !== 0)
        throw new Error(`cannot reach ${url}: ${publish_commit_firstLine(result.stderr)}${triedNote(result)}`);
    const line = result.stdout.toString().split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
    return line?.split('\t')[0];
}
async function fetchCommit(root, url, ref, env) {
    await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', url, ref], { cwd: root, env });
}
/**
 * Pushes a commit to a branch. With `expect` the push is a lease (the branch must still be where we
 * saw it; '' = must not exist), so a concurrent writer is never overwritten; without it, only a
 * fast-forward is accepted. A push that fails in transit is tried again (see transient-retry.ts).
 */
async function pushCommit(root, url, commit, branch, env, expect) {
    const result = await pushRetrying(['push', '--quiet', '--porcelain', ...leaseArgs(branch, expect), url, `${commit}:refs/heads/${branch}`], { cwd: root, env }, async () => (await remoteBranchSha(root, url, branch, env)) === commit);
    if (result.code === 0)
        return { ok: true };
    const text = `${result.stdout.toString()}\n${result.stderr}`;
    const rejected = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|stale info|rejected/.test(text);
    return { ok: false, rejected, message: `${remoteErrors(result.stderr) || publish_commit_firstLine(result.stderr) || publish_commit_firstLine(result.stdout.toString())}${triedNote(result)}` };
}
/**
 * Deletes a remote branch. With `expect`, only while it still points there (a lease), so a branch
 * someone else has pushed to since is left alone; throws when the branch could not be deleted.
 */
async function deleteRemoteBranch(root, url, branch, env, expect) {
    const result = await pushRetrying(['push', '--quiet', '--porcelain', ...leaseArgs(branch, expect), url, `:refs/heads/${branch}`], { cwd: root, env }, async () => (await remoteBranchSha(root, url, branch, env)) === undefined);
    if (result.code !== 0)
        throw new Error(`cannot delete ${branch} from ${url}: ${publish_commit_firstLine(result.stderr) || publish_commit_firstLine(result.stdout.toString())}${triedNote(result)}`);
}
/** A lease: the branch must still be at `expect` ('' = must not exist); none without it. */
function leaseArgs(branch, expect) {
    return expect === undefined ? [] : [`--force-with-lease=refs/heads/${branch}:${expect}`];
}
/** What the server's hook said (`remote: error: GH006: ...` and the rule that refused), in one line. */
function remoteErrors(text) {
    return text
        .split('\n')
        .filter((l) => l.startsWith('remote: error: '))
        .map((l) => l.slice('remote: error: '.length).trim())
        .join(' ');
}
function publish_commit_firstLine(text) {
    return (text.split('\n').find((l) => l.trim().length > 0 && !l.startsWith('To ')) ?? '').trim();
}
/** Puts the meta-repo's tracked files back to a commit, detached; used to redo a change on a moved base. */
async function resetToCommit(root, commit) {
    await run_git_git(['checkout', '--quiet', '--force', '--detach', commit, '--'], { cwd: root });
}
async function absoluteGitDir(root) {
    return (await run_git_git(['rev-parse', '--absolute-git-dir'], { cwd: root })).trim();
}
/** Makes a local branch match the remote's, e.g. the store branch the action reads entries from. */
async function fetchBranch(root, url, branch, env) {
    const result = await runGitRetrying(['fetch', '--quiet', '--no-tags', url, `+refs/heads/${branch}:refs/heads/${branch}`], { cwd: root, env });
    return result.code === 0;
}
/** Which of `paths` (relative to the root) a commit holds. */
async function pathsTrackedAt(root, commit, paths) {
    if (paths.length === 0)
        return new Set();
    const out = await run_git_git(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...paths], { cwd: root });
    const wanted = new Set(paths);
    return new Set(out.split('\0').filter((p) => wanted.has(p)));
}
/** Puts files back as a commit has them, in the working tree and the index. */
async function restorePathsFrom(root, commit, paths) {
    if (paths.length === 0)
        return;
    await run_git_git(['--literal-pathspecs', 'checkout', '--quiet', commit, '--', ...paths], { cwd: root });
}

;// CONCATENATED MODULE: ./.tsbuild/github/refusals.js
/**
 * Refusals that come from how a repository or organisation is set up, not from the rollback: the
 * on-call engineer needs the setting to change or the token to use, in one line, not GitHub's text.
 */
const REFUSALS = [
    {
        pattern: /GitHub Actions is not permitted to create or approve pull requests/i,
        advice: 'GitHub Actions is not permitted to create pull requests in this repository: turn on Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" (in the organisation\'s settings first, if it is greyed out there), or pass a GitHub App token as input token',
    },
    {
        pattern: /Commits must have (valid|verified) signatures|GH006[^\n]*signature/i,
        advice: 'the branch requires signed commits: set input `sign-commits: true`, so the action makes its commits through GitHub\'s API, which signs them',
    },
    {
        pattern: /Resource not accessible by integration/i,
        advice: 'the token lacks a permission: give the job `permissions: contents: write` and `pull-requests: write`, or pass a token that has them as input token',
    },
    {
        pattern: /refusing to allow a (GitHub App|OAuth App) to create or update workflow/i,
        advice: 'the change touches .github/workflows, which needs a token with the `workflows` permission (GITHUB_TOKEN never has it): pass a GitHub App token with it as input token',
    },
    {
        pattern: /Permission to \S+ denied to|The requested URL returned error: 403/i,
        advice: 'the token may not push to this repository: give the job `permissions: contents: write`, or pass a token with write access as input token, and as components-token for component repositories',
    },
];
/** The advice for a refusal by settings, or undefined when the text is something else. */
function settingsAdvice(text) {
    return REFUSALS.find((r) => r.pattern.test(text))?.advice;
}
/** A failure's message, followed by the setting to change when settings caused it. */
function withAdvice(message) {
    const advice = settingsAdvice(message);
    return advice ? `${message}; ${advice}` : message;
}
/** GitHub's own message of an Octokit error (its `response.data.message`), else the error's. */
function gitHubMessage(err) {
    const data = err.response?.data;
    if (typeof data?.message === 'string')
        return data.message;
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./.tsbuild/github/merge.js

const sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Backoff while GitHub computes mergeability (it answers `mergeable: null` meanwhile). */
const MERGEABILITY_DELAYS_MS = [250, 500, 1000, 2000, 3000, 5000, 5000, 5000];
/** Backoff while required checks run: quick at first, for checks that finish fast, then every 30 s. */
const CHECK_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];
/**
 * The base's required checks on `sha`: commit statuses and check runs, by context name. The
 * branch endpoint shows the required contexts to anyone who can read the repository (the
 * protection endpoint needs admin rights, which GITHUB_TOKEN never has).
 */
async function requiredChecks(api, repo, base, sha) {
    const { data: branch } = await api.rest.repos.getBranch({ ...repo, branch: base });
    const rules = branch.protection?.required_status_checks;
    const required = new Set([...(rules?.contexts ?? []), ...(rules?.checks ?? []).map((c) => c.context)]);
    if (required.size === 0)
        return { pending: [], failing: [] };
    const [{ data: combined }, { data: runs }] = await Promise.all([
        api.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: 100 }),
        api.rest.checks.listForRef({ ...repo, ref: sha, per_page: 100 }),
    ]);
    const state = new Map();
    for (const s of combined.statuses)
        state.set(s.context, s.state === 'success' ? 'success' : s.state === 'pending' ? 'pending' : 'failure');
    for (const run of runs.check_runs) {
        const verdict = run.status !== 'completed' ? 'pending' : ['success', 'neutral', 'skipped'].includes(run.conclusion ?? '') ? 'success' : 'failure';
        state.set(run.name, verdict);
    }
    const pending = [];
    const failing = [];
    for (const context of required) {
        const verdict = state.get(context) ?? 'pending';
        if (verdict === 'pending')
            pending.push(context);
        else if (verdict === 'failure')
            failing.push(context);
    }
    return { pending, failing };
}
function minutes(ms) {
    return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}
/**
 * Lands a pull request as GitHub allows on its base: merges it (head SHA pinned, so a push that
 * arrives meanwhile is never merged unseen) once mergeability is known and the required checks
 * have passed, waiting for them with backoff up to the timeout; or, on a base that requires a merge
 * queue, enqueues it with the head the action pushed expected.
 */
async function mergeOrEnqueue(api, repo, number, base, options) {
    const sleep = options.sleep ?? sleepFor;
    const deadline = Date.now() + options.timeoutMs;
    let unknown = 0;
    let waits = 0;
    let announced = '';
    let refused = 0;
    for (;;) {
        const { data: pr } = await api.rest.pulls.get({ ...repo, pull_number: number });
        if (pr.merged)
            return { kind: 'merged', sha: pr.merge_commit_sha ?? undefined };
        if (pr.state === 'closed')
            return { kind: 'failed', message: `pull request #${number} was closed` };
        if (pr.mergeable === null) {
            if (unknown >= MERGEABILITY_DELAYS_MS.length)
                return { kind: 'failed', message: `GitHub did not compute whether pull request #${number} is mergeable in time` };
            await sleep(MERGEABILITY_DELAYS_MS[unknown++]);
            continue;
        }
        if (pr.mergeable === false && pr.mergeable_state === 'dirty')
            return { kind: 'conflict' };
        if (pr.mergeable_state === 'blocked') {
            const checks = await requiredChecks(api, repo, base, pr.head.sha);
            if (checks.failing.length > 0)
                return { kind: 'failed', message: `required check${checks.failing.length > 1 ? 's' : ''} failed on pull request #${number}: ${checks.failing.join(', ')}` };
            if (checks.pending.length > 0) {
                const delay = CHECK_DELAYS_MS[Math.min(waits++, CHECK_DELAYS_MS.length - 1)];
                if (Date.now() + delay > deadline) {
                    return { kind: 'failed', message: `required check${checks.pending.length > 1 ? 's' : ''} still pending after ${minutes(options.timeoutMs)} (merge-timeout) on pull request #${number}: ${checks.pending.join(', ')}` };
                }
                const names = checks.pending.join(', ');
                if (names !== announced)
                    options.log(`pull request #${number}: waiting for required checks: ${names}`);
                announced = names;
                await sleep(delay);
                continue;
            }
            // Blocked for another reason (reviews, signatures, a merge queue): the merge call says which.
        }
        try {
            const { data } = await api.rest.pulls.merge({ ...repo, pull_number: number, merge_method: options.method, sha: pr.head.sha });
            return data.merged ? { kind: 'merged', sha: data.sha } : { kind: 'failed', message: data.message };
        }
        catch (err) {
            const message = gitHubMessage(err);
            const status = err.status;
            if (status === 405 && /merge queue/i.test(message)) {
                await enqueue(api, pr.node_id, pr.head.sha);
                return { kind: 'queued' };
            }
            // The base moved between the look and the merge: look again, and a conflict shows as one.
            if (status === 405 && /not mergeable/i.test(message) && refused++ < 3)
                continue;
            return { kind: 'failed', message: `pull request #${number} was not merged: ${message}` };
        }
    }
}
/** GraphQL only; `expectedHeadOid` makes GitHub refuse if anyone pushed to the head since. */
async function enqueue(api, pullRequestId, headOid) {
    const mutation = `mutation($pullRequestId: ID!, $expectedHeadOid: GitObjectID!) {
    enqueuePullRequest(input: { pullRequestId: $pullRequestId, expectedHeadOid: $expectedHeadOid }) { mergeQueueEntry { id position } }
  }`;
    await api.graphql(mutation, { pullRequestId, expectedHeadOid: headOid });
}

;// CONCATENATED MODULE: ./.tsbuild/github/pull-requests.js
/**
 * Opens a pull request, or updates the open one with the same head and base, so running the same
 * rollback twice leaves one pull request. A create that races another run and loses (422 "already
 * exists") falls back to updating the winner's.
 */
async function openOrUpdatePullRequest(api, repo, spec) {
    const existing = await findOpenPullRequest(api, repo, spec.head, spec.base);
    if (existing)
        return updatePullRequest(api, repo, existing, spec);
    try {
        const { data } = await api.rest.pulls.create({ ...repo, head: spec.head, base: spec.base, title: spec.title, body: spec.body, maintainer_can_modify: true });
        return { number: data.number, url: data.html_url, nodeId: data.node_id, operation: 'created' };
    }
    catch (err) {
        if (err.status !== 422)
            throw err;
        const raced = await findOpenPullRequest(api, repo, spec.head, spec.base);
        if (!raced)
            throw err;
        return updatePullRequest(api, repo, raced, spec);
    }
}
async function updatePullRequest(api, repo, number, spec) {
    const { data } = await api.rest.pulls.update({ ...repo, pull_number: number, title: spec.title, body: spec.body });
    return { number: data.number, url: data.html_url, nodeId: data.node_id, operation: 'updated' };
}
async function findOpenPullRequest(api, repo, head, base) {
    const { data } = await api.rest.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${head}`, base, per_page: 10 });
    return data[0]?.number;
}
/** Auto-merge exists only in GraphQL (Octokit maps an Enterprise Server /api/v3 base to /api/graphql). */
async function enableAutoMerge(api, nodeId, method) {
    // Octokit reserves `method` and `url` as option names, so the variables are named otherwise.
    const mutation = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
    enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { pullRequest { number } }
  }`;
    await api.graphql(mutation, { pullRequestId: nodeId, mergeMethod: method.toUpperCase() });
}
async function commentOnPullRequest(api, repo, number, body) {
    await api.rest.issues.createComment({ ...repo, issue_number: number, body });
}
async function closePullRequest(api, repo, number) {
    await api.rest.pulls.update({ ...repo, pull_number: number, state: 'closed' });
}
async function defaultBranch(api, repo) {
    const { data } = await api.rest.repos.get({ ...repo });
    return data.default_branch;
}

;// CONCATENATED MODULE: ./.tsbuild/github/signed-commit.js

// GitHub refuses files over 100 MB; failing here names the file instead of a bare 422.
const MAX_FILE_BYTES = 100 * 1024 * 1024;
// Text up to this size rides inside the create-tree request: one request for many small files.
const MAX_INLINE_BYTES = 256 * 1024;
/** The object name git gives `content` as a blob, to check that what GitHub stored is byte-identical. */
function gitBlobSha(content) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
function inlineable(content) {
    if (content.length > MAX_INLINE_BYTES || content.includes(0))
        return false;
    // `content` is sent as a JSON string and written as UTF-8, so only bytes that survive the round trip qualify.
    return Buffer.from(content.toString('utf8'), 'utf8').equals(content);
}
async function treeEntry(api, repo, change) {
    if ('deleted' in change)
        return { path: change.path, mode: '100644', type: 'blob', sha: null };
    const mode = change.mode ?? '100644';
    if (change.content.length > MAX_FILE_BYTES) {
        throw new Error(`${change.path}: ${change.content.length} bytes is more than GitHub's 100 MB file size limit`);
    }
    if (inlineable(change.content))
        return { path: change.path, mode, type: 'blob', content: change.content.toString('utf8') };
    const { data } = await api.rest.git.createBlob({ ...repo, content: change.content.toString('base64'), encoding: 'base64' });
    const expected = gitBlobSha(change.content);
    if (data.sha !== expected)
        throw new Error(`${change.path}: GitHub stored blob ${data.sha}, expected ${expected}`);
    return { path: change.path, mode, type: 'blob', sha: data.sha };
}
/**
 * Makes one commit through the Git Data API (blobs, a tree on the base commit's tree, the
 * commit), which GitHub signs and reports as verified. No ref moves: see moveRefWithLease.
 */
async function createSignedCommit(api, repo, spec) {
    const { data: base } = await api.rest.git.getCommit({ ...repo, commit_sha: spec.base });
    // Blobs are written one at a time: GitHub asks integrations not to send writes concurrently.
    const entries = [];
    for (const change of spec.changes)
        entries.push(await treeEntry(api, repo, change));
    const { data: tree } = await api.rest.git.createTree({ ...repo, base_tree: base.tree.sha, tree: entries });
    if (spec.expectedTree !== undefined && tree.sha !== spec.expectedTree) {
        throw new Error(`GitHub built tree ${tree.sha} for the change, but the local commit has tree ${spec.expectedTree}`);
    }
    const { data: commit } = await api.rest.git.createCommit({ ...repo, message: spec.message, tree: tree.sha, parents: [spec.base] });
    return { sha: commit.sha, tree: tree.sha };
}
/** The branch was not where the caller expected: someone else moved, created or deleted it. */
class RefLeaseError extends Error {
    branch;
    expected;
    actual;
    constructor(branch, expected, actual) {
        super(`branch ${branch} is at ${actual ?? '(absent)'}, not ${expected ?? '(absent)'} as expected; someone else changed it`);
        this.branch = branch;
        this.expected = expected;
        this.actual = actual;
    }
}
function signed_commit_status(err) {
    return err.status;
}
async function currentSha(api, repo, branch) {
    try {
        const { data } = await api.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
        return data.object.sha;
    }
    catch (err) {
        if (signed_commit_status(err) === 404)
            return null;
        throw err;
    }
}
/**
 * Moves a branch to `sha` only if it is where the caller expects, so a commit someone else
 * pushed is never overwritten. Creation uses POST, which fails when the ref exists. An update
 * reads the ref first, then PATCHes without force: GitHub applies that only as a fast-forward,
 * so a push landing between the read and the write (which `sha` cannot contain) makes the
 * PATCH fail instead of discarding it. Protected-branch refusals (GitHub's 422) are rethrown.
 */
async function moveRefWithLease(api, repo, move) {
    const ref = `heads/${move.branch}`;
    if (move.expected === null) {
        try {
            await api.rest.git.createRef({ ...repo, ref: `refs/${ref}`, sha: move.sha });
            return 'created';
        }
        catch (err) {
            const actual = signed_commit_status(err) === 422 ? await currentSha(api, repo, move.branch) : null;
            if (actual !== null)
                throw new RefLeaseError(move.branch, null, actual);
            throw err;
        }
    }
    const before = await currentSha(api, repo, move.branch);
    if (before !== move.expected)
        throw new RefLeaseError(move.branch, move.expected, before);
    try {
        await api.rest.git.updateRef({ ...repo, ref, sha: move.sha, force: move.allowNonFastForward === true });
        return 'updated';
    }
    catch (err) {
        if (signed_commit_status(err) !== 422)
            throw err;
        const actual = await currentSha(api, repo, move.branch);
        if (actual !== move.expected)
            throw new RefLeaseError(move.branch, move.expected, actual);
        throw err;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/action/signed-commits.js



const signed_commits_MODES = new Set(['100644', '100755', '120000']);
/** What a commit changed against its parent, as the Git Data API takes it: whole files, binary-safe. */
async function changesOf(dir, parent, commit) {
    const raw = await run_git_git(['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', parent, commit], { cwd: dir });
    const fields = raw.split('\0');
    const entries = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        // `:<old mode> <new mode> <old blob> <new blob> <status>`, then the path
        const [, mode = '', , blob = '', status = ''] = fields[i].replace(/^:/, '').split(' ');
        entries.push({ path: fields[i + 1], mode, blob, deleted: status.startsWith('D') });
    }
    const blobs = await readBlobs(dir, entries.filter((e) => !e.deleted).map((e) => e.blob));
    return entries.map((e) => {
        if (e.deleted)
            return { path: e.path, deleted: true };
        if (!signed_commits_MODES.has(e.mode))
            throw new Error(`${e.path}: mode ${e.mode} (a submodule?) cannot be committed through the Git Data API`);
        const content = blobs.get(e.blob);
        if (!content)
            throw new Error(`${e.path}: blob ${e.blob} is missing`);
        return { path: e.path, content, mode: e.mode };
    });
}
/**
 * Makes the local commits `base..tip` again through the Git Data API, oldest first, with the same
 * trees and messages, so that GitHub signs each one and marks it verified. Returns the new tip; no
 * ref moves (see moveRefWithLease). The remote must already hold `base`.
 */
async function signCommits(api, repo, dir, base, tip) {
    const commits = (await run_git_git(['rev-list', '--reverse', '--first-parent', `${base}..${tip}`], { cwd: dir })).split('\n').filter(Boolean);
    let parent = base;
    for (const commit of commits) {
        const [changes, message, tree] = await Promise.all([
            changesOf(dir, `${commit}^`, commit),
            run_git_git(['log', '-1', '--format=%B', commit], { cwd: dir }),
            run_git_git(['rev-parse', `${commit}^{tree}`], { cwd: dir }).then((t) => t.trim()),
        ]);
        parent = (await createSignedCommit(api, repo, { base: parent, changes, message, expectedTree: tree })).sha;
    }
    return parent;
}

;// CONCATENATED MODULE: ./.tsbuild/action/head-branch.js

/** The `branch` input when given, else the default below. */
function headBranchFor(inputs) {
    return inputs.branch ?? defaultHeadBranch(inputs);
}
/**
 * `meta-rollback/<env>/<mode>-<short-id>`, where the id is a hash of the inputs that define the
 * rollback: the same rollback always lands on the same branch (and so the same pull request),
 * a different one never collides with it.
 */
function defaultHeadBranch(inputs) {
    const identity = {
        mode: inputs.mode,
        component: inputs.component ?? null,
        toVersion: inputs.toVersion ?? null,
        toCommit: inputs.toCommit ?? null,
        lockFile: inputs.lockFile ?? null,
        rev: inputs.rev ?? null,
        storeHash: inputs.storeHash ?? null,
        storeBranch: inputs.storeBranch ?? null,
        snapshotAction: inputs.snapshotAction ?? null,
        snapshotFile: inputs.snapshotFile ?? null,
        components: inputs.components ?? null,
        changeset: inputs.changeset ?? null,
    };
    const id = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 8);
    return `meta-rollback/${inputs.env ?? 'default'}/${inputs.mode}-${id}`;
}

;// CONCATENATED MODULE: ./.tsbuild/action/input-names.js





/**
 * The core names what it was given as the CLI spells it (`LOCKFILE`, `--rev`, `HASH`); a workflow
 * author wrote action inputs. Every message the action reports names the input instead.
 */
const INPUT_OF_ARGUMENT = {
    LOCKFILE: 'lock-file',
    '--rev': 'rev',
    '--output': 'snapshot-file',
    '--restore': 'snapshot-file',
    '--components': 'components',
    '--component': 'component',
    component: 'component',
    NAME: 'component',
    '--to-version': 'to-version',
    '--to-commit': 'to-commit',
    HASH: 'store-hash',
    '--store-branch': 'store-branch',
    '--root': 'root',
    '--env': 'env',
    ID: 'changeset',
    '--good': 'good',
    '--bad': 'bad',
};
const ARGUMENT_AT_START = new RegExp(`(^|; )(${Object.keys(INPUT_OF_ARGUMENT).map((k) => k.replace(/[-]/g, '\\-')).join('|')}): `, 'g');
function inInputTerms(message) {
    return message.replace(ARGUMENT_AT_START, (_, before, argument) => `${before}input ${INPUT_OF_ARGUMENT[argument]}: `);
}
/** The same failure, with the same exit code, worded for the workflow author. */
function namedForAction(err) {
    if (!(err instanceof MetaError))
        return err;
    const message = inInputTerms(err.message);
    return message === err.message ? err : new MetaError(message, err.exitCode);
}
/**
 * `root` as a directory of the workspace: inputs may come from a `workflow_dispatch` or
 * `repository_dispatch` payload, and must not make the action read or write anywhere but the
 * checked-out meta-repo, neither by an absolute path nor through a symbolic link.
 */
function rootInsideWorkspace(given, workspace) {
    const abs = (0,external_node_path_namespaceObject.resolve)(workspace, given);
    if (!isInside((0,external_node_path_namespaceObject.resolve)(workspace), abs))
        throw new errors_InputError(`input root: ${quote(given)} is outside the workspace (GITHUB_WORKSPACE)`);
    let real;
    try {
        real = (0,external_node_fs_namespaceObject.realpathSync)(abs);
    }
    catch {
        throw new errors_InputError(`input root: ${quote(given)} does not exist in the workspace`);
    }
    if (!isInside((0,external_node_fs_namespaceObject.realpathSync)(workspace), real))
        throw new errors_InputError(`input root: ${quote(given)} leads outside the workspace (GITHUB_WORKSPACE) through a symbolic link`);
    return abs;
}
/** An env names a lock that must exist; a typo is answered with the envs that have one. */
function checkEnvHasLock(root, env) {
    if (env === undefined || (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, lockPathFor(env))))
        return;
    const envs = (0,external_node_fs_namespaceObject.readdirSync)((0,external_node_path_namespaceObject.join)(root, 'manifests'))
        .map((name) => /^components\.lock\.(.+)\.yaml$/.exec(name)?.[1])
        .filter((e) => e !== undefined && !e.endsWith('.previous'))
        .sort();
    throw new errors_InputError(`input env: ${quote(env)} has no lock (${lockPathFor(env)}); envs with a lock: ${envs.join(', ') || 'none'}`);
}

;// CONCATENATED MODULE: ./.tsbuild/action/workspace-guard.js






/**
 * `kept`: the files a run appends to or edits in place (journal, lock, changeset files). Saving them
 * matters only when git does not hold them; any other file a failed run wrote and git does not hold
 * (the undo snapshot) was made by the run and is removed. `dirs`: where the run may make files.
 */
async function markWorkspace(root, kept, dirs) {
    const [head, branch] = await Promise.all([headCommit(root), currentBranch(root)]);
    const saved = new Map();
    for (const rel of new Set(kept))
        saved.set(rel, await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(root, rel)).catch(() => undefined));
    const existed = new Map();
    for (const start of [...kept.map((rel) => (0,external_node_path_namespaceObject.dirname)(rel)), ...dirs]) {
        for (let dir = start; dir !== '.' && dir !== '/' && dir !== '' && !existed.has(dir); dir = (0,external_node_path_namespaceObject.dirname)(dir))
            existed.set(dir, (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, dir)));
    }
    return { head, branch, kept: saved, dirs: existed };
}
/**
 * Undoes a run's writes to the files it names and puts HEAD back on the commit (and branch) it
 * was on. HEAD is moved without --force: if changes the run did not make stand in the way, this
 * fails and says so rather than discard them.
 */
async function restoreWorkspace(root, mark, written) {
    await discardWrites(root, mark, written);
    if (mark.head === undefined)
        return;
    const [head, branch] = await Promise.all([headCommit(root), currentBranch(root)]);
    if (head === mark.head && branch === mark.branch)
        return;
    await restoreCheckout({ dir: root, head: mark.head, branch: mark.branch });
    // Against the original commit this time: a file git held only where the run had moved to is gone now.
    await discardWrites(root, mark, written);
}
/** Puts the written files back as HEAD has them, or as they were before the run when git does not hold them. */
async function discardWrites(root, mark, written) {
    if (written.length === 0)
        return;
    const head = await headCommit(root);
    const tracked = head ? await pathsTrackedAt(root, head, written) : new Set();
    await restorePathsFrom(root, head ?? '', written.filter((f) => tracked.has(f)));
    for (const rel of written.filter((f) => !tracked.has(f))) {
        const before = mark.kept.get(rel);
        if (before === undefined)
            await (0,promises_namespaceObject.rm)((0,external_node_path_namespaceObject.join)(root, rel), { force: true });
        else if (!(await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(root, rel)).catch(() => undefined))?.equals(before))
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(root, rel), before);
    }
    // Directories the run made for its files (`.meta/snapshots/`), once they are empty again.
    for (const rel of written) {
        for (let dir = (0,external_node_path_namespaceObject.dirname)(rel); mark.dirs.get(dir) === false; dir = (0,external_node_path_namespaceObject.dirname)(dir)) {
            if (!(await (0,promises_namespaceObject.rmdir)((0,external_node_path_namespaceObject.join)(root, dir)).then(() => true, () => false)))
                break;
        }
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/operations/snapshot.js












/**
 * `meta rollback snapshot --output FILE [--components a,b]`: what is deployed now, taken from each
 * checkout where there is one (it may have moved past the lock), else from the selected lock.
 */
async function createSnapshot(ctx, output, components) {
    const abs = resolveInsideRoot(ctx.root, ctx.cwd, output, '--output');
    const { manifest, lock } = await loadState(ctx);
    const names = components ?? [...new Set([...lock.entries.keys()])];
    for (const name of names)
        requireComponent(manifest, name, '--components');
    const limit = pLimit(ctx.jobs);
    const pins = await Promise.all(names.map((name) => limit(async () => {
        const spec = manifest.components.get(name);
        const entry = lock.entries.get(name);
        const repo = entry?.repo ?? spec.repo;
        const checkout = await inspectCheckout(ctx.root, name).catch((err) => {
            // A dirty checkout is still a fact worth recording; only a non-checkout is an error.
            if (err instanceof errors_InputError && /uncommitted/.test(err.message))
                return 'dirty';
            throw err;
        });
        if (checkout && checkout !== 'dirty') {
            const version = entry?.commit === checkout.head ? entry.version : await versionOf(checkout.dir, checkout.head);
            return [name, { version, commit: checkout.head, repo }];
        }
        if (!entry)
            throw new errors_InputError(`--components: ${quote(name)} has no checkout and no pin in the selected lock`);
        return [name, { version: entry.version, commit: entry.commit, repo }];
    })));
    const snapshot = { createdAt: timestamp(ctx.now()), environment: ctx.env, components: new Map(pins) };
    if (!ctx.dryRun)
        await writeSnapshot(abs, snapshot);
    return {
        ok: true,
        file: relativeToRoot(ctx.root, abs),
        dryRun: ctx.dryRun,
        snapshot: { created_at: snapshot.createdAt, environment: ctx.env ?? null, components: Object.fromEntries(pins) },
        changes: [],
    };
}
/** `meta rollback snapshot --restore FILE`: applied like `rollback lock`, into the selected env's lock. */
async function restoreSnapshot(ctx, file, components) {
    const abs = resolveInsideRoot(ctx.root, ctx.cwd, file, '--restore');
    const rel = relativeToRoot(ctx.root, abs);
    const snapshot = await readSnapshot(abs, rel);
    if (snapshot.environment !== undefined && snapshot.environment !== (ctx.env ?? snapshot.environment)) {
        throw new errors_InputError(`${rel}: environment: snapshot is of ${quote(snapshot.environment)}, not ${quote(ctx.env ?? 'default')}; pass --env ${snapshot.environment}`);
    }
    const { ctx: selected, notice } = selectEnvForSource(ctx, file, '--restore', rel, snapshot.environment);
    const state = await loadState(selected);
    const pins = new Map([...snapshot.components].map(([name, pin]) => [name, { ...pin, at: rel }]));
    return applyPins(selected, state, pins, { mode: 'snapshot', sourceName: rel, components, writeLock: true, checkoutVersions: true, undoOf: rel, notice });
}

;// CONCATENATED MODULE: ./.tsbuild/core/changeset/meta-repo-entry.js






function isMetaRepoEntry(manifest, entry) {
    return entry.repoEmpty === true && (entry.name === undefined || !manifest.components.has(entry.name));
}
/**
 * Which lock state the meta-repo entries of a changeset go back to. Python records the meta-repo's
 * HEAD right after generating the new lock and before it can be committed, so the lock as it is at
 * that commit is the state before the change. With several entries, the oldest (first listed) decides.
 */
async function planLockRestore(ctx, changeset, entries, warnings) {
    const entry = entries[0];
    if (!entry)
        return undefined;
    const where = `${changeset.rel}:${entry.line}: repos[${entry.index}]`;
    const sha = entry.commits[0];
    if (sha === undefined)
        throw new errors_InputError(`${where}.commit: missing; the meta-repo's entry needs the commit it was recorded at`);
    let recorded;
    try {
        recorded = await resolveMetaRevision(ctx.root, sha);
    }
    catch (err) {
        if (err instanceof errors_InputError)
            throw new errors_InputError(`${where}.commit: ${quote(sha)} is not a commit of the meta-repo`);
        throw err;
    }
    if (entry.name !== undefined && entry.name !== (0,external_node_path_namespaceObject.basename)(ctx.root)) {
        warnings.push(`${where}.name: ${quote(entry.name)} is no component and its repo is ''; read as the meta-repo itself (this one is ${quote((0,external_node_path_namespaceObject.basename)(ctx.root))})`);
    }
    const lock = lockPathFor(ctx.env);
    const rev = recorded;
    const preview = await rollbackLock({ ...ctx, dryRun: true }, lock, { rev });
    return { lock, rev, recorded, preview };
}
/** Carries out the restore; the result's snapshot undoes it. */
function restoreLock(ctx, plan) {
    return rollbackLock(ctx, plan.lock, { rev: plan.rev });
}

;// CONCATENATED MODULE: ./.tsbuild/git/changeset-remote.js



function changeset_remote_firstLine(text) {
    return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
}
/** The configured URL of a checkout's `origin`, if it has one. */
async function originUrl(dir) {
    const result = await run_git_runGit(['remote', 'get-url', 'origin'], { cwd: dir });
    return result.code === 0 ? result.stdout.toString().trim() || undefined : undefined;
}
/** The branch a remote's HEAD points at (its default branch); value undefined when it has none. */
async function remoteDefaultBranch(cwd, remote, env) {
    const result = await runGitRetrying(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD'], { cwd, env });
    if (result.code !== 0)
        return { ok: false, error: (changeset_remote_firstLine(result.stderr) || `git ls-remote exited ${result.code}`) + triedNote(result) };
    for (const line of result.stdout.toString().split('\n')) {
        const match = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
        if (match)
            return { ok: true, value: match[1] };
    }
    return { ok: true, value: undefined };
}
/** The commit a remote branch points at; value undefined when the remote has no such branch. */
async function remoteBranchTip(cwd, remote, branch, env) {
    const ref = `refs/heads/${branch}`;
    const result = await runGitRetrying(['ls-remote', '--end-of-options', remote, ref], { cwd, env });
    if (result.code !== 0)
        return { ok: false, error: (changeset_remote_firstLine(result.stderr) || `git ls-remote exited ${result.code}`) + triedNote(result) };
    for (const line of result.stdout.toString().split('\n')) {
        const [sha, name] = line.split('\t');
        if (name === ref && sha)
            return { ok: true, value: sha };
    }
    return { ok: true, value: undefined };
}
/** `refs/remotes/origin/HEAD` of a checkout, as a branch name (what `git clone` recorded). */
async function localOriginHead(dir) {
    const result = await run_git_runGit(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], { cwd: dir });
    const ref = result.code === 0 ? result.stdout.toString().trim() : '';
    return ref.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : undefined;
}
/** The commit a local ref points at, if it exists. */
async function refTip(dir, ref) {
    const result = await run_git_runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd: dir });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
/** Clones a component into `dest` (which must not exist yet). */
async function cloneInto(url, dest, cwd, env) {
    // `dest` is this run's own new directory, so whatever a failed attempt left there can go.
    const result = await runGitRetrying(['clone', '--quiet', '--end-of-options', url, dest], { cwd, env }, { beforeRetry: () => (0,promises_namespaceObject.rm)(dest, { recursive: true, force: true }) });
    if (result.code !== 0)
        throw new Error(`cannot clone ${url}: ${changeset_remote_firstLine(result.stderr)}${triedNote(result)}`);
}
/**
 * Pushes a branch that the remote must not have yet: the lease with an empty expected value makes
 * the push fail rather than overwrite a branch someone else made.
 */
async function pushNewBranch(dir, remote, branch, env) {
    const ref = `refs/heads/${branch}`;
    const args = ['push', '--quiet', '--porcelain', `--force-with-lease=${ref}:`, '--end-of-options', remote, `${ref}:${ref}`];
    // After an attempt lost in transit, the lease fails on our own push: the branch is already ours.
    const result = await pushRetrying(args, { cwd: dir, env }, async () => {
        const tip = await refTip(dir, ref);
        return tip !== undefined && (await landedAt(dir, remote, branch, tip, env));
    });
    if (result.code !== 0)
        throw retriedError(args, result);
}
/** Deletes a branch this run pushed, only while it is still where this run put it. */
async function changeset_remote_deleteRemoteBranch(dir, remote, branch, expected, env) {
    const ref = `refs/heads/${branch}`;
    const args = ['push', '--quiet', '--porcelain', `--force-with-lease=${ref}:${expected}`, '--end-of-options', remote, `:${ref}`];
    const result = await pushRetrying(args, { cwd: dir, env }, () => landedAt(dir, remote, branch, undefined, env));
    if (result.code !== 0)
        throw retriedError(args, result);
}
/** Whether the remote branch is where a push that may have gone through would have put it. */
async function landedAt(dir, remote, branch, want, env) {
    const there = await remoteBranchTip(dir, remote, branch, env);
    return there.ok && there.value === want;
}

;// CONCATENATED MODULE: ./.tsbuild/git/revert.js




function inWorktree(worktree, args) {
    return ['-c', `core.hooksPath=${worktree.noHooks}`, ...args];
}
async function addScratchWorktree(repoDir, base) {
    const tempRoot = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'meta-rollback-revert-'));
    const path = (0,external_node_path_namespaceObject.join)(tempRoot, 'worktree');
    const noHooks = (0,external_node_path_namespaceObject.join)(tempRoot, 'no-hooks');
    await (0,promises_namespaceObject.mkdir)(noHooks);
    const result = await run_git_runGit(['-c', `core.hooksPath=${noHooks}`, 'worktree', 'add', '--quiet', '--detach', path, base], { cwd: repoDir });
    if (result.code !== 0) {
        await (0,promises_namespaceObject.rm)(tempRoot, { recursive: true, force: true });
        await run_git_runGit(['worktree', 'prune'], { cwd: repoDir });
        throw new Error(`cannot make a scratch worktree: ${result.stderr.split('\n').find(Boolean) ?? ''}`);
    }
    return { repoDir, path, tempRoot, noHooks };
}
/** Removes a scratch worktree and every trace of it in the repository's administrative files. */
async function removeScratchWorktree(worktree) {
    await run_git_runGit(['worktree', 'remove', '--force', '--force', worktree.path], { cwd: worktree.repoDir });
    await (0,promises_namespaceObject.rm)(worktree.tempRoot, { recursive: true, force: true });
    await run_git_runGit(['worktree', 'prune'], { cwd: worktree.repoDir });
}
/**
 * Reverts one commit on top of the worktree's HEAD and commits it with `message`. A conflict is
 * reported with the conflicting paths and left for the caller to throw the worktree away.
 */
async function revertInWorktree(worktree, request) {
    const cwd = worktree.path;
    const mainline = request.mainline ? ['--mainline', String(request.mainline)] : [];
    const result = await run_git_runGit(inWorktree(worktree, ['revert', '--no-commit', ...mainline, request.commit]), { cwd, env: request.env });
    if (result.code !== 0) {
        const listed = await run_git_git(['diff', '--name-only', '--diff-filter=U', '-z'], { cwd }).catch(() => '');
        const unmerged = [...new Set(listed.split('\0').filter(Boolean))];
        if (unmerged.length > 0)
            return { kind: 'conflict', paths: unmerged };
        return { kind: 'failed', error: result.stderr.split('\n').find((l) => l.trim()) ?? `git revert exited ${result.code}` };
    }
    const staged = await run_git_runGit(['diff', '--cached', '--quiet', 'HEAD', '--'], { cwd });
    if (staged.code === 0) {
        await run_git_runGit(inWorktree(worktree, ['revert', '--quit']), { cwd });
        return { kind: 'empty' };
    }
    const commit = await run_git_runGit(inWorktree(worktree, ['commit', '--quiet', '--no-verify', '--cleanup=verbatim', '--file=-']), {
        cwd,
        env: request.env,
        input: request.message,
    });
    if (commit.code !== 0)
        return { kind: 'failed', error: commit.stderr.split('\n').find((l) => l.trim()) ?? `git commit exited ${commit.code}` };
    return { kind: 'committed', commit: (await run_git_git(['rev-parse', 'HEAD'], { cwd })).trim() };
}
async function worktreeHead(worktree) {
    return (await run_git_git(['rev-parse', 'HEAD'], { cwd: worktree.path })).trim();
}
/** Whether git can make a commit here without being told who is committing. */
async function hasCommitIdentity(dir) {
    const committer = await run_git_runGit(['var', 'GIT_COMMITTER_IDENT'], { cwd: dir });
    const author = await run_git_runGit(['var', 'GIT_AUTHOR_IDENT'], { cwd: dir });
    return committer.code === 0 && author.code === 0;
}
/**
 * Points `refs/heads/<branch>` at `next`, but only if it is still where it was seen (`previous`,
 * or absent): a concurrent change to the branch makes this fail rather than be overwritten.
 */
async function setBranch(repoDir, branch, next, previous) {
    const zero = '0'.repeat(next.length);
    await run_git_git(['update-ref', '-m', 'meta changeset rollback', `refs/heads/${branch}`, next, previous ?? zero], { cwd: repoDir });
}
/** Undoes setBranch: back to `previous`, or deleted when there was none; only if still at `current`. */
async function resetBranch(repoDir, branch, current, previous) {
    if (previous)
        await run_git_git(['update-ref', '-m', 'meta changeset rollback undone', `refs/heads/${branch}`, previous, current], { cwd: repoDir });
    else
        await run_git_git(['update-ref', '-d', `refs/heads/${branch}`, current], { cwd: repoDir });
}
/** Branch names checked out in any worktree of the repository (its own HEAD included). */
async function checkedOutBranches(repoDir) {
    const out = new Set();
    const result = await run_git_runGit(['worktree', 'list', '--porcelain'], { cwd: repoDir });
    if (result.code !== 0)
        return out;
    for (const line of result.stdout.toString().split('\n')) {
        if (line.startsWith('branch refs/heads/'))
            out.add(line.slice('branch refs/heads/'.length));
    }
    return out;
}

;// CONCATENATED MODULE: ./.tsbuild/core/changeset/edit.js



/**
 * The changeset file's new text with only its `status` changed (or, when it has none, one
 * `status:` line added). Everything else — comments, key order, quoting — stays byte-for-byte,
 * like a lock edit, so the meta-repo's pull request shows one changed line.
 */
function setChangesetStatus(changeset, status) {
    const top = changeset.yaml.doc.contents;
    if (!(0,dist/* isMap */.jh)(top))
        return changeset.yaml.text;
    return applyEdits(changeset.yaml.text, [statusEdit(changeset.yaml, top, status)]);
}
/**
 * The index's new text with the entry of `id` showing `status`; undefined when the index has
 * nothing to change (no entry for the id, an entry that is a bare id, or the status already set).
 */
function setIndexStatus(index, id, status) {
    const entry = index.entries.get(id);
    if (!entry?.node)
        return undefined;
    if (entry.status === status)
        return undefined;
    if ((0,dist/* isScalar */.jn)(entry.node)) {
        const node = entry.node;
        if (!node.range)
            return undefined;
        return applyEdits(index.yaml.text, [{ start: node.range[0], end: node.range[1], text: renderScalar(status, node.type) }]);
    }
    return applyEdits(index.yaml.text, [statusEdit(index.yaml, entry.node, status)]);
}
function statusEdit(yaml, map, status) {
    const text = yaml.text;
    const node = map.get('status', true);
    if ((0,dist/* isScalar */.jn)(node) && node.range && node.range[1] > node.range[0]) {
        return { start: node.range[0], end: node.range[1], text: renderScalar(status, node.type) };
    }
    if ((0,dist/* isScalar */.jn)(node) && node.range) {
        // `status:` with nothing after it: the value goes right after the key's colon.
        const pair = map.items.find((p) => p.value === node);
        const keyEnd = pair?.key?.range?.[1];
        if (keyEnd !== undefined) {
            const colon = text.indexOf(':', keyEnd);
            return { start: colon + 1, end: colon + 1, text: ` ${renderScalar(status)}` };
        }
    }
    const line = `status: ${renderScalar(status)}`;
    if (map.flow) {
        const close = text.lastIndexOf('}', map.range?.[1] ?? text.length);
        return { start: close, end: close, text: `${map.items.length === 0 ? '' : ', '}${line}` };
    }
    const firstKey = map.items[0]?.key;
    const indent = ' '.repeat(columnOf(text, firstKey?.range?.[0] ?? map.range?.[0] ?? 0));
    const last = map.items[map.items.length - 1];
    const lastEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1] ?? map.range?.[1] ?? text.length;
    const at = endOfLine(text, lastEnd);
    return { start: at, end: at, text: `${needsNewline(text, at)}${indent}${line}\n` };
}

;// CONCATENATED MODULE: ./.tsbuild/core/changeset/file.js








/** The status that makes a changeset rollback a no-op. */
const ROLLED_BACK = 'rolled-back';
const file_ABBREV_SHA = /^[0-9a-f]{7,64}$/;
/** Reads `.meta/changesets/<id>.yaml`. */
async function loadChangeset(root, id) {
    checkChangesetId(id);
    const rel = changesetFileRel(id);
    const abs = resolveInsideRoot(root, root, rel, `changeset ${id}`);
    let yaml;
    try {
        yaml = await readYamlFile(abs, rel);
    }
    catch (err) {
        if (err instanceof errors_InputError && err.message === `${rel}: no such file`) {
            throw new errors_InputError(`changeset ${id}: no such changeset (${rel} does not exist)`);
        }
        throw err;
    }
    return parseChangeset(yaml, id);
}
function parseChangeset(yaml, id) {
    const top = mapAt(yaml, yaml.doc.contents, 'document');
    const get = (key) => deref(yaml, top.get(key, true));
    const fileId = looseString(get('id'));
    if (fileId !== undefined && fileId !== id) {
        fail(yaml, get('id'), 'id', `${quote(fileId)} does not match the file name (${quote(id)})`);
    }
    const statusNode = get('status');
    const status = statusNode === undefined || isNull(statusNode) ? undefined : strictString(yaml, statusNode, 'status');
    return {
        id,
        rel: yaml.display,
        yaml,
        title: looseString(get('title')),
        description: looseString(get('description')),
        status,
        createdAt: looseString(get('created_at')) ?? looseString(get('timestamp')),
        author: looseString(get('author')),
        repos: parseRepos(yaml, get('repos')),
    };
}
function parseRepos(yaml, node) {
    if (node === undefined || isNull(node))
        return [];
    if (!(0,dist/* isSeq */.oP)(node))
        fail(yaml, node, 'repos', 'must be a list of {name, repo, commit, branch, message}');
    return node.items.map((raw, index) => {
        const field = `repos[${index}]`;
        const item = mapAt(yaml, deref(yaml, raw), field, node);
        const get = (key) => deref(yaml, item.get(key, true));
        const name = optionalField(yaml, get('name'), `${field}.name`);
        const rawRepo = optionalField(yaml, get('repo'), `${field}.repo`);
        const repoEmpty = rawRepo === '';
        // The meta-repo's own entry is named after its directory, which need not be a component name.
        if (name !== undefined && !repoEmpty && !isValidComponentName(name))
            fail(yaml, get('name'), `${field}.name`, `invalid component name ${quote(name)}`);
        const repo = repoEmpty ? undefined : rawRepo;
        if (repo !== undefined) {
            const problem = repoUrlProblem(repo);
            if (problem)
                fail(yaml, get('repo'), `${field}.repo`, `${quote(repo)} ${problem}`);
        }
        if (name === undefined && repo === undefined)
            fail(yaml, item, field, 'needs a name (a component of manifests/components.yaml) or a repo');
        const commits = [];
        const commit = optionalField(yaml, get('commit'), `${field}.commit`);
        if (commit !== undefined)
            commits.push(checkSha(yaml, get('commit'), `${field}.commit`, commit));
        const list = get('commits');
        if (list !== undefined && !isNull(list)) {
            if (!(0,dist/* isSeq */.oP)(list))
                fail(yaml, list, `${field}.commits`, 'must be a list of commit SHAs');
            list.items.forEach((c, i) => {
                const n = deref(yaml, c);
                commits.push(checkSha(yaml, n, `${field}.commits[${i}]`, strictString(yaml, n, `${field}.commits[${i}]`)));
            });
        }
        const branch = optionalField(yaml, get('branch'), `${field}.branch`);
        if (branch !== undefined) {
            const problem = refNameProblem(branch);
            if (problem)
                fail(yaml, get('branch'), `${field}.branch`, `invalid branch name ${quote(branch)}: ${problem}`);
        }
        return { index, name, repo, ...(repoEmpty ? { repoEmpty } : {}), commits, branch, message: looseString(get('message')), line: lineOf(yaml, item) };
    });
}
function checkSha(yaml, node, field, value) {
    if (!file_ABBREV_SHA.test(value))
        fail(yaml, node, field, `not a commit SHA (${quote(value)}; expected 7 to 64 lowercase hex digits)`);
    return value;
}
/** Reads `.meta/changesets/index.yaml`; undefined when there is none. */
async function loadChangesetIndex(root) {
    const abs = resolveInsideRoot(root, root, CHANGESET_INDEX, CHANGESET_INDEX);
    let yaml;
    try {
        yaml = await readYamlFile(abs, CHANGESET_INDEX);
    }
    catch (err) {
        if (err instanceof errors_InputError && err.message === `${CHANGESET_INDEX}: no such file`)
            return undefined;
        throw err;
    }
    return parseChangesetIndex(yaml);
}
/**
 * The index is read leniently, in every shape in use: `changesets:` holding a mapping
 * `{ID: {status, title, created_at}}` or a list (of ids, as the Python CLI writes, or of mappings
 * with an `id`), a top-level list, or a top-level mapping of ids.
 */
function parseChangesetIndex(yaml) {
    const out = new Map();
    const skipped = [];
    let holder = deref(yaml, yaml.doc.contents);
    let field = 'document';
    if ((0,dist/* isMap */.jh)(holder) && holder.has('changesets')) {
        holder = deref(yaml, holder.get('changesets', true));
        field = 'changesets';
    }
    const add = (id, entry) => {
        if (!isValidChangesetId(id))
            skipped.push(id);
        else if (out.has(id))
            fail(yaml, entry.node ?? null, field, `changeset ${quote(id)} is listed twice`);
        else
            out.set(id, entry);
    };
    if (holder === undefined || isNull(holder))
        return { rel: yaml.display, yaml, entries: out, skipped };
    if ((0,dist/* isMap */.jh)(holder)) {
        for (const { key, keyNode, value } of entries(yaml, holder)) {
            const line = lineOf(yaml, keyNode);
            if (value === undefined || isNull(value))
                add(key, { id: key, line });
            else if ((0,dist/* isScalar */.jn)(value))
                add(key, { id: key, status: looseString(value), line, node: value });
            else if ((0,dist/* isMap */.jh)(value))
                add(key, { id: key, ...fieldsOf(yaml, value), line, node: value });
            else
                fail(yaml, value, `${field}.${key}`, 'must be a mapping {status, title, created_at}');
        }
    }
    else if ((0,dist/* isSeq */.oP)(holder)) {
        holder.items.forEach((raw, i) => {
            const item = deref(yaml, raw);
            if ((0,dist/* isScalar */.jn)(item) && !isNull(item)) {
                add(scalarText(item), { id: scalarText(item), line: lineOf(yaml, item) });
            }
            else if ((0,dist/* isMap */.jh)(item)) {
                const id = looseString(deref(yaml, item.get('id', true)));
                if (id === undefined)
                    fail(yaml, item, `${field}[${i}].id`, 'missing');
                add(id, { id, ...fieldsOf(yaml, item), line: lineOf(yaml, item), node: item });
            }
            else {
                fail(yaml, item ?? holder, `${field}[${i}]`, 'must be a changeset id or a mapping with an id');
            }
        });
    }
    else {
        fail(yaml, holder, field, 'must be a mapping of changeset ids or a list');
    }
    return { rel: yaml.display, yaml, entries: out, skipped };
}
function fieldsOf(yaml, map) {
    const get = (key) => deref(yaml, map.get(key, true));
    return {
        status: looseString(get('status')),
        title: looseString(get('title')) ?? looseString(get('description')),
        createdAt: looseString(get('created_at')) ?? looseString(get('timestamp')),
    };
}
/** Ids of every `<id>.yaml` in `.meta/changesets/` (not the index, not hidden or temporary files). */
async function changesetFileIds(root) {
    let names;
    try {
        names = await (0,promises_namespaceObject.readdir)(resolveInsideRoot(root, root, CHANGESET_DIR, CHANGESET_DIR));
    }
    catch (err) {
        if (err instanceof errors_InputError)
            throw err;
        return { ids: [], skipped: [] };
    }
    const ids = [];
    const skipped = [];
    for (const name of names.sort()) {
        if (!name.endsWith('.yaml') || name.startsWith('.') || name === 'index.yaml')
            continue;
        const id = name.slice(0, -'.yaml'.length);
        if (isValidChangesetId(id))
            ids.push(id);
        else
            skipped.push(name);
    }
    return { ids, skipped };
}
/** The text of any scalar (a number or date written unquoted included); undefined otherwise. */
function looseString(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    if (node.value instanceof Date)
        return node.source ?? node.value.toISOString();
    return scalarText(node);
}
function strictString(yaml, node, field) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || typeof node.value === 'object')
        fail(yaml, node, field, 'must be a string');
    return scalarText(node);
}
function optionalField(yaml, node, field) {
    if (node === undefined || isNull(node))
        return undefined;
    return strictString(yaml, node, field);
}
function isNull(node) {
    return (0,dist/* isScalar */.jn)(node) && (node.value === null || node.value === undefined);
}

;// CONCATENATED MODULE: ./.tsbuild/git/changeset-log.js

const RECORD = '%H%x00%P%x00%B%x01';
function parseRecords(text) {
    const out = [];
    for (const record of text.split('\x01')) {
        const trimmed = record.replace(/^\n+/, '');
        if (!trimmed)
            continue;
        const [commit = '', parents = '', message = ''] = trimmed.split('\0');
        out.push({ commit, parents: parents.split(' ').filter(Boolean), subject: message.split('\n')[0] ?? '', message });
    }
    return out;
}
/**
 * Every commit reachable from `tip` whose message contains any of `needles` (fixed strings, not
 * patterns), newest first in topological order. Each needle is its own argv element, so nothing in
 * it can be read as an option.
 */
async function commitsWithMessage(dir, tip, needles) {
    const args = ['log', '--topo-order', '--fixed-strings', `--format=${RECORD}`];
    for (const needle of needles)
        args.push('--grep', needle);
    args.push(tip, '--');
    return parseRecords(await run_git_git(args, { cwd: dir }));
}
/** Subject, parents and message of the given commits, in the order given. */
async function commitInfos(dir, commits) {
    const out = new Map();
    if (commits.length === 0)
        return out;
    const text = await run_git_git(['log', '--no-walk=unsorted', `--format=${RECORD}`, '--stdin', '--'], { cwd: dir, input: commits.map((c) => `${c}\n`).join('') });
    for (const info of parseRecords(text))
        out.set(info.commit, info);
    return out;
}
/**
 * Orders commits newest first (children before parents) as they sit in the history of `tip`, and
 * names those that are not in that history at all. One walk, bounded below by the commits' common
 * ancestor, however long the history.
 */
async function orderOnBranch(dir, tip, commits) {
    const wanted = new Set(commits);
    if (wanted.size === 0)
        return { ordered: [], notOnBranch: [] };
    const base = await run_git_runGit(['merge-base', '--octopus', ...wanted], { cwd: dir });
    const bound = base.code === 0 ? base.stdout.toString().trim().split('\n')[0] : undefined;
    const walk = await gitLines(['rev-list', '--topo-order', tip, ...(bound ? [`^${bound}`] : []), '--'], { cwd: dir });
    const ordered = walk.filter((c) => wanted.has(c));
    // The common ancestor itself is excluded from the walk; when it is one of the commits it is the oldest.
    if (bound && wanted.has(bound) && (await changeset_log_isAncestor(dir, bound, tip)))
        ordered.push(bound);
    const found = new Set(ordered);
    return { ordered, notOnBranch: [...wanted].filter((c) => !found.has(c)) };
}
async function changeset_log_isAncestor(dir, ancestor, descendant) {
    return (await run_git_runGit(['merge-base', '--is-ancestor', ancestor, descendant], { cwd: dir })).code === 0;
}
/** The commits a merge brought in besides itself (reachable from it but not from its first parent). */
async function introducedByMerge(dir, merge, firstParent) {
    return (await gitLines(['rev-list', merge, `^${firstParent}`, '--'], { cwd: dir })).filter((c) => c !== merge);
}

;// CONCATENATED MODULE: ./.tsbuild/core/changeset/plan.js
















/**
 * Works out, without changing anything, which commits of which components a changeset rollback
 * reverts and in what order, and refuses a bad changeset before any repository is touched.
 */
async function planChangesetRollback(ctx, id, options = {}) {
    checkChangesetId(id);
    const manifest = await loadManifest(ctx.root);
    const changeset = await loadChangeset(ctx.root, id);
    const index = await loadChangesetIndex(ctx.root);
    const status = changeset.status ?? index?.entries.get(id)?.status ?? 'open';
    const warnings = [];
    const common = { id, file: changeset.rel, title: changeset.title ?? changeset.description, status, revertBranch: revertBranchName(id), changeset, index, warnings };
    if (status === ROLLED_BACK && !options.ignoreStatus) {
        return { ...common, nothingToDo: true, reason: `changeset ${id} is already rolled back`, repos: [] };
    }
    const lockRestore = await planLockRestore(ctx, changeset, changeset.repos.filter((e) => isMetaRepoEntry(manifest, e)), warnings);
    const wanted = wantedComponents(manifest, changeset);
    const order = dependentsFirst(manifest, wanted.keys());
    const limit = pLimit(ctx.jobs);
    const gitEnv = options.gitEnv ?? ctx.gitEnv;
    const fetch = options.fetch ?? !ctx.dryRun;
    const planned = await Promise.all(order.map((name) => limit(async () => {
        try {
            return await planRepo(ctx, changeset, wanted.get(name), { gitEnv, fetch, warnings });
        }
        catch (err) {
            if (options.lenient && err instanceof MetaError) {
                warnings.push(err.message);
                return undefined;
            }
            throw err;
        }
    })));
    const repos = planned.filter((r) => r !== undefined && r.commits.length > 0);
    for (const r of planned) {
        // A component the file names without commits, where the marker finds nothing, is worth a word.
        if (r && r.commits.length === 0 && r.alreadyReverted.length === 0 && changeset.repos.length > 0) {
            warnings.push(`${r.component}: no commit on ${r.branch} carries ${changesetMarker(id)}`);
        }
        if (r && r.alreadyReverted.length > 0) {
            warnings.push(`${r.component}: ${r.alreadyReverted.map((c) => c.slice(0, 12)).join(', ')} already reverted on ${r.branch}; skipped`);
        }
    }
    if (repos.length === 0 && lockRestore) {
        const lockChanges = lockRestore.preview.changes.length;
        return { ...common, nothingToDo: lockChanges === 0, reason: lockChanges === 0 ? `${lockRestore.lock} is already as it was at ${lockRestore.rev.slice(0, 12)}` : undefined, repos, lockRestore };
    }
    if (repos.length === 0) {
        const reverted = planned.filter((r) => r && r.alreadyReverted.length > 0).map((r) => r.component);
        if (reverted.length > 0) {
            return { ...common, nothingToDo: true, reason: `every commit of changeset ${id} is already reverted (${reverted.join(', ')})`, repos: [] };
        }
        if (!options.lenient) {
            const where = changeset.repos.length > 0 ? 'the components it lists' : `any of the ${manifest.components.size} components`;
            throw new errors_InputError(`changeset ${id}: nothing to revert: ${changeset.rel} lists no commits and no commit in ${where} carries ${changesetMarker(id)}`);
        }
    }
    return { ...common, nothingToDo: repos.length === 0, reason: repos.length === 0 ? 'no commits found' : undefined, repos, lockRestore };
}
/** Which components to look at: those the file lists (by name, else by repo), or all of them. */
function wantedComponents(manifest, changeset) {
    const wanted = new Map();
    if (changeset.repos.length === 0) {
        for (const spec of manifest.components.values())
            wanted.set(spec.name, { spec, entries: [], discover: true });
        return wanted;
    }
    for (const entry of changeset.repos) {
        if (isMetaRepoEntry(manifest, entry))
            continue;
        const spec = componentOf(manifest, changeset, entry);
        const item = wanted.get(spec.name) ?? { spec, entries: [], discover: false };
        item.entries.push(entry);
        if (entry.commits.length === 0)
            item.discover = true;
        wanted.set(spec.name, item);
    }
    return wanted;
}
function componentOf(manifest, changeset, entry) {
    const where = `${changeset.rel}:${entry.line}: repos[${entry.index}]`;
    if (entry.name !== undefined) {
        const spec = manifest.components.get(entry.name);
        if (spec)
            return spec;
        if (entry.repo === undefined)
            throw new errors_InputError(`${where}.name: unknown component ${quote(entry.name)} (not in manifests/components.yaml)`);
    }
    const same = [...manifest.components.values()].filter((s) => sameRepo(s.repo, entry.repo));
    if (same.length === 1)
        return same[0];
    if (same.length > 1)
        throw new errors_InputError(`${where}.repo: ${quote(entry.repo)} is the repo of several components (${same.map((s) => s.name).join(', ')}); give a name`);
    throw new errors_InputError(`${where}: no component of manifests/components.yaml is named ${quote(entry.name ?? '')} or has repo ${quote(entry.repo)}`);
}
function sameRepo(a, b) {
    const norm = (s) => s.replace(/\/+$/, '').replace(/\.git$/, '');
    return a === b || norm(a) === norm(b);
}
async function planRepo(ctx, changeset, wanted, rc) {
    const { spec, entries } = wanted;
    const name = spec.name;
    const id = changeset.id;
    const checkout = `components/${name}`;
    const dir = componentDir(ctx.root, name);
    const checkoutExists = (0,external_node_fs_namespaceObject.existsSync)(dir);
    if (checkoutExists && (!(0,external_node_fs_namespaceObject.statSync)(dir).isDirectory() || !isGitRepo(dir))) {
        throw new errors_InputError(`${checkout}: exists but is not a git checkout`);
    }
    const location = locateRepo(spec.repo, ctx.root);
    const source = location.kind === 'url' ? location.url : location.path;
    let remote = source;
    let remoteUrl = source;
    let cwd = ctx.root;
    if (checkoutExists) {
        cwd = dir;
        const origin = await originUrl(dir);
        if (origin) {
            remote = 'origin';
            remoteUrl = origin;
        }
    }
    const shown = redactUrl(remoteUrl);
    const env = rc.gitEnv;
    // The branch: as the file gives it, else the remote's default branch.
    const withBranch = entries.filter((e) => e.branch !== undefined);
    const branches = [...new Set(withBranch.map((e) => e.branch))];
    if (branches.length > 1) {
        const e = withBranch.find((x) => x.branch === branches[1]);
        throw new errors_InputError(`${changeset.rel}:${e.line}: repos[${e.index}].branch: ${name} is listed on branches ${branches.map((b) => quote(b)).join(' and ')}; one changeset's commits in one repository must be on one branch`);
    }
    let branch = branches[0];
    if (branch === undefined) {
        const answer = await remoteDefaultBranch(cwd, remote, env);
        if (answer.ok && answer.value)
            branch = answer.value;
        else {
            const local = checkoutExists ? await localOriginHead(dir) : undefined;
            if (!local) {
                throw new errors_OperationError(`${name}: cannot tell the default branch of ${shown}${answer.ok ? '' : ` (${answer.error})`}; give repos[].branch for it in ${changeset.rel}`);
            }
            if (!answer.ok)
                rc.warnings.push(`${name}: cannot reach ${shown} (${answer.error}); using the default branch recorded in ${checkout}`);
            branch = local;
        }
    }
    // Its tip on the remote, which the revert branch starts from.
    const tip = await remoteBranchTip(cwd, remote, branch, env);
    let base;
    if (tip.ok && tip.value)
        base = tip.value;
    else if (tip.ok) {
        const e = withBranch[0];
        const where = e ? `${changeset.rel}:${e.line}: repos[${e.index}].branch` : name;
        throw new errors_InputError(`${where}: ${shown} has no branch ${quote(branch)}`);
    }
    else {
        const local = checkoutExists ? await refTip(dir, `refs/remotes/origin/${branch}`) : undefined;
        if (!local)
            throw new errors_OperationError(`${name}: cannot reach ${shown}: ${tip.error}`);
        rc.warnings.push(`${name}: cannot reach ${shown} (${tip.error}); using origin/${branch} as last fetched into ${checkout}`);
        base = local;
    }
    const reader = await historyReader(ctx, name, checkoutExists ? dir : undefined, remoteUrl, branch, base, rc);
    // Commits carrying the marker, minus those a `Reverts-Changeset: ID` commit already undid.
    const scan = await commitsWithMessage(reader, base, [changesetMarker(id), revertTrailerLine(id)]);
    const reverts = scan.filter((c) => hasRevertTrailer(c, id));
    const undone = new Set(reverts.flatMap((c) => revertedCommits(c)));
    const isRevert = new Set(reverts.map((c) => c.commit));
    const marked = scan.filter((c) => !isRevert.has(c.commit) && c.message.includes(changesetMarker(id))).map((c) => c.commit);
    const listedAt = new Map();
    for (const entry of entries) {
        for (const sha of entry.commits) {
            const where = `${changeset.rel}:${entry.line}: repos[${entry.index}].commit`;
            const full = await resolveCommitIn(reader, sha, where);
            if (!full)
                throw new errors_InputError(`${where}: ${sha} is not a commit of ${name} (looked in ${branch} of ${shown})`);
            if (!listedAt.has(full))
                listedAt.set(full, entry);
        }
    }
    const all = [...new Set([...listedAt.keys(), ...(wanted.discover ? marked : [])])];
    const alreadyReverted = all.filter((c) => undone.has(c));
    let todo = all.filter((c) => !undone.has(c));
    const infos = await commitInfos(reader, todo);
    // A merge is reverted as a whole (relative to its first parent), so the commits it brought in
    // are not reverted a second time on their own.
    const insideMerges = new Set();
    for (const c of todo) {
        const info = infos.get(c);
        if (info && info.parents.length > 1)
            for (const inner of await introducedByMerge(reader, c, info.parents[0]))
                insideMerges.add(inner);
    }
    todo = todo.filter((c) => !insideMerges.has(c));
    const { ordered, notOnBranch } = await orderOnBranch(reader, base, todo);
    if (notOnBranch.length > 0) {
        const sha = notOnBranch[0];
        const entry = listedAt.get(sha);
        const where = entry ? `${changeset.rel}:${entry.line}: repos[${entry.index}].commit` : name;
        throw new errors_InputError(`${where}: ${sha.slice(0, 12)} is not on branch ${quote(branch)} of ${name} (${shown})`);
    }
    const commits = ordered.map((c) => {
        const info = infos.get(c);
        const parents = info?.parents ?? [];
        return { commit: c, subject: info?.subject ?? '', parents, mainline: parents.length > 1 ? 1 : undefined, source: listedAt.has(c) ? 'listed' : 'message' };
    });
    const revertBranch = revertBranchName(id);
    let existingBranchTip;
    if (checkoutExists && commits.length > 0) {
        existingBranchTip = await refTip(dir, `refs/heads/${revertBranch}`);
        if (existingBranchTip && (await checkedOutBranches(dir)).has(revertBranch)) {
            throw new errors_InputError(`${checkout}: has ${revertBranch} checked out; switch to another branch first so it can be replaced`);
        }
    }
    return { component: name, repo: spec.repo, checkout, checkoutExists, remoteUrl: shown, branch, base, revertBranch, existingBranchTip, commits, alreadyReverted };
}
/**
 * A local repository holding the branch's full history: the checkout (after fetching the tip into
 * it, objects only, when allowed), else the component's repository when it is on disk, else a
 * commits-only mirror in the user's cache (never in the meta-repo).
 */
async function historyReader(ctx, name, dir, remoteUrl, branch, base, rc) {
    const env = rc.gitEnv;
    if (dir) {
        if (rc.fetch) {
            try {
                await ensureCommitPresent(dir, base, remoteUrl, env);
            }
            catch (err) {
                throw new errors_OperationError(`components/${name}: ${errorMessage(err)}`);
            }
        }
        if ((await hasCommit(dir, base)) && !(await isShallow(dir)))
            return dir;
    }
    const location = locateRepo(remoteUrl, ctx.root);
    if (location.kind === 'path') {
        if (isGitRepo(location.path) && (await hasCommit(location.path, base)))
            return location.path;
        throw new errors_OperationError(`${name}: ${branch} (${base.slice(0, 12)}) is not in ${location.path}`);
    }
    let mirror;
    try {
        mirror = await ensureMirror(location.url, env);
    }
    catch (err) {
        throw new errors_OperationError(`${name}: ${errorMessage(err)}`);
    }
    if (await hasCommit(mirror, base))
        return mirror;
    throw new errors_OperationError(`${name}: ${branch} (${base.slice(0, 12)}) is not in ${redactUrl(location.url)}`);
}
function hasRevertTrailer(info, id) {
    const line = revertTrailerLine(id);
    return info.message.split('\n').some((l) => l.trim() === line);
}
function revertedCommits(info) {
    return [...info.message.matchAll(/This reverts commit ([0-9a-f]{40,64})/g)].map((m) => m[1]);
}
/** A URL as it may be shown or returned: without any user name or token in it. */
function redactUrl(url) {
    return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, '$1');
}

;// CONCATENATED MODULE: ./.tsbuild/core/changeset/apply.js























/** `meta changeset rollback ID [--push]`: plan, then apply. */
async function rollbackChangeset(ctx, id, options = {}) {
    const plan = await planChangesetRollback(ctx, id, { gitEnv: options.gitEnv });
    // "or use --push next time": a rolled-back changeset's revert branches are pushed as they are.
    if (plan.status === ROLLED_BACK && options.push && !ctx.dryRun)
        return pushExistingBranches(ctx, id, options);
    return applyChangesetRollback(ctx, plan, options);
}
/** A second run with --push: the revert branches the first run made are pushed, all or nothing; nothing is reverted again. */
async function pushExistingBranches(ctx, id, options) {
    const plan = await planChangesetRollback(ctx, id, { gitEnv: options.gitEnv, ignoreStatus: true });
    const repos = plannedRepos(plan).map((r, i) => {
        const tip = plan.repos[i].existingBranchTip;
        if (!tip)
            throw new errors_InputError(`changeset ${id}: ${r.checkout} has no branch ${r.revertBranch} to push (was the checkout replaced since the rollback?)`);
        return { ...r, cloned: false, newTip: tip, commits: r.commits.map((c) => ({ ...c, revert: null })) };
    });
    if (repos.length === 0)
        return apply_resultOf(plan, [], { ctx, warnings: [...plan.warnings], done: true, pushed: false, historyEntry: null, reason: `changeset ${id} is already rolled back and has no revert branch to push` });
    const result = apply_resultOf({ ...plan, nothingToDo: false }, repos, { ctx, warnings: [...plan.warnings], done: true, pushed: false, historyEntry: null });
    return pushChangesetBranches(ctx, result, { gitEnv: options.gitEnv });
}
/**
 * Carries out a plan all or nothing. Every revert is made in a scratch worktree first; only when
 * every repository's reverts went through are the `meta-rollback/changeset-<id>` branches set,
 * new checkouts moved into place, the branches pushed (with --push), the changeset marked
 * rolled-back and the journal written. A conflict or failure anywhere undoes every step taken.
 */
async function applyChangesetRollback(ctx, plan, options = {}) {
    const warnings = [...plan.warnings];
    if (plan.nothingToDo || ctx.dryRun)
        return apply_resultOf(plan, plannedRepos(plan), { ctx, warnings, done: false, pushed: false, historyEntry: null });
    // A write phase from the first clone on: a signal is acted on at the safe points below, where
    // undoing (scratch worktrees dropped, branches reset, clones removed) leaves every repository as it was.
    return duringWrites(() => applyWrites(ctx, plan, options, warnings));
}
const STOPPED = 'stopped; every repository, branch and file is as it was: the workspace is in its old state';
async function applyWrites(ctx, plan, options, warnings) {
    const env = (options.gitEnv ?? ctx.gitEnv);
    const id = plan.id;
    const work = plan.repos.map((p) => ({ plan: p, dir: (0,external_node_path_namespaceObject.join)(ctx.root, p.checkout), reverted: [], pushed: false }));
    const undo = [];
    let createdComponentsDir = false;
    try {
        // 1. A place to work in each repository, with every commit needed present (objects only).
        const componentsDir = (0,external_node_path_namespaceObject.join)(ctx.root, COMPONENTS_DIR);
        if (work.some((w) => !w.plan.checkoutExists) && !(0,external_node_fs_namespaceObject.existsSync)(componentsDir)) {
            await (0,promises_namespaceObject.mkdir)(componentsDir, { recursive: true });
            createdComponentsDir = true;
        }
        const limit = pLimit(ctx.jobs);
        // Settled, not all: a failed clone must not leave another still writing while we clean up.
        const prepared = await Promise.allSettled(work.map((w) => limit(() => prepare(ctx, w, env))));
        const failed = prepared.find((r) => r.status === 'rejected');
        if (failed)
            throw failed.reason;
        await interruptPoint('changeset-prepared');
        throwIfInterrupted(STOPPED);
        // 2. The reverts, dependents first, each repository's newest commit first, all in scratch worktrees.
        const identity = await identityEnv(ctx, work);
        const conflicts = [];
        for (const [k, w] of work.entries()) {
            await interruptPoint(`changeset-revert-${k + 1}`);
            throwIfInterrupted(STOPPED);
            const problem = await revertAll(ctx, id, w, { ...identity, ...(env ?? {}) });
            if (problem)
                conflicts.push(problem);
        }
        if (conflicts.length > 0)
            throw new errors_OperationError(`changeset ${id}: ${conflicts.join('; ')}`);
        const effective = work.filter((w) => w.newTip !== w.plan.base);
        for (const w of work) {
            if (w.newTip === w.plan.base)
                warnings.push(`${w.plan.component}: every commit is already undone on ${w.plan.branch}; no branch made`);
        }
        if (effective.length === 0 && !plan.lockRestore) {
            return apply_resultOf(plan, [], { ctx, warnings, done: false, pushed: false, historyEntry: null, reason: `every commit of changeset ${id} is already undone` });
        }
        // 3. Branches: set only now that every repository's reverts went through.
        throwIfInterrupted(STOPPED);
        for (const w of effective) {
            const previous = w.tempClone ? undefined : w.plan.existingBranchTip;
            await setBranch(w.dir, w.plan.revertBranch, w.newTip, previous).catch((err) => {
                throw new errors_OperationError(`${w.plan.checkout}: cannot set ${w.plan.revertBranch}: ${errorMessage(err)}`);
            });
            if (!w.tempClone)
                undo.push({ what: `${w.plan.checkout}: ${w.plan.revertBranch}`, run: () => resetBranch(w.dir, w.plan.revertBranch, w.newTip, previous) });
        }
        await Promise.all(work.map((w) => dropWorktree(w)));
        // 4. New checkouts move into place.
        for (const w of effective.filter((x) => x.tempClone)) {
            const target = componentDir(ctx.root, w.plan.component);
            if ((0,external_node_fs_namespaceObject.existsSync)(target))
                throw new errors_OperationError(`${w.plan.checkout}: appeared while this rollback ran; run it again`);
            await (0,promises_namespaceObject.rename)(w.tempClone, target);
            w.tempClone = undefined;
            w.dir = target;
            undo.push({ what: `${w.plan.checkout} (cloned)`, run: () => (0,promises_namespaceObject.rm)(target, { recursive: true, force: true }) });
        }
        // 5. Push, all or nothing. Until it starts, undoing is quicker than finishing; after, finishing is.
        await interruptPoint('changeset-branches-set');
        throwIfInterrupted(STOPPED);
        if (options.push) {
            const pushUndo = await pushAll(ctx, id, effective, env, options.publishBranch);
            undo.push(...pushUndo);
        }
        // 5b. The meta-repo's own entry: its lock goes back (a rollback of its own, with snapshot and
        // journal line), before the changeset is marked, so a failure here still undoes the reverts.
        let lockRestore = null;
        if (plan.lockRestore) {
            const restored = await restoreLock(ctx, plan.lockRestore);
            lockRestore = { ...restored, rev: plan.lockRestore.rev };
            if (restored.snapshot) {
                const snapshot = restored.snapshot;
                undo.push({ what: `${plan.lockRestore.lock} (restored from ${snapshot})`, run: async () => void (await restoreSnapshot(ctx, snapshot)) });
            }
        }
        // 6. The changeset (and its index entry) become rolled-back; then the journal. Under .meta/lock,
        // like every write to the meta-repo's files: the check that nobody changed the changeset files
        // since they were read and the writes that follow are then one step for other runs, and journal
        // entries are named in the order the changes were made.
        const results = effective.map((w) => repoResult(w));
        await interruptPoint('changeset-pushed');
        const journaled = await withMetaLock(ctx, `meta changeset rollback ${id}`, async () => {
            const fileUndo = await markRolledBack(ctx, plan);
            const line = {
                at: timestamp(ctx.now()),
                actor: ctx.actor,
                mode: 'changeset',
                env: ctx.env ?? null,
                lock: plan.file,
                changes: apply_changesOf(results),
                snapshot: null,
            };
            try {
                return { line, file: await recordJournal(ctx.root, line, ctx.now()) };
            }
            catch (err) {
                // Undone while the lock is still held, so no other run's write to these files is undone with it.
                const failed = await runUndo(fileUndo);
                if (failed.length > 0)
                    throw new errors_OperationError(`${errorMessage(err)}; could not undo: ${failed.join(', ')}`);
                throw err;
            }
        });
        return apply_resultOf(plan, results, { ctx, warnings, done: true, pushed: Boolean(options.push), historyEntry: journaled.line, journalFile: journaled.file, lockRestore });
    }
    catch (err) {
        await Promise.allSettled(work.map((w) => dropWorktree(w)));
        const failedUndo = [];
        for (const step of undo.reverse()) {
            try {
                await step.run();
            }
            catch (undoErr) {
                failedUndo.push(`${step.what} (${errorMessage(undoErr)})`);
            }
        }
        const note = failedUndo.length > 0 ? `; could not undo: ${failedUndo.join(', ')}` : '';
        if (err instanceof MetaError) {
            if (!note)
                throw err;
            throw new errors_OperationError(`${err.message}${note}`);
        }
        throw new errors_OperationError(`changeset ${id}: rollback failed and was undone: ${errorMessage(err)}${note}`);
    }
    finally {
        await Promise.allSettled(work.map((w) => dropWorktree(w)));
        await Promise.allSettled(work.filter((w) => w.tempClone).map((w) => (0,promises_namespaceObject.rm)(w.tempClone, { recursive: true, force: true })));
        if (createdComponentsDir)
            await (0,promises_namespaceObject.rmdir)((0,external_node_path_namespaceObject.join)(ctx.root, COMPONENTS_DIR)).catch(() => undefined);
    }
}
/** Clones a missing checkout (beside where it goes) and fetches whatever the reverts need. */
async function prepare(ctx, w, env) {
    const p = w.plan;
    const location = locateRepo(p.repo, ctx.root);
    const source = location.kind === 'url' ? location.url : location.path;
    if (!p.checkoutExists) {
        const temp = (0,external_node_path_namespaceObject.join)(ctx.root, COMPONENTS_DIR, `.${p.component}.meta-rollback-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`);
        w.tempClone = temp;
        w.dir = temp;
        ctx.log(`cloning ${p.component} into ${p.checkout}`);
        try {
            await cloneInto(source, temp, ctx.root, env);
        }
        catch (err) {
            throw new errors_OperationError(`${p.checkout}: ${errorMessage(err)}`);
        }
    }
    const fallback = (await originUrl(w.dir)) ? undefined : source;
    const needed = [p.base];
    // A shallow checkout may lack the reverted commits and their parents; fetch each one alone.
    if (await isShallow(w.dir))
        for (const c of p.commits)
            needed.push(c.commit, ...c.parents.slice(0, 1));
    try {
        for (const sha of needed)
            await ensureCommitPresent(w.dir, sha, fallback, env);
    }
    catch (err) {
        throw new errors_OperationError(`${p.checkout}: ${errorMessage(err)}`);
    }
}
/** Makes every revert of one repository in a scratch worktree; returns a conflict description, if any. */
async function revertAll(ctx, id, w, env) {
    const p = w.plan;
    ctx.log(`${p.component}: reverting ${p.commits.length} commit${p.commits.length === 1 ? '' : 's'} on ${p.branch} (${p.base.slice(0, 12)})`);
    try {
        w.worktree = await addScratchWorktree(w.dir, p.base);
    }
    catch (err) {
        throw new errors_OperationError(`${p.checkout}: ${errorMessage(err)}`);
    }
    for (const c of p.commits) {
        const outcome = await revertInWorktree(w.worktree, { commit: c.commit, mainline: c.mainline, message: revertMessage(id, c), env });
        if (outcome.kind === 'conflict')
            return `revert of ${c.commit.slice(0, 12)} conflicts in ${p.component}: ${outcome.paths.join(', ')}`;
        if (outcome.kind === 'failed')
            return `revert of ${c.commit.slice(0, 12)} failed in ${p.component}: ${outcome.error}`;
        w.reverted.push({ commit: c.commit, subject: c.subject, revert: outcome.kind === 'committed' ? outcome.commit : null });
    }
    w.newTip = await worktreeHead(w.worktree);
    return undefined;
}
async function dropWorktree(w) {
    const worktree = w.worktree;
    if (!worktree)
        return;
    w.worktree = undefined;
    await removeScratchWorktree(worktree);
}
/**
 * The revert commit's message: git's usual first line (without the changeset marker, so the revert
 * is never itself taken for part of the changeset) and a `Reverts-Changeset` trailer.
 */
function revertMessage(id, commit) {
    const subject = commit.subject.split(changesetMarker(id)).join(' ').replace(/\s+/g, ' ').trim() || commit.commit.slice(0, 12);
    return `Revert "${subject}"\n\nThis reverts commit ${commit.commit}.\n\n${revertTrailerLine(id)}\n`;
}
/** A committer identity for machines that have none configured (CI): the run's actor. */
async function identityEnv(ctx, work) {
    const first = work[0];
    if (!first || (await hasCommitIdentity(first.dir)))
        return {};
    const name = ctx.actor || 'meta-rollback';
    const email = `${name.replace(/[^A-Za-z0-9._-]/g, '-')}@meta-rollback.invalid`;
    return { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
}
/**
 * Pushes every revert branch, or none: each remote is checked first (a branch of that name made by
 * someone else is never overwritten), and if one push fails the branches already pushed are deleted.
 */
async function pushAll(ctx, id, work, env, publish) {
    const targets = await Promise.all(work.map(async (w) => {
        const remote = (await originUrl(w.dir)) ? 'origin' : remoteSource(ctx, w.plan.repo);
        const there = await remoteBranchTip(w.dir, remote, w.plan.revertBranch, env);
        if (!there.ok)
            throw new errors_OperationError(`changeset ${id}: cannot reach the remote of ${w.plan.component} (${w.plan.remoteUrl}): ${there.error}`);
        if (there.value && there.value !== w.newTip) {
            throw new errors_OperationError(`changeset ${id}: ${w.plan.remoteUrl} already has ${w.plan.revertBranch} (at ${there.value.slice(0, 12)}); delete it there, then run again`);
        }
        return { w, remote, alreadyThere: there.value === w.newTip };
    }));
    const done = [];
    const pushedNames = [];
    for (const t of targets) {
        if (t.alreadyThere) {
            t.w.pushed = true;
            continue;
        }
        try {
            ctx.log(`${t.w.plan.component}: pushing ${t.w.plan.revertBranch}`);
            if (publish) {
                const { plan } = t.w;
                t.w.newTip = await publish({ component: plan.component, repo: plan.repo, dir: t.w.dir, base: plan.base, tip: t.w.newTip, branch: plan.revertBranch });
            }
            else {
                await pushNewBranch(t.w.dir, t.remote, t.w.plan.revertBranch, env);
            }
        }
        catch (err) {
            const failed = [];
            for (const step of done.reverse())
                await step.run().catch(() => failed.push(step.what));
            const deleted = pushedNames.length > 0 ? `; deleted it again from ${pushedNames.join(', ')}` : '';
            const left = failed.length > 0 ? `; could not delete it from ${failed.join(', ')}` : '';
            throw new errors_OperationError(`changeset ${id}: push of ${t.w.plan.revertBranch} to ${t.w.plan.component} failed: ${errorMessage(err)}${deleted}${left}`);
        }
        t.w.pushed = true;
        pushedNames.push(t.w.plan.component);
        done.push({ what: t.w.plan.component, run: () => changeset_remote_deleteRemoteBranch(t.w.dir, t.remote, t.w.plan.revertBranch, t.w.newTip, env) });
    }
    return done;
}
function remoteSource(ctx, repo) {
    const location = locateRepo(repo, ctx.root);
    return location.kind === 'url' ? location.url : location.path;
}
/** Writes `status: rolled-back` into the changeset file and its index entry; returns how to undo that. */
async function markRolledBack(ctx, plan) {
    const filePath = (0,external_node_path_namespaceObject.join)(ctx.root, plan.file);
    const indexPath = (0,external_node_path_namespaceObject.join)(ctx.root, CHANGESET_INDEX);
    const fileNow = await (0,promises_namespaceObject.readFile)(filePath, 'utf8').catch(() => undefined);
    if (fileNow !== plan.changeset.yaml.text)
        throw new errors_OperationError(`${plan.file}: changed by someone else while this rollback ran; run it again`);
    const indexText = plan.index ? setIndexStatus(plan.index, plan.id, ROLLED_BACK) : undefined;
    if (plan.index) {
        const indexNow = await (0,promises_namespaceObject.readFile)(indexPath, 'utf8').catch(() => undefined);
        if (indexNow !== plan.index.yaml.text)
            throw new errors_OperationError(`${CHANGESET_INDEX}: changed by someone else while this rollback ran; run it again`);
    }
    const undo = [];
    await writeFileAtomic(filePath, setChangesetStatus(plan.changeset, ROLLED_BACK));
    undo.push({ what: plan.file, run: () => writeFileAtomic(filePath, plan.changeset.yaml.text) });
    if (plan.index && indexText !== undefined) {
        const original = plan.index.yaml.text;
        try {
            await writeFileAtomic(indexPath, indexText);
        }
        catch (err) {
            const failed = await runUndo(undo);
            throw new errors_OperationError(`${CHANGESET_INDEX}: ${errorMessage(err)}${failed.length > 0 ? `; could not undo: ${failed.join(', ')}` : ''}`);
        }
        undo.push({ what: CHANGESET_INDEX, run: () => writeFileAtomic(indexPath, original) });
    }
    return undo;
}
/** Runs undo steps newest first; returns the ones that failed. */
async function runUndo(steps) {
    const failed = [];
    for (const step of [...steps].reverse()) {
        try {
            await step.run();
        }
        catch (err) {
            failed.push(`${step.what} (${errorMessage(err)})`);
        }
    }
    return failed;
}
function repoResult(w) {
    const p = w.plan;
    return {
        component: p.component,
        repo: p.repo,
        checkout: p.checkout,
        cloned: !p.checkoutExists,
        branch: p.branch,
        base: p.base,
        revertBranch: p.revertBranch,
        newTip: w.newTip ?? null,
        commits: w.reverted,
        pushed: w.pushed,
    };
}
function plannedRepos(plan) {
    return plan.repos.map((p) => ({
        component: p.component,
        repo: p.repo,
        checkout: p.checkout,
        cloned: !p.checkoutExists,
        branch: p.branch,
        base: p.base,
        revertBranch: p.revertBranch,
        newTip: null,
        commits: p.commits.map((c) => ({ commit: c.commit, subject: c.subject, revert: null })),
        pushed: false,
    }));
}
function apply_changesOf(repos) {
    return repos
        .filter((r) => r.newTip !== null)
        .map((r) => ({ component: r.component, from: { version: r.branch, commit: r.base }, to: { version: r.revertBranch, commit: r.newTip } }));
}
function apply_resultOf(plan, repos, state) {
    return {
        ok: true,
        mode: 'changeset',
        id: plan.id,
        file: plan.file,
        title: plan.title ?? null,
        previousStatus: plan.status,
        status: state.done ? ROLLED_BACK : plan.status,
        dryRun: state.ctx.dryRun,
        nothingToDo: plan.nothingToDo || state.reason !== undefined,
        reason: state.reason ?? plan.reason ?? null,
        revertBranch: plan.revertBranch,
        pushed: state.pushed,
        repos,
        changes: apply_changesOf(repos),
        snapshot: null,
        historyEntry: state.historyEntry,
        lockRestore: state.lockRestore ?? (plan.lockRestore ? { ...plan.lockRestore.preview, rev: plan.lockRestore.rev } : null),
        journalFile: state.journalFile ?? null,
        warnings: state.warnings,
    };
}
/**
 * Pushes the revert branches of a finished rollback, all or nothing (for the action, which pushes
 * with its own credentials after `applyChangesetRollback` without `push`).
 */
async function pushChangesetBranches(ctx, result, options = {}) {
    if (result.dryRun || result.nothingToDo)
        return result;
    const env = (options.gitEnv ?? ctx.gitEnv);
    const work = result.repos.map((r) => {
        if (!r.newTip)
            throw new errors_InputError(`changeset ${result.id}: ${r.component} has no revert branch to push`);
        return {
            plan: {
                component: r.component,
                repo: r.repo,
                checkout: r.checkout,
                checkoutExists: true,
                remoteUrl: r.repo,
                branch: r.branch,
                base: r.base,
                revertBranch: r.revertBranch,
                commits: [],
                alreadyReverted: [],
            },
            dir: (0,external_node_path_namespaceObject.join)(ctx.root, r.checkout),
            newTip: r.newTip,
            reverted: [...r.commits],
            pushed: r.pushed,
        };
    });
    await pushAll(ctx, result.id, work, env, undefined);
    return { ...result, pushed: true, repos: work.map((w, i) => ({ ...result.repos[i], pushed: w.pushed })) };
}

;// CONCATENATED MODULE: ./.tsbuild/core/operations/rollback-component.js





/** `meta rollback component NAME --to-version TAG | --to-commit SHA`. */
async function rollbackComponent(ctx, name, target) {
    validateTarget(target, target.kind === 'version' ? '--to-version' : '--to-commit');
    const { manifest, lock, lockRel } = await loadState(ctx);
    const spec = requireComponent(manifest, name);
    const to = await resolveTarget(ctx, spec, target);
    const entry = lock.entries.get(name);
    if ((entry?.vendored ?? lock.mode === 'vendored') && target.kind === 'commit' && to.version === to.commit.slice(0, 12)) {
        // A vendored lock records versions only, and an untagged commit has none to record.
        throw new errors_InputError(`--to-commit: ${lockRel}: components.${name} is vendored (a version, no commit), and ${to.commit.slice(0, 12)} has no tag to pin there; give --to-version TAG`);
    }
    return executePlan(ctx, {
        mode: 'component',
        lock,
        lockRel,
        pins: [{ component: name, to, repo: lock.entries.get(name)?.repo ?? spec.repo }],
        writeLock: true,
    });
}

;// CONCATENATED MODULE: ./.tsbuild/core/lock-entry-scan.js

/**
 * One component's entry of a lock, read without parsing the whole document: `rollback list
 * --component X` looks at every earlier revision of every lock (150 blobs of 5,000 entries at
 * N = 5,000), and only X's lines matter. In the block layout every tool writes, the entry is the
 * lines from `  X:` to the next key at that indent; those lines alone are parsed, by the same
 * parser and checks as a whole lock. Any other layout (flow mappings, anchors, odd indents) gives
 * undefined, and the caller parses the whole text as before.
 */
function scanLockEntry(text, name, display) {
    const start = /^components:[ \t]*(?:#.*)?\r?\n/m.exec(text);
    if (!start)
        return undefined;
    const body = start.index + start[0].length;
    const indent = /^([ ]+)[^\s#]/m.exec(text.slice(body));
    if (!indent)
        return undefined;
    const pad = indent[1];
    if (!text.includes(name))
        return 'absent';
    const key = new RegExp(`^${pad}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[ \\t]*(?:#.*)?$`, 'm');
    const found = key.exec(text.slice(body));
    if (!found)
        return undefined;
    const from = body + found.index;
    // The components mapping must run without a top-level key until the entry.
    if (/^[^\s#]/m.test(text.slice(body, from)))
        return undefined;
    const lines = text.slice(from).split('\n');
    const block = [lines[0]];
    for (const line of lines.slice(1)) {
        if (line.trim() !== '' && !line.startsWith(`${pad} `) && !/^\s*#/.test(line))
            break;
        block.push(line);
    }
    try {
        const entry = parseLockBytes(Buffer.from(`components:\n${block.join('\n')}\n`), display).entries.get(name);
        return entry ?? undefined;
    }
    catch {
        return undefined;
    }
}
const ENTRY_KEY = /^([A-Za-z0-9][A-Za-z0-9._-]*):[ \t]*(?:#.*)?$/;
const PIN_FIELD = /^(version|commit):[ \t]*(.*?)[ \t]*(?:[ \t]#.*)?$/;
const lock_entry_scan_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * Every entry's `version` and `commit` of a lock in the block layout, read line by line without the
 * YAML parser: the listing reads up to 150 old revisions of locks of 5,000 entries, where parsing
 * each whole costs seconds. Only what the listing needs is read; a line this reader does not
 * understand (flow mappings, anchors, block scalars, escapes, a tab indent, a duplicate name) gives
 * undefined, and the caller parses the whole document as before.
 */
function scanLockEntries(text) {
    const start = /^components:[ \t]*(?:#.*)?\r?$/m.exec(text);
    if (!start)
        return undefined;
    const out = [];
    const seen = new Set();
    let pad;
    let current;
    const close = () => {
        if (!current)
            return true;
        const commit = current.commit ?? '';
        if (commit !== '' && !lock_entry_scan_SHA.test(commit))
            return false;
        if (commit === '' && current.version === undefined)
            return false;
        out.push({ name: current.name, version: current.version ?? commit.slice(0, 12), commit });
        current = undefined;
        return true;
    };
    for (const raw of text.slice(start.index + start[0].length).split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '' || /^\s*#/.test(line))
            continue;
        if (line.includes('\t'))
            return undefined;
        const indent = line.length - line.trimStart().length;
        if (indent === 0)
            break;
        pad ??= line.slice(0, indent);
        if (indent === pad.length) {
            const key = ENTRY_KEY.exec(line.slice(indent));
            if (!key || seen.has(key[1]) || !close())
                return undefined;
            seen.add(key[1]);
            current = { name: key[1] };
        }
        else if (indent > pad.length && current) {
            const field = PIN_FIELD.exec(line.slice(indent));
            if (!field)
                continue;
            const value = plainValue(field[2]);
            if (value === undefined)
                return undefined;
            current[field[1]] = value;
        }
        else
            return undefined;
    }
    return close() ? out : undefined;
}
/** A scalar as the block layout writes it: plain, or quoted without escapes. Anything else: undefined. */
function plainValue(text) {
    if (/^'[^']*'$/.test(text))
        return text.slice(1, -1);
    if (/^"[^"\\]*"$/.test(text))
        return text.slice(1, -1);
    if (text === '' || /^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /: | #/.test(text))
        return undefined;
    return text;
}

;// CONCATENATED MODULE: ./.tsbuild/core/operations/list-targets.js















const LOCK_GLOB = 'manifests/components.lock*.yaml';
/** `meta rollback list [--component NAME]`: every target a user can roll back to, newest first. */
async function listTargets(ctx, component, extraSources = []) {
    const { manifest, lock, lockRel } = await loadState(ctx);
    const specs = component !== undefined ? [requireComponent(manifest, component, '--component')] : [...manifest.components.values()];
    const wanted = new Set(specs.map((s) => s.name));
    const warnings = [];
    const found = [];
    const envFlag = ctx.env ? ` --env ${ctx.env}` : '';
    const limit = pLimit(ctx.jobs);
    // Tags (a git process per component) and the lock's history (three for the meta-repo) are
    // independent: asked at once, a list costs the slower of the two, not their sum.
    const tagTargets = [];
    const historyTargets = [];
    const tagsDone = Promise.all(specs.map((spec) => limit(async () => {
        try {
            for (const tag of await tagsOf(ctx, spec)) {
                tagTargets.push({
                    component: spec.name,
                    kind: 'tag',
                    version: tag.name,
                    commit: tag.commit,
                    source: `tag ${tag.name}`,
                    date: tag.date ?? null,
                    command: `meta rollback component ${spec.name} --to-version ${tag.name}${envFlag}`,
                });
            }
        }
        catch (err) {
            warnings.push(`${spec.name}: tags not listed (${errorMessage(err)})`);
        }
    })));
    const historyDone = lockHistoryTargets(ctx, wanted, envFlag, historyTargets);
    await Promise.all([tagsDone, historyDone]);
    // Appended one by one: a spread of 150,000 targets (5,000 components) overflows the call stack.
    for (const t of tagTargets)
        found.push(t);
    const lockFiles = (await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(ctx.root, 'manifests'))).filter((f) => /^components\.lock(\.[A-Za-z0-9._-]+)?\.yaml$/.test(f));
    for (const file of lockFiles) {
        const rel = `manifests/${file}`;
        try {
            const command = (name) => `meta rollback lock ${rel} --component ${name}${envFlag}`;
            if (rel === lockRel)
                addLockPins(found, lock.entries.values(), lock.generatedAt ?? null, rel, wanted, command);
            else {
                const bytes = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(ctx.root, rel));
                const other = lockEntries(bytes, rel, wanted, true);
                addLockPins(found, other, generatedAtOf(bytes), rel, wanted, command);
            }
        }
        catch (err) {
            warnings.push(`${rel}: skipped (${errorMessage(err)})`);
        }
    }
    for (const t of historyTargets)
        found.push(t);
    for (const snap of await snapshotFiles(ctx.root)) {
        try {
            const snapshot = await readSnapshot((0,external_node_path_namespaceObject.join)(ctx.root, snap), snap);
            if (snapshot.environment !== undefined && snapshot.environment !== ctx.env)
                continue;
            for (const [name, pin] of snapshot.components) {
                if (!wanted.has(name))
                    continue;
                found.push({
                    component: name,
                    kind: 'snapshot',
                    version: pin.version,
                    commit: pin.commit,
                    source: snap,
                    date: snapshot.createdAt,
                    command: `meta rollback snapshot --restore ${snap}${envFlag}`,
                });
            }
        }
        catch (err) {
            warnings.push(`${snap}: skipped (${errorMessage(err)})`);
        }
    }
    for (const source of extraSources)
        for (const t of await source(ctx, specs))
            found.push(t);
    const targets = found
        .map((t) => ({ ...t, date: isoDate(t.date), current: isCurrent(lock.entries.get(t.component), t) }))
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.component.localeCompare(b.component) || a.source.localeCompare(b.source));
    return { ok: true, env: ctx.env ?? null, lock: lockRel, targets, warnings, changes: [] };
}
/** A vendored entry (no commit) is current where the version matches; others where the commit does. */
function isCurrent(entry, target) {
    if (!entry)
        return false;
    return entry.commit === '' ? target.commit === '' && entry.version === target.version : entry.commit === target.commit;
}
/** Every pin the lock files ever had, from the meta-repo's history (one log and one cat-file). */
async function lockHistoryTargets(ctx, wanted, envFlag, out) {
    if (!(await isMetaRepoGit(ctx.root)))
        return;
    const revisions = await fileRevisions(ctx.root, [LOCK_GLOB]);
    const blobs = await readBlobs(ctx.root, revisions.map((r) => `${r.commit}:${r.path}`));
    const seen = new Set();
    for (const revision of revisions) {
        const bytes = blobs.get(`${revision.commit}:${revision.path}`);
        if (!bytes)
            continue;
        const at = `${revision.path}@${revision.commit.slice(0, 12)}`;
        const old = lockEntries(bytes, at, wanted);
        if (!old)
            continue;
        for (const entry of old) {
            const key = `${entry.name}\0${revision.path}\0${entry.commit}`;
            if (!wanted.has(entry.name) || seen.has(key))
                continue;
            seen.add(key);
            out.push({
                component: entry.name,
                kind: 'lock-history',
                version: entry.version,
                commit: entry.commit,
                source: at,
                date: revision.date,
                command: `meta rollback lock ${revision.path} --rev ${revision.commit.slice(0, 12)} --component ${entry.name}${envFlag}`,
            });
        }
    }
}
/** `strict`: a lock that does not parse is an error for the caller to report, not a revision to skip. */
function lockEntries(bytes, at, wanted, strict = false) {
    const text = Buffer.from(bytes).toString('utf8');
    if (wanted.size <= SCAN_AT_MOST) {
        const scanned = [...wanted].map((name) => scanLockEntry(text, name, at));
        if (scanned.every((e) => e !== undefined))
            return scanned.filter((e) => e !== 'absent');
    }
    else {
        // Read line by line; the listing uses only names, versions and commits.
        const all = scanLockEntries(text);
        if (all)
            return all.filter((e) => wanted.has(e.name)).map((e) => ({ ...e, vendored: e.commit === '', line: 0, commitLine: 0 }));
    }
    try {
        return parseLockBytes(bytes, at).entries.values();
    }
    catch (err) {
        if (strict)
            throw err;
        return undefined;
    }
}
/** Up to this many components, scanning each one's lines beats parsing the whole lock. */
const SCAN_AT_MOST = 8;
function addLockPins(out, entries, date, source, wanted, command) {
    for (const entry of entries) {
        if (!wanted.has(entry.name))
            continue;
        out.push({ component: entry.name, kind: 'lock', version: entry.version, commit: entry.commit, source, date, command: command(entry.name) });
    }
}
/** A lock's `generated_at` from its text, without parsing it (see lockEntries). */
function generatedAtOf(bytes) {
    return /^generated_at:[ \t]*['"]?([^'"\s#]+)/m.exec(Buffer.from(bytes).toString('utf8'))?.[1] ?? null;
}
async function tagsOf(ctx, spec) {
    const dirs = localSources(ctx, spec);
    if (dirs[0])
        return listTags(dirs[dirs.length - 1]);
    const location = locateRepo(spec.repo, ctx.root);
    if (location.kind === 'url')
        return lsRemoteTags(location.url, ctx.root, ctx.gitEnv);
    return [];
}
async function snapshotFiles(root) {
    try {
        const names = await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, SNAPSHOT_DIR));
        return names.filter((n) => /\.(ya?ml|json)$/.test(n) && !n.startsWith('.')).map((n) => `${SNAPSHOT_DIR}/${n}`);
    }
    catch {
        return [];
    }
}
/** One date format for every source, so "newest first" sorts correctly across them. */
function isoDate(date) {
    if (!date)
        return null;
    const ms = Date.parse(date);
    return Number.isNaN(ms) ? date : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/metadata.js



const MAX_METADATA_BYTES = 1024 * 1024;
function metadata_metadataJson(meta) {
    return {
        content_hash: meta.contentHash,
        component: meta.component,
        version: meta.version,
        commit: meta.commit,
        repo: meta.repo,
        created_at: meta.createdAt,
        output_hash: meta.outputHash,
        ...(meta.origin === 'python' ? { source_path: meta.sourcePath, origin: 'python' } : {}),
    };
}
function renderMetadata(meta) {
    return `${JSON.stringify(metadata_metadataJson(meta), null, 2)}\n`;
}
/**
 * Reads and checks a metadata file. Every value that a restore acts on is validated here (the
 * component name, the commit, the repo URL), because the store may have been filled by another
 * tool or edited by hand. Fields beyond the six are ignored, as the Python CLI may add some.
 */
function parseMetadata(bytes, display, hash) {
    const fail = (field, problem) => {
        throw new errors_InputError(`${display}: ${field}: ${problem}`);
    };
    if (bytes.length > MAX_METADATA_BYTES)
        throw new errors_InputError(`${display}: larger than 1 MiB`);
    let value;
    try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    catch (err) {
        throw new errors_InputError(`${display}: not valid JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new errors_InputError(`${display}: not a JSON object`);
    const record = value;
    const optionalString = (field) => {
        const v = record[field];
        if (v === undefined || v === null)
            return null;
        if (typeof v !== 'string')
            return fail(field, 'not a string');
        // eslint-disable-next-line no-control-regex
        if (/[\0-\x1f]/.test(v))
            return fail(field, 'contains a control character');
        return v;
    };
    const contentHash = optionalString('content_hash');
    if (contentHash !== hash)
        fail('content_hash', `${quote(contentHash ?? '(missing)')} is not the entry's hash ${hash}`);
    const component = optionalString('component');
    if (component === null)
        return fail('component', 'missing');
    if (!isValidComponentName(component))
        fail('component', `invalid component name ${quote(component)}`);
    const commit = optionalString('commit');
    if (commit !== null && !isFullSha(commit))
        fail('commit', `not a SHA (${quote(commit)}; expected 40 or 64 lowercase hex digits)`);
    const repo = optionalString('repo');
    if (repo !== null) {
        const problem = repoUrlProblem(repo);
        if (problem)
            fail('repo', `${quote(repo)} ${problem}`);
    }
    const version = optionalString('version');
    if (version !== null && (version.length === 0 || version.length > 255))
        fail('version', 'must be 1 to 255 characters');
    const outputHash = optionalString('output_hash');
    // Python writes an empty output_hash for a source it could not hash; such an entry fails verify.
    if (outputHash !== null && outputHash !== '' && !/^[0-9a-f]{64}$/.test(outputHash))
        fail('output_hash', `not a sha256 hex digest (${quote(outputHash)})`);
    const python = !('version' in record) && outputHash !== null;
    return {
        contentHash: hash,
        component,
        version: version ?? commit?.slice(0, 12) ?? hash.slice(0, 12),
        commit,
        repo,
        createdAt: optionalString('created_at'),
        outputHash,
        sourcePath: optionalString('source_path'),
        origin: python ? 'python' : 'meta-rollback',
    };
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/python-hash.js

/**
 * The `output_hash` the Python `meta` CLI records for a store entry (`meta/utils/content_hash.py`),
 * computed the same way so that its entries can be verified and ours carry a hash it would agree with.
 *
 * - a file: the sha256 hex of its bytes;
 * - a directory: the sha256 hex of the UTF-8 bytes of Python's `json.dumps` (default separators,
 *   ASCII-only) of the `[relative path, sha256 hex]` pairs of its files, in the order Python sorts
 *   paths (component by component), skipping every file whose path contains one of the excluded
 *   names anywhere, even inside a longer name (`.github` contains `.git`).
 *
 * Python tests the path as it was given to `meta store add --source`, not the relative one, so the
 * recorded `source_path` is part of what decides which files count.
 */
const PYTHON_EXCLUDED = ['.git', '__pycache__', 'node_modules', '.meta-cache'];
function pythonFileHash(data) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex');
}
/**
 * Whether Python skips `rel`. `sourcePath` is the entry's recorded `source_path`, normalised as
 * Python's `Path` prints it (no `.` or empty segments, no trailing `/`). Since a skipped directory's
 * every descendant contains the same name, a directory can be pruned whole.
 */
function pythonExcludes(sourcePath) {
    const prefix = sourcePath === null ? '' : normalisePythonPath(sourcePath);
    return (rel) => {
        const full = prefix === '' ? rel : prefix === '/' ? `/${rel}` : `${prefix}/${rel}`;
        return PYTHON_EXCLUDED.some((name) => full.includes(name));
    };
}
function normalisePythonPath(path) {
    const absolute = path.startsWith('/');
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    if (absolute)
        return parts.length === 0 ? '/' : `/${parts.join('/')}`;
    return parts.join('/');
}
class PythonDirHasher {
    pairs = [];
    add(rel, data) {
        this.pairs.push({ parts: rel.split('/').map((p) => Buffer.from(p, 'utf8')), rel, sha: pythonFileHash(data) });
    }
    get count() {
        return this.pairs.length;
    }
    digest() {
        this.pairs.sort((a, b) => compareParts(a.parts, b.parts));
        const body = this.pairs.map((p) => `[${pythonJsonString(p.rel)}, ${pythonJsonString(p.sha)}]`).join(', ');
        return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`[${body}]`, 'utf8').digest('hex');
    }
}
/** Python compares paths as lists of names, each by code point; UTF-8 byte order is code point order. */
function compareParts(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const c = Buffer.compare(a[i], b[i]);
        if (c !== 0)
            return c;
    }
    return a.length - b.length;
}
/** A string as Python's `json.dumps` writes it with `ensure_ascii=True`: every non-printable-ASCII unit as `\uXXXX`. */
function pythonJsonString(value) {
    return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/python-entry.js



/** A single-file entry is restored under the name its source had; a name that cannot be a file gets this one. */
const FALLBACK_FILE_NAME = 'artifact';
function fileNameOf(meta) {
    const name = meta.sourcePath === null ? '' : (0,external_node_path_namespaceObject.basename)(meta.sourcePath.replace(/\/+$/, ''));
    return name === '' || treePathProblem(name) !== undefined ? FALLBACK_FILE_NAME : name;
}
/**
 * The files of a Python CLI entry that a restore writes: the file itself, or the directory's files
 * that its `output_hash` covers. What that hash skips (`.git`, `node_modules`, ...) is not restored,
 * since nothing vouches for it.
 */
async function* pythonRestoreFiles(store, meta) {
    const raw = await readRaw(store, meta);
    if (raw.kind === 'file') {
        yield raw.file;
        return;
    }
    for await (const file of raw.files)
        yield file;
}
/**
 * Verifies a Python CLI entry by its `output_hash`. Symbolic links are refused rather than
 * followed as Python would: following one could read outside the store.
 */
async function checkPythonEntry(store, meta) {
    const raw = await readRaw(store, meta);
    const tree = new TreeHasher();
    let actual;
    let files = 0;
    if (raw.kind === 'file') {
        actual = pythonFileHash(raw.file.data);
        tree.add(raw.file);
        files = 1;
    }
    else {
        const hasher = new PythonDirHasher();
        try {
            for await (const file of raw.files) {
                if (file.mode === '120000')
                    return { status: 'unsafe', path: file.path, problem: 'is a symbolic link (not followed)' };
                const problem = treePathProblem(file.path);
                if (problem)
                    return { status: 'unsafe', path: file.path, problem };
                hasher.add(file.path, file.data);
                tree.add(file);
            }
        }
        catch (err) {
            if (err instanceof UnsafeTreeError)
                return { status: 'unsafe', path: err.path, problem: err.problem };
            throw err;
        }
        actual = hasher.digest();
        files = hasher.count;
    }
    if (!meta.outputHash)
        return { status: 'corrupt', actual, files, problem: 'its metadata has an empty output_hash, so its files cannot be checked' };
    if (actual !== meta.outputHash)
        return { status: 'corrupt', actual, files };
    return { status: 'ok', files, treeHash: tree.digest() };
}
function readRaw(store, meta) {
    return store.readRawEntry(meta.contentHash, pythonExcludes(meta.sourcePath), fileNameOf(meta));
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/entry.js





/**
 * A full hash from a HASH argument: a full hash or a prefix of at least 8 hex digits that names
 * exactly one entry. An ambiguous prefix is refused with its candidates, never guessed.
 */
async function resolveHash(store, given, where) {
    const prefix = checkHashPrefix(given, where);
    const matches = (await store.entries(prefix)).map((e) => e.hash);
    if (matches.length === 1)
        return matches[0];
    if (matches.length === 0)
        throw new errors_InputError(`${where}: no entry in ${store.description} matches ${quote(given)}`);
    const shown = matches.slice(0, 5).map((h) => h.slice(0, Math.max(16, given.length + 4)));
    const more = matches.length > 5 ? ` and ${matches.length - 5} more` : '';
    throw new errors_InputError(`${where}: ${quote(given)} is ambiguous (matches ${shown.join(', ')}${more}); give more digits`);
}
async function readMetadata(store, hash) {
    const bytes = await store.readMetadataBytes(hash);
    return bytes === undefined ? undefined : parseMetadata(bytes, store.metadataName(hash), hash);
}
/** Checks an entry by the rule its maker used: its name for ours, its `output_hash` for the Python CLI's. */
async function checkEntry(store, hash, meta) {
    return meta?.origin === 'python' ? checkPythonEntry(store, meta) : checkEntryTree(store, hash);
}
/** The files a restore of the entry writes, in the form its check hashed them. */
function restoreFiles(store, meta) {
    return meta.origin === 'python' ? pythonRestoreFiles(store, meta) : store.readTree(meta.contentHash);
}
/** Re-hashes an entry's files; an unsafe file (a link out of the tree, `..`) is reported, not read through. */
async function checkEntryTree(store, hash) {
    try {
        const { hash: actual, files } = await consumeTree(store.readTree(hash));
        return actual === hash ? { status: 'ok', files, treeHash: hash } : { status: 'corrupt', actual, files };
    }
    catch (err) {
        if (err instanceof UnsafeTreeError)
            return { status: 'unsafe', path: err.path, problem: err.problem };
        throw err;
    }
}
/** One line describing why an entry's files cannot be trusted. */
function describeCheck(store, hash, check, meta) {
    if (check.status === 'corrupt' && check.problem)
        return `${store.entryName(hash)}: corrupt: ${check.problem}`;
    if (check.status === 'corrupt' && meta?.origin === 'python') {
        return `${store.entryName(hash)}: corrupt: its files hash to ${check.actual}, not its output_hash ${meta.outputHash ?? ''}`;
    }
    if (check.status === 'corrupt')
        return `${store.entryName(hash)}: corrupt: its files hash to ${check.actual}, not ${hash}`;
    return `${store.entryName(hash)}: unsafe: ${quote(check.path)} ${check.problem}`;
}
/** The checks an add makes of an entry that is already there before reusing it. */
async function requireSoundEntry(store, hash) {
    const check = await checkEntryTree(store, hash);
    if (check.status !== 'ok')
        throw new errors_InputError(`${describeCheck(store, hash, check)}; run meta store verify and remove it`);
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/fs-tree.js



/**
 * Reads a directory as a tree, never following a symbolic link: a link is reported as a link
 * (mode 120000, its target as content), so reading a store entry cannot be led outside it.
 */
async function* readDirTree(dir, prefix = '', skip) {
    const names = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of names) {
        const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
        const abs = (0,external_node_path_namespaceObject.join)(dir, dirent.name);
        if (skip?.(rel))
            continue;
        if (dirent.isSymbolicLink()) {
            yield { path: rel, mode: '120000', data: Buffer.from(await (0,promises_namespaceObject.readlink)(abs, { encoding: 'buffer' })) };
        }
        else if (dirent.isDirectory()) {
            yield* readDirTree(abs, rel, skip);
        }
        else if (dirent.isFile()) {
            const stat = await (0,promises_namespaceObject.lstat)(abs);
            // Git keeps only the owner's execute bit; so does the hash, whatever the umask did to the rest.
            yield { path: rel, mode: stat.mode & 0o100 ? '100755' : '100644', data: await (0,promises_namespaceObject.readFile)(abs) };
        }
        else {
            throw new UnsafeTreeError(rel, 'is not a regular file, directory or symbolic link');
        }
    }
}
/**
 * Writes a checked tree into an empty directory. Regular files are written first (`wx`: never over
 * something already there) and links last, so no write can pass through a link the tree made.
 */
class TreeWriter {
    dir;
    links = [];
    constructor(dir) {
        this.dir = dir;
    }
    async write(file) {
        if (file.mode === '120000') {
            this.links.push(file);
            return;
        }
        const abs = (0,external_node_path_namespaceObject.join)(this.dir, ...file.path.split('/'));
        await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(abs), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(abs, file.data, { flag: 'wx', mode: file.mode === '100755' ? 0o755 : 0o644 });
    }
    async finish() {
        for (const link of this.links) {
            const abs = (0,external_node_path_namespaceObject.join)(this.dir, ...link.path.split('/'));
            await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(abs), { recursive: true });
            await (0,promises_namespaceObject.symlink)(link.data.toString('utf8'), abs);
        }
        this.links.length = 0;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/git/store-files.js





const store_files_strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');
/**
 * `git ls-tree -z -l --full-tree` of a commit or tree, optionally recursive and limited to paths.
 * Paths stay bytes until decoded here, so names with spaces, quotes or newlines arrive intact.
 */
async function lsTree(cwd, treeish, options = {}) {
    const args = ['ls-tree', '-z', '-l', '--full-tree'];
    if (options.recursive)
        args.push('-r');
    args.push('--end-of-options', treeish);
    if (options.paths)
        args.push('--', ...options.paths);
    const result = await run_git_runGit(args, { cwd });
    if (result.code !== 0)
        throw new Error(`git ls-tree ${treeish} failed: ${store_files_firstLine(result.stderr)}`);
    const out = [];
    const data = result.stdout;
    let offset = 0;
    while (offset < data.length) {
        const end = data.indexOf(0, offset);
        const record = data.subarray(offset, end === -1 ? data.length : end);
        offset = end === -1 ? data.length : end + 1;
        const tab = record.indexOf(0x09);
        if (tab === -1)
            continue;
        const [mode = '', type = '', object = '', size = ''] = record.subarray(0, tab).toString('latin1').trim().split(/ +/);
        const pathBytes = record.subarray(tab + 1);
        let path;
        let utf8 = true;
        try {
            path = store_files_strictUtf8.decode(pathBytes);
        }
        catch {
            path = lossyUtf8.decode(pathBytes);
            utf8 = false;
        }
        out.push({ mode, type, object, size: /^\d+$/.test(size) ? Number(size) : undefined, path, utf8 });
    }
    return out;
}
/**
 * The contents of many blobs, read with one `git cat-file --batch` per chunk of about `chunkBytes`,
 * so a large tree is never held in memory all at once.
 */
async function* readBlobsChunked(cwd, items, chunkBytes = 32 * 1024 * 1024) {
    let start = 0;
    while (start < items.length) {
        let end = start;
        let bytes = 0;
        while (end < items.length && (end === start || bytes + (items[end].size ?? 0) <= chunkBytes)) {
            bytes += items[end].size ?? 0;
            end += 1;
        }
        const chunk = items.slice(start, end);
        const blobs = await readBlobs(cwd, chunk.map((item) => item.object));
        for (const item of chunk) {
            const data = blobs.get(item.object);
            if (!data)
                throw new Error(`object ${item.object} is missing from ${cwd}`);
            yield [item, data];
        }
        start = end;
    }
}
/** The commit a branch points at, or undefined when there is no such branch. */
async function branchTip(cwd, branch) {
    const result = await run_git_runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/heads/${branch}^{commit}`], { cwd });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
/** The branch HEAD is on (`refs/heads/...`), or undefined when detached or not a repository. */
async function headRef(cwd) {
    const result = await run_git_runGit(['symbolic-ref', '--quiet', 'HEAD'], { cwd });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
}
/** Stores files as blobs (`hash-object -w --no-filters`: bytes as they are) and returns their ids in order. */
async function writeBlobs(cwd, files) {
    if (files.length === 0)
        return [];
    const out = await run_git_git(['hash-object', '-w', '--no-filters', '--stdin-paths'], { cwd, input: files.map((f) => `${f}\n`).join('') });
    const ids = out.split('\n').filter(Boolean);
    if (ids.length !== files.length)
        throw new Error(`git hash-object returned ${ids.length} ids for ${files.length} files`);
    return ids;
}
/**
 * Builds a tree from `base` (a commit or tree; none for an empty one) plus `entries`, in a private
 * index file, so the meta-repo's own index and working tree are never touched.
 */
async function writeTreeFrom(cwd, base, entries) {
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'meta-store-index-'));
    const env = { GIT_INDEX_FILE: (0,external_node_path_namespaceObject.join)(dir, 'index') };
    try {
        await run_git_git(base ? ['read-tree', '--end-of-options', base] : ['read-tree', '--empty'], { cwd, env });
        const records = entries.map((e) => `${e.mode} ${e.object}\t${e.path}\0`).join('');
        await run_git_git(['update-index', '-z', '--index-info'], { cwd, env, input: Buffer.from(records, 'utf8') });
        return (await run_git_git(['write-tree'], { cwd, env })).trim();
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * Commits a tree. Where git has no identity configured (a fresh CI runner), `fallbackName` is used
 * rather than failing the run over who authored a store entry.
 */
async function commitTree(cwd, tree, parent, message, fallbackName) {
    const identity = await run_git_runGit(['var', 'GIT_COMMITTER_IDENT'], { cwd });
    const env = identity.code === 0
        ? undefined
        : {
            GIT_AUTHOR_NAME: fallbackName,
            GIT_AUTHOR_EMAIL: 'meta-rollback@localhost',
            GIT_COMMITTER_NAME: fallbackName,
            GIT_COMMITTER_EMAIL: 'meta-rollback@localhost',
        };
    const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message];
    return (await run_git_git(args, { cwd, env })).trim();
}
/**
 * Moves a branch from `old` (undefined: the branch must not exist yet) to `next`, atomically and only
 * if nobody moved it meanwhile; returns false when someone did.
 */
async function updateBranch(cwd, branch, next, old, reason) {
    const result = await run_git_runGit(['update-ref', '-m', reason, `refs/heads/${branch}`, next, old ?? ''], { cwd });
    if (result.code === 0)
        return true;
    if (/cannot lock ref|but expected|already exists|is at/i.test(result.stderr))
        return false;
    throw new Error(`git update-ref refs/heads/${branch} failed: ${store_files_firstLine(result.stderr)}`);
}
function store_files_firstLine(text) {
    return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/branch-store.js










const SHARD = /^[0-9a-f]{2}$/;
const ENTRY = /^([0-9a-f]{2})\/([0-9a-f]{64})(\.metadata\.json)?$/;
const branch_store_MODES = new Set(['100644', '100755', '120000']);
/**
 * The store kept on a branch of the meta-repo (`--store-branch`), so that a workflow's entries
 * survive between runs. It is read with `ls-tree`/`cat-file` and written with plumbing
 * (`hash-object`, a private index, `commit-tree`, `update-ref` with the old value), so the
 * meta-repo's working tree, index and HEAD never change, and two runs cannot overwrite each other.
 */
class BranchStore {
    root;
    branch;
    description;
    tipPromise;
    constructor(root, branch) {
        this.root = root;
        this.branch = branch;
        checkRefName(branch, '--store-branch');
        this.description = `branch ${branch}`;
    }
    entryName(hash) {
        return `${this.branch}:${hash.slice(0, 2)}/${hash}`;
    }
    metadataName(hash) {
        return `${this.entryName(hash)}.metadata.json`;
    }
    async tip() {
        this.tipPromise ??= (async () => {
            if (!(await isMetaRepoGit(this.root)))
                throw new errors_InputError(`--store-branch: the meta-repo is not a git repository`);
            return branchTip(this.root, this.branch);
        })();
        return this.tipPromise;
    }
    async entries(prefix) {
        const tip = await this.tip();
        if (!tip)
            return [];
        const shards = prefix ? [prefix.slice(0, 2)] : (await lsTree(this.root, tip)).filter((e) => e.type === 'tree' && SHARD.test(e.path)).map((e) => e.path);
        if (shards.length === 0)
            return [];
        const found = new Map();
        for (const item of await lsTree(this.root, tip, { paths: shards.map((s) => `${s}/`) })) {
            const match = ENTRY.exec(item.path);
            if (!match || !match[2].startsWith(match[1]) || (prefix && !match[2].startsWith(prefix)))
                continue;
            const info = found.get(match[2]) ?? { tree: false, metadata: false };
            if (match[3] && item.type === 'blob')
                info.metadata = true;
            // A blob under the entry's own name is a Python CLI entry made from a single file.
            if (!match[3] && (item.type === 'tree' || item.type === 'blob'))
                info.tree = true;
            found.set(match[2], info);
        }
        return [...found]
            .filter(([, info]) => info.tree || info.metadata)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([hash, info]) => ({ hash, ...info }));
    }
    async readMetadataBytes(hash) {
        return (await this.readAllMetadata([hash])).get(hash);
    }
    async readAllMetadata(hashes) {
        const out = new Map();
        const tip = await this.tip();
        if (!tip || hashes.length === 0)
            return out;
        const spec = (hash) => `${tip}:${hash.slice(0, 2)}/${hash}.metadata.json`;
        const blobs = await readBlobs(this.root, hashes.map(spec));
        for (const hash of hashes) {
            const bytes = blobs.get(spec(hash));
            if (bytes)
                out.set(hash, bytes);
        }
        return out;
    }
    async *readTree(hash) {
        const tip = await this.tip();
        const prefix = `${hash.slice(0, 2)}/${hash}/`;
        const items = tip ? await lsTree(this.root, tip, { recursive: true, paths: [prefix] }) : [];
        if (items.length === 0 && !(await this.entries(hash)).some((e) => e.hash === hash && e.tree)) {
            throw new errors_InputError(`${this.entryName(hash)}: no such entry`);
        }
        const blobs = items.filter((item) => item.path.startsWith(prefix));
        for (const item of blobs) {
            const rel = item.path.slice(prefix.length);
            if (!item.utf8)
                throw new UnsafeTreeError(rel, 'has a name that is not UTF-8');
            if (item.type !== 'blob' || !branch_store_MODES.has(item.mode))
                throw new UnsafeTreeError(rel, `is a ${item.type} (mode ${item.mode}), not a file or link`);
        }
        for await (const [item, data] of readBlobsChunked(this.root, blobs)) {
            yield { path: item.path.slice(prefix.length), mode: item.mode, data };
        }
    }
    async readRawEntry(hash, skip, fileName) {
        const tip = await this.tip();
        const path = `${hash.slice(0, 2)}/${hash}`;
        const [item] = tip ? (await lsTree(this.root, tip, { paths: [path] })).filter((i) => i.path === path) : [];
        if (!item)
            throw new errors_InputError(`${this.entryName(hash)}: no such entry`);
        if (item.type === 'blob') {
            const data = (await readBlobs(this.root, [`${tip}:${path}`])).get(`${tip}:${path}`);
            if (!data)
                throw new errors_InputError(`${this.entryName(hash)}: cannot be read`);
            if (item.mode === '120000')
                throw new errors_InputError(`${this.entryName(hash)}: is a symbolic link`);
            return { kind: 'file', file: { path: fileName, mode: item.mode === '100755' ? '100755' : '100644', data } };
        }
        const files = this.readTree(hash);
        return {
            kind: 'dir',
            files: (async function* () {
                for await (const file of files) {
                    if (!file.path.split('/').some((_, i, parts) => skip(parts.slice(0, i + 1).join('/'))))
                        yield file;
                }
            })(),
        };
    }
    async add(input) {
        const tip = await this.tip();
        if (input.dryRun) {
            const { hash, files } = await consumeTree(input.files);
            const metadata = (await this.entries(hash)).some((e) => e.hash === hash && e.metadata) ? await readMetadata(this, hash) : undefined;
            return { hash, files, added: !metadata, metadata: metadata ?? input.metadataFor(hash) };
        }
        if ((await headRef(this.root)) === `refs/heads/${this.branch}`) {
            throw new errors_InputError(`--store-branch: ${quote(this.branch)} is checked out in the meta-repo; use a branch that is not`);
        }
        const temp = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'meta-store-add-'));
        try {
            const staged = [];
            const { hash, files } = await consumeTree(input.files, async (file) => {
                const path = (0,external_node_path_namespaceObject.join)(temp, String(staged.length));
                await (0,promises_namespaceObject.writeFile)(path, file.data);
                staged.push({ mode: file.mode, path: file.path, file: path });
            });
            const existing = (await this.entries(hash)).find((e) => e.hash === hash);
            const entries = [];
            const prefix = `${hash.slice(0, 2)}/${hash}`;
            if (existing?.tree) {
                await requireSoundEntry(this, hash);
                const metadata = existing.metadata ? await readMetadata(this, hash) : undefined;
                if (metadata)
                    return { hash, files, added: false, metadata };
            }
            else {
                const ids = await writeBlobs(this.root, staged.map((s) => s.file));
                staged.forEach((s, i) => entries.push({ mode: s.mode, object: ids[i], path: `${prefix}/${s.path}` }));
            }
            const metadata = input.metadataFor(hash);
            const metadataFile = (0,external_node_path_namespaceObject.join)(temp, 'metadata.json');
            await (0,promises_namespaceObject.writeFile)(metadataFile, renderMetadata(metadata));
            const [metadataId] = await writeBlobs(this.root, [metadataFile]);
            entries.push({ mode: '100644', object: metadataId, path: `${prefix}.metadata.json` });
            const tree = await writeTreeFrom(this.root, tip, entries);
            const commit = await commitTree(this.root, tree, tip, input.message, input.actor);
            if (!(await updateBranch(this.root, this.branch, commit, tip, input.message))) {
                throw new errors_OperationError(`--store-branch: ${quote(this.branch)} moved while the entry was being added; run again`);
            }
            this.tipPromise = Promise.resolve(commit);
            return { hash, files, added: true, metadata };
        }
        finally {
            await (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true });
        }
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/dir-store.js









const dir_store_SHARD = /^[0-9a-f]{2}$/;
const dir_store_ENTRY = /^([0-9a-f]{64})(\.metadata\.json)?$/;
/**
 * The store in `.meta-store/` of the meta-repo. Every path is built from a validated hex hash, and
 * every directory on the way (the store, its shard, the entry) must be a real directory, not a
 * symbolic link, so nothing read or written can be outside `.meta-store`.
 */
class DirStore {
    root;
    description;
    base;
    /** `dirRel`: the store's path relative to the root (the Python CLI's `--store-dir`). */
    constructor(root, description = STORE_DIR) {
        this.root = root;
        this.description = description;
        this.base = (0,external_node_path_namespaceObject.join)(root, description);
    }
    entryName(hash) {
        return `${this.description}/${hash.slice(0, 2)}/${hash}`;
    }
    metadataName(hash) {
        return `${this.entryName(hash)}.metadata.json`;
    }
    entryDir(hash) {
        return (0,external_node_path_namespaceObject.join)(this.base, hash.slice(0, 2), hash);
    }
    /** Whether `.meta-store` exists; refuses one that is a link or a file. */
    async baseExists() {
        const stat = await lstatOrUndefined(this.base);
        if (!stat)
            return false;
        requireRealDir(stat, this.description, this.description);
        return true;
    }
    async entries(prefix) {
        if (!(await this.baseExists()))
            return [];
        const shards = prefix ? [prefix.slice(0, 2)] : (await (0,promises_namespaceObject.readdir)(this.base)).filter((n) => dir_store_SHARD.test(n)).sort();
        const found = new Map();
        for (const shard of shards) {
            const dir = (0,external_node_path_namespaceObject.join)(this.base, shard);
            const stat = await lstatOrUndefined(dir);
            if (!stat)
                continue;
            requireRealDir(stat, `${this.description}/${shard}`, this.description);
            let names;
            try {
                names = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
            }
            catch {
                continue;
            }
            for (const dirent of names) {
                const match = dir_store_ENTRY.exec(dirent.name);
                if (!match || !match[1].startsWith(shard) || (prefix && !match[1].startsWith(prefix)))
                    continue;
                const info = found.get(match[1]) ?? { tree: false, metadata: false };
                if (match[2])
                    info.metadata = true;
                else
                    info.tree = true;
                found.set(match[1], info);
            }
        }
        return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([hash, info]) => ({ hash, ...info }));
    }
    async readMetadataBytes(hash) {
        if (!(await this.baseExists()))
            return undefined;
        await this.requireShard(hash);
        const path = `${this.entryDir(hash)}.metadata.json`;
        const stat = await lstatOrUndefined(path);
        if (!stat)
            return undefined;
        if (!stat.isFile())
            throw new errors_InputError(`${this.metadataName(hash)}: is not a regular file`);
        return (0,promises_namespaceObject.readFile)(path);
    }
    async readAllMetadata(hashes) {
        const out = new Map();
        for (const hash of hashes) {
            const bytes = await this.readMetadataBytes(hash);
            if (bytes)
                out.set(hash, bytes);
        }
        return out;
    }
    async *readTree(hash) {
        if (!(await this.baseExists()))
            throw new errors_InputError(`${this.entryName(hash)}: no such entry`);
        await this.requireShard(hash);
        const stat = await lstatOrUndefined(this.entryDir(hash));
        if (!stat)
            throw new errors_InputError(`${this.entryName(hash)}: no such entry`);
        requireRealDir(stat, this.entryName(hash), this.description);
        yield* readDirTree(this.entryDir(hash));
    }
    async readRawEntry(hash, skip, fileName) {
        if (!(await this.baseExists()))
            throw new errors_InputError(`${this.entryName(hash)}: no such entry`);
        await this.requireShard(hash);
        const path = this.entryDir(hash);
        const stat = await lstatOrUndefined(path);
        if (!stat)
            throw new errors_InputError(`${this.entryName(hash)}: no such entry`);
        if (stat.isSymbolicLink())
            throw new errors_InputError(`${this.entryName(hash)}: is a symbolic link; the store may not lead outside ${this.description}`);
        if (stat.isFile())
            return { kind: 'file', file: { path: fileName, mode: stat.mode & 0o100 ? '100755' : '100644', data: await (0,promises_namespaceObject.readFile)(path) } };
        requireRealDir(stat, this.entryName(hash), this.description);
        return { kind: 'dir', files: readDirTree(path, '', skip) };
    }
    async requireShard(hash) {
        const stat = await lstatOrUndefined((0,external_node_path_namespaceObject.join)(this.base, hash.slice(0, 2)));
        if (stat)
            requireRealDir(stat, `${this.description}/${hash.slice(0, 2)}`, this.description);
    }
    /**
     * Builds the tree in a temp directory inside `.meta-store` (same filesystem, so the final step is
     * a rename), then writes the metadata. Content already stored is not stored again.
     */
    async add(input) {
        const baseExisted = await this.baseExists();
        if (input.dryRun) {
            const { hash, files } = await consumeTree(input.files);
            const existing = (await this.entries(hash)).find((e) => e.hash === hash);
            const metadata = existing?.metadata ? await readMetadata(this, hash) : undefined;
            return { hash, files, added: !metadata, metadata: metadata ?? input.metadataFor(hash) };
        }
        await (0,promises_namespaceObject.mkdir)(this.base, { recursive: true });
        let temp;
        let shardCreated = false;
        let shard;
        try {
            temp = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(this.base, '.tmp-add-'));
            const writer = new TreeWriter(temp);
            const { hash, files } = await consumeTree(input.files, (file) => writer.write(file));
            await writer.finish();
            const final = this.entryDir(hash);
            shard = (0,external_node_path_namespaceObject.join)(this.base, hash.slice(0, 2));
            if (!(await lstatOrUndefined(shard))) {
                await (0,promises_namespaceObject.mkdir)(shard);
                shardCreated = true;
            }
            requireRealDir(await (0,promises_namespaceObject.lstat)(shard), `${this.description}/${hash.slice(0, 2)}`, this.description);
            let moved = false;
            if (!(await lstatOrUndefined(final))) {
                try {
                    await (0,promises_namespaceObject.rename)(temp, final);
                    moved = true;
                    temp = undefined;
                }
                catch (err) {
                    // Another run stored the same content first: theirs is as good as ours.
                    if (!['ENOTEMPTY', 'EEXIST'].includes(err.code ?? ''))
                        throw err;
                }
            }
            if (!moved) {
                await (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true });
                temp = undefined;
                await requireSoundEntry(this, hash);
                const metadata = await readMetadata(this, hash);
                if (metadata)
                    return { hash, files, added: false, metadata };
            }
            const metadata = input.metadataFor(hash);
            try {
                await writeFileAtomic(`${final}.metadata.json`, renderMetadata(metadata));
            }
            catch (err) {
                if (moved)
                    await (0,promises_namespaceObject.rm)(final, { recursive: true, force: true });
                throw err;
            }
            return { hash, files, added: true, metadata };
        }
        catch (err) {
            if (temp)
                await (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true });
            if (shardCreated && shard)
                await (0,promises_namespaceObject.rmdir)(shard).catch(() => undefined);
            if (!baseExisted)
                await (0,promises_namespaceObject.rmdir)(this.base).catch(() => undefined);
            throw err;
        }
    }
}
async function lstatOrUndefined(path) {
    try {
        return await (0,promises_namespaceObject.lstat)(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
function requireRealDir(stat, display, store) {
    if (stat.isSymbolicLink())
        throw new errors_InputError(`${display}: is a symbolic link; the store may not lead outside ${store}`);
    if (!stat.isDirectory())
        throw new errors_InputError(`${display}: is not a directory`);
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/open.js





function open_openStore(ctx, options = {}) {
    if (options.storeBranch !== undefined) {
        if (options.storeDir !== undefined)
            throw new errors_InputError('--store-dir: give either --store-dir or --store-branch, not both');
        return new BranchStore(ctx.root, options.storeBranch);
    }
    if (options.storeDir === undefined)
        return new DirStore(ctx.root);
    const abs = resolveInsideRoot(ctx.root, ctx.cwd, options.storeDir, '--store-dir');
    const rel = relativeToRoot(ctx.root, abs);
    if (rel === '' || rel.split('/').some((p) => p === '.git'))
        throw new errors_InputError(`--store-dir: ${quote(options.storeDir)} is the meta-repo root or inside its .git`);
    return new DirStore(ctx.root, rel);
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/rollback-store.js




















/**
 * `meta rollback store NAME HASH`. Before anything changes: HASH must name exactly one entry, the
 * entry must belong to NAME, and its files must still hash to HASH and be safe to write (a mismatch
 * is refused like malformed input: exit 2, nothing changed).
 *
 * An entry whose commit can be found in the component's repository is restored exactly like
 * `rollback component NAME --to-commit COMMIT` (snapshot, checkout, lock, journal), with the
 * entry's version. Otherwise (no commit, or the commit is gone) its files replace `components/NAME`.
 */
async function rollbackStore(ctx, name, hash, options = {}) {
    names_checkComponentName(name, 'NAME');
    checkHashPrefix(hash, 'HASH');
    const state = await loadState(ctx);
    const spec = requireComponent(state.manifest, name, 'NAME');
    const store = open_openStore(ctx, options);
    const full = await resolveHash(store, hash, 'HASH');
    const meta = await readMetadata(store, full);
    if (!meta) {
        throw new errors_InputError(`HASH: ${store.entryName(full)} has no metadata (${store.metadataName(full)}), so the component it belongs to is unknown`);
    }
    if (meta.component !== name)
        throw new errors_InputError(`HASH: ${store.entryName(full)} belongs to ${quote(meta.component)}, not ${quote(name)}`);
    const check = await checkEntry(store, full, meta);
    if (check.status !== 'ok')
        throw new errors_InputError(`HASH: ${describeCheck(store, full, check, meta)}; nothing was changed`);
    const entry = { hash: full, component: name, path: store.entryName(full), files: check.files, treeHash: check.treeHash };
    const warnings = [];
    if (meta.commit !== null) {
        if (await commitExists(ctx, spec, meta.commit)) {
            const result = await executePlan(ctx, {
                mode: 'store',
                lock: state.lock,
                lockRel: state.lockRel,
                pins: [{ component: name, to: { version: meta.version, commit: meta.commit }, repo: state.lock.entries.get(name)?.repo ?? meta.repo ?? spec.repo }],
                writeLock: true,
            });
            return { ...result, mode: 'store', store: { ...entry, restored: 'commit' } };
        }
        warnings.push(`commit ${meta.commit.slice(0, 12)} of ${entry.path} is not in ${name}'s repository; restoring its files instead (the lock is not changed)`);
    }
    return restoreTree(ctx, state, store, meta, entry, warnings);
}
async function commitExists(ctx, spec, commit) {
    try {
        await resolveTarget(ctx, spec, { kind: 'commit', sha: commit });
        return true;
    }
    catch (err) {
        // Not found is an answer; a remote that cannot be reached is not, and fails the run.
        if (err instanceof errors_InputError)
            return false;
        throw err;
    }
}
/**
 * Restores an entry's files into `components/NAME` (see writeTree). A git checkout is never
 * replaced this way: its history and untracked files would be lost.
 */
async function restoreTree(ctx, state, store, meta, entry, warnings) {
    const name = meta.component;
    const { treeHash: _treeHash, ...shown } = entry;
    const base = { ok: true, mode: 'store', env: ctx.env ?? null, lock: state.lockRel, dryRun: ctx.dryRun, warnings, store: { ...shown, restored: 'tree' } };
    const to = { version: meta.version, commit: meta.commit };
    const planned = await inspectTarget(ctx, state, meta, entry);
    // Nothing to do may only look so because a killed run got half-way: then take its lock anyway.
    if (planned.holdsEntry && (ctx.dryRun || !(await staleLockPresent(ctx.root))))
        return { ...base, changes: [], snapshot: null, historyEntry: null, journalFile: null };
    if (planned.keepGit) {
        warnings.push(`${COMPONENTS_DIR}/${name} is a git checkout: its .git is kept and its HEAD does not move, so git status there shows the entry's files as changes (the Python CLI would have replaced the .git too)`);
    }
    if (ctx.dryRun)
        return { ...base, changes: [{ component: name, from: planned.from, to, checkout: 'moved', lock: 'unchanged' }], snapshot: null, historyEntry: null, journalFile: null };
    // The files are written holding .meta/lock, so the journal entries of concurrent runs are named in
    // the order their changes were; what was seen above is seen again under it, since another run may
    // have replaced components/NAME or moved its pin meanwhile.
    return withMetaLock(ctx, `meta rollback store${ctx.env ? ` --env ${ctx.env}` : ''}`, async () => {
        const now = await inspectTarget(ctx, await loadState(ctx), meta, entry);
        if (now.holdsEntry)
            return { ...base, changes: [], snapshot: null, historyEntry: null, journalFile: null };
        return writeTree(ctx, state.lockRel, store, meta, entry, now, base, warnings);
    });
}
async function inspectTarget(ctx, state, meta, entry) {
    const name = meta.component;
    const rel = `${COMPONENTS_DIR}/${name}`;
    const dir = componentDir(ctx.root, name);
    const current = await rollback_store_lstatOrUndefined(dir);
    if (current?.isSymbolicLink())
        throw new errors_InputError(`${rel}: is a symbolic link; refusing to replace it`);
    if (current && !current.isDirectory())
        throw new errors_InputError(`${rel}: exists but is not a directory`);
    const keepGit = current !== undefined && meta.origin === 'python' && isGitRepo(dir);
    if (keepGit) {
        // The Python CLI restores over a checkout; its .git stays here, but never over work not committed.
        const { changed } = await workingState(dir);
        if (changed.length > 0)
            throw new errors_InputError(`${rel}: has uncommitted changes (${changed.slice(0, 5).join(', ')}); commit, stash or check them out before restoring a store entry over it`);
    }
    else if (current && isGitRepo(dir)) {
        const why = meta.commit === null ? 'has no commit' : `has a commit (${meta.commit.slice(0, 12)}) that is not in ${name}'s repository`;
        throw new errors_InputError(`${rel}: is a git checkout and ${entry.path} ${why}; a checkout is never replaced by plain files (its history would be lost), move it away first`);
    }
    const pinned = state.lock.entries.get(name);
    const from = pinned ? { version: pinned.version, commit: pinned.commit } : null;
    return { current, pinned, from, keepGit, holdsEntry: current !== undefined && (await hashOfDir(dir, keepGit)) === entry.treeHash };
}
/**
 * Replaces `components/NAME` with the entry's files: they are written into a temp directory beside
 * it and checked again as they are written, the old directory is renamed aside, the new one renamed
 * into place, and the old one removed only once the journal entry is written.
 */
async function writeTree(ctx, lockRel, store, meta, entry, target, base, warnings) {
    const name = meta.component;
    const rel = `${COMPONENTS_DIR}/${name}`;
    const dir = componentDir(ctx.root, name);
    const { current, pinned, from, keepGit } = target;
    const to = { version: meta.version, commit: meta.commit };
    const change = { component: name, from, to, checkout: 'moved', lock: 'unchanged' };
    const parent = (0,external_node_path_namespaceObject.join)(ctx.root, COMPONENTS_DIR);
    const parentExisted = (await rollback_store_lstatOrUndefined(parent)) !== undefined;
    await (0,promises_namespaceObject.mkdir)(parent, { recursive: true });
    const now = ctx.now();
    const snapshotRel = `${SNAPSHOT_DIR}/${timestamp(now).replace(/:/g, '')}-${ctx.env ?? 'default'}-store-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.yaml`;
    let temp;
    let old;
    let swapped = false;
    let snapshotWritten = false;
    // Where the kept .git is while the directories are swapped: the old dir, the new tree, or (swapped) dir.
    let gitIn = 'old';
    try {
        temp = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(parent, `.${name}.store-`));
        const writer = new TreeWriter(temp);
        // The files go to a temp directory first, so a signal until the swap below leaves components/NAME as it was.
        const stopped = `stopped while writing the entry's files beside ${COMPONENTS_DIR}/${name}, which was not touched: the workspace is in its old state`;
        const written = await consumeTree(restoreFiles(store, meta), (file) => {
            throwIfInterrupted(stopped);
            return writer.write(file);
        });
        if (written.hash !== entry.treeHash)
            throw new errors_InputError(`HASH: ${entry.path} changed while it was being restored; nothing was changed`);
        await writer.finish();
        throwIfInterrupted(stopped);
        const before = new Map();
        if (pinned)
            before.set(name, { version: pinned.version, commit: pinned.commit, repo: pinned.repo });
        await writeSnapshot((0,external_node_path_namespaceObject.join)(ctx.root, snapshotRel), { createdAt: timestamp(now), environment: ctx.env, components: before });
        snapshotWritten = true;
        if (keepGit) {
            await (0,promises_namespaceObject.rename)((0,external_node_path_namespaceObject.join)(dir, '.git'), (0,external_node_path_namespaceObject.join)(temp, '.git'));
            gitIn = 'temp';
        }
        if (current) {
            const aside = (0,external_node_path_namespaceObject.join)(parent, `.${name}.store-old-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`);
            await (0,promises_namespaceObject.rename)(dir, aside);
            old = aside;
        }
        await (0,promises_namespaceObject.rename)(temp, dir);
        temp = undefined;
        swapped = true;
        const historyEntry = {
            at: timestamp(now),
            actor: ctx.actor,
            mode: 'store',
            env: ctx.env ?? null,
            lock: lockRel,
            changes: [{ component: name, from, to }],
            snapshot: snapshotRel,
        };
        // The journal entry has the shape of every other one; only `to.commit` may be null here.
        const journalFile = await recordJournal(ctx.root, historyEntry, now);
        if (old) {
            await (0,promises_namespaceObject.rm)(old, { recursive: true, force: true }).catch((err) => {
                warnings.push(`the previous ${rel} was kept at ${COMPONENTS_DIR}/${old.split(/[\\/]/).pop()}: ${errorMessage(err)}`);
            });
        }
        return { ...base, changes: [change], snapshot: snapshotRel, historyEntry, journalFile };
    }
    catch (err) {
        if (gitIn === 'temp') {
            // The checkout's .git goes back first, so no clean-up below can remove it.
            const holder = swapped ? dir : temp;
            await (0,promises_namespaceObject.rename)((0,external_node_path_namespaceObject.join)(holder, '.git'), (0,external_node_path_namespaceObject.join)(old ?? dir, '.git')).catch(() => undefined);
        }
        if (swapped)
            await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
        if (old)
            await (0,promises_namespaceObject.rename)(old, dir).catch(() => undefined);
        if (temp)
            await (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true });
        if (snapshotWritten)
            await (0,promises_namespaceObject.rm)((0,external_node_path_namespaceObject.join)(ctx.root, snapshotRel), { force: true });
        if (!parentExisted)
            await (0,promises_namespaceObject.rmdir)(parent).catch(() => undefined);
        throw err instanceof MetaError ? err : new errors_OperationError(`rollback failed and was undone: ${errorMessage(err)}`);
    }
}
async function hashOfDir(dir, skipGit) {
    try {
        return (await consumeTree(readDirTree(dir, '', skipGit ? (rel) => rel === '.git' : undefined))).hash;
    }
    catch {
        return undefined;
    }
}
async function rollback_store_lstatOrUndefined(path) {
    try {
        return await (0,promises_namespaceObject.lstat)(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/list.js




/**
 * Every entry whose metadata can be read, newest first. An entry with unreadable metadata is named
 * in a warning rather than failing the listing: a listing is how one finds the entry to remove.
 */
async function readStoreEntries(store) {
    const hashes = (await store.entries()).filter((e) => e.metadata).map((e) => e.hash);
    const bytes = await store.readAllMetadata(hashes);
    const entries = [];
    const warnings = [];
    for (const hash of hashes) {
        const data = bytes.get(hash);
        if (!data)
            continue;
        try {
            entries.push(parseMetadata(data, store.metadataName(hash), hash));
        }
        catch (err) {
            if (!(err instanceof MetaError))
                throw err;
            warnings.push(`skipped: ${errorMessage(err)}`);
        }
    }
    entries.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.contentHash.localeCompare(b.contentHash));
    return { entries, warnings };
}
/** `meta store list [--component NAME]`. */
async function storeList(ctx, options = {}) {
    if (options.component !== undefined)
        checkComponentName(options.component, '--component');
    const store = openStore(ctx, options);
    const { entries, warnings } = await readStoreEntries(store);
    return {
        ok: true,
        store: store.description,
        entries: entries
            .filter((e) => options.component === undefined || e.component === options.component)
            .map((e) => ({ ...metadataJson(e), path: store.entryName(e.contentHash) })),
        warnings,
        changes: [],
    };
}

;// CONCATENATED MODULE: ./.tsbuild/core/store/targets.js



/**
 * Store entries as `rollback list` targets (kind `store`). An entry recorded without a commit is
 * listed with an empty `commit`: it can still be restored, as files.
 */
function storeTargetsFrom(options = {}) {
    return async (ctx, components) => {
        const wanted = new Set(components.map((c) => c.name));
        let entries;
        try {
            ({ entries } = await readStoreEntries(open_openStore(ctx, options)));
        }
        catch (err) {
            // A broken store must not take `rollback list` down with it during an incident.
            if (err instanceof MetaError)
                return [];
            throw err;
        }
        const flags = `${ctx.env ? ` --env ${ctx.env}` : ''}${options.storeBranch !== undefined ? ` --store-branch ${options.storeBranch}` : ''}${options.storeDir !== undefined ? ` --store-dir ${options.storeDir}` : ''}`;
        return entries
            .filter((e) => wanted.has(e.component))
            .map((e) => ({
            component: e.component,
            kind: 'store',
            version: e.version,
            commit: e.commit ?? '',
            source: `store ${e.contentHash.slice(0, 12)}`,
            date: e.createdAt,
            command: `meta rollback store ${e.component} ${e.contentHash.slice(0, 12)}${flags}`,
        }));
    };
}
/** The `.meta-store/` entries, for `listTargets(ctx, component, [storeTargets])`. */
const storeTargets = storeTargetsFrom();

;// CONCATENATED MODULE: ./.tsbuild/core/changeset/targets.js







/**
 * Changesets as `meta rollback list` targets: one row per component a changeset touches, with the
 * newest commit it has there. Commits the file lists are used as written; for a changeset that
 * lists none, the component's checkout (when there is one) is searched for the `[changeset:ID]`
 * marker — one `git log` per checkout for all such changesets, nothing fetched. Files that cannot
 * be read are left out (`meta changeset list` reports them).
 */
const changesetTargets = async (ctx, components) => {
    const wanted = new Set(components.map((c) => c.name));
    const index = await loadChangesetIndex(ctx.root).catch((err) => {
        if (!(err instanceof MetaError))
            throw err;
        return undefined;
    });
    const { ids } = await changesetFileIds(ctx.root);
    const files = [];
    for (const id of ids) {
        try {
            files.push(await loadChangeset(ctx.root, id));
        }
        catch (err) {
            if (!(err instanceof MetaError))
                throw err;
        }
    }
    const out = [];
    const row = (file, component, commit, date) => ({
        component,
        kind: 'changeset',
        version: file.id,
        commit,
        source: changesetFileRel(file.id),
        date: file.createdAt ?? index?.entries.get(file.id)?.createdAt ?? date,
        status: file.status ?? index?.entries.get(file.id)?.status ?? 'open',
        command: `meta changeset rollback ${file.id}`,
    });
    const byMarker = [];
    for (const file of files) {
        const listed = new Map();
        for (const entry of file.repos) {
            const name = entry.name ?? components.find((c) => c.repo === entry.repo)?.name;
            if (name === undefined || !wanted.has(name))
                continue;
            // Entries are appended as commits are made, so the last one listed is the newest.
            const commit = entry.commits[entry.commits.length - 1];
            if (commit !== undefined || !listed.has(name))
                listed.set(name, commit ?? listed.get(name) ?? '');
        }
        for (const [name, commit] of listed)
            out.push(row(file, name, commit, null));
        if (file.repos.length === 0)
            byMarker.push(file);
    }
    if (byMarker.length > 0) {
        for (const spec of components) {
            const dir = componentDir(ctx.root, spec.name);
            if (!(0,external_node_fs_namespaceObject.existsSync)(dir) || !isGitRepo(dir))
                continue;
            const needles = byMarker.flatMap((f) => [changesetMarker(f.id), revertTrailerLine(f.id)]);
            const found = await commitsWithMessage(dir, '--all', needles).catch(() => []);
            for (const file of byMarker) {
                const marker = changesetMarker(file.id);
                const trailer = revertTrailerLine(file.id);
                const newest = found.find((c) => c.message.includes(marker) && !c.message.split('\n').some((l) => l.trim() === trailer));
                if (newest)
                    out.push(row(file, spec.name, newest.commit, null));
            }
        }
    }
    return out;
};

;// CONCATENATED MODULE: ./.tsbuild/action/perform-mode.js




const perform_mode_CHANGESET_INDEX = `${CHANGESET_DIR}/index.yaml`;









/** The files a rollback wrote, which the action commits: lock, journal, the undo snapshot, holds. */
function filesOf(result) {
    if (result.dryRun || result.changes.length === 0)
        return [];
    const files = result.journalFile ? [result.journalFile] : [];
    if (result.changes.some((c) => c.lock === 'changed'))
        files.unshift(result.lock);
    if (result.snapshot)
        files.push(result.snapshot);
    // The holds it added land in the same commit and pull request as the rollback they guard.
    if ((result.historyEntry?.holds?.length ?? 0) + (result.historyEntry?.holds_released?.length ?? 0) > 0)
        files.push(HOLDS_PATH);
    return files;
}
/** Runs the core operation a mode names, in the checked-out meta-repo. */
async function performMode(ctx, inputs, publishBranch) {
    switch (inputs.mode) {
        case 'component': {
            const target = inputs.toVersion !== undefined ? { kind: 'version', tag: inputs.toVersion } : { kind: 'commit', sha: inputs.toCommit };
            const result = await rollbackComponent(ctx, inputs.component, target);
            return { kind: 'rollback', result, files: filesOf(result) };
        }
        case 'lock': {
            const result = await rollbackLock(ctx, inputs.lockFile, { components: selection(inputs), rev: inputs.rev });
            return { kind: 'rollback', result, files: filesOf(result) };
        }
        case 'snapshot': {
            if (inputs.snapshotAction === 'restore') {
                const result = await restoreSnapshot(ctx, inputs.snapshotFile, selection(inputs));
                return { kind: 'rollback', result, files: filesOf(result) };
            }
            const file = inputs.snapshotFile ?? `.meta/snapshots/${timestamp(ctx.now()).slice(0, 10)}-${ctx.env ?? 'default'}.yaml`;
            const result = await createSnapshot(ctx, file, inputs.components);
            return { kind: 'snapshot-created', result, files: result.dryRun ? [] : [result.file] };
        }
        case 'store': {
            const result = await rollbackStore(ctx, inputs.component, inputs.storeHash, { storeBranch: inputs.storeBranch });
            return { kind: 'rollback', result, files: filesOf(result) };
        }
        case 'changeset': {
            // Revert branches are pushed here, all or nothing, with the components' credentials.
            const result = await rollbackChangeset(ctx, inputs.changeset, { push: !ctx.dryRun, gitEnv: ctx.gitEnv, publishBranch });
            const restored = result.lockRestore ? filesOf(result.lockRestore) : [];
            const written = result.dryRun || result.nothingToDo ? [] : [result.file, perform_mode_CHANGESET_INDEX, ...(result.journalFile ? [result.journalFile] : []), ...restored];
            return { kind: 'changeset', result, files: written.filter((f) => (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(ctx.root, f))) };
        }
        case 'list': {
            const result = await listTargets(ctx, inputs.component, [storeTargetsFrom({ storeBranch: inputs.storeBranch }), changesetTargets, knownGoodTargets]);
            return { kind: 'list', result, files: [] };
        }
        default:
            throw new Error(`mode ${inputs.mode} is handled elsewhere`);
    }
}
/** `component` and `components` both narrow lock and snapshot rollbacks (a fan-out job passes a group). */
function selection(inputs) {
    const names = [...(inputs.component !== undefined ? [inputs.component] : []), ...(inputs.components ?? [])];
    return names.length > 0 ? names : undefined;
}

;// CONCATENATED MODULE: ./.tsbuild/action/bisect-report.js
const VERDICT = (ok) => (ok === null ? 'cannot test (125)' : ok ? 'good' : '**bad**');
/** The job summary's part for mode bisect: every probe as a row, then the culprits. */
function bisectSection(result) {
    const rows = result.probes.map((p) => {
        const state = p.role === 'good' ? 'GOOD' : p.role === 'bad' ? 'BAD' : p.atBad.map((n) => `\`${n}\``).join(', ');
        return `| ${p.index} | ${state} | ${p.moved.length} | ${VERDICT(p.ok)} | ${p.seconds.toFixed(2)} |`;
    });
    const lines = [
        `### Culprit finding: ${result.candidates.length} candidate(s), ${result.probes.length} probe(s)`,
        '',
        `Between \`${result.good.slice(0, 12)}\` (good) and \`${result.bad.slice(0, 12)}\` (bad) in \`${result.lock}\`.`,
        '',
        '| probe | at their bad pin | checkouts moved | verdict | seconds |',
        '|---|---|---|---|---|',
        ...rows,
        '',
        result.culprits.length > 0 ? `**Culprits:** ${result.culprits.map((n) => `\`${n}\``).join(', ')}` : `**No culprit found:** ${result.message}`,
        '',
    ];
    if (result.rollbackCommand.length > 0)
        lines.push('Roll back only them:', '', '```sh', result.rollbackCommand.join(' '), '```', '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./.tsbuild/core/bisect/candidates.js







async function resolveSide(root, env, rev, where) {
    if (rev !== KNOWN_GOOD_REV)
        return resolveMetaRevision(root, rev, where);
    const commit = await readKnownGood(root, env);
    if (commit === undefined) {
        throw new errors_InputError(`${where}: no known-good state recorded for ${env === undefined ? 'the default lock' : `env ${quote(env)}`} (${knownGoodRef(env)}); record one with meta health --all --record, or name a revision`);
    }
    return commit;
}
/**
 * The components whose pin in the env's lock differs between two revisions of the meta-repo.
 * Refused, before anything is touched: revisions that are not commits of the meta-repo, GOOD and
 * BAD naming the same commit, a lock missing at either, and no pin that differs.
 */
async function bisectRange(root, env, good, bad) {
    const lockRel = lockPathFor(env);
    const [goodSide, badSide] = await Promise.allSettled([resolveSide(root, env, good, '--good'), resolveSide(root, env, bad, '--bad')]);
    if (goodSide.status === 'rejected')
        throw goodSide.reason;
    if (badSide.status === 'rejected')
        throw badSide.reason;
    const [goodCommit, badCommit] = [goodSide.value, badSide.value];
    if (goodCommit === badCommit)
        throw new errors_InputError(`--bad: ${quote(bad)} and --good ${quote(good)} are the same commit ${goodCommit.slice(0, 12)}`);
    // Both read at once; when both fail, GOOD's error is the one reported, every time.
    const [goodRead, badRead] = await Promise.allSettled([readFileAtRevision(root, goodCommit, lockRel, '--good'), readFileAtRevision(root, badCommit, lockRel, '--bad')]);
    if (goodRead.status === 'rejected')
        throw goodRead.reason;
    if (badRead.status === 'rejected')
        throw badRead.reason;
    const [goodBytes, badBytes] = [goodRead.value, badRead.value];
    const goodLock = parseLockBytes(goodBytes, `${lockRel}@${good}`);
    const badLock = parseLockBytes(badBytes, `${lockRel}@${bad}`);
    const candidates = [];
    for (const [name, entry] of badLock.entries) {
        const before = goodLock.entries.get(name);
        // A component added or removed between the two has no pin to mix on one side; vendored entries
        // pin no commit to check out. Neither can be probed, so neither is a candidate.
        if (before === undefined || before.vendored || entry.vendored || before.commit === entry.commit)
            continue;
        candidates.push({ name, good: before.commit, bad: entry.commit, goodVersion: before.version, badVersion: entry.version, repo: entry.repo ?? before.repo });
    }
    if (candidates.length === 0) {
        throw new errors_InputError(`--bad: ${lockRel} pins the same commits at ${quote(good)} and ${quote(bad)}; there is nothing to bisect`);
    }
    return { lockRel, goodCommit, badCommit, candidates };
}

;// CONCATENATED MODULE: ./.tsbuild/core/bisect/checkouts.js







/**
 * The component checkouts a bisect moves between probes. Each probe moves only the checkouts whose
 * pin differs from where they stand, all at once (at most `jobs` at a time); `restore` puts every
 * one it ever moved back on its branch or commit, whatever happened in between.
 */
class ProbeCheckouts {
    original;
    jobs;
    at = new Map();
    touched = new Set();
    constructor(original, jobs) {
        this.original = original;
        this.jobs = jobs;
        for (const [name, state] of original)
            this.at.set(name, state.head);
    }
    /**
     * Reads where each candidate's checkout stands and makes both its pins present, fetching only a
     * commit that is missing, and that one alone. Only objects change here, so a refusal or a failed
     * fetch leaves every checkout where it was. A checkout with uncommitted changes is refused: a
     * probe would carry them into every state or fail to move.
     */
    static async prepare(root, candidates, jobs, gitEnv) {
        const limit = pLimit(Math.max(1, jobs));
        const present = candidates.filter((c) => (0,external_node_fs_namespaceObject.existsSync)(componentDir(root, c.name)) && isGitRepo(componentDir(root, c.name)));
        const states = await Promise.all(present.map((c) => limit(async () => {
            const dir = componentDir(root, c.name);
            const dirty = await trackedChanges(dir);
            if (dirty.length > 0)
                throw new errors_InputError(`components/${c.name}: has uncommitted changes (${dirty.slice(0, 3).join(', ')}); commit or stash them before a bisect`);
            return [c.name, await readCheckoutState(dir)];
        })));
        await Promise.all(present.flatMap((c) => [c.good, c.bad].map((commit) => limit(() => ensureCommitPresent(componentDir(root, c.name), commit, c.repo, gitEnv ? { ...gitEnv } : undefined)))));
        return new ProbeCheckouts(new Map(states), jobs);
    }
    /** Names of the candidates that have a checkout (the others are probed through their pins only). */
    names() {
        return [...this.original.keys()];
    }
    /** Moves the checkouts whose pin changes; returns their names. */
    async moveTo(pins) {
        const moving = [...this.original.entries()].filter(([name]) => pins[name] !== undefined && this.at.get(name) !== pins[name]);
        for (const [name] of moving) {
            this.touched.add(name);
            // Unknown until the move settles: a failed batch may have moved some and not others.
            this.at.delete(name);
        }
        await checkoutMany(moving.map(([name, state]) => ({ dir: state.dir, commit: pins[name] })), this.jobs);
        for (const [name] of moving)
            this.at.set(name, pins[name]);
        return moving.map(([name]) => name);
    }
    /** Every moved checkout back where it was; tries them all before reporting the first failure. */
    async restore() {
        const limit = pLimit(Math.max(1, this.jobs));
        const results = await Promise.allSettled([...this.touched].map((name) => limit(async () => {
            await restoreCheckout(this.original.get(name));
            this.at.set(name, this.original.get(name).head);
            this.touched.delete(name);
        })));
        const failed = results.find((r) => r.status === 'rejected');
        if (failed)
            throw failed.reason;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/bisect/program-lookup.js


/**
 * Why an oracle's program cannot be started, or undefined when it can. Checked before the first
 * probe, so a typo is one clear error instead of every probe answering "bad" (spawn's ENOENT).
 * A name with a slash is a path from `cwd`, as exec resolves it; a bare name is looked up in PATH.
 */
function programProblem(program, cwd) {
    if (program.length === 0)
        return 'is empty';
    if (program.includes('/') || (0,external_node_path_namespaceObject.isAbsolute)(program)) {
        return executable((0,external_node_path_namespaceObject.resolve)(cwd, program)) ? undefined : `${program} does not exist or is not executable (from ${cwd})`;
    }
    const dirs = (process.env.PATH ?? '').split(external_node_path_namespaceObject.delimiter).filter(Boolean);
    return dirs.some((dir) => executable((0,external_node_path_namespaceObject.join)(dir, program))) ? undefined : `${program} is not found in PATH`;
}
function executable(path) {
    try {
        if (!(0,external_node_fs_namespaceObject.statSync)(path).isFile())
            return false;
        (0,external_node_fs_namespaceObject.accessSync)(path, external_node_fs_namespaceObject.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./.tsbuild/core/bisect/oracle.js










/** The exit code `git bisect run` also uses for "this state cannot be tested". */
const CANNOT_TEST = 125;
/** A `--run` command may run a whole test suite; the bound only stops one that hangs. */
const RUN_TIMEOUT_SECONDS = 3600;
function verdictOf(outcome) {
    if (outcome.ok)
        return 'good';
    return outcome.exitCode === CANNOT_TEST ? 'skip' : 'bad';
}
/**
 * `--run -- CMD ARGS...`: argv without a shell, in the meta-repo root, with META_BISECT_PINS naming a
 * JSON file of the probe's pins (written fresh for each probe, in `pinsFile`).
 */
function runOracle(root, argv, pinsFile) {
    const [program = ''] = argv;
    const problem = programProblem(program, root);
    if (problem)
        throw new errors_InputError(`--run: ${problem}`);
    const spec = { kind: 'command', name: '--run', command: argv, timeoutSeconds: RUN_TIMEOUT_SECONDS };
    return async ({ pins, signal }) => {
        await (0,promises_namespaceObject.writeFile)(pinsFile, `${JSON.stringify(pins, null, 2)}\n`);
        const outcome = await runCommandCheck(spec, { cwd: root, signal, env: { META_BISECT_PINS: pinsFile } });
        return { verdict: verdictOf(outcome), detail: outcome.detail.split('\n')[0] ?? '' };
    };
}
/**
 * The env's `command` health checks, each in its component's checkout. The lock check is left out
 * (a probe is off the lock by design) and so are http checks (they test what is deployed, not the
 * checkouts). Any check exiting 125, with none failing otherwise, makes the probe "cannot test".
 */
function healthOracle(root, manifest, env, jobs) {
    const tasks = [];
    for (const component of manifest.components.values()) {
        const cwd = componentDir(root, component.name);
        for (const spec of parseHealthChecks(component.health, { file: MANIFEST_PATH, component: component.name })) {
            if (spec.kind !== 'command' || !appliesToEnv(spec, env) || !(0,external_node_fs_namespaceObject.existsSync)(cwd))
                continue;
            const problem = programProblem(spec.command[0] ?? '', cwd);
            if (problem)
                throw new errors_InputError(`${MANIFEST_PATH}: components.${component.name}.health ${quote(spec.name)}: ${problem}`);
            tasks.push({ component: component.name, cwd, spec });
        }
    }
    if (tasks.length === 0) {
        throw new errors_InputError(`--run: ${MANIFEST_PATH} declares no command health check for ${env === undefined ? 'the default lock' : `env ${quote(env)}`} with a checkout to run in; give the oracle as --run -- CMD ARGS...`);
    }
    const limit = pLimit(Math.max(1, jobs));
    return async ({ signal }) => {
        const outcomes = await Promise.all(tasks.map((t) => limit(async () => ({ task: t, outcome: await runCommandCheck(t.spec, { cwd: t.cwd, signal }) }))));
        const failed = outcomes.filter((o) => !o.outcome.ok);
        const verdicts = failed.map((o) => verdictOf(o.outcome));
        const verdict = failed.length === 0 ? 'good' : verdicts.includes('bad') ? 'bad' : 'skip';
        const detail = failed.map((o) => `${o.task.component}/${o.task.spec.name}: ${o.outcome.detail.split('\n')[0]}`).join('; ');
        return { verdict, detail: detail || `${outcomes.length} command check(s) passed` };
    };
}
/**
 * `--retries N`: a "bad" answer is asked again up to N times, and the probe is bad only when every
 * answer is bad; the first good answer makes it good (a flaky oracle fails spuriously, it does not
 * pass spuriously), and a "cannot test" answer makes it cannot-test. Good answers are not re-asked.
 */
function withRetries(oracle, retries) {
    return async (input) => {
        let answer = await oracle(input);
        for (let i = 0; i < retries && answer.verdict === 'bad' && !input.signal.aborted; i++)
            answer = await oracle(input);
        return answer;
    };
}

;// CONCATENATED MODULE: ./.tsbuild/core/bisect/search.js
/**
 * The search for culprits, independent of git and processes: it only asks an oracle whether a subset
 * of the candidates, set to their bad pins with every other candidate at its good pin, works.
 *
 * The caller has already confirmed that the empty subset (GOOD) works and the full one (BAD) fails.
 * The search first assumes a single culprit and halves the suspects (one probe per halving), then
 * verifies the one left alone; when that assumption fails — both halves work, an answer is "cannot
 * test", or the last suspect works alone — it falls back to Zeller's ddmin, starting from the
 * smallest subset already seen failing, which finds a 1-minimal failing subset of interacting
 * culprits. Answers are cached by subset, so no state is ever probed twice.
 */
/** Asks each distinct subset once; the order of a subset does not matter. */
class CachedOracle {
    oracle;
    order;
    answers = new Map();
    constructor(oracle, order) {
        this.oracle = oracle;
        this.order = order;
    }
    ask(subset) {
        const sorted = this.sorted(subset);
        const key = sorted.join('\0');
        let answer = this.answers.get(key);
        if (answer === undefined) {
            answer = this.oracle(sorted);
            this.answers.set(key, answer);
        }
        return answer;
    }
    /** The answer already given for a subset, without asking. */
    known(subset) {
        return this.answers.get(this.sorted(subset).join('\0'));
    }
    sorted(subset) {
        const set = new Set(subset);
        return this.order.filter((name) => set.has(name));
    }
}
async function searchCulprits(candidates, oracle) {
    // The smallest subset seen failing: where ddmin starts if the single-culprit assumption breaks.
    let failing = candidates;
    let suspects = candidates;
    while (suspects.length > 1) {
        const half = Math.ceil(suspects.length / 2);
        const first = suspects.slice(0, half);
        const second = suspects.slice(half);
        const a = await oracle.ask(first);
        if (a === 'bad') {
            suspects = failing = first;
            continue;
        }
        if (a === 'good') {
            // With one culprit it must be in the other half; that is checked at the end, not here,
            // which is what keeps one culprit among k within ceil(log2 k) + 1 probes.
            suspects = second;
            continue;
        }
        // The first half cannot be tested: only the second half's own answer says anything.
        const b = await oracle.ask(second);
        if (b !== 'bad')
            return { culprits: await ddmin(failing, oracle), method: 'ddmin' };
        suspects = failing = second;
    }
    const [last] = suspects;
    if (last !== undefined && (await oracle.ask([last])) === 'bad')
        return { culprits: [last], method: 'binary' };
    return { culprits: await ddmin(failing, oracle), method: 'ddmin' };
}
/**
 * Zeller's ddmin (Zeller & Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", 2002)
 * over a subset known to fail: test each part, then each complement, at a granularity that doubles
 * whenever neither fails. "Cannot test" counts as "does not fail", so it never makes a culprit.
 */
async function ddmin(failing, oracle) {
    let current = [...failing];
    let n = 2;
    while (current.length >= 2) {
        const parts = split(current, n);
        let reduced = false;
        for (const part of parts) {
            if ((await oracle.ask(part)) === 'bad') {
                current = part;
                n = 2;
                reduced = true;
                break;
            }
        }
        if (reduced)
            continue;
        for (const part of parts) {
            const complement = current.filter((name) => !part.includes(name));
            if (parts.length > 2 && (await oracle.ask(complement)) === 'bad') {
                current = complement;
                n = Math.max(n - 1, 2);
                reduced = true;
                break;
            }
        }
        if (reduced)
            continue;
        if (n >= current.length)
            break;
        n = Math.min(current.length, n * 2);
    }
    return current;
}
/** n parts of nearly equal size, in order. */
function split(items, n) {
    const parts = [];
    let start = 0;
    for (let i = 0; i < n; i++) {
        const end = start + Math.floor((items.length - start) / (n - i));
        parts.push(items.slice(start, end));
        start = end;
    }
    return parts.filter((p) => p.length > 0);
}

;// CONCATENATED MODULE: ./.tsbuild/core/bisect/run-bisect.js











/** Thrown when SIGINT/SIGTERM cut a bisect short; by then every checkout is back. */
class BisectInterrupted extends MetaError {
    constructor() {
        super('bisect interrupted', 1);
    }
}
const VERDICT_OK = { good: true, bad: false, skip: null };
/**
 * `meta bisect`: confirm GOOD works and BAD fails, then search the candidates for the smallest set
 * whose bad pins break the oracle. Holds the meta-repo's lock throughout, since probes move the
 * checkouts; those are put back before it returns or throws, interrupted or not.
 */
async function runBisect(ctx, options) {
    const range = await bisectRange(ctx.root, ctx.env, options.good, options.bad);
    const manifest = await loadManifest(ctx.root);
    // The pins file lives outside the meta-repo, so not even a killed run leaves a file in it.
    const scratch = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'meta-bisect-'));
    try {
        const base = options.run !== undefined ? runOracle(ctx.root, options.run, (0,external_node_path_namespaceObject.join)(scratch, 'pins.json')) : healthOracle(ctx.root, manifest, ctx.env, ctx.jobs);
        const oracle = withRetries(base, options.retries ?? 0);
        const names = range.candidates.map((c) => c.name);
        if (ctx.dryRun)
            return run_bisect_resultOf(ctx, range, options, { outcome: 'found', message: `would bisect ${names.length} candidate(s)`, probes: [], culprits: [] });
        return await withMetaLock(ctx, `meta bisect${ctx.env ? ` --env ${ctx.env}` : ''}`, async () => {
            const checkouts = await ProbeCheckouts.prepare(ctx.root, range.candidates, ctx.jobs, ctx.gitEnv);
            let result;
            try {
                result = await search(ctx, range, options, checkouts, oracle);
            }
            finally {
                await checkouts.restore();
            }
            if (!options.rollback || result.culprits.length === 0)
                return result;
            const rollback = await rollbackLock(ctx, range.lockRel, { rev: range.goodCommit, components: result.culprits });
            return { ...result, rollback };
        });
    }
    finally {
        await (0,promises_namespaceObject.rm)(scratch, { recursive: true, force: true });
    }
}
async function search(ctx, range, options, checkouts, oracle) {
    const signal = options.signal ?? new AbortController().signal;
    const names = range.candidates.map((c) => c.name);
    const probes = [];
    let role;
    const probe = async (subset) => {
        if (signal.aborted)
            throw new BisectInterrupted();
        const atBad = new Set(subset);
        const pins = Object.fromEntries(range.candidates.map((c) => [c.name, atBad.has(c.name) ? c.bad : c.good]));
        const started = performance.now();
        const moved = await checkouts.moveTo(pins);
        const answer = await oracle({ pins, signal });
        // An answer from a command cut off by the signal says nothing about the state.
        if (signal.aborted)
            throw new BisectInterrupted();
        const record = { index: probes.length + 1, pins, ok: VERDICT_OK[answer.verdict], seconds: Math.round((performance.now() - started) / 10) / 100, atBad: [...subset], moved, detail: answer.detail, ...(role && { role }) };
        probes.push(record);
        options.onProbe?.(record);
        return answer.verdict;
    };
    const cache = new CachedOracle(probe, names);
    role = 'good';
    const good = await cache.ask([]);
    if (good !== 'good') {
        const message = good === 'bad' ? `GOOD ${options.labels?.good ?? options.good} fails the oracle: nothing to find between it and BAD` : `GOOD ${options.labels?.good ?? options.good} cannot be tested (exit 125)`;
        return run_bisect_resultOf(ctx, range, options, { outcome: good === 'bad' ? 'good-fails' : 'untestable', message, probes, culprits: [] });
    }
    role = 'bad';
    const bad = await cache.ask(names);
    if (bad !== 'bad') {
        const message = bad === 'good' ? `BAD ${options.labels?.bad ?? options.bad} passes the oracle: no culprit to find` : `BAD ${options.labels?.bad ?? options.bad} cannot be tested (exit 125)`;
        return run_bisect_resultOf(ctx, range, options, { outcome: bad === 'good' ? 'bad-passes' : 'untestable', message, probes, culprits: [] });
    }
    role = undefined;
    const found = await searchCulprits(names, cache);
    const message = found.culprits.length === 1 ? `culprit: ${found.culprits[0]}` : `culprits (they fail only together): ${found.culprits.join(', ')}`;
    return { ...run_bisect_resultOf(ctx, range, options, { outcome: 'found', message, probes, culprits: found.culprits }), method: found.method };
}
function run_bisect_resultOf(ctx, range, _options, found) {
    const culprits = found.culprits;
    const rollbackCommand = culprits.length === 0 ? [] : ['meta', 'rollback', 'lock', range.lockRel, '--rev', range.goodCommit, '--component', culprits.join(','), ...(ctx.env ? ['--env', ctx.env] : [])];
    return {
        ok: culprits.length > 0 || ctx.dryRun,
        outcome: found.outcome,
        message: found.message,
        good: range.goodCommit,
        bad: range.badCommit,
        lock: range.lockRel,
        candidates: range.candidates.map((c) => c.name),
        probes: found.probes,
        culprits,
        rollbackCommand,
        dryRun: ctx.dryRun,
    };
}

;// CONCATENATED MODULE: ./.tsbuild/core/bisect/format-probe.js
const format_probe_VERDICT = (ok) => (ok === null ? 'cannot test' : ok ? 'good' : 'bad');
/** One line per probe as it finishes, for the CLI's stderr and the action's log. */
function formatProbe(p) {
    const what = p.role === 'good' ? 'GOOD' : p.role === 'bad' ? 'BAD' : p.atBad.length === 0 ? 'none at bad' : `at bad: ${p.atBad.join(', ')}`;
    const moved = p.moved.length === 0 ? 'no checkout moved' : p.moved.length > 4 ? `moved ${p.moved.length} checkouts` : `moved ${p.moved.join(', ')}`;
    return `probe ${p.index}: ${format_probe_VERDICT(p.ok).padEnd(11)} ${p.seconds.toFixed(2)}s  ${what} (${moved})${p.ok === true ? '' : ` — ${p.detail}`}`;
}

;// CONCATENATED MODULE: ./.tsbuild/action/changeset-pulls.js





/**
 * One pull request per component repository for a changeset's revert branches (already pushed),
 * each linking the others. Merges happen only once every pull request exists. If any step fails,
 * the pull requests this run opened are closed and the revert branches deleted, so a failed run
 * leaves nothing behind in any repository.
 */
async function openChangesetPulls(api, result, options) {
    const repos = result.repos.filter((r) => r.newTip);
    const targets = repos.map((r) => {
        const ref = repoOnServer(r.repo, options.serverUrl);
        if (!ref)
            throw new errors_OperationError(`changeset ${result.id}: ${r.component}'s repo ${r.repo} is not on ${options.serverUrl}, so no pull request can be opened for it`);
        return { r, ref };
    });
    if (options.mode === 'none')
        return pushToBases(result, targets, options);
    const opened = [];
    try {
        for (const { r, ref } of targets) {
            const pr = await openOrUpdatePullRequest(api, ref, {
                head: r.revertBranch,
                base: r.branch,
                title: `Revert changeset ${result.id} in ${r.component}`,
                body: body(result, r.component, []),
            });
            opened.push({ component: r.component, repo: ref, pr });
            options.log(`${r.component}: pull request #${pr.number} ${pr.operation}: ${pr.url}`);
        }
        if (opened.length > 1) {
            for (const o of opened) {
                await api.rest.pulls.update({ ...o.repo, pull_number: o.pr.number, body: body(result, o.component, opened) });
            }
        }
        const merged = new Set();
        if (options.mode === 'merge') {
            for (const o of opened) {
                const base = targets.find((t) => t.r.component === o.component).r.branch;
                const m = await mergeOrEnqueue(api, o.repo, o.pr.number, base, { method: options.mergeMethod, timeoutMs: options.mergeTimeoutMs, log: options.log });
                if (m.kind === 'queued') {
                    options.log(`${o.component}: pull request #${o.pr.number} is in ${base}'s merge queue`);
                    continue;
                }
                if (m.kind !== 'merged')
                    throw new errors_OperationError(`${o.component}: pull request #${o.pr.number} was not merged: ${m.kind === 'conflict' ? `it conflicts with ${base}` : m.message}`);
                merged.add(o.component);
            }
        }
        else if (options.mode === 'auto-merge') {
            for (const o of opened)
                await enableAutoMerge(api, o.pr.nodeId, options.mergeMethod);
        }
        return opened.map((o) => ({ ...o, merged: merged.has(o.component) }));
    }
    catch (err) {
        const cleaned = await cleanUp(api, targets, opened, options);
        throw new errors_OperationError(`changeset ${result.id}: ${errorMessage(err)}; ${cleaned}`);
    }
}
/**
 * `pull-request: none`: each base branch is fast-forwarded to its revert branch. A base that moved
 * meanwhile refuses the push; the branches are then deleted and nothing has landed anywhere else
 * either, because every base is checked before the first one is moved.
 */
async function pushToBases(result, targets, options) {
    for (const { r } of targets) {
        const tip = await remoteBranchSha(options.root, r.repo, r.branch, options.gitEnv);
        if (tip !== r.base) {
            const cleaned = await cleanUp(undefined, targets, [], options);
            throw new errors_OperationError(`changeset ${result.id}: ${r.component}'s ${r.branch} moved since the reverts were made; ${cleaned}`);
        }
    }
    for (const { r } of targets) {
        const pushed = await pushCommit(options.root, r.repo, r.newTip, r.branch, options.gitEnv);
        if (!pushed.ok)
            throw new errors_OperationError(`changeset ${result.id}: push to ${r.component}'s ${r.branch} failed: ${pushed.message}`);
        options.log(`${r.component}: ${r.branch} now carries the reverts`);
        // The reverts are on the base now; a revert branch left behind is untidy, not wrong.
        await deleteRemoteBranch(options.root, r.repo, r.revertBranch, options.gitEnv, r.newTip).catch((err) => options.log(errorMessage(err)));
    }
    return [];
}
async function cleanUp(api, targets, opened, options) {
    let closed = 0;
    let deleted = 0;
    for (const o of opened) {
        if (o.pr.operation !== 'created' || !api)
            continue;
        try {
            await closePullRequest(api, o.repo, o.pr.number);
            closed += 1;
        }
        catch (err) {
            options.log(`could not close ${o.component} #${o.pr.number}: ${errorMessage(err)}`);
        }
    }
    for (const { r } of targets) {
        if (!r.pushed)
            continue;
        try {
            await deleteRemoteBranch(options.root, r.repo, r.revertBranch, options.gitEnv, r.newTip);
            deleted += 1;
        }
        catch (err) {
            options.log(errorMessage(err));
        }
    }
    return `closed ${closed} pull request${closed === 1 ? '' : 's'} and deleted ${deleted} branch${deleted === 1 ? '' : 'es'} it had made`;
}
function body(result, component, all) {
    const mine = result.repos.find((r) => r.component === component);
    const lines = [
        `## Revert changeset \`${result.id}\`${result.title ? `: ${result.title}` : ''}`,
        '',
        `Reverts, newest first, the commits of changeset \`${result.id}\` in **${component}** (each revert carries \`Reverts-Changeset: ${result.id}\`):`,
        '',
        ...mine.commits.map((c) => `- \`${c.commit.slice(0, 12)}\` ${c.subject.replace(/[\r\n]+/g, ' ')}`),
        '',
    ];
    if (all.length > 1) {
        lines.push('The same changeset is reverted in every repository it touched:', '');
        for (const o of all)
            lines.push(`- ${o.component}: ${o.component === component ? 'this pull request' : o.pr.url}`);
        lines.push('');
    }
    lines.push('<sub>Opened by meta-rollback.</sub>', '');
    return lines.join('\n');
}
/** Closes the pull requests and deletes the branches of a changeset whose meta-repo record failed. */
async function closeChangesetPulls(api, result, pulls, options) {
    const targets = result.repos.filter((r) => r.newTip).flatMap((r) => {
        const ref = repoOnServer(r.repo, options.serverUrl);
        return ref ? [{ r, ref }] : [];
    });
    return cleanUp(api, targets, pulls, options);
}

;// CONCATENATED MODULE: ./.tsbuild/action/run-action.js



































const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
/** Fan-out jobs push to base one after another; each lost race redoes the rollback on the new base. */
const run_action_PUSH_ATTEMPTS = 12;
/**
 * The action's whole run, free of @actions/core so it can be tested and reused: perform the mode
 * in the checked-out meta-repo, commit what it wrote on the head branch, push with a lease, open or
 * update the pull request (or push to base), merge as asked, check health, and report.
 */
async function runAction(inputs, runner, io) {
    try {
        return await run(inputs, runner, io);
    }
    catch (err) {
        throw namedForAction(err);
    }
}
async function run(inputs, runner, io) {
    for (const token of new Set([inputs.token, inputs.componentsToken])) {
        if (!token)
            continue;
        io.setSecret(token);
        io.setSecret(basicAuthHeader(token).replace(/^AUTHORIZATION: basic /, ''));
    }
    const root = resolveRoot(rootInsideWorkspace(inputs.root, runner.workspace), runner.workspace);
    checkEnvHasLock(root, inputs.env);
    const metaUrl = cloneUrl(runner.serverUrl, runner.repository);
    const gitEnv = credentialEnv([
        { urlPrefix: `${runner.serverUrl.replace(/\/+$/, '')}/`, token: inputs.componentsToken },
        { urlPrefix: metaUrl, token: inputs.token },
    ]);
    const ctx = makeContext({
        root,
        // Action inputs name paths relative to the meta-repo root (lock-file, snapshot-file).
        cwd: root,
        env: inputs.env,
        dryRun: inputs.dryRun,
        actor: runner.actor ?? 'github-actions',
        hold: inputs.hold,
        gitEnv,
        log: io.info,
    });
    const remote = { root, url: metaUrl, env: gitEnv };
    // A check needs only the files of the pull request's checkout: no token, history or API.
    if (inputs.mode === 'check')
        return runCheckMode(ctx, runner.workspace);
    // Octokit loads, and the default branch is asked for, while git fetches history.
    const publishes = inputs.mode !== 'list' && inputs.mode !== 'health' && inputs.mode !== 'bisect' && !inputs.dryRun;
    const apiLoading = publishes ? client(inputs, runner, io) : undefined;
    const baseLoading = apiLoading?.then((api) => inputs.base ?? defaultBranch(api, runner.repository));
    // Awaited below; until then a failure must not surface as an unhandled rejection.
    baseLoading?.catch(() => undefined);
    // The lock history that list shows is the whole history; a shallow checkout has one commit of it,
    // and none of the known-good ref (actions/checkout fetches one branch).
    if (inputs.mode === 'list') {
        await ensureFullHistory(remote);
        await fetchKnownGood(remote, inputs.env);
    }
    // A revision such as HEAD~1 is resolved once (fetching the history a shallow checkout lacks): a
    // redo on a moved base must restore the same pins.
    const rev = inputs.rev !== undefined && inputs.mode === 'lock' ? await resolveRev(remote, inputs.rev, inputs.env) : undefined;
    const pinned = rev ? { ...inputs, rev } : inputs;
    const session = { inputs, runner, io, root, metaUrl, gitEnv, remote, rev, base: baseLoading, ctx };
    if (inputs.storeBranch !== undefined && !(await fetchBranch(root, metaUrl, inputs.storeBranch, gitEnv))) {
        io.warning(`store branch ${inputs.storeBranch} could not be fetched; using the local one if any`);
    }
    if (inputs.mode === 'health')
        return runHealthMode(session);
    if (inputs.mode === 'bisect')
        return runBisectMode(session);
    if (inputs.mode === 'list' || inputs.dryRun) {
        const outcome = await performMode(ctx, pinned);
        return report(session, { operation: 'none', merged: false, outcome }, undefined);
    }
    const api = await apiLoading;
    let componentPulls = [];
    let changesetResult;
    // With sign-commits, revert branches are made again through the API before they are recorded.
    const publishBranch = inputs.signCommits ? (b) => publishSignedBranch(session, api, b) : undefined;
    const perform = async (wrote) => {
        const outcome = await performMode(ctx, pinned, publishBranch);
        // Known before the component pull requests are opened, so a failure there can undo these too.
        wrote(outcome.files);
        if (outcome.kind === 'changeset' && !outcome.result.nothingToDo && componentPulls.length === 0) {
            changesetResult = outcome.result;
            componentPulls = await openChangesetPulls(api, outcome.result, {
                serverUrl: runner.serverUrl,
                root,
                gitEnv,
                mode: inputs.pullRequest,
                mergeMethod: inputs.mergeMethod,
                mergeTimeoutMs: inputs.mergeTimeoutMs,
                log: io.info,
            });
            outcome.pulls = componentPulls;
        }
        return outcome;
    };
    let published;
    try {
        published = await publish(session, api, headBranchFor(inputs), perform);
    }
    catch (err) {
        // The component pull requests must not outlive a failed record of them in the meta-repo.
        if (changesetResult && componentPulls.length > 0 && !componentPulls.some((p) => p.merged)) {
            const note = await closeChangesetPulls(api, changesetResult, componentPulls, { serverUrl: runner.serverUrl, root, gitEnv, mode: inputs.pullRequest, mergeMethod: inputs.mergeMethod, mergeTimeoutMs: inputs.mergeTimeoutMs, log: io.info });
            throw new errors_OperationError(`${errorMessage(err)}; ${note}`);
        }
        throw err;
    }
    const health = await healthAfter(ctx, inputs);
    if (health && published.pr)
        await commentHealth(api, runner.repository, published.pr.number, healthSection(health, 'Health after the rollback'), io);
    return report(session, published, health);
}
/** `known-good` is the env's known-good ref, fetched from the meta-repo; anything else a revision. */
async function resolveRev(remote, rev, env, where = 'input rev') {
    if (rev !== KNOWN_GOOD_REV)
        return ensureRevision(remote, rev, where);
    const commit = await fetchKnownGood(remote, env);
    if (commit === undefined)
        throw new errors_InputError(`${where}: no known-good state recorded for ${env === undefined ? 'the default lock' : `env ${env}`} (${knownGoodRef(env)}); a mode health run records one when the env is healthy`);
    return commit;
}
/** Octokit is loaded only by runs that call the API: `list`, `health` and dry runs start faster without it. */
async function client(inputs, runner, io) {
    if (!inputs.token)
        throw new errors_OperationError('input token: empty; give the workflow a token (the default is github.token)');
    const { createGitHubClient } = await Promise.all(/* import() */[__nccwpck_require__.e(999), __nccwpck_require__.e(650)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4650));
    return createGitHubClient({ token: inputs.token, apiUrl: runner.apiUrl, log: io.warning });
}
/**
 * Moves the workspace to the tip of base, performs the change, and lands it as asked: a pull request
 * (opened or updated, then merged or set to auto-merge) or a fast-forward push to base.
 *
 * Until the change has landed, a failure undoes what the run did: a head branch it pushed is deleted
 * (or put back where it was), and the workspace returns to its commit, branch and files from before
 * the run. Once a pull request is open or base has the commit, the workspace stays as the pull
 * request has it, even if merging then fails: the pull request is the record of the rollback.
 */
async function publish(s, api, head, perform) {
    const { root } = s;
    const mark = await markWorkspace(root, filesKeptBy(s.inputs), [SNAPSHOT_DIR, JOURNAL_DIR, ...(s.inputs.snapshotFile ? [(0,external_node_path_namespaceObject.dirname)(s.inputs.snapshotFile)] : [])]);
    const written = new Set();
    const landed = { done: false };
    try {
        return await land(s, api, head, mark, landed, async () => {
            const outcome = await perform((files) => files.forEach((f) => written.add(f)));
            outcome.files.forEach((f) => written.add(f));
            return outcome;
        });
    }
    catch (err) {
        if (landed.done)
            throw err;
        try {
            await restoreWorkspace(root, mark, [...written]);
        }
        catch (undoErr) {
            throw new errors_OperationError(`${errorMessage(err)}; the workspace could not be put back as it was: ${errorMessage(undoErr)}`);
        }
        if (written.size > 0)
            s.io.info('publishing failed: the workspace is back as it was before the run');
        throw err;
    }
}
async function land(s, api, head, mark, landed, perform) {
    const { inputs, root, metaUrl, gitEnv, io } = s;
    const repo = s.runner.repository;
    const base = inputs.base ?? (await (s.base ?? defaultBranch(api, repo)));
    if (head === base)
        throw new errors_InputError(`input branch: ${JSON.stringify(head)} is the base branch too; the head branch must be another`);
    let baseSha = await prepareWorkspace(root, metaUrl, base, gitEnv);
    // Where the head branch is now, asked while the rollback runs.
    const headLoading = inputs.pullRequest === 'none' ? undefined : remoteBranchSha(root, metaUrl, head, gitEnv);
    headLoading?.catch(() => undefined);
    let outcome = await perform();
    if (outcome.files.length === 0) {
        io.info('nothing to change: the lock already matches');
        return { operation: 'none', merged: false, queued: false, outcome };
    }
    /** Every file the attempt wrote goes, the journal included, or a redo would journal twice; then the rollback is made again on base's new tip. */
    const redoOnMovedBase = async (why, attempt) => {
        io.info(`${base} moved ${why}; redoing the rollback on the new ${base} (attempt ${attempt})`);
        await discardWrites(root, mark, outcome.files);
        baseSha = await syncTo(root, metaUrl, base, gitEnv);
        await resetToCommit(root, baseSha);
        return perform();
    };
    if (inputs.pullRequest === 'none') {
        // Straight to base: only a fast-forward is pushed. When base moved, the rollback is redone on
        // the new base and pushed again, so nobody else's commit is ever overwritten.
        for (let attempt = 1;; attempt++) {
            const pushed = await publishCommit(s, api, outcome, baseSha, base, { expected: baseSha, fastForwardOnly: true });
            if (pushed.ok) {
                landed.done = true;
                break;
            }
            if (!pushed.rejected || attempt >= run_action_PUSH_ATTEMPTS)
                throw new errors_OperationError(`push to ${base} failed: ${withAdvice(pushed.message)}`);
            outcome = await redoOnMovedBase('while rolling back', attempt + 1);
            if (outcome.files.length === 0)
                break;
        }
        return { operation: 'pushed', merged: false, queued: false, outcome };
    }
    let previous = await headLoading;
    // Fetched while a branch still holds it, in case the branch has to be put back there.
    const canPutBack = previous === undefined || (await fetchCommit(root, metaUrl, previous, gitEnv).then(() => true, () => false));
    let pushed = await publishCommit(s, api, outcome, baseSha, head, { expected: previous ?? '' });
    if (!pushed.ok)
        throw new errors_OperationError(`push of ${head} failed: ${withAdvice(pushed.message)}`);
    let commit = pushed.commit;
    let pr;
    try {
        pr = await openOrUpdatePullRequest(api, repo, { head, base, title: titleFor(inputs, outcome), body: await bodyFor(s, outcome) });
    }
    catch (err) {
        // A head branch without its pull request would be a rollback nobody sees: take it back.
        const left = await putHeadBranchBack(s, head, commit, previous, canPutBack);
        const advice = settingsAdvice(gitHubMessage(err));
        const message = advice ? `cannot open the pull request: ${advice}` : errorMessage(err);
        throw advice || left ? new errors_OperationError(left ? `${message}; ${left}` : message) : err;
    }
    landed.done = true;
    io.info(`pull request #${pr.number} ${pr.operation}: ${pr.url}`);
    if (inputs.pullRequest === 'auto-merge') {
        await enableAutoMerge(api, pr.nodeId, inputs.mergeMethod);
        return { operation: pr.operation, pr, merged: false, queued: false, outcome };
    }
    if (inputs.pullRequest !== 'merge')
        return { operation: pr.operation, pr, merged: false, queued: false, outcome };
    for (let attempt = 1;; attempt++) {
        const result = await mergeOrEnqueue(api, repo, pr.number, base, { method: inputs.mergeMethod, timeoutMs: inputs.mergeTimeoutMs, log: io.info });
        if (result.kind === 'merged')
            return { operation: pr.operation, pr, merged: true, queued: false, outcome };
        if (result.kind === 'queued') {
            io.info(`pull request #${pr.number} is in ${base}'s merge queue; it merges when the queue's checks pass`);
            return { operation: pr.operation, pr, merged: false, queued: true, outcome };
        }
        if (result.kind === 'failed')
            throw new errors_OperationError(`${withAdvice(result.message)} (${pr.url})`);
        // Another rollback of the same lock landed first (two buttons pressed): make this one again on
        // top of it, so both land and neither is lost.
        if (attempt >= run_action_PUSH_ATTEMPTS)
            throw new errors_OperationError(`pull request #${pr.number} still conflicts with ${base} after ${attempt} attempts (${pr.url})`);
        outcome = await redoOnMovedBase(`and pull request #${pr.number} conflicts with it`, attempt + 1);
        if (outcome.files.length === 0) {
            io.info(`${base} already has these pins; closing pull request #${pr.number}`);
            await closePullRequest(api, repo, pr.number);
            return { operation: pr.operation, pr, merged: false, queued: false, outcome };
        }
        previous = commit;
        pushed = await publishCommit(s, api, outcome, baseSha, head, { expected: previous });
        if (!pushed.ok)
            throw new errors_OperationError(`push of ${head} failed: ${withAdvice(pushed.message)}`);
        commit = pushed.commit;
        pr = { ...(await openOrUpdatePullRequest(api, repo, { head, base, title: titleFor(inputs, outcome), body: await bodyFor(s, outcome) })), operation: pr.operation };
    }
}
/**
 * Commits what the rollback wrote on `parent` and moves `branch` there with a lease (`expected`;
 * '' = the branch must not exist yet): by `git push`, or with `sign-commits` through the Git Data
 * API, which GitHub signs. The workspace then sits on the published commit.
 */
async function publishCommit(s, api, outcome, parent, branch, lease) {
    const { root, metaUrl, gitEnv, inputs } = s;
    const local = await commitPaths(root, parent, outcome.files, commitMessage(titleFor(inputs, outcome), outcome), BOT);
    if (!inputs.signCommits) {
        const pushed = await pushCommit(root, metaUrl, local, branch, gitEnv, lease.fastForwardOnly ? undefined : lease.expected);
        if (!pushed.ok)
            return pushed;
        await resetToCommit(root, local);
        return { ok: true, commit: local };
    }
    const signed = await signCommits(api, s.runner.repository, root, parent, local);
    try {
        await moveRefWithLease(api, s.runner.repository, { branch, sha: signed, expected: lease.expected || null, allowNonFastForward: !lease.fastForwardOnly && lease.expected !== '' });
    }
    catch (err) {
        if (err instanceof RefLeaseError)
            return { ok: false, rejected: true, message: err.message };
        return { ok: false, rejected: false, message: gitHubMessage(err) };
    }
    await fetchCommit(root, metaUrl, signed, gitEnv);
    await resetToCommit(root, signed);
    return { ok: true, commit: signed };
}
/** A component's revert branch, its commits made again through the API; it must not exist yet. */
async function publishSignedBranch(s, api, b) {
    const ref = repoOnServer(b.repo, s.runner.serverUrl);
    if (!ref)
        throw new errors_OperationError(`${b.component}: ${b.repo} is not on ${s.runner.serverUrl}, so sign-commits cannot make its commits through GitHub's API`);
    const signed = await signCommits(api, ref, b.dir, b.base, b.tip);
    await moveRefWithLease(api, ref, { branch: b.branch, sha: signed, expected: null });
    // The checkout's branch names what was published, as after a push.
    await fetchCommit(b.dir, b.repo, signed, s.gitEnv);
    await run_git_git(['update-ref', `refs/heads/${b.branch}`, signed, b.tip], { cwd: b.dir });
    return signed;
}
async function bodyFor(s, outcome) {
    const title = titleFor(s.inputs, outcome);
    const manifest = await loadManifest(s.root);
    const rows = rowsFor(outcome, manifest, s.runner.serverUrl);
    const entry = outcome.kind === 'rollback' ? outcome.result.historyEntry : null;
    const snapshot = outcome.kind === 'rollback' ? outcome.result.snapshot : null;
    const note = outcome.kind === 'snapshot-created' ? `Snapshot of ${Object.keys(outcome.result.snapshot.components).length} components written to \`${outcome.result.file}\`.` : undefined;
    return pullRequestBody({ title, rows, entry, snapshot, env: s.inputs.env ?? null, note });
}
/**
 * Deletes the head branch this run pushed (or, when it existed before, moves it back), each only
 * while it still points at this run's commit. Returns what was left behind, if anything.
 */
async function putHeadBranchBack(s, head, commit, previous, canPutBack) {
    const { root, metaUrl, gitEnv, io } = s;
    try {
        if (previous === undefined) {
            await deleteRemoteBranch(root, metaUrl, head, gitEnv, commit);
            io.info(`deleted ${head} again: its pull request could not be opened`);
            return undefined;
        }
        if (!canPutBack)
            return `${head} was left at ${commit.slice(0, 12)} (its previous commit ${previous.slice(0, 12)} could not be fetched to put it back)`;
        const back = await pushCommit(root, metaUrl, previous, head, gitEnv, commit);
        if (!back.ok)
            throw new Error(back.message);
        io.info(`${head} is back at ${previous.slice(0, 12)}: its pull request could not be updated`);
        return undefined;
    }
    catch (err) {
        return `${head} was left at ${commit.slice(0, 12)}: ${errorMessage(err)}`;
    }
}
/** Files a run edits in place or appends to; see markWorkspace. */
function filesKeptBy(inputs) {
    const files = [lockPathFor(inputs.env), CHANGESET_INDEX, HOLDS_PATH];
    if (inputs.changeset !== undefined)
        files.push(changesetFileRel(inputs.changeset));
    if (inputs.snapshotFile !== undefined)
        files.push(inputs.snapshotFile);
    return files;
}
/**
 * `mode: health`: check; when unhealthy and asked to, roll the env's lock back to the revision
 * before the last commit that changed it, land that like any rollback, and check again. One
 * rollback per run at most, and never on top of a rollback this action made: if the lock's last
 * change was already a meta-rollback commit, a human decides what comes next.
 */
async function runHealthMode(s) {
    const { inputs, ctx, io } = s;
    const before = await checkHealth(ctx, selection(inputs));
    if (before.healthy)
        return report(s, { operation: 'none', merged: false, knownGood: await recordHealthyState(s) }, before);
    if (!inputs.rollbackOnUnhealthy)
        return report(s, { operation: 'none', merged: false }, before);
    const lockRel = lockPathFor(inputs.env);
    const failed = before.results.filter((r) => !r.ok).map((r) => `${r.component}/${r.name}`);
    // The holds this rollback adds say which checks failed, for whoever finds them in the next release.
    const healthCtx = { ...ctx, holdReason: `rolled back by meta-rollback (health: ${failed.join(', ') || 'unhealthy'} failed)` };
    let target;
    const rollBack = async () => {
        // Chosen once: a redo on a moved base restores the same state.
        target ??= await chooseHealthTarget(healthCtx, s.remote, lockRel);
        io.info(`unhealthy: ${target.why}`);
        const result = await rollbackLock(healthCtx, lockRel, { rev: target.commit });
        return { kind: 'rollback', result, files: filesOf(result) };
    };
    const used = () => (target ? { commit: target.kind === 'known-good' ? target.commit : undefined, why: target.why } : undefined);
    if (inputs.dryRun) {
        const outcome = await rollBack();
        return report(s, { operation: 'none', merged: false, outcome, target: used() }, before, before);
    }
    const api = await client(s.inputs, s.runner, s.io);
    const published = await publish(s, api, headBranchFor(inputs), rollBack);
    const after = await checkHealth(ctx, selection(inputs));
    if (published.pr) {
        const body = `${healthSection(before, 'Health before the rollback')}\n${healthSection(after, 'Health after the rollback')}`;
        await commentHealth(api, s.runner.repository, published.pr.number, body, io);
    }
    return report(s, { ...published, target: used() }, after, before);
}
/** A healthy env's HEAD becomes its known-good state, pushed with a lease (never backwards). */
async function recordHealthyState(s) {
    if (!s.inputs.recordKnownGood || s.inputs.dryRun)
        return undefined;
    const head = await headCommit(s.root);
    if (!head)
        return undefined;
    const recorded = await pushKnownGood(s.remote, s.inputs.env, head);
    s.io.info(recorded.moved ? `recorded ${head.slice(0, 12)} as known-good (${knownGoodRef(s.inputs.env)})` : `${knownGoodRef(s.inputs.env)} not moved: ${recorded.note}`);
    return { commit: recorded.commit, why: recorded.moved ? `Recorded \`${head.slice(0, 12)}\` as the known-good state (\`${knownGoodRef(s.inputs.env)}\`).` : `Known-good state not moved: ${recorded.note}.` };
}
/**
 * `mode: bisect`: find the culprits on the runner (the env's command health checks, against the
 * component checkouts the workflow made), then, with rollback-culprits, land the rollback of only
 * the culprits to their good pins like any rollback. A run that finds no culprit fails.
 */
async function runBisectMode(s) {
    const { inputs, ctx } = s;
    // A shallow checkout lacks the older revision (and HEAD~N below it): fetched first, resolved once.
    const good = await resolveRev(s.remote, inputs.good, inputs.env, 'input good');
    const bad = await resolveRev(s.remote, inputs.bad, inputs.env, 'input bad');
    // Cancelling the job stops the oracle and puts the checkouts back instead of exiting mid-probe.
    const abort = new AbortController();
    const found = await duringWrites(async () => {
        const stop = onInterrupt(() => abort.abort());
        try {
            return await runBisect(ctx, { good, bad, labels: { good: inputs.good, bad: inputs.bad }, signal: abort.signal, onProbe: (p) => s.io.info(formatProbe(p)) });
        }
        finally {
            stop();
        }
    });
    const extra = { outputs: { culprits: found.culprits.join(',') }, section: bisectSection(found), failed: found.culprits.length === 0 ? found.message : undefined };
    if (found.culprits.length === 0 || !inputs.rollbackCulprits || inputs.dryRun)
        return withBisect(await report(s, { operation: 'none', merged: false }, undefined), extra);
    const api = await client(inputs, s.runner, s.io);
    const culpritInputs = { ...inputs, components: found.culprits };
    const published = await publish({ ...s, inputs: culpritInputs }, api, headBranchFor(culpritInputs), async () => {
        const result = await rollbackLock(ctx, found.lock, { rev: found.good, components: found.culprits });
        return { kind: 'rollback', result, files: filesOf(result) };
    });
    return withBisect(await report(s, published, undefined), extra);
}
function withBisect(result, extra) {
    return { outputs: { ...result.outputs, ...extra.outputs }, summary: `${result.summary}\n${extra.section}`, ...(extra.failed !== undefined && { failed: extra.failed }) };
}
async function healthAfter(ctx, inputs) {
    if (!inputs.health)
        return undefined;
    return checkHealth(ctx, selection(inputs));
}
async function commentHealth(api, repo, number, body, io) {
    try {
        await commentOnPullRequest(api, repo, number, body);
    }
    catch (err) {
        io.warning(`could not comment the health results on #${number}: ${errorMessage(err)}`);
    }
}
/** The workspace must sit at the tip of base, so the pull request shows only the rollback. */
async function prepareWorkspace(root, url, base, env) {
    const tip = await remoteBranchSha(root, url, base, env);
    if (!tip)
        throw new errors_OperationError(`input base: branch ${JSON.stringify(base)} does not exist in the meta-repo`);
    if ((await headCommit(root)) === tip)
        return tip;
    const dirty = await trackedChanges(root);
    if (dirty.length > 0)
        throw new errors_OperationError(`the meta-repo checkout has uncommitted changes (${dirty[0].slice(3)}); cannot move it to ${base}`);
    return syncTo(root, url, base, env).then(async (sha) => {
        await checkoutDetached(root, sha);
        return sha;
    });
}
async function syncTo(root, url, base, env) {
    await fetchCommit(root, url, `refs/heads/${base}`, env);
    const tip = await remoteBranchSha(root, url, base, env);
    if (!tip)
        throw new errors_OperationError(`branch ${base} vanished from the meta-repo`);
    await fetchCommit(root, url, tip, env);
    return tip;
}
function describeChanges(changes) {
    if (changes.length === 1) {
        const c = changes[0];
        return `${c.component} ${c.from?.version ?? '(none)'} → ${c.to.version}`;
    }
    return `${changes.length} components`;
}
function titleFor(inputs, outcome) {
    const env = inputs.env ?? 'default';
    if (outcome.kind === 'snapshot-created')
        return `Snapshot of ${env} pins`;
    if (outcome.kind === 'changeset')
        return `Roll back changeset ${outcome.result.id}${outcome.result.title ? `: ${outcome.result.title}` : ''}`;
    if (outcome.kind === 'rollback')
        return `${inputs.mode === 'health' ? 'Auto-rollback' : 'Rollback'} (${env}): ${describeChanges(outcome.result.changes)}`;
    return `meta-rollback ${inputs.mode} (${env})`;
}
function commitMessage(title, outcome) {
    const lines = [title, ''];
    if (outcome.kind === 'rollback') {
        for (const c of outcome.result.changes)
            lines.push(`- ${c.component}: ${c.from?.version ?? '(none)'} (${c.from?.commit.slice(0, 12) ?? '-'}) -> ${c.to.version} (${c.to.commit?.slice(0, 12) ?? 'files'})`);
        if (outcome.result.snapshot)
            lines.push('', `Undo: meta rollback snapshot --restore ${outcome.result.snapshot}`);
    }
    lines.push('', `Meta-Rollback-Mode: ${outcome.kind}`);
    return `${lines.join('\n')}\n`;
}
function rowsFor(outcome, manifest, serverUrl, pr, health) {
    if (outcome.kind !== 'rollback')
        return [];
    return outcome.result.changes.map((change) => {
        const repoUrl = manifest.components.get(change.component)?.repo ?? '';
        const healthCell = health ? componentHealth(health, change.component) : undefined;
        return { change, link: compareLink(change, repoOnServer(repoUrl, serverUrl), serverUrl), pullRequest: pr ? `[#${pr.number}](${pr.url})` : undefined, health: healthCell };
    });
}
function componentHealth(health, component) {
    const mine = health.results.filter((r) => r.component === component);
    if (mine.length === 0)
        return 'no checks';
    const failed = mine.filter((r) => !r.ok);
    return failed.length === 0 ? `pass (${mine.length})` : `FAIL: ${failed.map((r) => r.name).join(', ')}`;
}
async function report(s, published, health, healthBefore) {
    const { ctx, inputs, runner } = s;
    const { outcome, pr } = published;
    const outputs = {
        changes: '[]',
        'changed-components': '',
        'pull-request-number': pr ? String(pr.number) : '',
        'pull-request-url': pr?.url ?? '',
        'pull-request-operation': published.operation === 'pushed' ? 'none' : published.operation,
        merged: String(published.merged),
        healthy: health ? String(health.healthy) : '',
        'snapshot-file': '',
        'history-entry': '',
        queued: String(published.queued === true),
        rev: s.rev ?? '',
        'known-good': published.knownGood?.commit ?? published.target?.commit ?? '',
    };
    const env = inputs.env ?? 'default';
    const parts = [`## meta-rollback: ${inputs.mode} (${env})${inputs.dryRun ? ' — dry run, nothing changed' : ''}`, ''];
    if (healthBefore)
        parts.push(healthSection(healthBefore, 'Health before the rollback'));
    if (published.target)
        parts.push(`**Rollback target:** ${published.target.why}.\n`);
    if (outcome?.kind === 'rollback') {
        const r = outcome.result;
        const slim = r.changes.map((c) => ({ component: c.component, from: c.from, to: c.to }));
        outputs.changes = JSON.stringify(slim);
        outputs['changed-components'] = r.changes.map((c) => c.component).join(',');
        outputs['snapshot-file'] = r.snapshot ?? '';
        outputs['history-entry'] = r.historyEntry ? JSON.stringify(r.historyEntry) : '';
        const manifest = await loadManifest(ctx.root);
        parts.push(changesTable(rowsFor(outcome, manifest, runner.serverUrl, pr, health), true));
        for (const w of r.warnings)
            parts.push(`> **Warning:** ${w}\n`);
        if (published.operation === 'pushed')
            parts.push(`Pushed straight to the base branch (\`pull-request: none\`).\n`);
        if (published.merged)
            parts.push(`Merged pull request [#${pr.number}](${pr.url}).\n`);
        if (published.queued)
            parts.push(`Pull request [#${pr.number}](${pr.url}) is in the base branch's merge queue: it merges once the queue's checks pass.\n`);
        parts.push(holdsBlock(r.historyEntry), journalBlock(r.historyEntry), undoText(r.snapshot, inputs.env ?? null));
    }
    else if (outcome?.kind === 'snapshot-created') {
        outputs['snapshot-file'] = outcome.result.file;
        parts.push(`Snapshot of ${Object.keys(outcome.result.snapshot.components).length} components: \`${outcome.result.file}\`${pr ? ` in [#${pr.number}](${pr.url})` : ''}\n`);
    }
    else if (outcome?.kind === 'changeset') {
        const r = outcome.result;
        outputs.changes = JSON.stringify(r.changes);
        outputs['changed-components'] = r.repos.filter((x) => x.newTip).map((x) => x.component).join(',');
        outputs['history-entry'] = r.historyEntry ? JSON.stringify(r.historyEntry) : '';
        const pulls = outcome.pulls ?? [];
        if (pulls.length > 0) {
            outputs['component-pull-requests'] = JSON.stringify(pulls.map((p) => ({ component: p.component, number: p.pr.number, url: p.pr.url, merged: p.merged })));
            outputs.merged = String(pulls.every((p) => p.merged) && (published.merged || !pr));
        }
        parts.push(changesetTable(r, pulls));
        if (r.nothingToDo)
            parts.push(`Nothing to do: ${r.reason ?? 'already rolled back'}.\n`);
    }
    else if (outcome?.kind === 'list') {
        outputs.targets = JSON.stringify(outcome.result.targets);
        parts.push(targetsTable(outcome.result));
    }
    if (outcome && (outcome.kind === 'list' || inputs.dryRun)) {
        const names = outcome.kind === 'list' ? [...new Set(outcome.result.targets.map((t) => t.component))] : outcome.kind === 'rollback' ? outcome.result.changes.map((c) => c.component) : [];
        outputs.matrix = JSON.stringify((await withMatrix(ctx.root, {}, names, inputs.groupSize)).matrix);
    }
    parts.push(healthSection(health, healthBefore ? 'Health after the rollback' : 'Health'));
    if (published.knownGood)
        parts.push(`${published.knownGood.why}\n`);
    return { outputs, summary: parts.filter(Boolean).join('\n') };
}
function targetsTable(list) {
    if (list.targets.length === 0)
        return '_No rollback targets found._\n';
    const rows = list.targets.slice(0, 200).map((t) => `| ${t.current ? '**current**' : ''} | ${t.component} | ${t.version} | \`${t.commit.slice(0, 12)}\` | ${t.kind} | ${t.source.replace(/\|/g, '\\|')} | ${t.date ?? ''} |`);
    const more = list.targets.length > 200 ? `\n_${list.targets.length - 200} more in the \`targets\` output._\n` : '';
    return `| | component | version | commit | kind | source | date |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n${more}`;
}
function changesetTable(result, pulls) {
    if (result.repos.length === 0)
        return '';
    const rows = result.repos.map((r) => {
        const pull = pulls.find((p) => p.component === r.component);
        const pr = pull ? `[#${pull.pr.number}](${pull.pr.url})${pull.merged ? ' (merged)' : ''}` : '';
        return `| ${r.component} | ${r.branch} | ${r.commits.length} | \`${r.revertBranch}\` | ${pr} |`;
    });
    return `Changeset \`${result.id}\`: ${result.previousStatus} → ${result.status}\n\n| component | base | commits reverted | branch | pull request |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./.tsbuild/action/run-log.js
/** Longer lists than this go in a folded group, so the outcome lines stay on screen. */
const PLAIN_LIST_MAX = 10;
function pin(p) {
    if (!p)
        return '(not pinned)';
    return `${p.version ?? '?'}${p.commit ? ` (${p.commit.slice(0, 12)})` : ''}`;
}
function parsed(text, fallback) {
    try {
        return text ? JSON.parse(text) : fallback;
    }
    catch {
        return fallback;
    }
}
function list(log, title, lines) {
    if (lines.length === 0)
        return;
    if (lines.length <= PLAIN_LIST_MAX) {
        log.info(`${title}:`);
        for (const line of lines)
            log.info(`  ${line}`);
        return;
    }
    log.startGroup(title);
    for (const line of lines)
        log.info(line);
    log.endGroup();
}
/**
 * The run in the step's log, from its outputs: what it planned (component, from → to) and what
 * came of it (pull request, merge, health, undo). The job summary holds the same in tables; the
 * log is what an engineer sees first, and all a dry run leaves behind apart from the summary.
 */
function logRun(inputs, outputs, log) {
    const where = `${inputs.mode} (${inputs.env ?? 'default lock'})`;
    const changes = parsed(outputs.changes, []);
    const plan = changes.map((c) => `${c.component}: ${pin(c.from)} → ${pin(c.to)}`);
    const verb = inputs.dryRun ? 'would roll back' : 'rolled back';
    if (plan.length > 0)
        list(log, `${where}: ${verb} ${plan.length} component${plan.length === 1 ? '' : 's'}`, plan);
    else if (inputs.mode !== 'list' && inputs.mode !== 'health' && outputs['snapshot-file'] === '')
        log.info(`${where}: nothing to change`);
    const targets = parsed(outputs.targets, []);
    list(log, `${where}: ${targets.length} rollback targets`, targets.map((t) => `${t.component} ${t.version} (${t.commit.slice(0, 12)})${t.current ? ' current' : ''}`));
    const componentPulls = parsed(outputs['component-pull-requests'], []);
    list(log, 'component pull requests', componentPulls.map((p) => `${p.component}: ${p.url}${p.merged ? ' (merged)' : ''}`));
    if (inputs.dryRun) {
        log.info('dry run: no file, branch or pull request was changed');
        return;
    }
    const number = outputs['pull-request-number'];
    if (outputs.merged === 'true' && number)
        log.info(`merged pull request #${number}`);
    else if (outputs.queued === 'true')
        log.info(`pull request #${number} waits in the merge queue`);
    else if (number)
        log.info(`pull request #${number} left open for review: ${outputs['pull-request-url']}`);
    if (outputs['snapshot-file'] && plan.length > 0)
        log.info(`undo: mode snapshot, snapshot-action restore, snapshot-file ${outputs['snapshot-file']}`);
    else if (outputs['snapshot-file'])
        log.info(`snapshot written: ${outputs['snapshot-file']}`);
    if (outputs.healthy === 'true')
        log.info('health: healthy');
    else if (outputs.healthy === 'false')
        log.info('health: UNHEALTHY');
}

;// CONCATENATED MODULE: ./.tsbuild/main.js






/** The action's entry: read inputs once, run, set outputs and the job summary, fail in one line. */
async function main_run() {
    try {
        const inputs = readInputs((name) => getInput(name));
        const result = await runAction(inputs, {
            workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
            repository: parseRepository(process.env.GITHUB_REPOSITORY ?? ''),
            apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
            serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
            actor: process.env.GITHUB_ACTOR,
        }, { info: (m) => info(m), warning: (m) => warning(m), setSecret: (s) => setSecret(s) });
        logRun(inputs, result.outputs, runner_io_namespaceObject);
        for (const [name, value] of Object.entries(result.outputs))
            setOutput(name, value);
        if (process.env.GITHUB_STEP_SUMMARY)
            await writeSummary(result.summary);
        for (const a of result.annotations ?? [])
            annotateError(a.message, a.file, a.line);
        if (result.failed)
            setFailed(`error: ${result.failed}`);
        else if (result.outputs.healthy === 'false')
            setFailed('unhealthy after the rollback (see the job summary)');
    }
    catch (err) {
        const message = errorMessage(err).split('\n')[0] ?? 'failed';
        if (process.env.RUNNER_DEBUG && err instanceof Error && !(err instanceof MetaError))
            debug(err.stack ?? message);
        setFailed(`error: ${message}`);
    }
}

;// CONCATENATED MODULE: ./.tsbuild/index.js

void main_run();

