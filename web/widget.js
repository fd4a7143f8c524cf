/*
 * Sciatica Chat widget. Embed with one tag:
 *   <script src="https://CHAT-HOST/widget.js" async></script>
 * Options (data- attributes on that tag): data-api, data-title, data-greeting, data-accent,
 * data-position (bottom-right | bottom-left), data-contact (phone or URL shown when there is no answer),
 * data-booking (URL or phone: "Book a session" on answers), data-theme (light | dark | auto),
 * data-z-index, data-lang (en | es; else the page's lang).
 *
 * Everything lives in <sciatica-chat>, a custom element with an open shadow root: the page's CSS cannot
 * reach inside and the widget's CSS does not leak out. Its styles are a constructed style sheet, so a page
 * whose Content-Security-Policy forbids inline styles still shows it styled. Text from the server or the
 * visitor is only ever inserted with textContent / DOM APIs, never parsed as HTML.
 */
(function () {
  'use strict';
  var TAG = 'sciatica-chat';
  var LOG = '[sciatica-chat]';
  /** How long a request may take before the visitor is offered a retry. */
  var TIMEOUT_MS = 15000;
  /** A conversation is kept this long after its last message, in this browser, for every tab of the site. */
  var KEEP_MS = 2 * 60 * 60 * 1000;
  /** Turns kept, and turns sent with a question so that follow-ups can be read. */
  var MAX_KEPT = 40, MAX_HISTORY = 5, MAX_QUESTION = 500, MAX_MESSAGE = 3000;
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
  var STORE = 'sciatica-chat:' + API;

  var STRINGS = {
    en: {
      title: 'Questions about sciatica',
      open: 'Open chat: ',
      close: 'Close chat',
      restart: 'New chat',
      greeting: 'Hi! I can answer questions about sciatica from our clinic\u2019s guide. What would you like to know?',
      disclaimer: 'General information from the clinic, not a diagnosis or medical advice. Please see a healthcare provider about your health.',
      placeholder: 'Type your question\u2026',
      label: 'Your question',
      send: 'Send',
      conversation: 'Conversation',
      typing: 'The assistant is typing\u2026',
      parts: function (n) { return 'This topic has ' + n + ' parts:'; },
      readOn: 'Read on:',
      whole: 'Show the whole section',
      hideWhole: 'Hide the whole section',
      source: 'Source: ',
      related: 'Related topics:',
      alsoAsk: 'You could also ask about:',
      contact: 'Contact the clinic: ',
      orContact: 'Or contact the clinic: ',
      contactClinic: 'You can contact the clinic directly: ',
      tooLong: function (n) { return 'Your message is ' + n + ' characters long; the chat reads up to 500. Please shorten it and send it again. If this is an emergency, call 911 now.'; },
      book: 'Book a session',
      meanwhile: function (t) { return 'Meanwhile, what our guide says about \u201C' + t + '\u201D'; },
      emergency: 'This could be an emergency',
      seeDoctor: 'Please see a doctor today',
      described: 'What you described: ',
      call911: 'Call 911',
      call988: 'Call or text 988',
      notAlone: 'You don\u2019t have to go through this alone',
      yes: 'Yes', no: 'No',
      retry: 'Try again',
      newTab: ' (opens in a new tab)',
      offline: 'Sorry, I can\u2019t reach the clinic\u2019s chat right now. Please check your connection and try again.',
      slow: 'Sorry, the clinic\u2019s chat is taking too long to answer. Please try again.',
      refused: 'This website is not set up for the clinic\u2019s chat yet, so it cannot answer here.',
      notTaken: 'Sorry, I could not take that question: ',
      earlier: 'Earlier in this conversation',
      helpful: 'Did this answer help?',
      thanks: 'Thank you for telling us.',
      missing: 'What were you looking for? (optional)',
      sendNote: 'Send', skip: 'Skip',
      notSent: 'Sorry, that did not reach the clinic.'
    },
    es: {
      title: 'Preguntas sobre la ciática',
      open: 'Abrir el chat: ',
      close: 'Cerrar el chat',
      restart: 'Nuevo chat',
      greeting: '¡Hola! Respondo preguntas sobre la ciática con la guía de nuestra clínica (en inglés). ¿Qué quiere saber?',
      disclaimer: 'Información general de la clínica, no un diagnóstico ni consejo médico. Consulte a un profesional de la salud.',
      placeholder: 'Escriba su pregunta\u2026',
      label: 'Su pregunta',
      send: 'Enviar',
      conversation: 'Conversación',
      typing: 'El asistente está escribiendo\u2026',
      parts: function (n) { return 'Este tema tiene ' + n + ' partes:'; },
      readOn: 'Siga leyendo:',
      whole: 'Ver toda la sección',
      hideWhole: 'Ocultar la sección',
      source: 'Fuente: ',
      related: 'Temas relacionados:',
      alsoAsk: 'También puede preguntar por:',
      contact: 'Contacte con la clínica: ',
      orContact: 'O contacte con la clínica: ',
      contactClinic: 'Puede contactar directamente con la clínica: ',
      tooLong: function (n) { return 'Su mensaje tiene ' + n + ' caracteres; el chat lee hasta 500. Acórtelo y envíelo de nuevo. Si es una emergencia, llame al 911 ahora.'; },
      book: 'Reservar una sesión',
      meanwhile: function (t) { return 'Mientras tanto, lo que dice nuestra guía sobre \u201C' + t + '\u201D'; },
      emergency: 'Esto podría ser una emergencia',
      seeDoctor: 'Vea a un médico hoy',
      described: 'Lo que describió: ',
      call911: 'Llamar al 911',
      call988: 'Llamar o escribir al 988',
      notAlone: 'No tiene que pasar por esto solo',
      yes: 'Sí', no: 'No',
      retry: 'Intentar de nuevo',
      newTab: ' (se abre en una pestaña nueva)',
      offline: 'Lo siento, ahora no puedo conectar con el chat de la clínica. Compruebe su conexión e inténtelo de nuevo.',
      slow: 'Lo siento, el chat de la clínica tarda demasiado en responder. Inténtelo de nuevo.',
      refused: 'Este sitio web aún no está configurado para el chat de la clínica, así que no puede responder aquí.',
      notTaken: 'Lo siento, no pude aceptar esa pregunta: ',
      tooMany: 'Lo siento, son más preguntas de las que el chat puede atender a la vez; espere unos segundos y vuelva a preguntar.',
      earlier: 'Antes en esta conversación',
      helpful: '¿Le ayudó esta respuesta?',
      thanks: 'Gracias por decírnoslo.',
      missing: '¿Qué buscaba? (opcional)',
      sendNote: 'Enviar', skip: 'Omitir',
      notSent: 'Lo siento, no llegó a la clínica.'
    }
  };
  var pageLang = String(data.lang || document.documentElement.lang || 'en').toLowerCase();
  var LANG = pageLang.indexOf('es') === 0 ? 'es' : 'en';
  var T = STRINGS[LANG];

  var STYLES = [
    ':host{all:initial!important;position:fixed!important;z-index:var(--sc-z-index,2147483647)!important;bottom:20px!important;display:block!important;',
    'font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important;color:var(--text)!important;}',
    ':host([data-position=bottom-right]){right:20px!important;left:auto!important}',
    ':host([data-position=bottom-left]){left:20px!important;right:auto!important}',
    '*,*::before,*::after{box-sizing:border-box}',
    '[hidden]{display:none!important}',
    '.root{--accent:#0f766e;--accent-ink:#fff;--accent-text:#0f766e;--text:#1f2933;--muted:#4b5563;--panel:#fff;--log:#f6f7f9;',
    '--bot:#fff;--border:#d5dae0;--ring:#0b1f33;--halo:#fff;--mark:#fde68a;',
    'color:var(--text);display:flex;flex-direction:column;align-items:flex-end;gap:12px}',
    '.root.dark{--text:#e5e7eb;--muted:#b6bec9;--panel:#111827;--log:#0b1220;--bot:#1f2937;--border:#374151;--ring:#fff;--halo:#0b1f33;--mark:#854d0e}',
    ':host([data-position=bottom-left]) .root{align-items:flex-start}',
    'button{font:inherit;cursor:pointer}',
    '.launcher{display:inline-flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px;min-height:48px;',
    'background:var(--accent);color:var(--accent-ink);font-weight:600;box-shadow:0 6px 20px rgba(0,0,0,.22)}',
    /* a two-tone ring: the inner colour contrasts with light backgrounds, the halo with dark ones */
    ':focus-visible{outline:3px solid var(--ring)!important;outline-offset:2px;box-shadow:0 0 0 6px var(--halo)!important}',
    '.launcher svg{width:20px;height:20px;fill:currentColor;flex:none}',
    '.launcher span{max-width:min(260px,calc(100vw - 110px));overflow:hidden;text-overflow:ellipsis;white-space:nowrap}',
    '.panel{display:flex;flex-direction:column;width:min(380px,calc(100vw - 40px));height:min(600px,calc(100vh - 110px));',
    'background:var(--panel);color:var(--text);border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden}',
    '.head{display:flex;align-items:center;gap:4px;padding:6px 6px 6px 16px;background:var(--accent);color:var(--accent-ink)}',
    '.head h2{margin:0;font-size:16px;font-weight:700;flex:1}',
    '.head button{border:0;background:transparent;color:inherit;min-width:44px;min-height:44px;border-radius:8px}',
    '.close{font-size:26px;line-height:1}',
    '.restart{font-size:13px;text-decoration:underline;padding:0 8px}',
    '.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:var(--log)}',
    '.msg{max-width:92%;padding:10px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.user{align-self:flex-end;background:var(--accent);color:var(--accent-ink);border-bottom-right-radius:4px}',
    '.bot{align-self:flex-start;background:var(--bot);border:1px solid var(--border);border-bottom-left-radius:4px}',
    '.earlier{align-self:center;font-size:12px;color:var(--muted)}',
    '.lead{white-space:normal}',
    '.lead p{margin:0 0 6px}',
    '.lead ul{margin:4px 0 0;padding-left:0;list-style:none;display:flex;flex-direction:column;gap:6px}',
    '.card{margin-top:8px;padding-top:8px;border-top:1px solid var(--border);white-space:normal}',
    '.msg > .card:first-child{margin-top:0;padding-top:0;border-top:0}',
    '.card .lead + h3{margin-top:8px;padding-top:8px;border-top:1px solid var(--border)}',
    '.card h3{margin:0;font-size:15px}',
    '.card h4{margin:10px 0 4px;font-size:14px}',
    '.card p{margin:0 0 6px}',
    '.card ul{margin:0 0 6px;padding-left:20px}',
    '.card li{margin:0 0 4px}',
    'mark{background:var(--mark);color:inherit;padding:0 1px;border-radius:2px}',
    '.source,.note{margin-top:6px;font-size:13px;color:var(--muted)}',
    '.note{color:#9a3412}',
    '.root.dark .note{color:#fdba74}',
    'details.whole{margin-top:6px}',
    'details.whole summary,details.guide summary{cursor:pointer;color:var(--accent-text);font-size:14px;min-height:44px;display:flex;align-items:center}',
    'details.whole[open] > .body{margin-top:4px}',
    '.chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}',
    '.chip{border:1px solid var(--accent-text);color:var(--accent-text);background:var(--bot);border-radius:999px;padding:8px 14px;font-size:14px;min-height:44px;text-align:left}',
    '.lead .chip{border-radius:10px;width:100%}',
    '.next{display:inline-flex;align-items:center;min-height:44px;margin-top:8px;padding:0 14px;border-radius:8px;background:var(--accent);',
    'color:var(--accent-ink);font-weight:600;text-decoration:none}',
    '.urgent{align-self:stretch;max-width:100%;background:#fef2f2;border:2px solid #b91c1c;color:#7f1d1d;font-size:14px;line-height:1.4}',
    '.urgent strong{display:block;font-size:15px;margin-bottom:6px}',
    '.urgent .call{float:right;margin:0 0 4px 10px}',
    '.urgent .call.also{float:none;margin:8px 0 0}',
    '.urgent .source{font-size:12px;color:#7f1d1d}',
    '.caution{margin-top:8px;padding:8px 10px;border-left:4px solid #b45309;background:#fffbeb;color:#78350f;border-radius:6px;white-space:normal}',
    '.caution ul,.check ul{margin:6px 0 0;padding-left:20px}',
    '.caution:first-child{margin:0 0 8px}',
    '.check{align-self:stretch;max-width:100%;background:#fffbeb;border:2px solid #b45309;color:#78350f;white-space:normal}',
    '.check .chips{margin-top:10px;position:sticky;bottom:0;display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:6px 0;background:#fffbeb}',
    '.check .chips .call{margin-top:0}',
    '.check .chip{padding:6px 18px;font-weight:600;color:#78350f;border-color:#78350f;background:#fff}',
    'details.guide{margin-top:4px}',
    '.feedback{margin-top:8px;display:flex;flex-wrap:wrap;align-items:center;gap:6px;font-size:14px}',
    '.feedback > span{margin-right:4px}',
    '.feedback .chip{min-width:56px;min-height:44px;padding:4px 12px;text-align:center}',
    '.feedback .chip[aria-pressed=true]{background:var(--accent);color:var(--accent-ink)}',
    '.feedback form{flex-basis:100%;display:flex;flex-wrap:wrap;gap:6px;align-items:center}',
    '.feedback label{flex-basis:100%}',
    '.feedback p{margin:0;flex-basis:100%}',
    '.call{display:inline-flex;align-items:center;min-height:44px;margin-top:8px;padding:0 14px;border-radius:8px;background:#b91c1c;color:#fff;font-weight:700;text-decoration:none}',
    '.error{background:#fffbeb;border-color:#b45309;color:#78350f}',
    '.retry{display:block;margin-top:8px;border:1px solid #92400e;background:#fff;color:#92400e;border-radius:8px;padding:0 14px;min-height:44px}',
    '.typing{display:flex;gap:4px;padding:0 16px 8px;background:var(--log)}',
    '.typing span{width:8px;height:8px;border-radius:50%;background:#9aa5b1;animation:blink 1.2s infinite}',
    '.typing span:nth-child(2){animation-delay:.2s}.typing span:nth-child(3){animation-delay:.4s}',
    '@keyframes blink{0%,80%,100%{opacity:.3}40%{opacity:1}}',
    '@media (prefers-reduced-motion:reduce){.typing span{animation:none}}',
    '.composer{display:flex;gap:8px;padding:10px;border-top:1px solid var(--border);background:var(--panel)}',
    /* 16px: a smaller input makes phones zoom the page when it gets focus */
    'input{flex:1;min-width:0;font:inherit;font-size:16px;min-height:44px;padding:8px 12px;border:1px solid #6b7280;border-radius:10px;color:var(--text);background:var(--panel)}',
    '.send{border:0;border-radius:10px;padding:0 16px;min-height:44px;background:var(--accent);color:var(--accent-ink);font-weight:600}',
    '.send:disabled{opacity:.6;cursor:default}',
    '.disclaimer{margin:0;padding:8px 12px;font-size:12px;line-height:1.35;color:var(--muted);background:var(--panel);border-top:1px solid var(--border)}',
    'a{color:var(--accent-text)}',
    '.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    /* open on a wide screen, the panel stands where the launcher was and takes the height it frees */
    '@media (min-width:481px){:host(.open) .launcher{display:none}:host(.open) .panel{height:min(720px,calc(100vh - 40px))}}',
    '@media (max-width:480px){:host{bottom:12px!important}',
    ':host(.open){inset:0!important}',
    ':host(.open) .root{height:100%}',
    '.panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0}}',
    /* Windows' high contrast: colours and shadows are dropped, so edges are drawn in the system's colours */
    '@media (forced-colors:active){.launcher,.send,.chip,.retry,.close,.restart{border:1px solid ButtonText}.panel{border:1px solid CanvasText}}'
  ].join('');

  var feedbackCount = 0;

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
    var ok = /^(https?:|tel:|mailto:)/i.test(href);
    if (!ok) return el('span', null, text);
    var a = el('a', null, text);
    a.href = href;
    // a page of the clinic's own site opens where the visitor is (the chat comes back open there); another site in a
    // new tab, which a screen reader is told of
    if (!/^(tel:|mailto:)/i.test(href) && new URL(href).origin !== location.origin) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.appendChild(el('span', 'sr-only', T.newTab));
    }
    return a;
  }

  /** A North American number as people write it, "(919) 555-0142"; other numbers as given. */
  function formatPhone(written) {
    var digits = String(written).replace(/\D/g, '');
    if (digits.length === 11 && digits.charAt(0) === '1') digits = digits.slice(1);
    if (digits.length !== 10) return String(written).replace(/^tel:/i, '').trim();
    return '(' + digits.slice(0, 3) + ') ' + digits.slice(3, 6) + '-' + digits.slice(6);
  }

  /** The number to dial: +1 and ten digits for a North American number, else the digits and a leading +. */
  function dialable(written) {
    var s = String(written).replace(/^tel:/i, '');
    var digits = s.replace(/\D/g, '');
    if (digits.length === 10) return 'tel:+1' + digits;
    if (digits.length === 11 && digits.charAt(0) === '1') return 'tel:+' + digits;
    return 'tel:' + (s.trim().charAt(0) === '+' ? '+' : '') + digits;
  }

  /** A value that names a scheme of its own ("javascript:", "data:"): never shown as text. */
  var SCHEME = /^[a-z][a-z0-9+.\-]*:/i;

  /**
   * Where a contact or booking value leads and how it reads: a web address (also "www.…" and a path on the page's own
   * site, "/book"), an e-mail address, or a phone number (with an extension); null for anything else.
   */
  function destination(value) {
    var c = String(value || '').trim();
    if (/^https?:\/\/\S+$/i.test(c)) return { href: c, text: c.replace(/^https?:\/\//i, '') };
    if (/^www\.\S+$/i.test(c)) return { href: 'https://' + c, text: c };
    if (/^\/(?!\/)\S*$/.test(c)) return { href: new URL(c, window.location.href).href, text: c };
    var mail = /^(?:mailto:)?([^\s@:]+@[^\s@]+\.[^\s@]+)$/i.exec(c);
    if (mail) return { href: 'mailto:' + mail[1], text: mail[1] };
    var phone = /^(tel:)?([\d\s().+\-]+?)\s*(?:(?:ext\.?|extension|x)\s*(\d+))?$/i.exec(c);
    if (phone && phone[2].replace(/\D/g, '').length >= 7) {
      return { href: dialable(phone[2]) + (phone[3] ? ';ext=' + phone[3] : ''), text: formatPhone(phone[2]) + (phone[3] ? ' ext. ' + phone[3] : '') };
    }
    return null;
  }

  /** A contact or booking value as a link; plain words ("the front desk") as text; a value with another scheme, nothing. */
  function contactLink(contact, label) {
    var c = String(contact || '').trim();
    if (!c) return null;
    var d = destination(c);
    if (d) return safeLink(d.href, label || d.text);
    return SCHEME.test(c) ? null : el('span', null, c);
  }

  /** The emergency number (or the crisis line's) as a link that dials it. */
  function callLink(number, label) {
    var call = safeLink('tel:' + (number || '911'), label || T.call911);
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

  /** A colour as [r, g, b] (0-255), through the browser's own parser; null when it is not one. */
  function rgb(color) {
    if (!color || !(window.CSS && window.CSS.supports('color', color))) return null;
    var canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    var ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    // a value the canvas cannot take (a CSS variable, which only the page can resolve) leaves the one before it
    ctx.fillStyle = '#010203';
    ctx.fillStyle = color;
    if (ctx.fillStyle === '#010203' && !/^#?010203$/i.test(color.trim())) return null;
    // any colour CSS knows (#rrggbbaa, hsl(), oklch()) as the pixel it paints, opaque
    ctx.fillRect(0, 0, 1, 1);
    var px = ctx.getImageData(0, 0, 1, 1).data;
    return px[3] === 0 ? null : [px[0], px[1], px[2]];
  }

  function luminance(c) {
    var l = c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }

  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  function hex(c) {
    return '#' + c.map(function (v) { return ('0' + Math.round(v).toString(16)).slice(-2); }).join('');
  }

  /** The accent moved toward {@code toward} until it has 4.5:1 contrast with {@code against}. */
  function readable(accent, against, toward) {
    var c = accent.slice();
    for (var i = 0; i < 20 && contrast(c, against) < 4.5; i++) {
      c = c.map(function (v, k) { return v + (toward[k] - v) * 0.15; });
    }
    return hex(c);
  }

  var WHITE = [255, 255, 255], BLACK = [0, 0, 0], DARK_PANEL = [31, 41, 55];

  /** The conversation kept in this browser for the site: every tab sees the same, until it expires. */
  var store = {
    load: function () {
      try {
        var s = JSON.parse(window.localStorage.getItem(STORE) || 'null');
        if (!s || !Array.isArray(s.turns) || Date.now() - s.updated > KEEP_MS) return [];
        return s.turns;
      } catch (e) {
        return [];
      }
    },
    save: function (turns) {
      try {
        window.localStorage.setItem(STORE, JSON.stringify({ updated: Date.now(), turns: turns.slice(-MAX_KEPT) }));
      } catch (e) {
        // private browsing or a full quota: the conversation is simply not kept
      }
    },
    clear: function () {
      try { window.localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
    },
    /** Whether the panel was open in this tab when its page went away (a reload, the next page of the site). */
    wasOpen: function () {
      try { return window.sessionStorage.getItem(STORE + ':open') === '1'; } catch (e) { return false; }
    },
    setOpen: function (open) {
      try {
        if (open) window.sessionStorage.setItem(STORE + ':open', '1');
        else window.sessionStorage.removeItem(STORE + ':open');
      } catch (e) { /* not kept */ }
    }
  };

  var POSITIONS = ['bottom-right', 'bottom-left'], THEMES = ['light', 'dark', 'auto'];

  function lower(value) {
    return String(value || '').trim().toLowerCase();
  }

  /** The value in lower case when it is one of {@code allowed}, else ''. */
  function oneOf(value, allowed) {
    var v = lower(value);
    return allowed.indexOf(v) >= 0 ? v : '';
  }

  function zIndexOf(value) {
    return /^\d{1,10}$/.test(value || '') ? value : '';
  }

  /** A word in the console for each attribute the widget could not use, so the web person sees why it fell back. */
  function warnAboutAttributes() {
    function warn(name, value, why) { console.warn(LOG, 'data-' + name + '="' + value + '" ' + why); }
    if (data.position && !oneOf(data.position, POSITIONS)) warn('position', data.position, 'is not bottom-right or bottom-left; bottom-right is used');
    if (data.theme && !oneOf(data.theme, THEMES)) warn('theme', data.theme, 'is not light, dark or auto; auto is used');
    if (data.accent && !rgb(data.accent)) warn('accent', data.accent, 'is not a colour; the default is used');
    if (data.booking && !destination(data.booking)) warn('booking', data.booking, 'is not a web address, a path on this site, an e-mail or a phone number; no "Book a session" is shown');
    if (data.contact && !destination(data.contact) && SCHEME.test(data.contact.trim())) warn('contact', data.contact, 'cannot be a link; it is not shown');
    if (data.zIndex && !zIndexOf(data.zIndex)) warn('z-index', data.zIndex, 'is not a whole number; the default is used');
    if (data.lang && !/^(en|es)(-|$)/i.test(data.lang)) warn('lang', data.lang, 'is not en or es; English is used');
    if (data.api && !/^https?:\/\//i.test(data.api)) warn('api', data.api, 'is not a web address starting with https:// or http://; the chat cannot reach it');
  }

  class SciaticaChat extends HTMLElement {
    constructor() {
      super();
      this.opts = {
        title: data.title || T.title,
        greeting: data.greeting || T.greeting,
        accent: data.accent || '',
        position: oneOf(data.position, POSITIONS) || POSITIONS[0],
        contact: data.contact || '',
        booking: data.booking || '',
        theme: oneOf(data.theme, THEMES) || 'auto',
        zIndex: zIndexOf(data.zIndex)
      };
      this.info = null;
      this.busy = false;
      this.turns = [];
      var root = this.attachShadow({ mode: 'open' });
      if ('adoptedStyleSheets' in root && window.CSSStyleSheet && 'replaceSync' in CSSStyleSheet.prototype) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLES);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.appendChild(el('style', null, STYLES));
      }
      this.build(root);
    }

    connectedCallback() {
      var self = this;
      this.setAttribute('data-position', this.opts.position);
      // a custom property: the stacking order is set inside the shadow root, whose !important wins over the page's
      if (this.opts.zIndex) this.style.setProperty('--sc-z-index', this.opts.zIndex);
      this.onStorage = function (e) {
        if (e.key === STORE && self.greeted) self.replay(store.load());
      };
      window.addEventListener('storage', this.onStorage);
    }

    disconnectedCallback() {
      window.removeEventListener('storage', this.onStorage);
    }

    build(root) {
      var self = this;
      var wrap = el('div', 'root');
      wrap.setAttribute('part', 'root');
      // English and Spanish read left to right, whatever the page's direction
      wrap.setAttribute('dir', 'ltr');
      wrap.setAttribute('lang', LANG);
      this.applyColours(wrap);

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
      var restart = el('button', 'restart', T.restart);
      restart.type = 'button';
      restart.setAttribute('part', 'restart');
      restart.addEventListener('click', function () { self.restart(); });
      var close = el('button', 'close', '\u00D7');
      close.type = 'button';
      close.setAttribute('aria-label', T.close);
      close.setAttribute('part', 'close');
      close.addEventListener('click', function () { self.close(); });
      head.append(h2, restart, close);

      var log = el('div', 'log');
      log.setAttribute('part', 'log');
      log.setAttribute('role', 'log');
      log.setAttribute('aria-live', 'polite');
      log.setAttribute('aria-label', T.conversation);
      log.tabIndex = 0;

      var typing = el('div', 'typing');
      typing.setAttribute('part', 'typing');
      typing.setAttribute('aria-hidden', 'true');
      typing.hidden = true;
      typing.append(el('span'), el('span'), el('span'));
      var status = el('div', 'sr-only');
      status.setAttribute('role', 'status');
      status.setAttribute('part', 'status');

      var form = el('form', 'composer');
      form.setAttribute('part', 'composer');
      var label = el('label', 'sr-only', T.label);
      label.htmlFor = 'sc-input';
      var input = el('input');
      input.id = 'sc-input';
      input.type = 'text';
      input.autocomplete = 'off';
      input.placeholder = T.placeholder;
      input.setAttribute('part', 'input');
      input.setAttribute('dir', 'auto');
      var send = el('button', 'send', T.send);
      send.type = 'submit';
      send.setAttribute('part', 'send');
      form.append(label, input, send);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var q = input.value.trim();
        if (!q || self.busy) return;
        var length = Array.from(q).length;
        if (length > MAX_QUESTION) {
          // kept in the box, whole: a long message cut short could lose what matters most, at its end
          var tooLong = function () {
            var note = self.bubble('bot error', T.tooLong(length));
            note.setAttribute('data-status', 'error');
            note.setAttribute('data-code', 'question_too_long');
            self.scrollToStart(note);
          };
          if (length > MAX_MESSAGE) { tooLong(); return; }
          // but first read for warning signs: the chat answers an emergency told at length, and asks to shorten the rest
          self.readAtLength(q, tooLong, function () { input.value = ''; });
          return;
        }
        input.value = '';
        self.ask(q);
      });

      var disclaimer = el('p', 'disclaimer', T.disclaimer);
      disclaimer.setAttribute('part', 'disclaimer');
      disclaimer.id = 'sc-disclaimer';
      panel.setAttribute('aria-describedby', 'sc-disclaimer');

      panel.append(head, log, typing, status, form, disclaimer);

      var launcher = el('button', 'launcher');
      launcher.type = 'button';
      launcher.setAttribute('part', 'launcher');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-controls', 'panel');
      // the accessible name starts with the visible words
      var launcherText = this.opts.title;
      launcher.setAttribute('aria-label', launcherText + ' \u2013 ' + T.open.replace(/: $/, ''));
      var svgNS = 'http://www.w3.org/2000/svg';
      var svg = document.createElementNS(svgNS, 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      svg.setAttribute('aria-hidden', 'true');
      var path = document.createElementNS(svgNS, 'path');
      path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
      svg.appendChild(path);
      launcher.append(svg, el('span', null, launcherText));
      launcher.addEventListener('click', function () { panel.hidden ? self.open() : self.close(); });

      wrap.append(panel, launcher);
      root.appendChild(wrap);
      root.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && !panel.hidden) { e.stopPropagation(); self.close(); }
        if (e.key === 'Tab' && self.modal) self.keepFocusInside(e);
      });

      this.els = { root: root, wrap: wrap, panel: panel, log: log, typing: typing, status: status, input: input, send: send,
        launcher: launcher, disclaimer: disclaimer, close: close };
    }

    /**
     * The accent, the ink on it and the accent as text, each with 4.5:1 contrast (every colour has at least
     * 4.58:1 with white or with pure black); the theme.
     */
    applyColours(wrap) {
      var scheme = this.opts.theme === 'auto' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
      var dark = this.opts.theme === 'dark' || (scheme !== null && scheme.matches);
      wrap.classList.toggle('dark', dark);
      // "auto" follows the system's setting while the page is open, not only as it was when the chat loaded
      if (scheme && !this.followsScheme && scheme.addEventListener) {
        this.followsScheme = true;
        var self = this;
        scheme.addEventListener('change', function () { self.applyColours(wrap); });
      }
      var accent = rgb(this.opts.accent) || [15, 118, 110];
      wrap.style.setProperty('--accent', hex(accent));
      wrap.style.setProperty('--accent-ink', contrast(accent, WHITE) >= contrast(accent, BLACK) ? '#fff' : '#000');
      wrap.style.setProperty('--accent-text', dark ? readable(accent, DARK_PANEL, WHITE) : readable(accent, WHITE, BLACK));
    }

    /** On a phone the panel covers the page: focus stays inside it and the page does not scroll under it. */
    get narrow() {
      return window.matchMedia && window.matchMedia('(max-width: 480px)').matches;
    }

    /** @param restoring the page came back with the panel open (a reload): shown again, without taking the focus */
    open(restoring) {
      var els = this.els;
      store.setOpen(true);
      els.panel.hidden = false;
      this.classList.add('open');
      els.launcher.setAttribute('aria-expanded', 'true');
      this.modal = this.narrow;
      if (this.modal) {
        els.panel.setAttribute('aria-modal', 'true');
        this.pageOverflow = document.documentElement.style.overflow;
        document.documentElement.style.overflow = 'hidden';
      }
      if (!this.greeted) {
        this.greeted = true;
        var greet = this.botBubble(this.opts.greeting);
        this.loadInfo(greet);
        var kept = store.load();
        if (kept.length) this.replay(kept);
      }
      if (!restoring) els.input.focus();
    }

    /**
     * The staff console's preview (widget.js with data-preview="on" in the console's frame): the panel open,
     * each section drawn as the answer a visitor would get, nothing asked, kept or focused.
     */
    preview(sections) {
      var els = this.els, self = this;
      this.greeted = true;
      els.panel.hidden = false;
      this.classList.add('open');
      els.launcher.setAttribute('aria-expanded', 'true');
      els.log.replaceChildren();
      (sections || []).forEach(function (s) {
        self.render({ status: 'answered', reply: '', answer: { sectionId: s.id, title: s.title, blocks: s.blocks || [],
          sourceName: s.sourceName, sourceUrl: s.sourceUrl, lead: [], parts: [], highlights: [] } }, true);
      });
      els.log.scrollTop = 0;
    }

    /** In the console's preview: brings the section with this heading into view. */
    previewShow(title) {
      var cards = this.els.log.querySelectorAll('.card h3');
      for (var i = 0; i < cards.length; i++) {
        if (cards[i].textContent.trim() === String(title).replace(/[*_`]/g, '').trim()) {
          // the log scrolls, never the console around the frame
          var log = this.els.log;
          log.scrollTop += cards[i].getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
          return;
        }
      }
    }

    close() {
      store.setOpen(false);
      this.els.panel.hidden = true;
      this.classList.remove('open');
      this.els.launcher.setAttribute('aria-expanded', 'false');
      if (this.modal) {
        this.els.panel.removeAttribute('aria-modal');
        document.documentElement.style.overflow = this.pageOverflow || '';
        this.modal = false;
      }
      this.els.launcher.focus();
    }

    keepFocusInside(e) {
      var items = Array.prototype.filter.call(this.els.panel.querySelectorAll(
        'button:not([disabled]), input, a[href], summary, [tabindex="0"]'), function (x) { return x.offsetParent !== null; });
      if (!items.length) return;
      var active = this.els.root.activeElement;
      var first = items[0], last = items[items.length - 1];
      if (e.shiftKey && (active === first || items.indexOf(active) < 0)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (active === last || items.indexOf(active) < 0)) { e.preventDefault(); first.focus(); }
    }

    /** The kept conversation, drawn again after the greeting (the page was reloaded, or another tab added to it). */
    replay(turns) {
      var self = this, log = this.els.log;
      while (log.childNodes.length > 1) log.removeChild(log.lastChild);
      this.turns = turns.slice();
      if (!turns.length) return;
      log.appendChild(el('div', 'earlier', T.earlier));
      turns.forEach(function (t) {
        if (t.label) self.bubble('user', t.label);
        else self.userBubble(t.question);
        if (t.reply) self.render(t.reply, true);
      });
      log.scrollTop = log.scrollHeight;
    }

    restart() {
      store.clear();
      this.turns = [];
      var log = this.els.log;
      while (log.childNodes.length > 1) log.removeChild(log.lastChild);
      this.els.input.focus();
    }

    /** The server's disclaimer, contact and starter topics; the built-in text stays if it cannot be reached. */
    loadInfo(greetBubble) {
      var self = this;
      this.fetchJson('GET', '/api/v1/info?lang=' + LANG, null)
        .then(function (info) {
          var contactNew = !self.opts.contact && info.contact;
          self.info = info;
          // a kept conversation drawn before the contact was known: drawn again, with the clinic's number under each "no answer"
          if (contactNew && self.turns.some(function (t) { return t.reply && t.reply.status === 'no_match'; })) self.replay(self.turns);
          // in the chat's language: the built-in one in Spanish, or the clinic's own wording as it wrote it
          if (info.disclaimer) self.els.disclaimer.textContent = info.disclaimer;
          if (info.suggestions && info.suggestions.length) greetBubble.appendChild(self.chips(info.suggestions));
        })
        .catch(function (e) {
          console.warn(LOG, 'could not load the chat settings:', e.message);
          if (e.code === 'origin_not_allowed') {
            // nothing asked here can be answered: say so once, instead of the greeting, and point to the clinic
            greetBubble.remove();
            self.renderError(e, null);
            var typing = self.els.root.activeElement === self.els.input;
            self.els.input.disabled = true;
            self.els.send.disabled = true;
            // a disabled field drops the keyboard's focus to the page: it goes to the panel's close button instead
            if (typing) self.els.close.focus();
          }
        });
    }

    contact() {
      return this.opts.contact || (this.info && this.info.contact) || '';
    }

    /** The server's sentence with its contact told as this page's own (data-contact): one reply names one contact. */
    ownContact(text) {
      var mine = this.opts.contact, info = this.info || {};
      if (!text || !mine || !info.contact || mine === info.contact) return text;
      var d = destination(mine);
      // the sentence spells the service's contact as people read it ("(919) 555-0123"), or as configured
      [info.contactText, info.contact].forEach(function (theirs) {
        if (theirs && text.indexOf(theirs) >= 0) text = text.split(theirs).join(d ? d.text : mine);
      });
      return text;
    }

    bubble(cls, text) {
      var b = el('div', 'msg ' + cls, text);
      b.setAttribute('part', 'message ' + cls);
      this.els.log.appendChild(b);
      return b;
    }

    botBubble(text) {
      return this.bubble('bot', text);
    }

    /** The visitor's words, in their own direction: an Arabic question reads right to left inside the English chat. */
    userBubble(text) {
      var b = this.bubble('user', text);
      b.setAttribute('dir', 'auto');
      return b;
    }

    chips(items) {
      var self = this;
      var box = el('div', 'chips');
      box.setAttribute('lang', 'en');
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
      this.els.status.textContent = on ? T.typing : '';
      if (on) this.els.log.scrollTop = this.els.log.scrollHeight;
    }

    /** The last turns that showed a section, for the server to read a follow-up by. */
    history() {
      return this.turns.filter(function (t) { return t.question && t.reply; }).slice(-MAX_HISTORY).map(function (t) {
        return { question: t.question, sectionId: t.reply.answer ? t.reply.answer.sectionId : null };
      });
    }

    ask(question) {
      this.lastQuestion = question;
      this.userBubble(question);
      this.request('POST', '/api/v1/ask', { question: question, history: this.history(), lang: LANG }, { question: question });
    }

    /** A message too long to answer, sent to be read for warning signs: their reply if any, else {@code tooLong()}. */
    readAtLength(question, tooLong, sent) {
      var self = this;
      this.setBusy(true);
      this.fetchJson('POST', '/api/v1/ask', { question: question, history: this.history(), lang: LANG })
        .then(function (reply) {
          self.setBusy(false);
          sent();
          self.lastQuestion = question;
          self.userBubble(question);
          self.shown(reply, { question: question }, question);
        })
        .catch(function (e) {
          self.setBusy(false);
          if (e && e.code === 'question_too_long') tooLong();
          else self.renderError(e, function () { self.readAtLength(question, tooLong, sent); });
        });
    }

    showSection(id, title) {
      this.bubble('user', title);
      var path = String(id).split('/').map(encodeURIComponent).join('/');
      this.request('GET', '/api/v1/sections/' + path, null, { question: title, label: title });
    }

    /** JSON from the API, or an error with the server's code and message, a timeout, or no connection. */
    fetchJson(method, path, body) {
      var init = { method: method, headers: { Accept: 'application/json' } };
      if (body) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      var timer = null;
      if (window.AbortController) {
        var abort = new AbortController();
        init.signal = abort.signal;
        timer = setTimeout(function () { abort.abort(); }, TIMEOUT_MS);
      }
      return fetch(API + path, init)
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (json) {
            if (!r.ok) {
              var err = new Error((json.error && json.error.message) || ('HTTP ' + r.status));
              err.status = r.status;
              err.code = json.error && json.error.code;
              throw err;
            }
            // a reply in another language than the page's (a question written in Spanish): its labels follow it
            var lang = String(r.headers.get('Content-Language') || '').slice(0, 2).toLowerCase();
            if (STRINGS[lang] && json && typeof json === 'object' && !json.lang) json.lang = lang;
            return json;
          });
        }, function (e) {
          if (e && e.name === 'AbortError') e.timeout = true;
          throw e;
        })
        .finally(function () { if (timer) clearTimeout(timer); });
    }

    request(method, path, body, turn) {
      var self = this;
      this.setBusy(true);
      this.fetchJson(method, path, body)
        .then(function (reply) {
          self.setBusy(false);
          self.shown(reply, turn, body && body.question);
        })
        .catch(function (e) {
          self.setBusy(false);
          console.warn(LOG, 'request failed:', e.message);
          self.renderError(e, function () { self.request(method, path, body, turn); });
        });
    }

    /**
     * A reply drawn and kept with its turn; {@code asked}: the question it answers, for the visitor's "did this help?"
     * (a section opened by title has none).
     */
    shown(reply, turn, asked) {
      this.asked = asked;
      this.render(reply);
      this.asked = null;
      this.turns.push({ question: turn.question, label: turn.label, reply: reply });
      store.save(this.turns);
    }

    /** A reply drawn with the words of its own language (kept with it, so a reload draws it alike). */
    render(reply, replaying) {
      var pageStrings = T;
      if (reply.lang && STRINGS[reply.lang]) T = STRINGS[reply.lang];
      try {
        return this.drawReply(reply, replaying);
      } finally {
        T = pageStrings;
      }
    }

    drawReply(reply, replaying) {
      if (reply.disclaimer && LANG === 'en') this.els.disclaimer.textContent = reply.disclaimer;
      var first = null;
      if (reply.urgent) first = this.renderUrgent(reply.urgent);
      if (reply.check) {
        var check = this.renderCheck(reply.check, replaying);
        if (!replaying) this.scrollToStart(check);
        return;
      }
      var b = this.botBubble(reply.urgent || reply.answer ? '' : reply.status === 'no_match' ? this.ownContact(reply.reply) : reply.reply);
      if (!first) first = b;
      b.setAttribute('data-status', reply.status);
      if (reply.caution) {
        // signs told earlier in the conversation come before anything else: "can I come tomorrow?" after an emergency
        var caution = this.caution(reply.caution);
        if (reply.caution.earlier) b.insertBefore(caution, b.firstChild);
        else b.appendChild(caution);
      }
      if (reply.answer) {
        if (reply.urgent) {
          // the alarm comes first; the guide's card follows, folded away
          var more = el('details', 'guide');
          more.setAttribute('part', 'guide');
          more.appendChild(el('summary', null, T.meanwhile(reply.answer.title)));
          more.appendChild(this.card(reply.answer));
          b.appendChild(more);
        } else {
          b.appendChild(this.card(reply.answer));
          if (!replaying && this.asked && this.info && this.info.feedback) b.appendChild(this.feedback(reply.answer, this.asked));
          this.appendBooking(b);
        }
      }
      if (reply.status === 'no_match') {
        var contact = contactLink(this.contact());
        if (contact) {
          var line = el('div', 'source', T.contact);
          line.setAttribute('part', 'contact');
          line.appendChild(contact);
          b.appendChild(line);
        }
        this.appendBooking(b);
      }
      if (reply.related && reply.related.length && !reply.urgent) {
        var lead = el('div', 'source', reply.status === 'answered' ? T.related : T.alsoAsk);
        b.append(lead, this.chips(reply.related));
      }
      if (!b.textContent && !b.childElementCount) b.remove();
      if (!replaying) this.scrollToStart(first);
    }

    /** "Book a session", when the clinic gave a booking page or number. */
    appendBooking(bubble) {
      if (!this.opts.booking) return;
      var link = contactLink(this.opts.booking, T.book);
      if (!link || link.tagName !== 'A') return;
      link.className = 'next';
      link.setAttribute('part', 'booking');
      bubble.appendChild(link);
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
      box.setAttribute('data-kind', urgent.kind || 'red_flag');
      var selfHarm = urgent.kind === 'self_harm';
      if (urgent.level === 'emergency') box.appendChild(selfHarm ? callLink('988', T.call988) : callLink());
      box.appendChild(el('strong', null, selfHarm ? T.notAlone : urgent.level === 'emergency' ? T.emergency : T.seeDoctor));
      box.appendChild(el('div', null, urgent.message));
      if (selfHarm) {
        var also = callLink();
        also.classList.add('also');
        box.appendChild(also);
      } else if (urgent.signs && urgent.signs.length) {
        box.appendChild(el('div', 'source', T.described + urgent.signs.join('; ')));
      }
      return box;
    }

    renderCheck(check, replaying) {
      var self = this;
      var question = this.lastQuestion;
      var box = this.bubble('check', '');
      box.setAttribute('data-status', 'check');
      box.setAttribute('data-level', check.level);
      box.appendChild(el('strong', null, check.message));
      box.appendChild(signList(check.signs));
      var chips = el('div', 'chips');
      [[T.yes, 'yes'], [T.no, 'no']].forEach(function (pair) {
        var c = el('button', 'chip', pair[0]);
        c.type = 'button';
        c.disabled = !!replaying;
        c.setAttribute('part', 'check-answer');
        c.setAttribute('data-answer', pair[1]);
        c.addEventListener('click', function () {
          Array.prototype.forEach.call(chips.querySelectorAll('button'), function (x) { x.disabled = true; });
          self.bubble('user', pair[0]);
          self.request('POST', '/api/v1/ask', { question: question, check: pair[1], history: self.history(), lang: LANG },
            { question: question, label: pair[0] });
        });
        chips.appendChild(c);
      });
      // the answers and the 911 link stay in sight while the signs above them are read
      if (check.level === 'emergency') chips.appendChild(callLink());
      box.appendChild(chips);
      return box;
    }

    caution(caution) {
      var box = el('div', 'caution');
      box.setAttribute('part', 'caution');
      box.appendChild(el('div', null, caution.message));
      box.appendChild(signList(caution.signs));
      return box;
    }

    /**
     * An answer: what answers the question first (its sentences, or the topic's parts to pick from), then the
     * section's title and source, then the whole section behind "Show the whole section". An answer with
     * nothing picked out ("tell me more") is the whole section, open.
     */
    card(answer) {
      var self = this;
      var card = el('div', 'card');
      card.setAttribute('part', 'answer');
      // the guide is written in English: read as English inside a chat whose own words are Spanish
      card.setAttribute('lang', 'en');
      var lead = el('div', 'lead');
      lead.setAttribute('part', 'lead');
      var parts = answer.parts || [], leadLines = answer.lead || [], next = answer.next || [];
      function chips(sections) {
        var list = el('ul');
        sections.forEach(function (p) {
          var li = el('li');
          var c = el('button', 'chip', p.title);
          c.type = 'button';
          c.setAttribute('part', 'part');
          c.addEventListener('click', function () { self.showSection(p.sectionId, p.title); });
          li.appendChild(c);
          list.appendChild(li);
        });
        return list;
      }
      if (parts.length) {
        lead.appendChild(el('p', null, T.parts(parts.length)));
        lead.appendChild(chips(parts));
      } else {
        leadLines.forEach(function (line) { lead.appendChild(el('p', null, line)); });
        // the sections a reply's last sentence announces ("Here are some techniques that might help:")
        if (next.length) {
          lead.appendChild(el('p', 'read-on', T.readOn));
          lead.appendChild(chips(next));
        }
      }
      var wholeOpen = !parts.length && !leadLines.length;
      if (lead.childNodes.length) card.appendChild(lead);
      var title = el('h3', null, answer.title);
      card.appendChild(title);
      var src = el('div', 'source', T.source);
      src.setAttribute('part', 'source');
      var name = answer.sourceName || answer.source || '';
      src.appendChild(answer.sourceUrl ? safeLink(answer.sourceUrl, name) : el('span', null, name));
      card.appendChild(src);
      var whole = el('details', 'whole');
      whole.setAttribute('part', 'whole');
      var summary = el('summary', null, wholeOpen ? T.hideWhole : T.whole);
      whole.appendChild(summary);
      var body = el('div', 'body');
      this.blocks(body, answer);
      whole.appendChild(body);
      if (wholeOpen) whole.open = true;
      whole.addEventListener('toggle', function () { summary.textContent = whole.open ? T.hideWhole : T.whole; });
      card.appendChild(whole);
      if (answer.note) card.appendChild(el('div', 'note', answer.note));
      return card;
    }

    /** "Did this answer help?" Yes / No; after No, an optional line on what was missing. Sent once, announced. */
    feedback(answer, question) {
      var self = this;
      var row = el('div', 'feedback');
      row.setAttribute('part', 'feedback');
      var ask = el('span', null, T.helpful);
      ask.id = 'sc-fb-' + (++feedbackCount);
      row.appendChild(ask);
      var yes = el('button', 'chip', T.yes), no = el('button', 'chip', T.no);
      var status = el('p', 'sr-status');
      status.setAttribute('role', 'status');
      var done = false, vote = null;
      // the vote counts when it is clicked; a comment after "No" follows it with the key the vote's reply gave
      function send(helpful) {
        vote = self.fetchJson('POST', '/api/v1/feedback', { question: question, sectionId: answer.sectionId, helpful: helpful });
        vote.then(function () { if (helpful) status.textContent = T.thanks; },
          function (e) { console.warn(LOG, 'feedback not sent:', e.message); status.textContent = T.notSent; });
      }
      function sendComment(comment) {
        vote.then(function (r) {
          if (!comment || !r || !r.commentKey) { status.textContent = T.thanks; return null; }
          return self.fetchJson('POST', '/api/v1/feedback/comment', { commentKey: r.commentKey, comment: comment })
            .then(function () { status.textContent = T.thanks; });
        }).catch(function (e) { console.warn(LOG, 'comment not sent:', e.message); status.textContent = T.notSent; });
      }
      [yes, no].forEach(function (b) {
        b.type = 'button';
        b.setAttribute('aria-pressed', 'false');
        b.setAttribute('aria-describedby', ask.id);
        row.appendChild(b);
      });
      yes.addEventListener('click', function () {
        if (done) return;
        done = true;
        yes.setAttribute('aria-pressed', 'true');
        no.setAttribute('aria-disabled', 'true');
        send(true);
      });
      no.addEventListener('click', function () {
        if (done) return;
        done = true;
        no.setAttribute('aria-pressed', 'true');
        yes.setAttribute('aria-disabled', 'true');
        send(false);
        var form = el('form');
        var id = ask.id + '-note';
        var label = el('label', null, T.missing);
        label.htmlFor = id;
        var input = el('input');
        input.id = id;
        input.maxLength = 500;
        var sendNote = el('button', 'chip', T.sendNote), skip = el('button', 'chip', T.skip);
        sendNote.type = 'submit';
        skip.type = 'button';
        form.append(label, input, sendNote, skip);
        function finish(comment) {
          form.remove();
          sendComment(comment);
          no.focus();
        }
        form.addEventListener('submit', function (e) { e.preventDefault(); finish(input.value.trim()); });
        skip.addEventListener('click', function () { finish(''); });
        row.insertBefore(form, status);
        input.focus();
      });
      row.appendChild(status);
      return row;
    }

    /** The section's blocks: paragraphs, list items with their labels, sub-headings; what matched is marked. */
    blocks(body, answer) {
      var hl = answer.highlights || [];
      var list = null;
      (answer.blocks || [{ kind: 'PARAGRAPH', text: answer.text }]).forEach(function (block) {
        var kind = String(block.kind || '').toUpperCase();
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
    }

    renderError(e, retry) {
      var text = e && e.code === 'origin_not_allowed' ? T.refused
        : e && e.timeout ? T.slow
        : e && e.status === 429 ? (T.tooMany || 'Sorry, ' + e.message.charAt(0).toLowerCase() + e.message.slice(1) + '.')
        : e && e.status && e.status < 500 ? T.notTaken + e.message
        : T.offline;
      var b = this.bubble('bot error', text);
      b.setAttribute('data-status', 'error');
      if (e && e.code) b.setAttribute('data-code', e.code);
      var retryable = retry && !(e && e.status && e.status < 500 && e.status !== 429);
      if (retryable) {
        var again = el('button', 'retry', T.retry);
        again.type = 'button';
        again.setAttribute('part', 'retry');
        var self = this;
        again.addEventListener('click', function () {
          again.disabled = true;
          // the button goes dead under the keyboard's focus: the focus goes back to the question field
          if (self.els.root.activeElement === again) self.els.input.focus();
          retry();
        });
        b.appendChild(again);
      }
      var contact = contactLink(this.contact());
      if (contact) {
        var line = el('div', 'source', retryable ? T.orContact : T.contactClinic);
        line.appendChild(contact);
        b.appendChild(line);
      }
      this.scrollToStart(b);
    }
  }

  customElements.define(TAG, SciaticaChat);

  function mount() {
    if (document.querySelector(TAG)) return;
    warnAboutAttributes();
    var chat = document.createElement(TAG);
    // beside the body, not in it: a transform on the body would pin the chat to the page's foot instead of the window,
    // and a single-page site that swaps its body (Turbo, pjax) would take the chat away with it
    document.documentElement.appendChild(chat);
    if (data.preview === 'on') {
      window.addEventListener('message', function (e) {
        if (e.origin !== location.origin || !e.data) return;
        if (e.data.type === 'sciatica-preview') chat.preview(e.data.sections);
        if (e.data.type === 'sciatica-preview-show') chat.previewShow(e.data.title);
      });
      if (window.parent !== window) window.parent.postMessage({ type: 'sciatica-preview-ready' }, location.origin);
    } else if (store.wasOpen() && store.load().length) {
      // the visitor reloaded, or went to the site's next page, mid-conversation: the chat is open where they left it
      chat.open(true);
    }
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
