// Customer.io's Liquid on top of liquidjs: the objects, tags and filters of LIQUID.md, strict mode, the
// snippet rules, and the static analysis the QA checks use. Loaded after liquidjs (window.liquidjs),
// js-md5 (window.md5), js-sha1 (window.sha1), js-sha256 (window.sha256) and cio-values.js (window.cioValues)
// into an isolated world of a headless page; the C++ side
// calls cio.handle(jobJson) and gets a JSON string back. Nothing here touches the DOM or the network.
(function (root) {
  'use strict';

  const L = root.liquidjs;
  const PREVIEW = 'https://cio-preview.invalid';

  // The values and helpers of cio-values.js (loaded first).
  const {
    isNumeric,
    toNumber,
    toStr,
    utf8Bytes,
    bytesToBase64,
    base64ToString,
    shiftDate,
    currencyFor,
    plainSpace,
    money,
    resolveZone,
    zoneOffsetMinutes,
    seededRandom,
  } = root.cioValues;

  // ---- filters Customer.io adds or changes --------------------------------------------------------

  function registerFilters(engine, state) {
    const f = (name, fn) => engine.registerFilter(name, fn);
    for (const unit of ['day', 'month', 'year']) {
      f('add_' + unit, (v, n) => shiftDate(v, unit, n));
      f('subtract_' + unit, (v, n) => shiftDate(v, unit, -toNumber(n, 'subtract_' + unit)));
    }
    // Customer.io's documentation shows plain spaces ("123 456,78" for fr), where ICU groups with a
    // narrow no-break space (U+202F) or a no-break space.
    f('format_number', (v, locale) => plainSpace(new Intl.NumberFormat(locale ? toStr(locale) : 'en-US', { maximumFractionDigits: 3 })
      .format(toNumber(v, 'format_number'))));
    f('currency', (v, locale, code) => money(v, locale, code, 2));
    f('rounded_currency', (v, locale, code) => money(v, locale, code, 0));
    f('md5', (v) => root.md5(toStr(v)));
    f('sha1', (v) => root.sha1(toStr(v)));
    f('hmac_sha1', (v, key) => root.sha1.hmac(toStr(key), toStr(v)));
    // liquidjs's browser build digests with WebCrypto, which is asynchronous (a Promise would print)
    // and missing outside secure contexts: js-sha256 instead.
    f('sha256', (v) => root.sha256.sha256(toStr(v)));
    f('hmac_sha256', (v, key) => root.sha256.sha256.hmac(toStr(key), toStr(v)));
    f('hex_base64', (v) => {
      const hex = toStr(v).replace(/[^0-9a-fA-F]/g, '');
      const bytes = new Uint8Array(hex.length >> 1);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
      return bytesToBase64(bytes);
    });
    f('base64', (v) => bytesToBase64(utf8Bytes(v)));
    f('base64_encode', (v) => bytesToBase64(utf8Bytes(v)));
    f('base64_decode', (v) => base64ToString(v));
    f('base64_url_safe_encode', (v) => bytesToBase64(utf8Bytes(v)).replace(/\+/g, '-').replace(/\//g, '_'));
    f('base64_url_safe_decode', (v) => base64ToString(toStr(v).replace(/-/g, '+').replace(/_/g, '/')));
    f('titlecase', (v) => toStr(v).replace(/\S+/g, (w) => w.charAt(0).toUpperCase() + w.slice(1)));
    f('pluralize', (n, singular, plural) => {
      const count = toNumber(n, 'pluralize');
      return count + ' ' + (count === 1 ? toStr(singular) : toStr(plural === undefined ? singular + 's' : plural));
    });
    f('contains', (v, what) => {
      if (Array.isArray(v)) return v.indexOf(what) >= 0;
      return toStr(v).indexOf(toStr(what)) >= 0;
    });
    f('from_json', (v) => {
      if (typeof v !== 'string') return v;
      try { return JSON.parse(v); } catch (e) { throw new Error('from_json: not JSON: ' + e.message); }
    });
    f('to_json', (v) => JSON.stringify(v === undefined ? null : v));
    f('json_array_uniq', (v, key) => {
      if (!Array.isArray(v)) return v;
      const seen = new Set();
      return v.filter((item) => {
        const k = JSON.stringify(item && typeof item === 'object' && key !== undefined ? item[key] : item);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    });
    f('limit', (v, n) => (Array.isArray(v) ? v.slice(0, Math.max(0, toNumber(n, 'limit'))) : v));
    f('where_not', (v, key, value) => (Array.isArray(v)
      ? v.filter((item) => !(item && (value === undefined ? item[key] : item[key] === value))) : v));
    f('random', (n) => Math.floor(seededRandom(state) * Math.max(1, toNumber(n, 'random'))));
    f('htmlencode', (v) => toStr(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    // A time-zone name as date's second argument (IANA or Rails). liquidjs's browser build finds a
    // zone's offset by parsing toLocaleString() output, which newer ICU versions print in a form Date
    // cannot read back, and it knows no Rails names: the offset comes from Intl's parts instead, in
    // liquidjs's convention (minutes, positive west of UTC), and %Z prints the zone as it was given,
    // as liquidjs does for a name.
    const date = engine.filters.date;
    const LOCALE_FORMAT = /%[-_^#0-9]*[cxX]/;
    // %c, %x and %X are what Customer.io's servers print (en-US, plain spaces), whatever the machine's
    // locale: spelled out before liquidjs formats, which would ask the browser's locale (and Chromium's
    // ICU puts U+202F before AM/PM).
    const EN_US = { c: '%-m/%-d/%Y, %-I:%M:%S %p', x: '%-m/%-d/%Y', X: '%-I:%M:%S %p' };
    const enUsFormat = (format) => (typeof format === 'string'
      ? format.replace(/(?<!%)((?:%%)*)%([cxX])/g, (m, before, c) => before + EN_US[c]) : format);
    const plainSpaces = (out, format) => (typeof out === 'string' && LOCALE_FORMAT.test(toStr(format))
      ? out.replace(/[\u202f\u00a0]/g, ' ') : out);
    f('date', function (v, format, tz) {
      if (typeof tz === 'string' && tz.trim() !== '' && !isNumeric(tz)) {
        const zone = resolveZone(tz);
        const when = isNumeric(v) ? new Date(Number(v) * 1000) : (v === 'now' || v === 'today') ? new Date() : new Date(v);
        if (!isNaN(when.getTime())) {
          const named = typeof format === 'string'
            ? enUsFormat(format).replace(/(?<!%)((?:%%)*)%Z/g, (m, before) => before + tz.replace(/%/g, '%%')) : format;
          return plainSpaces(date.call(this, v, named, -zoneOffsetMinutes(zone, when)), format);
        }
      }
      return plainSpaces(date.call(this, v, enUsFormat(format), tz), format);
    });
    // Deprecated in latest, kept so older templates preview: a number is hours (legacy), a name (IANA
    // or Rails) shifts by that zone's offset at that moment. The result is a timestamp for `date`.
    f('timezone', (v, tz) => {
      const seconds = toNumber(v, 'timezone');
      if (isNumeric(tz)) return seconds + toNumber(tz, 'timezone') * 3600;
      if (typeof tz === 'string' && tz.trim() !== '') {
        return seconds + zoneOffsetMinutes(resolveZone(tz), new Date(seconds * 1000)) * 60;
      }
      return seconds;
    });
    // Customer.io documents standard Liquid's integer division: a whole divisor written without a
    // decimal point gives a whole (floored) result; liquidjs would print 2.857… for 20 / 7.
    const dividedBy = engine.filters.divided_by;
    f('divided_by', function (v, d, integerArithmetic) {
      if (integerArithmetic !== undefined) return dividedBy.call(this, v, d, integerArithmetic);
      const divisor = toNumber(d, 'divided_by');
      const arg = this.token && this.token.args && this.token.args[0];
      const written = arg && typeof arg.getText === 'function' ? arg.getText() : '';
      if (Number.isInteger(divisor) && !/[.eE]/.test(written)) {
        if (divisor === 0) throw new Error('divided_by: division by zero');
        return Math.floor(toNumber(v, 'divided_by') / divisor);
      }
      return dividedBy.call(this, v, d);
    });
    // Customer.io documents the ordinal form with a two-digit day ("07th Nov 2008"); liquidjs prints 7th.
    for (const name of ['date_to_string', 'date_to_long_string']) {
      const original = engine.filters[name];
      f(name, function (v, type, style) {
        const out = original.call(this, v, type, style);
        return type === 'ordinal' && style !== 'US' && typeof out === 'string' ? out.replace(/^(\d)(st|nd|rd|th) /, '0$1$2 ') : out;
      });
    }
    // Customer.io coerces a numeric string offset ('-4'); liquidjs would not.
    const slice = engine.filters.slice;
    f('slice', function (v, begin, length) {
      return slice.call(this, v, isNumeric(begin) ? Number(begin) : begin, isNumeric(length) ? Number(length) : length);
    });
  }

  // ---- tags -------------------------------------------------------------------------------------

  function simpleTag(engine, name, output) {
    engine.registerTag(name, class extends L.Tag {
      constructor(token, remain, liquid) { super(token, remain, liquid); this.args = token.args; }
      * render(ctx, emitter) { emitter.write(typeof output === 'function' ? output(this.args, ctx) : output); }
    });
  }

  // "url:VALUE track:false url_params:true" → { url: 'VALUE', … }; values may be quoted.
  function keyValues(args) {
    const out = {};
    const re = /([A-Za-z_]+)\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S+)/g;
    let m;
    while ((m = re.exec(args)) !== null) out[m[1]] = m[2];
    return out;
  }
  function unquote(s) {
    return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
  }

  function registerTags(engine, state, options) {
    simpleTag(engine, 'unsubscribe_url', PREVIEW + '/unsubscribe');
    simpleTag(engine, 'unsubscribe', PREVIEW + '/unsubscribe');
    simpleTag(engine, 'view_in_browser_url', PREVIEW + '/deliveries/preview');
    simpleTag(engine, 'manage_subscription_preferences_url', PREVIEW + '/preferences');
    simpleTag(engine, 'tracking_consent_url', PREVIEW + '/tracking-consent');
    simpleTag(engine, 'cio_link_id', 'preview-link-id');
    simpleTag(engine, 'generate_uuid', '00000000-0000-4000-8000-000000000000');
    simpleTag(engine, 'subscription_topic_name', () => options.topicName || 'Preview topic');
    simpleTag(engine, 'countdown', (args) => {
      const kv = keyValues(args);
      const query = Object.keys(kv).map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(unquote(kv[k]))).join('&');
      return '<img alt="countdown" src="' + PREVIEW + '/countdown?' + query.replace(/&/g, '&amp;') + '">';
    });

    engine.registerTag('random', class extends L.Tag {
      constructor(token, remain, liquid) {
        super(token, remain, liquid);
        this.value = new L.Value(token.args.trim() || '1', liquid);
      }
      * render(ctx, emitter) {
        const n = yield this.value.value(ctx, false);
        emitter.write(String(Math.floor(seededRandom(state) * Math.max(1, toNumber(n, 'random')))));
      }
    });

    // {% cio_link url:… %}: the preview shows the bare target (no tracking, no parameters). Liquid
    // inside a quoted URL ("…?id={{customer.id}}") renders with the message's data.
    engine.registerTag('cio_link', class extends L.Tag {
      constructor(token, remain, liquid) {
        super(token, remain, liquid);
        const raw = keyValues(token.args).url;
        if (raw === undefined) throw new Error('cio_link needs url:');
        this.literal = /^["']/.test(raw) || raw.indexOf('://') > 0 || raw.indexOf('mailto:') === 0 ? unquote(raw) : null;
        this.template = this.literal !== null && /\{\{|\{%/.test(this.literal) ? liquid.parse(this.literal) : null;
        this.value = this.literal === null ? new L.Value(raw, liquid) : null;
      }
      * render(ctx, emitter) {
        if (this.template) emitter.write(yield this.liquid.renderer.renderTemplates(this.template, ctx));
        else emitter.write(this.literal !== null ? this.literal : toStr(yield this.value.value(ctx, false)));
      }
    });

    // Customer.io has no template files: render, include and layout cannot load anything. Said when the
    // template is read, in the user's terms, instead of liquidjs's "XMLHttpRequest: Invalid URL".
    for (const name of ['render', 'include', 'layout']) {
      engine.registerTag(name, class extends L.Tag {
        constructor(token, remain, liquid) {
          super(token, remain, liquid);
          const file = (/^\s*(["'])(.*?)\1/.exec(token.args) || [])[2];
          const snippet = file ? file.replace(/[^\w-]+/g, '_') : 'name';
          throw new Error('{% ' + name + ' %} cannot load ' + (file ? '"' + file + '"' : 'a file') +
            ': Customer.io has no template files. Put the shared part in a snippet and write {{ snippets.' + snippet + ' }}');
        }
        * render() {}
      });
    }

    // The Foundation for Emails stylesheet Customer.io's starter layouts put in their <style> element.
    simpleTag(engine, 'include_foundation_css', () => (root.cioStylesheets || {})['foundation-emails.min.css'] || '');

    // {% render_liquid journey.body %}: the value's own Liquid, rendered with the same data.
    engine.registerTag('render_liquid', class extends L.Tag {
      constructor(token, remain, liquid) { super(token, remain, liquid); this.value = new L.Value(token.args, liquid); }
      * render(ctx, emitter) {
        const text = toStr(yield this.value.value(ctx, false));
        const tpl = this.liquid.parse(text);
        emitter.write(yield this.liquid.renderer.renderTemplates(tpl, ctx));
      }
    });
  }

  function makeEngine(strict, state, options) {
    const engine = new L.Liquid({
      strictVariables: strict, lenientIf: true, strictFilters: true, ownPropertyOnly: true,
      timezoneOffset: 0, catchAllErrors: true, cache: false,
      locale: 'en-US' // month and day names as Customer.io's servers print them, not the machine's
    });
    registerFilters(engine, state);
    registerTags(engine, state, options);
    return engine;
  }

  // One engine per mode; templates cache per text (the preview re-renders the same template with
  // other data, and the QA checks analyse the same text many times).
  const engines = {};
  const renderState = { seed: 42 };
  function engineFor(strict) {
    const key = strict ? 'strict' : 'lax';
    if (!engines[key]) engines[key] = makeEngine(strict, renderState, engineOptions);
    return engines[key];
  }
  const engineOptions = { topicName: '' };
  const parsed = new Map();
  function parse(text) {
    let tpl = parsed.get(text);
    if (!tpl) {
      tpl = engineFor(true).parse(text);
      if (parsed.size > 200) parsed.clear();
      parsed.set(text, tpl);
    }
    return tpl;
  }

  // ---- errors -----------------------------------------------------------------------------------

  function position(err) {
    const token = err && err.token;
    if (token && typeof token.getPosition === 'function') {
      const p = token.getPosition();
      return { line: p[0], column: p[1] };
    }
    const m = /line:(\d+), col:(\d+)/.exec((err && err.message) || '');
    return m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 0, column: 0 };
  }
  function describe(err) {
    // liquidjs appends ", line:1, col:4" and a source excerpt; the location is reported separately.
    let message = String((err && err.message) || err).split('\n')[0].replace(/, line:\d+, col:\d+$/, '');
    const undef = /^undefined variable: (.*)$/.exec(message);
    if (undef) {
      const snip = /^snippets(?:\.|\[")([^"\]]*)/.exec(undef[1]);
      message = snip ? 'Snippet "' + snip[1] + '" does not exist in this workspace'
        : 'Variable "' + undef[1] + '" is missing: this message would fail to send';
    }
    const filter = /^undefined filter: (.*)$/.exec(message);
    if (filter) message = 'Unknown filter "' + filter[1] + '"';
    return message;
  }
  // liquidjs groups errors (catchAllErrors) and wraps them once per enclosing block: the leaves are
  // what went wrong, with their own positions.
  function leafErrors(err, out) {
    const group = err && Array.isArray(err.errors) ? err.errors
      : err && err.originalError && Array.isArray(err.originalError.errors) ? err.originalError.errors : null;
    if (group && group.length) group.forEach((e) => leafErrors(e, out));
    else out.push(err);
    return out;
  }
  function errorList(err) {
    const list = leafErrors(err, []);
    return list.map((e) => {
      const p = position(e);
      const cause = e && e.originalError && !(e.originalError instanceof L.LiquidError) ? e.originalError : null;
      const kind = e && e.name === 'RenderError' && /undefined variable/.test(e.message) ? 'UndefinedVariableError' : (e && e.name) || 'Error';
      return { kind, message: cause ? describe(cause) : describe(e), line: p.line, column: p.column };
    });
  }

  // ---- static analysis -----------------------------------------------------------------------------

  function segmentsToPath(segments) {
    let path = '';
    for (const s of segments) {
      if (typeof s === 'number') path += '[' + s + ']';
      else if (typeof s === 'string') path += (path ? (/^[A-Za-z_][\w-]*$/.test(s) ? '.' + s : '["' + s + '"]') : s);
      else path += '[' + String(s) + ']';
    }
    return path;
  }

  // Variables, tags and snippet references of one template, with their positions.
  function analyze(text) {
    const result = { ok: true, errors: [], variables: [], tags: [], snippets: [] };
    let tpl;
    try {
      tpl = parse(text);
    } catch (e) {
      result.ok = false;
      result.errors = errorList(e);
      return result;
    }
    const engine = engineFor(true);
    try {
      const analysis = engine.analyzeSync(tpl, { partials: false });
      for (const name of Object.keys(analysis.globals)) {
        for (const v of analysis.globals[name]) {
          const segs = v.segments;
          const where = { line: v.location.row, column: v.location.col };
          if (segs[0] === 'snippets') {
            result.snippets.push(Object.assign({ name: typeof segs[1] === 'string' ? segs[1] : '' }, where));
          } else {
            result.variables.push(Object.assign({ name: segmentsToPath(segs.map((s) => (s instanceof L.Variable ? '*' : s))) }, where));
          }
        }
      }
    } catch (e) {
      result.errors.push({ kind: 'AnalysisError', message: describe(e), line: 0, column: 0 });
    }
    // Tags from the token stream: every {% name %} in order, whatever it nests in.
    try {
      const tokens = new L.Tokenizer(text).readTopLevelTokens(engine.options);
      for (const t of tokens) {
        if (t instanceof L.TagToken) {
          const p = t.getPosition();
          result.tags.push({ name: t.name, line: p[0], column: p[1] });
        }
      }
    } catch (e) { /* the parse above already reported it */ }
    return result;
  }

  // ---- rendering ----------------------------------------------------------------------------------

  // A namespace the message type does not have (event.* in a newsletter) renders empty without failing.
  class Blank extends L.Drop {
    liquidMethodMissing() { return this; }
    valueOf() { return ''; }
    toString() { return ''; }
  }
  const OPTIONAL_NAMESPACES = ['event', 'trigger', 'journey', 'objects', 'object', 'campaign', 'message', 'layout'];
  // Written as variables ({{ unsubscribe_url }}) Customer.io still fills these in when it sends: the
  // preview shows the same sample links the tags print, on the never-resolving cio-preview.invalid host.
  const SAMPLE_LINKS = {
    unsubscribe_url: PREVIEW + '/unsubscribe',
    view_in_browser_url: PREVIEW + '/deliveries/preview',
    manage_subscription_preferences_url: PREVIEW + '/preferences',
    tracking_consent_url: PREVIEW + '/tracking-consent'
  };

  function isJsonText(s) {
    const t = s.trim();
    if (!(t.startsWith('[') || t.startsWith('{'))) return false;
    try { JSON.parse(t); return true; } catch (e) { return false; }
  }

  // Snippets render as templates with the message's data before the message does (assignments in the
  // body are not visible inside them). JSON snippets become values. A snippet referring to a snippet is
  // refused, at the place where the message uses the outer one.
  function resolveSnippets(names, snippets, scope, strict, errors, refs) {
    const out = {};
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(snippets, name)) continue;
      const value = toStr(snippets[name]);
      if (isJsonText(value)) { out[name] = JSON.parse(value); continue; }
      const where = refs.find((r) => r.name === name) || { line: 0, column: 0 };
      const inner = analyze(value);
      if (!inner.ok) {
        out[name] = '';
        for (const e of inner.errors) errors.push({ kind: e.kind, message: 'In snippet "' + name + '": ' + e.message, line: where.line, column: where.column });
        continue;
      }
      if (inner.snippets.length) {
        out[name] = '';
        errors.push({
          kind: 'NestedSnippetError', line: where.line, column: where.column,
          message: 'Snippet "' + name + '" refers to snippet "' + inner.snippets[0].name + '": snippets cannot contain snippets'
        });
        continue;
      }
      try {
        out[name] = engineFor(strict).renderSync(parse(value), scope);
      } catch (e) {
        for (const inner of errorList(e)) errors.push({ kind: inner.kind, message: 'In snippet "' + name + '": ' + inner.message, line: where.line, column: where.column });
        out[name] = '';
      }
    }
    return out;
  }

  // Where a template names snippets, found by a scan rather than the full static analysis (which costs
  // as much as the render itself on a large body). An empty name: chosen by a variable.
  const SNIPPET_REF = /snippets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*(?:"([^"]*)"|'([^']*)'|([^\]]*))\s*\])/g;
  function snippetReferences(text) {
    const refs = [];
    if (text.indexOf('snippets') < 0) return refs;
    let m;
    SNIPPET_REF.lastIndex = 0;
    while ((m = SNIPPET_REF.exec(text)) !== null) {
      const name = m[1] !== undefined ? m[1] : m[2] !== undefined ? m[2] : m[3] !== undefined ? m[3] : '';
      const before = text.slice(0, m.index);
      const line = before.split('\n').length;
      const column = m.index - before.lastIndexOf('\n');
      refs.push({ name, line, column });
    }
    return refs;
  }

  function render(job) {
    const started = performance.now();
    const strict = job.strict !== false;
    const data = job.data && typeof job.data === 'object' ? job.data : {};
    const snippets = job.snippets && typeof job.snippets === 'object' ? job.snippets : {};
    const result = { ok: true, output: '', errors: [] };
    renderState.seed = 42;
    engineOptions.topicName = job.topicName || '';

    let tpl;
    try {
      tpl = parse(toStr(job.template));
    } catch (e) {
      result.ok = false;
      result.errors = errorList(e);
      result.ms = performance.now() - started;
      return result;
    }
    const scope = Object.assign({ customer: {}, delivery_id: 'unsent' }, data);
    for (const ns of OPTIONAL_NAMESPACES) {
      if (scope[ns] === undefined) scope[ns] = new Blank();
    }
    for (const name of Object.keys(SAMPLE_LINKS)) {
      if (scope[name] === undefined) scope[name] = SAMPLE_LINKS[name];
    }
    // Snippets a sample-data set brings ("snippets": {…}) stand in for the workspace's of the same name
    // and render the same way; a set's JSON value is used as it is.
    const given = data.snippets && typeof data.snippets === 'object' && !Array.isArray(data.snippets) ? data.snippets : {};
    const texts = Object.assign({}, snippets);
    const values = {};
    for (const name of Object.keys(given)) {
      if (typeof given[name] === 'string') texts[name] = given[name];
      else { values[name] = given[name]; delete texts[name]; }
    }
    // Only the snippets the template names are rendered (all of them when it picks one by a variable).
    const refs = snippetReferences(toStr(job.template));
    let names = refs.map((r) => r.name);
    if (names.indexOf('') >= 0) names = Object.keys(texts);
    const errors = [];
    const rendered = resolveSnippets(Array.from(new Set(names)), texts, Object.assign({}, scope), strict, errors, refs);
    scope.snippets = Object.assign({}, values, rendered);

    try {
      result.output = engineFor(strict).renderSync(tpl, scope);
    } catch (e) {
      errors.push.apply(errors, errorList(e));
      if (strict) {
        // Still show something: the same template rendered leniently, beside the errors.
        try { result.output = engineFor(false).renderSync(tpl, scope); } catch (e2) { result.output = ''; }
      }
    }
    result.errors = errors;
    result.ok = errors.length === 0;
    result.ms = performance.now() - started;
    return result;
  }

  function handle(job) {
    switch (job.op) {
      case 'render': return render(job);
      case 'analyze': return analyze(toStr(job.template));
      case 'batch': return { results: (job.jobs || []).map(handle) };
      case 'version': return { liquidjs: L.version || '' };
      default: return { ok: false, errors: [{ kind: 'Error', message: 'unknown operation ' + job.op, line: 0, column: 0 }] };
    }
  }

  root.cio = {
    handle: (job) => {
      try {
        return JSON.stringify(handle(job));
      } catch (e) {
        return JSON.stringify({ ok: false, errors: [{ kind: 'InternalError', message: String(e && e.message || e), line: 0, column: 0 }] });
      }
    }
  };
})(typeof window !== 'undefined' ? window : globalThis);
