/*
 * certref 自动填表组件 · the certref auto-fill widget (docs/widget.md).
 *
 *   <script src="https://certref.example/widget/certref.js" defer></script>
 *   <certref-autofill api-key="…"><form>… <input data-certref="number"> …</form></certref-autofill>
 *
 * A classic script, not a module: a host page on another origin loads it without CORS, and no
 * build step stands between this file and the browser.
 */
(() => {
  if (!window.customElements || customElements.get('certref-autofill')) return;

  /** Captured now: `document.currentScript` is only set while this script first runs. */
  const SCRIPT_ORIGIN = (() => {
    try {
      return new URL(document.currentScript.src).origin;
    } catch {
      return location.origin;
    }
  })();

  const DEBOUNCE_MS = 300;
  const LABELS = {
    productName: '产品名称',
    holder: '注册人/备案人',
    approvalDate: '批准日期',
    effectiveDate: '生效日期',
    expiryDate: '有效期至',
    model: '型号规格',
  };
  /** docs/certificates.md §3: why the form does not report a product. */
  const REASONS = {
    expired: '已过期',
    imported: '进口产品，境内代理人无需填报',
    not_yet_effective: '尚未生效',
    superseded: '已被新证书取代',
  };
  const NETWORK_ERROR = '无法连接证书数据服务，请稍后重试，或按证书手工填写。';

  const CSS = `
:host { display: block; font: inherit; color: inherit; }
:host([hidden]), [hidden] { display: none !important; }
.panel { margin: 0.35em 0 0.6em; font-size: 0.9em; line-height: 1.5; overflow-wrap: anywhere; }
.status { margin: 0; padding: 0.35em 0.6em; border-left: 4px solid #8a8f98; background: #f4f5f7; color: #1f2328; }
.status:empty { display: none; }
.status.ok { border-color: #1a7f37; background: #eef8f0; }
.status.warn { border-color: #b35900; background: #fff4e5; }
.status.error { border-color: #c62828; background: #fdecec; }
.busy .status { opacity: 0.6; }
ul { margin: 0.25em 0 0; padding-left: 1.2em; }
.actions { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; margin-top: 0.4em; }
.actions:empty { display: none; }
button { font: inherit; font-size: 0.95em; min-height: 2.25em; padding: 0.3em 0.8em; border: 1px solid #0b57d0;
  border-radius: 4px; background: #fff; color: #0b57d0; cursor: pointer; max-width: 100%; overflow-wrap: anywhere; text-align: left; }
button:hover { background: #eef3fd; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
button.primary { background: #0b57d0; color: #fff; }
`;

  let sheet = null;
  /** One stylesheet for every shadow root; constructed sheets also work under a strict style-src. */
  function styleShadow(root) {
    try {
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
  }

  function h(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'onclick') node.addEventListener('click', value);
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  /** A box of the widget's own UI placed in the host's form, styled in its own shadow root. */
  function shadowBox(tag) {
    const host = document.createElement(tag);
    const root = host.attachShadow({ mode: 'open' });
    styleShadow(root);
    return { host, root };
  }

  let serial = 0;

  /** Sets a host field the way typing would, so the host's own listeners (and frameworks) see it. */
  function setValue(field, value) {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** 型号规格 of the document in effect, else of the newest document that states one. */
  function modelOf(certificate) {
    const versions = certificate?.versions ?? [];
    const current = versions.find((v) => v.id === certificate.current?.versionId);
    if (current?.modelSpec) return current.modelSpec;
    const stating = versions.filter((v) => v.modelSpec).sort((a, b) => b.id - a.id);
    return stating[0]?.modelSpec ?? null;
  }

  class CertrefAutofill extends HTMLElement {
    #number = null;
    #fields = new Map();
    /** What the widget last wrote into each field: a field holding anything else was edited by hand. */
    #written = new Map();
    #prompts = new Map();
    #panel = null;
    #box = null;
    #status = null;
    #notes = null;
    #actions = null;
    #timer = 0;
    #controller = null;
    /** The text last looked up; null after a cancelled lookup, so the same text is asked again. */
    #asked = '';
    #listeners = [];

    connectedCallback() {
      if (!this.shadowRoot) {
        const root = this.attachShadow({ mode: 'open' });
        styleShadow(root);
        root.append(document.createElement('slot'));
      }
      // The element may be upgraded before the form it wraps or names has been parsed.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.#bind(), { once: true });
      else this.#bind();
    }

    disconnectedCallback() {
      clearTimeout(this.#timer);
      this.#controller?.abort();
      for (const [target, type, listener] of this.#listeners) target.removeEventListener(type, listener);
      this.#listeners = [];
      if (this.#number && this.#panel) {
        const rest = (this.#number.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== this.#panel.id);
        if (rest.length > 0) this.#number.setAttribute('aria-describedby', rest.join(' '));
        else this.#number.removeAttribute('aria-describedby');
      }
      this.#panel?.remove();
      for (const prompt of this.#prompts.values()) prompt.remove();
      this.#prompts.clear();
      this.#number = null;
      // Connected again (a host framework moving the form): the new panel must show an answer.
      this.#asked = '';
    }

    get endpoint() {
      return (this.getAttribute('endpoint') || SCRIPT_ORIGIN).replace(/\/+$/, '');
    }

    #listen(target, type, listener) {
      target.addEventListener(type, listener);
      this.#listeners.push([target, type, listener]);
    }

    #bind() {
      if (this.#number || !this.isConnected) return;
      const selector = this.getAttribute('form');
      const scope = selector ? document.querySelector(selector) : this;
      const number = scope?.querySelector('[data-certref="number"]');
      if (!number) {
        console.warn('certref-autofill：未找到 data-certref="number" 的证号输入框。 No [data-certref="number"] field found.');
        return;
      }
      this.#number = number;
      for (const name of Object.keys(LABELS)) {
        const field = scope.querySelector(`[data-certref="${name}"]`);
        if (field) this.#fields.set(name, field);
      }
      this.#buildPanel();
      this.#listen(number, 'input', (event) => {
        // An answer for text no longer in the field must not fill the form.
        if (number.value.trim() !== this.#asked) this.#cancel();
        if (!event.isComposing) this.#schedule(DEBOUNCE_MS);
      });
      this.#listen(number, 'compositionend', () => this.#schedule(DEBOUNCE_MS));
      this.#listen(number, 'change', () => this.#schedule(0));
      if (number.value.trim() !== '') this.#schedule(0);
    }

    /** The answer's box, right after the number field so it is read (and tabbed to) next. */
    #buildPanel() {
      const { host, root } = shadowBox('certref-status');
      host.id = `certref-status-${++serial}`;
      this.#status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
      this.#notes = h('div', { 'aria-live': 'polite' });
      this.#actions = h('div', { className: 'actions' });
      this.#panel = host;
      this.#box = h('div', { className: 'panel', part: 'panel' }, this.#status, this.#notes, this.#actions);
      root.append(this.#box);
      this.#number.after(host);
      const described = this.#number.getAttribute('aria-describedby');
      this.#number.setAttribute('aria-describedby', described ? `${described} ${host.id}` : host.id);
    }

    #cancel() {
      this.#controller?.abort();
      this.#controller = null;
      this.#asked = null;
      this.#busy(false);
    }

    #busy(on) {
      this.#box.classList.toggle('busy', on);
      if (on) this.#status.setAttribute('aria-busy', 'true');
      else this.#status.removeAttribute('aria-busy');
    }

    #schedule(delay) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#run(), delay);
    }

    /** Looks the field's text up, trimmed and otherwise as typed (or scanned): the service normalises it. */
    async #run() {
      if (!this.#number) return;
      const query = this.#number.value.trim();
      if (query === this.#asked) return;
      this.#cancel();
      this.#asked = query;
      if (query === '') {
        this.#releaseFields();
        this.#show('', '');
        return;
      }
      const controller = new AbortController();
      this.#controller = controller;
      this.#busy(true);
      try {
        const response = await this.#get(`/v1/autofill?number=${encodeURIComponent(query)}`, controller.signal);
        const body = await response.json().catch(() => null);
        if (controller.signal.aborted) return;
        if (response.ok && body) await this.#found(query, body, controller.signal);
        else this.#problem(response.status, body);
      } catch (error) {
        if (controller.signal.aborted) return;
        this.#releaseFields();
        this.#show('error', NETWORK_ERROR);
        this.#emit('certref:error', { number: query, message: String(error?.message ?? error) });
      } finally {
        if (this.#controller === controller) {
          this.#controller = null;
          this.#busy(false);
        }
      }
    }

    #get(path, signal) {
      const headers = { accept: 'application/json' };
      const key = this.getAttribute('api-key');
      if (key) headers['x-api-key'] = key;
      return fetch(`${this.endpoint}${path}`, { headers, signal, credentials: 'omit' });
    }

    async #found(query, answer, signal) {
      const reasons = answer.reasons ?? [];
      const headline = answer.reportable
        ? `可填报：${answer.number}`
        : `不可填报：${reasons.map((reason) => REASONS[reason] ?? reason).join('、') || '见下方说明'}（${answer.number}）`;
      const lines = [...(answer.notes ?? [])];
      const barcode = answer.barcode;
      if (barcode?.di) {
        const parts = [`已识别条码：DI ${barcode.di}`];
        if (barcode.lot) parts.push(`批号 ${barcode.lot}`);
        if (barcode.expiry) parts.push(`失效日期 ${barcode.expiry}`);
        lines.unshift(parts.join('，'));
      }
      const actions = [];
      if (query !== answer.number) {
        actions.push(h('button', { type: 'button', onclick: () => this.#useNumber(answer.number) }, `改用规范证号 ${answer.number}`));
      }
      this.#show(answer.reportable ? 'ok' : 'warn', headline, lines, actions);

      const outcome = { filled: [], kept: [] };
      for (const name of ['productName', 'holder', 'approvalDate', 'effectiveDate', 'expiryDate']) {
        this.#offer(name, answer[name], outcome);
      }
      if (this.#fields.has('model')) {
        const model = await this.#model(answer.number, signal);
        if (signal.aborted) return;
        this.#offer('model', model, outcome);
      }
      this.#emit('certref:filled', { number: answer.number, answer, ...outcome });
    }

    /** 型号规格 is not on the auto-fill answer: it comes from the certificate, and only when the form asks for it. */
    async #model(number, signal) {
      try {
        const response = await this.#get(`/v1/certificates/${encodeURIComponent(number)}`, signal);
        return response.ok ? modelOf(await response.json()) : null;
      } catch {
        return null;
      }
    }

    #problem(status, problem) {
      this.#releaseFields();
      const message =
        problem?.message?.zh ??
        (status === 429 ? '查询过于频繁，请稍后再试。' : `查询失败（HTTP ${status}），请稍后重试，或按证书手工填写。`);
      const suggestions = (problem?.suggestions ?? []).map((s) => s.number).filter(Boolean);
      const actions = suggestions.map((number) =>
        h('button', { type: 'button', className: 'suggestion', onclick: () => this.#useNumber(number) }, number),
      );
      const lines = suggestions.length > 0 ? ['您要查的是不是以下证号？点击即可填入：'] : [];
      this.#show(problem?.manualEntryAllowed ? 'warn' : 'error', message, lines, actions);
      this.#emit('certref:problem', { status, problem });
    }

    /** Puts a number into the field as if typed, looks it up at once, and gives the field the focus back. */
    #useNumber(number) {
      setValue(this.#number, number);
      this.#number.focus();
      this.#schedule(0);
    }

    /**
     * Fills a field from the certificate unless the clerk typed something else there: then the
     * certificate's value is offered beside it, never written without a click.
     */
    #offer(name, value, outcome) {
      const field = this.#fields.get(name);
      if (!field) return;
      const next = value ?? '';
      const current = field.value;
      const handEdited = current !== '' && current !== this.#written.get(name) && current !== next;
      if (!handEdited) {
        this.#dropPrompt(name);
        if (current !== next) setValue(field, next);
        this.#written.set(name, next);
        outcome.filled.push(name);
        return;
      }
      // Nothing known for it (a filing's expiry, dates only on paper): what the clerk typed stays.
      if (next === '') {
        this.#dropPrompt(name);
        return;
      }
      outcome.kept.push(name);
      this.#prompt(name, field, next);
    }

    #prompt(name, field, value) {
      this.#dropPrompt(name);
      const { host, root } = shadowBox('certref-prompt');
      const label = LABELS[name];
      const overwrite = () => {
        this.#dropPrompt(name);
        setValue(field, value);
        this.#written.set(name, value);
        field.focus();
        this.#emit('certref:filled', { number: this.#number?.value.trim() ?? '', filled: [name], kept: [] });
      };
      const keep = () => {
        this.#dropPrompt(name);
        field.focus();
      };
      root.append(
        h(
          'div',
          { className: 'panel', role: 'group', 'aria-label': `${label}：证书数据与手工填写不同` },
          h('p', { className: 'status warn' }, `${label}已手工修改，证书数据为“${value}”。以证书数据覆盖？`),
          h(
            'div',
            { className: 'actions' },
            h('button', { type: 'button', className: 'primary', 'aria-label': `以证书数据覆盖${label}`, onclick: overwrite }, '覆盖'),
            h('button', { type: 'button', 'aria-label': `保留手工填写的${label}`, onclick: keep }, '保留'),
          ),
        ),
      );
      field.after(host);
      this.#prompts.set(name, host);
    }

    #dropPrompt(name) {
      this.#prompts.get(name)?.remove();
      this.#prompts.delete(name);
    }

    /** No certificate for the number: what the widget wrote goes, what the clerk typed stays. */
    #releaseFields() {
      for (const [name, field] of this.#fields) {
        this.#dropPrompt(name);
        if (this.#written.has(name) && field.value === this.#written.get(name) && field.value !== '') setValue(field, '');
        this.#written.delete(name);
      }
    }

    #show(tone, headline, lines = [], actions = []) {
      this.#status.className = `status ${tone}`;
      this.#status.textContent = headline;
      this.#notes.replaceChildren(lines.length > 0 ? h('ul', {}, ...lines.map((line) => h('li', {}, line))) : '');
      this.#actions.replaceChildren(...actions);
    }

    #emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }
  }

  customElements.define('certref-autofill', CertrefAutofill);
})();
