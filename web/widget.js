/*
 * Sciatica Chat widget. Embed with one tag:
 *   <script src="https://CHAT-HOST/widget.js" async></script>
 * Options (data- attributes on that tag): data-api, data-title, data-greeting, data-accent,
 * data-position (bottom-right | bottom-left), data-contact (phone or URL shown when there is no answer).
 *
 * Everything lives in <sciatica-chat>, a custom element with an open shadow root: the page's CSS cannot
 * reach inside and the widget's CSS does not leak out. Text from the server or the visitor is only ever
 * inserted with textContent / DOM APIs, never parsed as HTML.
 */
(function () {
  'use strict';
  var TAG = 'sciatica-chat';
  var LOG = '[sciatica-chat]';
  /** Characters of an answer shown before the rest is folded: a phone screen's worth. */
  var FOLD = 700;
  if (!window.customElements || !window.fetch) {
    console.warn(LOG, 'this browser lacks custom elements or fetch; the chat is not shown');
    return;
  }
  if (window.customElements.get(TAG)) {
    console.warn(LOG, 'widget.js was included twice; the second copy is ignored');
    return;
  }

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var scriptOrigin = script && script.src ? new URL(script.src, document.baseURI).origin : location.origin;
  var API = (data.api || scriptOrigin).replace(/\/+$/, '');

  var DEFAULT_DISCLAIMER = 'General information from the clinic, not a diagnosis or medical advice. ' +
    'Please see a healthcare provider about your health.';

  var STYLES = [
    ':host{all:initial!important;position:fixed!important;z-index:2147483000!important;bottom:20px!important;display:block!important;',
    'font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important;color:#1f2933!important;}',
    ':host([data-position=bottom-right]){right:20px!important;left:auto!important}',
    ':host([data-position=bottom-left]){left:20px!important;right:auto!important}',
    '*,*::before,*::after{box-sizing:border-box}',
    '[hidden]{display:none!important}',
    '.root{--accent:#0f766e;--accent-ink:#fff;display:flex;flex-direction:column;align-items:flex-end;gap:12px}',
    ':host([data-position=bottom-left]) .root{align-items:flex-start}',
    'button{font:inherit;cursor:pointer}',
    '.launcher{display:inline-flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px;',
    'background:var(--accent);color:var(--accent-ink);font-weight:600;box-shadow:0 6px 20px rgba(0,0,0,.22)}',
    '.launcher:focus-visible,.panel button:focus-visible,.panel a:focus-visible,input:focus-visible,.log:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}',
    '.launcher svg{width:20px;height:20px;fill:currentColor}',
    '.panel{display:flex;flex-direction:column;width:min(380px,calc(100vw - 40px));height:min(600px,calc(100vh - 110px));',
    'background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden}',
    '.head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 16px;background:var(--accent);color:var(--accent-ink)}',
    '.head h2{margin:0;font-size:16px;font-weight:700}',
    '.close{border:0;background:transparent;color:inherit;font-size:24px;line-height:1;padding:4px 8px;border-radius:8px}',
    '.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:#f6f7f9}',
    '.msg{max-width:92%;padding:10px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.user{align-self:flex-end;background:var(--accent);color:var(--accent-ink);border-bottom-right-radius:4px}',
    '.bot{align-self:flex-start;background:#fff;border:1px solid #e3e6ea;border-bottom-left-radius:4px}',
    '.card{margin-top:8px;padding-top:8px;border-top:1px solid #e3e6ea;white-space:normal}',
    '.card h3{margin:0 0 6px;font-size:15px}',
    '.card h4{margin:10px 0 4px;font-size:14px}',
    '.card p{margin:0 0 6px}',
    '.card ul{margin:0 0 6px;padding-left:20px}',
    '.card li{margin:0 0 4px}',
    'mark{background:#fde68a;color:inherit;padding:0 1px;border-radius:2px}',
    '.source,.note{margin-top:6px;font-size:13px;color:#52606d}',
    '.note{color:#7c2d12}',
    '.chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}',
    '.chip{border:1px solid var(--accent);color:var(--accent);background:#fff;border-radius:999px;padding:4px 10px;font-size:13px}',
    '.urgent{align-self:stretch;max-width:100%;background:#fef2f2;border:2px solid #b91c1c;color:#7f1d1d;font-size:14px;line-height:1.4}',
    '.urgent strong{display:block;font-size:15px;margin-bottom:6px}',
    '.urgent .call{float:right;margin:0 0 4px 10px}',
    '.urgent .source{font-size:12px}',
    '.caution{margin-top:8px;padding:8px 10px;border-left:4px solid #b45309;background:#fffbeb;color:#78350f;border-radius:6px;white-space:normal}',
    '.caution ul,.check ul{margin:6px 0 0;padding-left:20px}',
    '.check{align-self:stretch;max-width:100%;background:#fffbeb;border:2px solid #b45309;color:#78350f;white-space:normal}',
    '.check .chips{margin-top:10px}',
    '.check .chip{min-height:36px;padding:6px 16px;font-size:14px;font-weight:600}',
    'details.guide{margin-top:4px}',
    'details.rest summary{cursor:pointer;color:#52606d;font-size:13px;margin:4px 0}',
    'details.guide summary{cursor:pointer;color:#52606d;font-size:13px}',
    '.call{display:inline-block;margin-top:8px;padding:8px 14px;border-radius:8px;background:#b91c1c;color:#fff;font-weight:700;text-decoration:none}',
    '.error{background:#fffbeb;border-color:#f59e0b}',
    '.retry{margin-top:8px;border:1px solid #b45309;background:#fff;color:#92400e;border-radius:8px;padding:4px 10px}',
    '.typing{display:flex;gap:4px;padding:0 16px 8px;background:#f6f7f9}',
    '.typing span{width:8px;height:8px;border-radius:50%;background:#9aa5b1;animation:blink 1.2s infinite}',
    '.typing span:nth-child(2){animation-delay:.2s}.typing span:nth-child(3){animation-delay:.4s}',
    '@keyframes blink{0%,80%,100%{opacity:.3}40%{opacity:1}}',
    '@media (prefers-reduced-motion:reduce){.typing span{animation:none}}',
    '.composer{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e6ea;background:#fff}',
    'input{flex:1;min-width:0;font:inherit;padding:10px 12px;border:1px solid #cbd2d9;border-radius:10px;color:#1f2933;background:#fff}',
    '.send{border:0;border-radius:10px;padding:0 16px;background:var(--accent);color:var(--accent-ink);font-weight:600}',
    '.send:disabled{opacity:.6;cursor:default}',
    '.disclaimer{margin:0;padding:8px 12px;font-size:12px;line-height:1.35;color:#52606d;background:#fff;border-top:1px solid #e3e6ea}',
    'a{color:var(--accent)}',
    '.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    '@media (max-width:480px){:host{bottom:12px!important}',
    ':host(.open){inset:0!important}',
    ':host(.open) .root{height:100%}',
    '.panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0}}'
  ].join('');

  /** Creates an element with a class and (as text, never HTML) content. */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }

  /** Appends text to a parent, wrapping each highlight found in it in <mark>. */
  function appendMarked(parent, text, highlights) {
    var rest = String(text);
    var list = (highlights || []).filter(function (h) { return h && rest.indexOf(h) >= 0; });
    while (rest.length) {
      var best = -1, hit = null;
      list.forEach(function (h) {
        var i = rest.indexOf(h);
        if (i >= 0 && (best < 0 || i < best)) { best = i; hit = h; }
      });
      if (!hit) { parent.appendChild(document.createTextNode(rest)); break; }
      if (best > 0) parent.appendChild(document.createTextNode(rest.slice(0, best)));
      parent.appendChild(el('mark', null, hit));
      rest = rest.slice(best + hit.length);
    }
  }

  /** A link only for http(s) and tel: targets; anything else stays text. */
  function safeLink(href, text) {
    var ok = /^(https?:|tel:)/i.test(href);
    if (!ok) return el('span', null, text);
    var a = el('a', null, text);
    a.href = href;
    if (!/^tel:/i.test(href)) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
    return a;
  }

  /** The emergency number as a link that dials it. */
  function callLink() {
    var call = safeLink('tel:911', 'Call 911');
    call.className = 'call';
    call.setAttribute('part', 'call');
    return call;
  }

  /** Signs in the safety file's words, as a list. */
  function signList(signs) {
    var list = el('ul');
    (signs || []).forEach(function (s) { list.appendChild(el('li', null, s)); });
    return list;
  }

  function contactLink(contact) {
    var c = String(contact || '').trim();
    if (!c) return null;
    if (/^https?:\/\//i.test(c)) return safeLink(c, c.replace(/^https?:\/\//i, ''));
    var digits = c.replace(/[^\d+]/g, '');
    if (digits.replace(/\D/g, '').length >= 7) return safeLink('tel:' + digits, c);
    return el('span', null, c);
  }

  class SciaticaChat extends HTMLElement {
    constructor() {
      super();
      this.opts = {
        title: data.title || 'Questions about sciatica',
        greeting: data.greeting || 'Hi! I can answer questions about sciatica from our clinic\u2019s guide. What would you like to know?',
        accent: data.accent || '',
        position: data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
        contact: data.contact || ''
      };
      this.info = null;
      this.busy = false;
      var root = this.attachShadow({ mode: 'open' });
      var style = el('style', null, STYLES);
      root.appendChild(style);
      this.build(root);
    }

    connectedCallback() {
      this.setAttribute('data-position', this.opts.position);
    }

    build(root) {
      var self = this;
      var wrap = el('div', 'root');
      wrap.setAttribute('part', 'root');
      if (this.opts.accent && window.CSS && window.CSS.supports('color', this.opts.accent)) {
        wrap.style.setProperty('--accent', this.opts.accent);
      }

      var panel = el('section', 'panel');
      panel.id = 'panel';
      panel.hidden = true;
      panel.setAttribute('part', 'panel');
      panel.setAttribute('role', 'dialog');
      panel.setAttribute('aria-labelledby', 'sc-title');

      var head = el('div', 'head');
      head.setAttribute('part', 'header');
      var h2 = el('h2', null, this.opts.title);
      h2.id = 'sc-title';
      var close = el('button', 'close', '\u00D7');
      close.type = 'button';
      close.setAttribute('aria-label', 'Close chat');
      close.setAttribute('part', 'close');
      close.addEventListener('click', function () { self.close(); });
      head.append(h2, close);

      var log = el('div', 'log');
      log.setAttribute('part', 'log');
      log.setAttribute('role', 'log');
      log.setAttribute('aria-live', 'polite');
      log.setAttribute('aria-label', 'Conversation');
      log.tabIndex = 0;

      var typing = el('div', 'typing');
      typing.setAttribute('part', 'typing');
      typing.hidden = true;
      typing.append(el('span'), el('span'), el('span'), el('span', 'sr-only', 'The assistant is typing'));

      var form = el('form', 'composer');
      form.setAttribute('part', 'composer');
      var label = el('label', 'sr-only', 'Your question');
      label.htmlFor = 'sc-input';
      var input = el('input');
      input.id = 'sc-input';
      input.type = 'text';
      input.maxLength = 500;
      input.autocomplete = 'off';
      input.placeholder = 'Type your question\u2026';
      input.setAttribute('part', 'input');
      var send = el('button', 'send', 'Send');
      send.type = 'submit';
      send.setAttribute('part', 'send');
      form.append(label, input, send);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var q = input.value.trim();
        if (!q || self.busy) return;
        input.value = '';
        self.ask(q);
      });

      var disclaimer = el('p', 'disclaimer', DEFAULT_DISCLAIMER);
      disclaimer.setAttribute('part', 'disclaimer');
      disclaimer.id = 'sc-disclaimer';
      panel.setAttribute('aria-describedby', 'sc-disclaimer');

      panel.append(head, log, typing, form, disclaimer);

      var launcher = el('button', 'launcher');
      launcher.type = 'button';
      launcher.setAttribute('part', 'launcher');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-controls', 'panel');
      launcher.setAttribute('aria-label', 'Open chat: ' + this.opts.title);
      var svgNS = 'http://www.w3.org/2000/svg';
      var svg = document.createElementNS(svgNS, 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      svg.setAttribute('aria-hidden', 'true');
      var path = document.createElementNS(svgNS, 'path');
      path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
      svg.appendChild(path);
      launcher.append(svg, el('span', null, 'Ask about sciatica'));
      launcher.addEventListener('click', function () { panel.hidden ? self.open() : self.close(); });

      wrap.append(panel, launcher);
      root.appendChild(wrap);
      root.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && !panel.hidden) { e.stopPropagation(); self.close(); }
      });

      this.els = { panel: panel, log: log, typing: typing, input: input, send: send, launcher: launcher, disclaimer: disclaimer };
    }

    open() {
      var els = this.els;
      els.panel.hidden = false;
      this.classList.add('open');
      els.launcher.setAttribute('aria-expanded', 'true');
      if (!this.greeted) {
        this.greeted = true;
        var greet = this.botBubble(this.opts.greeting);
        this.loadInfo(greet);
      }
      els.input.focus();
    }

    close() {
      this.els.panel.hidden = true;
      this.classList.remove('open');
      this.els.launcher.setAttribute('aria-expanded', 'false');
      this.els.launcher.focus();
    }

    /** The server's disclaimer, contact and starter topics; the built-in text stays if it cannot be reached. */
    loadInfo(greetBubble) {
      var self = this;
      fetch(API + '/api/v1/info', { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)); })
        .then(function (info) {
          self.info = info;
          if (info.disclaimer) self.els.disclaimer.textContent = info.disclaimer;
          if (info.suggestions && info.suggestions.length) {
            greetBubble.appendChild(self.chips(info.suggestions));
          }
        })
        .catch(function (e) { console.warn(LOG, 'could not load the chat settings:', e.message); });
    }

    contact() {
      return this.opts.contact || (this.info && this.info.contact) || '';
    }

    bubble(cls, text) {
      var b = el('div', 'msg ' + cls, text);
      b.setAttribute('part', 'message ' + cls);
      this.els.log.appendChild(b);
      this.els.log.scrollTop = this.els.log.scrollHeight;
      return b;
    }

    botBubble(text) {
      return this.bubble('bot', text);
    }

    chips(items) {
      var self = this;
      var box = el('div', 'chips');
      items.forEach(function (item) {
        var c = el('button', 'chip', item.title);
        c.type = 'button';
        c.setAttribute('part', 'suggestion');
        c.addEventListener('click', function () { self.showSection(item.sectionId, item.title); });
        box.appendChild(c);
      });
      return box;
    }

    setBusy(on) {
      this.busy = on;
      this.els.typing.hidden = !on;
      this.els.send.disabled = on;
      this.els.log.setAttribute('aria-busy', on ? 'true' : 'false');
      this.els.log.scrollTop = this.els.log.scrollHeight;
    }

    ask(question) {
      this.lastQuestion = question;
      this.bubble('user', question);
      this.request('POST', '/api/v1/ask', { question: question }, question);
    }

    showSection(id, title) {
      this.bubble('user', title);
      var path = String(id).split('/').map(encodeURIComponent).join('/');
      this.request('GET', '/api/v1/sections/' + path, null, null, title);
    }

    request(method, path, body, question, title) {
      var self = this;
      this.setBusy(true);
      var init = { method: method, headers: { Accept: 'application/json' } };
      if (body) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      fetch(API + path, init)
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (json) {
            if (!r.ok) {
              var err = new Error((json.error && json.error.message) || ('HTTP ' + r.status));
              err.status = r.status;
              throw err;
            }
            return json;
          });
        })
        .then(function (reply) { self.setBusy(false); self.render(reply); })
        .catch(function (e) {
          self.setBusy(false);
          console.warn(LOG, 'request failed:', e.message);
          self.renderError(e, function () {
            if (question) self.request('POST', '/api/v1/ask', body, question);
            else self.request(method, path, body, null, title);
          });
        });
    }

    render(reply) {
      if (reply.disclaimer) this.els.disclaimer.textContent = reply.disclaimer;
      var first = null;
      if (reply.urgent) first = this.renderUrgent(reply.urgent);
      if (reply.check) {
        this.scrollToStart(this.renderCheck(reply.check));
        return;
      }
      var b = this.botBubble(reply.urgent ? '' : reply.reply);
      if (!first) first = b;
      b.setAttribute('data-status', reply.status);
      if (reply.caution) b.appendChild(this.caution(reply.caution));
      if (reply.answer) {
        if (reply.urgent) {
          // the alarm comes first; the guide's card follows, folded away
          var more = el('details', 'guide');
          more.setAttribute('part', 'guide');
          more.appendChild(el('summary', null, 'Meanwhile, what our guide says about \u201C' + reply.answer.title + '\u201D'));
          more.appendChild(this.card(reply.answer));
          b.appendChild(more);
        } else {
          b.appendChild(this.card(reply.answer));
        }
      }
      if (reply.status === 'no_match') {
        var contact = contactLink(this.contact());
        if (contact) {
          var line = el('div', 'source', 'Contact the clinic: ');
          line.setAttribute('part', 'contact');
          line.appendChild(contact);
          b.appendChild(line);
        }
      }
      if (reply.related && reply.related.length && !reply.urgent) {
        var lead = el('div', 'source', reply.status === 'answered' ? 'Related topics:' : 'You could also ask about:');
        b.append(lead, this.chips(reply.related));
      }
      if (!b.textContent && !b.childElementCount) b.remove();
      this.scrollToStart(first);
    }

    /** Scrolls the conversation so that a reply's first line is at the top of the view: a reply is read from its start. */
    scrollToStart(node) {
      var log = this.els.log;
      if (!node || !node.isConnected) { log.scrollTop = log.scrollHeight; return; }
      var top = node.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop - 8;
      log.scrollTop = Math.max(0, top);
    }

    bubbleQuietly(cls) {
      // an alert announces itself (role=alert); the log's own announcement would repeat it
      var log = this.els.log;
      log.setAttribute('aria-live', 'off');
      var box = this.bubble(cls, '');
      setTimeout(function () { log.setAttribute('aria-live', 'polite'); }, 1000);
      return box;
    }

    renderUrgent(urgent) {
      var box = this.bubbleQuietly('urgent');
      box.setAttribute('role', 'alert');
      box.setAttribute('data-level', urgent.level);
      if (urgent.level === 'emergency') box.appendChild(callLink());
      box.appendChild(el('strong', null, urgent.level === 'emergency' ? 'This could be an emergency' : 'Please see a doctor today'));
      box.appendChild(el('div', null, urgent.message));
      if (urgent.signs && urgent.signs.length) {
        box.appendChild(el('div', 'source', 'What you described: ' + urgent.signs.join('; ')));
      }
      return box;
    }

    renderCheck(check) {
      var self = this;
      var question = this.lastQuestion;
      var box = this.bubble('check', '');
      box.setAttribute('data-status', 'check');
      box.setAttribute('data-level', check.level);
      box.appendChild(el('strong', null, check.message));
      box.appendChild(signList(check.signs));
      var chips = el('div', 'chips');
      [['Yes', 'yes'], ['No', 'no']].forEach(function (pair) {
        var c = el('button', 'chip', pair[0]);
        c.type = 'button';
        c.setAttribute('part', 'check-answer');
        c.setAttribute('data-answer', pair[1]);
        c.addEventListener('click', function () {
          Array.prototype.forEach.call(chips.querySelectorAll('button'), function (x) { x.disabled = true; });
          self.bubble('user', pair[0]);
          self.request('POST', '/api/v1/ask', { question: question, check: pair[1] }, question);
        });
        chips.appendChild(c);
      });
      box.appendChild(chips);
      if (check.level === 'emergency') box.appendChild(callLink());
      return box;
    }

    caution(caution) {
      var box = el('div', 'caution');
      box.setAttribute('part', 'caution');
      box.appendChild(el('div', null, caution.message));
      box.appendChild(signList(caution.signs));
      return box;
    }

    card(answer) {
      var card = el('div', 'card');
      card.setAttribute('part', 'answer');
      card.appendChild(el('h3', null, answer.title));
      var hl = answer.highlights || [];
      var list = null;
      // a long answer is never a wall of text on a phone: after about FOLD characters the rest is folded
      // behind "Read the rest", which says so when the sentence that matched the question is in it
      var shown = 0, body = card, rest = null;
      (answer.blocks || [{ kind: 'PARAGRAPH', text: answer.text }]).forEach(function (block) {
        var kind = String(block.kind || '').toUpperCase();
        if (!rest && shown > FOLD) {
          rest = el('details', 'rest');
          rest.setAttribute('part', 'rest');
          rest.appendChild(el('summary', null, 'Read the rest'));
          card.appendChild(rest);
          body = rest;
          list = null;
        }
        shown += String(block.text || '').length;
        if (rest && hl.some(function (h) { return h && (String(block.text || '').indexOf(h) >= 0 || h === (block.label ? block.label + ': ' + block.text : block.text)); })) {
          rest.firstChild.textContent = 'Read the rest, with the part that matches your question';
        }
        if (kind === 'ITEM') {
          if (!list) { list = el('ul'); body.appendChild(list); }
          var li = el('li');
          var full = block.label ? block.label + ': ' + block.text : block.text;
          if (hl.indexOf(full) >= 0) {
            li.appendChild(el('mark', null, full));
          } else {
            if (block.label) li.append(el('strong', null, block.label + ':'), document.createTextNode(' '));
            appendMarked(li, block.text, hl);
          }
          list.appendChild(li);
          return;
        }
        list = null;
        if (kind === 'HEADING') { body.appendChild(el('h4', null, block.text)); return; }
        var p = el('p');
        if (block.label) p.append(el('strong', null, block.label + ':'), document.createTextNode(' '));
        appendMarked(p, block.text, hl);
        body.appendChild(p);
      });
      if (answer.note) card.appendChild(el('div', 'note', answer.note));
      var src = el('div', 'source', 'Source: ');
      src.setAttribute('part', 'source');
      var name = answer.sourceName || answer.source || '';
      src.appendChild(answer.sourceUrl ? safeLink(answer.sourceUrl, name) : el('span', null, name));
      card.appendChild(src);
      return card;
    }

    renderError(e, retry) {
      var b = this.bubble('bot error',
        e && e.status === 429
          ? 'Sorry, ' + e.message.charAt(0).toLowerCase() + e.message.slice(1) + '.'
          : e && e.status && e.status < 500
          ? 'Sorry, I could not take that question: ' + e.message
          : 'Sorry, I can\u2019t reach the clinic\u2019s chat right now. Please check your connection and try again.');
      b.setAttribute('data-status', 'error');
      if (!(e && e.status && e.status < 500 && e.status !== 429)) {
        var again = el('button', 'retry', 'Try again');
        again.type = 'button';
        again.setAttribute('part', 'retry');
        again.addEventListener('click', function () { again.disabled = true; retry(); });
        b.appendChild(again);
      }
      var contact = contactLink(this.contact());
      if (contact) {
        var line = el('div', 'source', 'Or contact the clinic: ');
        line.appendChild(contact);
        b.appendChild(line);
      }
    }
  }

  customElements.define(TAG, SciaticaChat);

  function mount() {
    if (document.querySelector(TAG)) return;
    document.body.appendChild(document.createElement(TAG));
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
