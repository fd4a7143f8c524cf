/* Sciatica Chat staff console. Every text from the server is inserted with textContent, never as HTML. */
(function () {
  'use strict';
  var LOG = '[sciatica-admin]';
  var KEY = 'sciatica-admin-token';
  function $(id) { return document.getElementById(id); }
  function el(tag, text) { var e = document.createElement(tag); if (text != null) e.textContent = String(text); return e; }
  function token() { return sessionStorage.getItem(KEY) || ''; }

  function api(method, path, body) {
    var init = { method: method, headers: { Accept: 'application/json', Authorization: 'Bearer ' + token() } };
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error((json.error && json.error.message) || 'HTTP ' + r.status);
          e.status = r.status;
          throw e;
        }
        return json;
      });
    });
  }

  function showLogin(message) {
    $('console').hidden = true;
    $('login').hidden = false;
    $('signout').hidden = true;
    $('login-error').hidden = !message;
    $('login-error').textContent = message || '';
    $('token').focus();
  }

  function fail(e) {
    console.warn(LOG, e.message);
    if (e.status === 401 || e.status === 429) {
      sessionStorage.removeItem(KEY);
      showLogin(e.status === 429 ? 'Too many wrong tokens; wait a minute and try again.' : 'That token is not right.');
      return true;
    }
    return false;
  }

  function showStatus(s) {
    var dl = $('status');
    dl.replaceChildren();
    var rows = [['State', s.status === 'ok' ? 'Live: the corpus on disk is being served' : 'Degraded: serving the last good version'],
      ['Documents', s.documents], ['Sections', s.sections], ['Index built', s.indexBuiltAt],
      ['Last reload', s.lastReload], ['Unanswered groups waiting', s.unansweredOpen]];
    rows.forEach(function (r, i) {
      dl.appendChild(el('dt', r[0]));
      var dd = el('dd', r[1]);
      if (i === 0) dd.className = s.status === 'ok' ? 'ok' : 'degraded';
      dl.appendChild(dd);
    });
    var list = $('error-list');
    list.replaceChildren();
    (s.corpusErrors || []).forEach(function (e) {
      list.appendChild(el('li', e.file + (e.line > 0 ? ':' + e.line : '') + ': ' + e.message));
    });
    $('errors').hidden = !(s.corpusErrors && s.corpusErrors.length);
  }

  /** A section picker for filing a question: the guide's sections in reading order, then "not covered". */
  function sectionPicker(sections, selected) {
    var select = document.createElement('select');
    select.setAttribute('aria-label', 'Section that answers this question');
    sections.forEach(function (s) {
      var o = el('option', s.path.slice(1).join(' › ') || s.title);
      o.value = s.id;
      o.selected = s.id === selected;
      select.appendChild(o);
    });
    var none = el('option', 'Not covered by the guide');
    none.value = 'not covered';
    select.appendChild(none);
    return select;
  }

  function showInbox(groups, sections) {
    var body = $('inbox').querySelector('tbody');
    body.replaceChildren();
    var open = groups.filter(function (g) { return !g.done; });
    $('inbox-empty').hidden = open.length > 0;
    open.forEach(function (g) {
      var tr = document.createElement('tr');
      tr.appendChild(el('td', g.question));
      tr.appendChild(el('td', g.count));
      tr.appendChild(el('td', new Date(g.lastSeen).toLocaleString()));
      tr.appendChild(el('td', g.best ? g.best.title + ' (' + Math.round(g.best.confidence * 100) + '%)' : '—'));
      var td = document.createElement('td');
      var picker = sectionPicker(sections, g.best ? g.best.sectionId : null);
      var file = el('button', 'File under this section');
      file.type = 'button';
      file.className = 'file';
      file.addEventListener('click', function () {
        file.disabled = true;
        api('POST', '/api/v1/admin/inbox/' + encodeURIComponent(g.id) + '/file', { section: picker.value }).then(function (r) {
          $('inbox-result').textContent = (r.filed ? 'Filed' : 'Already filed') + ' under [' + r.heading + ']: ' + r.question;
          return refresh();
        }).catch(fail);
      });
      td.appendChild(picker);
      td.appendChild(file);
      var done = el('button', 'Mark done');
      done.type = 'button';
      done.addEventListener('click', function () {
        done.disabled = true;
        api('POST', '/api/v1/admin/inbox/' + encodeURIComponent(g.id) + '/done').then(refresh).catch(fail);
      });
      td.appendChild(done);
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  function refresh() {
    return Promise.all([api('GET', '/api/v1/admin/status'), api('GET', '/api/v1/admin/inbox'), api('GET', '/api/v1/sections')]).then(function (r) {
      $('login').hidden = true;
      $('console').hidden = false;
      $('signout').hidden = false;
      showStatus(r[0]);
      showInbox(r[1].groups, r[2].sections);
    });
  }

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('token').value.trim());
    $('token').value = '';
    refresh().catch(function (err) { if (!fail(err)) showLogin('The console could not reach the service: ' + err.message); });
  });

  $('signout').addEventListener('click', function () { sessionStorage.removeItem(KEY); showLogin(''); });

  $('reload').addEventListener('click', function () {
    var b = $('reload');
    b.disabled = true;
    $('reload-result').textContent = 'Reloading…';
    api('POST', '/api/v1/admin/reindex').then(function (r) {
      $('reload-result').textContent = r.ok ? (r.changed ? 'Reloaded: the new version is live.' : 'Nothing had changed.')
        : 'Not reloaded: fix the mistakes below first.';
      return refresh();
    }).catch(function (err) { if (!fail(err)) $('reload-result').textContent = 'Reload failed: ' + err.message; })
      .then(function () { b.disabled = false; });
  });

  $('try-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var q = $('question').value.trim();
    if (!q) return;
    api('POST', '/api/v1/admin/try', { question: q }).then(function (r) {
      $('try-result').hidden = false;
      var reply = r.reply;
      var line = reply.status + ': ' + reply.reply;
      if (reply.answer) line += ' → ' + reply.answer.title + ' (' + Math.round(reply.answer.score * 100) + '%)';
      $('try-reply').textContent = line;
      var read = r.readAs != null ? 'Read as: “' + r.readAs + '”' : '';
      if (r.words && r.words.length) read += ' · words that count: ' + r.words.join(', ');
      if (r.confidence != null) read += ' · confidence ' + Math.round(r.confidence * 100) + '%';
      if (r.nearestOutOfScope) {
        read += (r.closerToOutOfScope ? ' · about a topic not covered (so no answer): ' : ' · nearest topic not covered: ')
          + r.nearestOutOfScope;
      }
      if (r.outOfScopeWords && r.outOfScopeWords.length) read += ' · words of topics not covered: ' + r.outOfScopeWords.join(', ');
      if (r.filedUnder != null) {
        read += r.filedUnder === '' ? ' · this very question is filed as not covered, so it gets no answer'
          : ' · this very question is filed under “' + (reply.answer ? reply.answer.title : r.filedUnder) + '”, so it is answered from there';
      }
      $('try-read').textContent = read;
      var body = $('candidates').querySelector('tbody');
      body.replaceChildren();
      (r.candidates || []).forEach(function (c) {
        var tr = document.createElement('tr');
        tr.appendChild(el('td', c.score.toFixed(3)));
        tr.appendChild(el('td', c.title));
        tr.appendChild(el('td', c.cosine.toFixed(3)));
        tr.appendChild(el('td', c.learnt.toFixed(2)));
        tr.appendChild(el('td', (c.matchedWords || []).join(', ') || '—'));
        tr.appendChild(el('td', (c.closestUnitKind ? c.closestUnitKind + ': ' : '') + (c.closestUnitText || '')));
        body.appendChild(tr);
      });
    }).catch(fail);
  });

  if (token()) refresh().catch(function (err) { if (!fail(err)) showLogin(''); });
  else showLogin('');
})();
