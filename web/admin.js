/* Sciatica Chat staff console. Every text from the server is inserted with textContent, never as HTML. */
(function () {
  'use strict';
  var LOG = '[sciatica-admin]';
  var KEY = 'sciatica-admin-token';
  var NAME = 'sciatica-admin-name';
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function token() { return sessionStorage.getItem(KEY) || ''; }

  function api(method, path, body) {
    var init = { method: method, headers: { Accept: 'application/json', Authorization: 'Bearer ' + token() } };
    var who = sessionStorage.getItem(NAME);
    if (who) init.headers['X-Staff-Name'] = who;
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error((json.error && json.error.message) || 'HTTP ' + r.status);
          e.status = r.status;
          e.code = json.error && json.error.code;
          e.problems = json.problems || [];
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
    // the file changed since the page read it: read it again, so that repeating the change works
    if (e.code === 'file_changed' || e.code === 'line_changed') {
      e.message += ' The page now shows the file as it is.';
      refresh();
    }
    return false;
  }

  var versions = {};
  var sectionList = [];

  /** "5 minutes ago", in plain words; the exact local time is in the tooltip. */
  function ago(iso) {
    if (!iso) return '—';
    var t = new Date(iso), s = Math.round((Date.now() - t.getTime()) / 1000);
    var span = el('time', s < 45 ? 'just now' : s < 90 ? 'a minute ago' : s < 3600 ? Math.round(s / 60) + ' minutes ago'
      : s < 5400 ? 'an hour ago' : s < 86400 ? Math.round(s / 3600) + ' hours ago' : s < 172800 ? 'yesterday' : t.toLocaleDateString());
    span.dateTime = iso;
    span.title = t.toLocaleString();
    return span;
  }

  function where(e) { return e.file + (e.line > 0 ? ', line ' + e.line : ''); }

  function showStatus(s) {
    versions = s.versions || {};
    var dl = $('status');
    dl.replaceChildren();
    var rows = [['State', s.status === 'ok' ? 'Live: every file is being served as saved'
        : 'Some files have mistakes: they are served as they were before the mistake; everything else is live'],
      ['Documents', s.documents], ['Sections', s.sections], ['Last rebuilt', ago(s.indexBuiltAt)],
      ['Last checked for changes', ago(s.lastReload)], ['Unanswered questions waiting', s.unansweredOpen]];
    rows.forEach(function (r, i) {
      dl.appendChild(el('dt', r[0]));
      var dd = r[1] instanceof Node ? document.createElement('dd') : el('dd', r[1]);
      if (r[1] instanceof Node) dd.appendChild(r[1]);
      if (i === 0) dd.className = s.status === 'ok' ? 'ok' : 'degraded';
      dl.appendChild(dd);
    });
    var list = $('error-list');
    list.replaceChildren();
    (s.corpusErrors || []).forEach(function (e) { list.appendChild(el('li', where(e) + ': ' + e.message)); });
    $('errors').hidden = !(s.corpusErrors && s.corpusErrors.length);
    var warn = $('warning-list');
    warn.replaceChildren();
    (s.corpusWarnings || []).forEach(function (w) { warn.appendChild(warningItem(w)); });
    $('warnings').hidden = !(s.corpusWarnings && s.corpusWarnings.length);
  }

  /** A warning, with its one-click fix when it has one. */
  function warningItem(w) {
    var li = el('li', where(w) + ': ' + w.message + ' ');
    var fix = w.fix;
    if (!fix) return li;
    var file = w.file.split('/').pop();
    var picker = null;
    var label = fix.action === 'drop-topic' ? 'Delete this topic line'
      : fix.action === 'move-filing' ? 'File it under “' + fix.title + '”'
      : fix.action === 'refile' ? 'File it again' : 'File these questions under this section';
    if (fix.action === 'refile-heading') {
      picker = sectionPicker(sectionList, fix.sectionId || null); // the section a mistyped heading most likely means
      li.appendChild(picker);
    }
    var b = el('button', label);
    b.type = 'button';
    // what the fix did is told under the list of warnings, not in the inbox further down
    var result = $('reload-result');
    b.addEventListener('click', function () {
      if (picker && !picker.value) { picker.focus(); return; }
      b.disabled = true;
      api('POST', '/api/v1/admin/fix', { action: fix.action, line: w.line, text: fix.text, version: versions[file],
        section: picker ? picker.value : fix.action === 'refile' ? fix.title : fix.sectionId }).then(function (r) {
        result.textContent = r.live ? 'Done, and live.' : 'Saved, but not live because: ' + problems(r);
        return refresh();
      }).catch(function (err) { b.disabled = false; if (!fail(err)) result.textContent = err.message; });
    });
    li.appendChild(b);
    if (fix.action === 'refile') {
      var forget = el('button', 'Forget it');
      forget.type = 'button';
      forget.addEventListener('click', function () {
        forget.disabled = true;
        api('POST', '/api/v1/admin/fix', { action: 'forget', line: 0, text: fix.text }).then(refresh).catch(fail);
      });
      li.appendChild(forget);
    }
    return li;
  }

  function problems(r) { return (r.problems || []).map(function (e) { return where(e) + ': ' + e.message; }).join('; '); }

  /** A message about the last change, with an undo button when it can be undone. */
  function say(text, undo) {
    var p = $('inbox-result');
    p.replaceChildren(el('span', text + ' '));
    if (undo) {
      var b = el('button', 'Undo');
      b.type = 'button';
      b.addEventListener('click', function () {
        b.disabled = true;
        undo().then(function () { say('Undone.'); return refresh(); }).catch(function (err) { if (!fail(err)) say(err.message); });
      });
      p.appendChild(b);
    }
  }

  /** A section picker: the sections grouped by document, in reading order, then "not covered". */
  function sectionPicker(sections, selected) {
    var select = document.createElement('select');
    select.setAttribute('aria-label', 'Section that answers this question');
    var choose = el('option', 'Choose the section that answers it…');
    choose.value = '';
    select.appendChild(choose);
    var groups = {};
    sections.forEach(function (s) {
      var doc = s.path[0] || s.title;
      if (!groups[doc]) { groups[doc] = document.createElement('optgroup'); groups[doc].label = doc; select.appendChild(groups[doc]); }
      var o = el('option', s.path.slice(1).join(' › ') || 'Introduction');
      o.value = s.id;
      o.selected = s.id === selected;
      groups[doc].appendChild(o);
    });
    var none = el('option', 'Not covered by the guide');
    none.value = 'not covered';
    select.appendChild(none);
    return select;
  }

  var inboxPage = 1;

  /** One section picker for the whole list: "Choose a section…" moves it into the row it is for. */
  function showInbox(page, sections) {
    var body = $('inbox').querySelector('tbody');
    body.replaceChildren();
    var groups = page.groups;
    $('inbox-empty').hidden = groups.length > 0;
    $('inbox-pages').hidden = page.pages <= 1;
    $('inbox-page').textContent = 'Page ' + page.page + ' of ' + page.pages + ' (' + page.total + ' waiting)';
    $('inbox-prev').disabled = page.page <= 1;
    $('inbox-next').disabled = page.page >= page.pages;
    var picker = sectionPicker(sections, null);
    var file = el('button', 'File under this section');
    file.type = 'button';
    file.className = 'file';
    var pickerCell = document.createElement('div');
    pickerCell.className = 'picker';
    pickerCell.appendChild(picker);
    pickerCell.appendChild(file);
    var filing = null; // the group the picker is in
    file.addEventListener('click', function () {
      var g = filing;
      if (!g) return;
      if (!picker.value) { picker.focus(); say('Choose the section that answers “' + g.question + '” first.'); return; }
      file.disabled = true;
      api('POST', '/api/v1/admin/inbox/' + encodeURIComponent(g.id) + '/file',
        { section: picker.value, version: versions['visitor-questions.txt'] }).then(function (r) {
        var what = '“' + r.question + '” under [' + r.heading + ']';
        say(!r.changed ? 'That exact question was already filed; nothing changed. Try it above to see which section answers it.'
          : r.live ? 'Filed ' + what + ', and live.' : 'Filed ' + what + ', but not live because: ' + problems(r), function () {
          // nothing was written when it was already filed: undo brings the question back to the list, and never takes out
          // the filing that was there before
          if (!r.changed) return api('POST', '/api/v1/admin/inbox/' + encodeURIComponent(g.id) + '/reopen');
          return api('POST', '/api/v1/admin/inbox/' + encodeURIComponent(g.id) + '/unfile',
            { heading: r.heading, question: r.question, version: r.version });
        });
        return refresh();
      }).catch(function (err) { file.disabled = false; if (!fail(err)) say(err.message); });
    });
    groups.forEach(function (g) {
      var tr = document.createElement('tr');
      var asked = el('td', g.question);
      if (g.status === 'not_helpful') asked.appendChild(el('div', 'A visitor said the answer did not help')).className = 'muted';
      tr.appendChild(asked);
      tr.appendChild(el('td', g.count));
      var when = document.createElement('td');
      when.appendChild(ago(g.lastSeen));
      tr.appendChild(when);
      tr.appendChild(el('td', g.best ? g.best.title + (g.best.preselect ? '' : ' (a weak guess)') : '—'));
      var td = document.createElement('td');
      var choose = el('button', 'Choose a section…');
      choose.type = 'button';
      choose.addEventListener('click', function () {
        filing = g;
        picker.value = g.best && g.best.preselect ? g.best.sectionId : '';
        file.disabled = false;
        td.insertBefore(pickerCell, choose);
        choose.hidden = true;
        Array.prototype.forEach.call(body.querySelectorAll('button.choose'), function (b) { if (b !== choose) b.hidden = false; });
        picker.focus();
      });
      choose.className = 'choose';
      td.appendChild(choose);
      var done = el('button', 'Mark done');
      done.type = 'button';
      done.addEventListener('click', function () {
        done.disabled = true;
        api('POST', '/api/v1/admin/inbox/' + encodeURIComponent(g.id) + '/done').then(function () {
          say('Marked “' + g.question + '” done.', function () {
            return api('POST', '/api/v1/admin/inbox/' + encodeURIComponent(g.id) + '/reopen');
          });
          return refresh();
        }).catch(fail);
      });
      td.appendChild(done);
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  $('inbox-prev').addEventListener('click', function () { inboxPage = Math.max(1, inboxPage - 1); refresh().catch(fail); });
  $('inbox-next').addEventListener('click', function () { inboxPage += 1; refresh().catch(fail); });

  function refresh() {
    return Promise.all([api('GET', '/api/v1/admin/status'), api('GET', '/api/v1/admin/inbox?page=' + inboxPage),
      api('GET', '/api/v1/sections')]).then(function (r) {
      $('login').hidden = true;
      $('console').hidden = false;
      $('signout').hidden = false;
      sectionList = r[2].sections;
      showStatus(r[0]);
      if (r[1].page > r[1].pages && inboxPage > 1) { inboxPage = r[1].pages; return refresh(); }
      showInbox(r[1], r[2].sections);
      return Promise.all([showHistory(), loadDraft(), showStats()]);
    });
  }

  /** What the closest text of a section is, in staff's words (the index's own names for them mean nothing to them). */
  var UNIT_KINDS = { section: 'the whole section', heading: 'its heading', item: 'a list item', sentence: 'a sentence',
    proxy: 'a sentence', question: 'an alternate question', example: 'a question filed under it' };

  function percent(share) {
    return Math.round(Math.max(0, Math.min(1, share || 0)) * 100) + '%';
  }

  /** A version's summary with the times it names (a restore names the version it brought back) in the reader's own time zone. */
  function localTimes(summary) {
    return String(summary || '').replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z\b/g, function (t) {
      return new Date(t).toLocaleString();
    });
  }

  /** The corpus's versions, each with its changes and a restore button. */
  function showHistory() {
    return api('GET', '/api/v1/admin/history').then(function (h) {
      var body = $('history').querySelector('tbody');
      body.replaceChildren();
      (h.versions || []).forEach(function (v, i) {
        var tr = document.createElement('tr');
        tr.appendChild(el('td', new Date(v.time).toLocaleString()));
        tr.appendChild(el('td', v.author));
        tr.appendChild(el('td', localTimes(v.summary)));
        var actions = document.createElement('td');
        var show = el('button', 'Changes');
        show.type = 'button';
        show.setAttribute('aria-label', 'Changes made at ' + new Date(v.time).toLocaleString());
        show.addEventListener('click', function () {
          // the menus name what is shown: this version against the one before it
          $('compare-to').value = v.id;
          if (h.versions[i + 1]) $('compare-from').value = h.versions[i + 1].id;
          api('GET', '/api/v1/admin/history/' + encodeURIComponent(v.id) + '/changes').then(function (c) {
            $('history-changes').hidden = false;
            showChanges(c.changes, '(no change to a file)');
            $('history-changes').focus();
          }).catch(fail);
        });
        actions.appendChild(show);
        if (i > 0) {
          var restore = el('button', 'Restore');
          restore.type = 'button';
          restore.setAttribute('aria-label', 'Restore the corpus as it was at ' + new Date(v.time).toLocaleString());
          restore.addEventListener('click', function () {
            // every file comes back as it was then, not only this row's change: say which files that touches first
            var when = new Date(v.time).toLocaleString();
            api('GET', '/api/v1/admin/history/' + encodeURIComponent(v.id) + '/changes?since=' + encodeURIComponent(h.versions[0].id))
              .then(function (c) {
                var files = filesChanged(c.changes);
                var ask = 'Bring back every file exactly as it was at ' + when + '?' + (files.length
                  ? '\n\nThis undoes everything changed since then, not only this row:\n' + files.map(function (f) { return '• ' + f; }).join('\n')
                  : '\n\nNo file differs from now.');
                if (!window.confirm(ask)) return;
                restore.disabled = true;
                return api('POST', '/api/v1/admin/history/' + encodeURIComponent(v.id) + '/restore', {}).then(function (r) {
                  $('history-result').textContent = r.live ? 'Restored: the chat now answers from that version.'
                    : 'Restored, but some files have mistakes and serve their previous version; see the corpus above.';
                  return refresh();
                });
              }).catch(function (e) { restore.disabled = false; if (!fail(e)) $('history-result').textContent = e.message; });
          });
          actions.appendChild(restore);
        }
        tr.appendChild(actions);
        body.appendChild(tr);
      });
      // any two versions compared: from the older one chosen to the newer one
      ['compare-from', 'compare-to'].forEach(function (id, k) {
        var sel = $(id), kept = sel.value;
        sel.replaceChildren();
        (h.versions || []).forEach(function (v, i) {
          var o = el('option', new Date(v.time).toLocaleString() + ' — ' + v.author + ': ' + localTimes(v.summary));
          o.value = v.id;
          if (kept ? kept === v.id : (k === 0 ? i === 1 : i === 0)) o.selected = true;
          sel.appendChild(o);
        });
      });
      $('compare').hidden = (h.versions || []).length < 2;
    });
  }

  /** Each file a change set touches, in plain words: "visiting-the-clinic.md: removed", "visitor-questions.txt: 3 lines back, 1 removed". */
  function filesChanged(text) {
    var out = [], file = null, from = null, to = null, added = 0, removed = 0;
    function done() {
      if (file === null) return;
      out.push(file + ': ' + (from === '/dev/null' ? 'comes back' : to === '/dev/null' ? 'removed'
        : [added ? added + (added === 1 ? ' line' : ' lines') + ' back' : '', removed ? removed + ' removed' : ''].filter(Boolean).join(', ') || 'changed'));
    }
    (text || '').split('\n').forEach(function (line) {
      var m = /^--- (?:a\/)?(.*)$/.exec(line);
      if (m) { done(); from = m[1]; file = null; added = 0; removed = 0; return; }
      m = /^\+\+\+ (?:b\/)?(.*)$/.exec(line);
      if (m) { to = m[1]; file = to === '/dev/null' ? from : to; return; }
      if (file === null || /^@@/.test(line)) return;
      if (line[0] === '+') added++;
      else if (line[0] === '-') removed++;
    });
    done();
    return out;
  }

  /** A difference as staff read it: each file named, added lines green with "+", removed ones red with "−". */
  function showChanges(text, none) {
    var box = $('history-changes');
    box.replaceChildren();
    if (!text) { box.textContent = none; return; }
    var file = null;
    text.split('\n').forEach(function (line) {
      if (/^diff --git |^index |^new file mode|^deleted file mode|^similarity index|^rename (from|to) /.test(line)) return;
      var m = /^(---|\+\+\+) (?:[ab]\/)?(.*)$/.exec(line);
      if (m) {
        if (m[2] !== '/dev/null' && m[2] !== file) { file = m[2]; box.appendChild(el('span', file, 'file')); }
        return;
      }
      if (/^@@/.test(line)) { box.appendChild(el('span', '…', 'hunk')); return; }
      var kind = line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : 'same';
      var row = el('span', null, 'line ' + kind);
      var mark = el('span', kind === 'add' ? '+' : kind === 'del' ? '−' : ' ', 'mark');
      mark.setAttribute('aria-hidden', 'true');
      if (kind !== 'same') row.appendChild(el('span', kind === 'add' ? 'added: ' : 'removed: ', 'visually-hidden'));
      row.appendChild(mark);
      row.appendChild(document.createTextNode(line.slice(1)));
      box.appendChild(row);
    });
  }

  $('compare').addEventListener('submit', function (e) {
    e.preventDefault();
    api('GET', '/api/v1/admin/history/' + encodeURIComponent($('compare-to').value) + '/changes?since='
        + encodeURIComponent($('compare-from').value)).then(function (c) {
      $('history-changes').hidden = false;
      showChanges(c.changes, '(the two versions have the same files)');
      $('history-changes').focus();
    }).catch(function (err) { if (!fail(err)) $('history-result').textContent = err.message; });
  });


  /* ---- the guide: files, the draft, the editor ---- */
  var editing = null; // { name, version }
  var KIND = { ADDED: 'new', CHANGED: 'changed', DELETED: 'deleted' };

  function showDraft(d) {
    var changes = d.changes || [];
    $('draft-state').textContent = d.exists
      ? 'Draft: ' + changes.length + (changes.length === 1 ? ' change' : ' changes') + ' not yet live'
        + ((d.contributors || []).length ? ' (by ' + d.contributors.join(', ') + ').' : '.')
      : 'No draft: what you see is what visitors get.';
    var list = $('draft-changes');
    list.replaceChildren();
    changes.forEach(function (c) {
      list.appendChild(el('li', c.file + ' (' + KIND[c.kind] + ')' + (c.liveChangedSince ? ' — changed on the server since your draft began' : '')));
    });
    $('publish').hidden = !d.exists || !changes.length;
    $('discard').hidden = !d.exists;
    // a new draft is what staff want to try: the box ticks itself when one begins
    if (d.exists && $('try-draft').disabled) $('try-draft').checked = true;
    $('try-draft').disabled = !d.exists;
    if (!d.exists) $('try-draft').checked = false;
    var body = $('files').querySelector('tbody');
    body.replaceChildren();
    (d.files || []).forEach(function (f) {
      var tr = document.createElement('tr');
      tr.appendChild(el('td', f.name));
      var state = el('td');
      if (f.draft) state.appendChild(el('span', KIND[f.draft])).className = 'tag';
      tr.appendChild(state);
      var act = el('td');
      if (f.draft !== 'DELETED') {
        var edit = el('button', 'Edit');
        edit.type = 'button';
        edit.setAttribute('aria-label', 'Edit ' + f.name);
        edit.addEventListener('click', function () { openEditor(f.name); });
        act.appendChild(edit);
        if (/\.md$/.test(f.name)) {
          var del = el('button', 'Delete');
          del.type = 'button';
          del.className = 'secondary';
          del.setAttribute('aria-label', 'Delete ' + f.name + ' in the draft');
          del.addEventListener('click', function () {
            if (!window.confirm(f.draft === 'ADDED' ? 'Delete ' + f.name + '? It was never published: visitors never saw it.'
              : 'Delete ' + f.name + ' in the draft? Visitors keep it until you publish.')) return;
            api('DELETE', '/api/v1/admin/draft/file?name=' + encodeURIComponent(f.name) + '&version=' + encodeURIComponent(f.version))
              .then(function (r) { $('draft-result').textContent = 'Deleted ' + f.name + ' in the draft.'; showDraft(r); })
              .catch(function (e) { if (!fail(e)) $('draft-result').textContent = e.message; });
          });
          act.appendChild(del);
          var ren = el('button', 'Rename');
          ren.type = 'button';
          ren.className = 'secondary';
          ren.setAttribute('aria-label', 'Rename ' + f.name + ' in the draft');
          ren.addEventListener('click', function () {
            var to = window.prompt('New name for ' + f.name + ' (ending in .md):', f.name);
            if (!to || to.trim() === f.name) return;
            to = to.trim();
            if (!/\.md$/i.test(to)) to += '.md';
            api('POST', '/api/v1/admin/draft/rename', { from: f.name, to: to, version: f.version })
              .then(function (r) {
                $('draft-result').textContent = 'Renamed ' + f.name + ' to ' + to + ' in the draft.';
                if (editing && editing.name === f.name) {
                  // the open editor follows the file to its new name
                  var moved = (r.files || []).filter(function (x) { return x.name === to; })[0];
                  editing.name = to;
                  if (moved) editing.version = moved.version;
                  $('editor-title').textContent = 'Editing ' + to;
                }
                showDraft(r);
              })
              .catch(function (e) { if (!fail(e)) $('draft-result').textContent = e.message; });
          });
          act.appendChild(ren);
        }
      }
      tr.appendChild(act);
      body.appendChild(tr);
    });
  }

  function loadDraft() { return api('GET', '/api/v1/admin/draft').then(showDraft); }

  /** Whether the editor holds text not saved to the draft. */
  function unsaved() {
    if (!editing) return false;
    var text = $('editor-text').value;
    return editing.saved === null ? text.trim() !== '' : editing.saved !== text;
  }
  /** Asks before unsaved text would be lost; false when staff want to stay. */
  function mayLeaveEditor(doing) {
    return !unsaved() || window.confirm(doing + ' without saving your changes to ' + editing.name + '? They will be lost.');
  }
  window.addEventListener('beforeunload', function (e) {
    if (unsaved()) { e.preventDefault(); e.returnValue = ''; }
  });

  function openEditor(name, text) {
    if (editing && !mayLeaveEditor('Open ' + name)) return Promise.resolve();
    var load = text != null ? Promise.resolve({ name: name, text: text, version: '' })
      : api('GET', '/api/v1/admin/draft/file?name=' + encodeURIComponent(name));
    return load.then(function (f) {
      editing = { name: f.name, version: f.version, saved: f.version ? f.text : null };
      $('editor').hidden = false;
      $('editor-title').textContent = (f.version ? 'Editing ' : 'New: ') + f.name;
      $('editor-text').value = f.text;
      $('editor-result').textContent = '';
      $('editor-problems').replaceChildren();
      preview();
      $('editor-text').focus();
    }).catch(function (e) { if (!fail(e)) $('draft-result').textContent = e.message; });
  }

  function showProblems(list) {
    var ul = $('editor-problems');
    ul.replaceChildren();
    (list || []).forEach(function (e) { ul.appendChild(el('li', (e.line > 0 ? 'Line ' + e.line + ': ' : '') + e.message)); });
  }

  var previewTimer = null, previewSeq = 0, frameReady = false, pendingPreview = null;
  /** The preview frame runs the chat's own widget: what it draws is what visitors see. */
  function draw(sections) {
    pendingPreview = sections;
    if (frameReady) $('preview-frame').contentWindow.postMessage({ type: 'sciatica-preview', sections: sections }, location.origin);
  }
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || e.data.type !== 'sciatica-preview-ready') return;
    frameReady = true;
    if (pendingPreview) draw(pendingPreview);
  });

  function preview() {
    if (!editing) return;
    var seq = ++previewSeq;
    api('POST', '/api/v1/admin/draft/preview', { name: editing.name, text: $('editor-text').value }).then(function (r) {
      if (seq !== previewSeq) return;
      var sections = r.sections || [];
      draw(sections);
      followCursor(); // the redrawn preview stays on the section being typed in
      var mistakes = (r.problems || []).some(function (p) { return !p.warning; });
      $('preview-note').textContent = !/\.md$/.test(editing.name) ? 'A settings file: no preview.'
        : mistakes ? 'Fix the mistake listed below to see the whole preview.'
        : !sections.length ? 'Nothing to show yet.'
        : sections.length + (sections.length === 1 ? ' section, ' : ' sections, ') + 'each as the answer a visitor would get.';
      showProblems((r.problems || []).filter(function (p) { return !p.warning; }));
    }).catch(fail);
  }
  $('editor-text').addEventListener('input', function () { clearTimeout(previewTimer); previewTimer = setTimeout(preview, 300); });

  /** The preview follows the cursor: the section whose heading is above it is scrolled into view. */
  function followCursor() {
    if (!frameReady) return;
    var before = $('editor-text').value.slice(0, $('editor-text').selectionStart).split('\n');
    for (var i = before.length - 1; i >= 0; i--) {
      var h = /^#{2,6}\s+(.*?)\s*#*\s*$/.exec(before[i]);
      if (h) {
        $('preview-frame').contentWindow.postMessage({ type: 'sciatica-preview-show', title: h[1] }, location.origin);
        return;
      }
    }
  }
  ['click', 'keyup'].forEach(function (ev) { $('editor-text').addEventListener(ev, followCursor); });

  $('editor-save').addEventListener('click', function () {
    if (!editing) return;
    var b = $('editor-save');
    b.disabled = true;
    api('PUT', '/api/v1/admin/draft/file', { name: editing.name, text: $('editor-text').value, version: editing.version }).then(function (r) {
      $('editor-result').textContent = 'Saved to the draft. Visitors see it once you publish.';
      $('editor-result').classList.remove('error');
      $('draft-result').textContent = '';
      editing.saved = $('editor-text').value;
      showProblems([]);
      var f = (r.files || []).filter(function (x) { return x.name === editing.name; })[0];
      if (f) { editing.version = f.version; $('editor-title').textContent = 'Editing ' + f.name; }
      showDraft(r);
    }).catch(function (e) {
      if (fail(e)) return;
      $('editor-result').textContent = e.code === 'changed_since'
        ? 'Not saved: someone else changed ' + editing.name + ' meanwhile. Your text is still here: copy it, close, open the file again and paste your change in.'
        : /^Nothing was saved/.test(e.message) ? e.message : 'Not saved: ' + e.message;
      $('editor-result').classList.add('error');
      showProblems(e.problems);
      loadDraft();
    }).then(function () { b.disabled = false; });
  });
  $('editor-close').addEventListener('click', function () {
    if (!mayLeaveEditor('Close')) return;
    editing = null;
    $('editor').hidden = true;
  });

  $('new-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var name = $('new-name').value.trim();
    if (!name) return;
    if (!/\.md$/i.test(name)) name += '.md';
    if (!/^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,80}$/u.test(name)) {
      $('draft-result').textContent = '“' + name + '” cannot be a file name: use letters, digits, spaces, “-” and “_”, for example prices.md.';
      $('new-name').focus();
      return;
    }
    if (Array.prototype.some.call($('files').querySelectorAll('tbody td:first-child'), function (td) { return td.textContent === name; })) {
      $('draft-result').textContent = name + ' already exists: edit it, or choose another name.';
      return;
    }
    $('draft-result').textContent = '';
    $('new-name').value = '';
    openEditor(name, '---\ntitle: ' + name.replace(/\.md$/i, '').replace(/[-_]+/g, ' ') + '\n---\n# '
      + name.replace(/\.md$/i, '').replace(/[-_]+/g, ' ') + '\n\n## A first section\nWrite what visitors should read here.\n');
  });

  $('upload').addEventListener('change', function () {
    var file = $('upload').files[0];
    if (!file) return;
    file.text().then(function (text) {
      openEditor(file.name.replace(/[^\p{L}\p{N} _.-]/gu, '-'), text);
      $('editor-result').textContent = 'Uploaded; check the preview, then save it to the draft.';
      $('upload').value = '';
    });
  });

  $('publish').addEventListener('click', function () {
    if (!mayLeaveEditor('Publish')) return;
    var deleted = Array.prototype.map.call($('draft-changes').children, function (li) { return li.textContent; })
      .filter(function (t) { return / \(deleted\)/.test(t); });
    if (!window.confirm('Publish the draft? Visitors get it within seconds.'
        + (deleted.length ? '\n\nDeleted, with every section in it: ' + deleted.join(', ') : ''))) return;
    var b = $('publish');
    b.disabled = true;
    $('draft-result').textContent = 'Publishing…';
    api('POST', '/api/v1/admin/draft/publish', {}).then(function (r) {
      $('draft-result').textContent = !(r.published || []).length ? 'Nothing to publish: the draft had no changes.'
        : r.live ? 'Published: visitors now get the new version.'
        : 'Published, but not everything is live because: ' + problems(r);
      editing = null;
      $('editor').hidden = true;
      return Promise.all([loadDraft(), refresh()]);
    }).catch(function (e) {
      if (!fail(e)) $('draft-result').textContent = e.message + (e.problems && e.problems.length ? ': ' + problems(e) : '');
      loadDraft(); // another tab may have published or discarded it: show the draft as it is now
    }).then(function () { b.disabled = false; });
  });

  $('discard').addEventListener('click', function () {
    if (!window.confirm('Discard every change in the draft?')) return;
    api('POST', '/api/v1/admin/draft/discard', {}).then(function () {
      $('draft-result').textContent = 'The draft was discarded.';
      editing = null;
      $('editor').hidden = true;
      return loadDraft();
    }).catch(function (e) { if (!fail(e)) $('draft-result').textContent = e.message; });
  });

  /* ---- what visitors ask: counts drawn as inline SVG (no third-party requests) ---- */
  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = String(text);
    return e;
  }
  var STATUS_WORDS = { answered: 'Answered from the guide', no_match: 'No good answer (declined)', urgent: 'Urgent advice',
    smalltalk: 'Small talk', check: 'Asked a safety check question' };
  var STATUS_COLOURS = { answered: '#0f766e', no_match: '#b45309', urgent: '#b91c1c', smalltalk: '#52606d', check: '#7c3aed' };

  /** Vertical bars, one per day. */
  function dayChart(days) {
    var w = 520, h = 200, pad = 28, max = Math.max(1, Math.max.apply(null, days.map(function (d) { return d.questions; })));
    var total = days.reduce(function (a, d) { return a + d.questions; }, 0);
    var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': total + ' questions over ' + days.length
      + ' days, at most ' + max + ' in a day' });
    root.appendChild(svg('title', {}, 'Questions per day'));
    var bw = (w - pad) / days.length;
    days.forEach(function (d, i) {
      var bh = (h - 2 * pad) * d.questions / max;
      var bar = svg('rect', { x: pad + i * bw + 1, y: h - pad - bh, width: Math.max(1, bw - 2), height: bh, fill: '#0f766e' });
      bar.appendChild(svg('title', {}, d.date + ': ' + d.questions));
      root.appendChild(bar);
    });
    root.appendChild(svg('line', { x1: pad, y1: h - pad, x2: w, y2: h - pad, stroke: '#9aa5b1' }));
    root.appendChild(svg('text', { x: pad - 4, y: pad + 4, 'text-anchor': 'end' }, max));
    root.appendChild(svg('text', { x: pad - 4, y: h - pad, 'text-anchor': 'end' }, 0));
    if (days.length) {
      root.appendChild(svg('text', { x: pad, y: h - 8 }, days[0].date));
      root.appendChild(svg('text', { x: w, y: h - 8, 'text-anchor': 'end' }, days[days.length - 1].date));
    }
    return root;
  }

  /** Horizontal bars: a label, a bar scaled to the largest value, the value (and its share). */
  function barChart(rows, label, scale) {
    var w = 520, rowH = 26, labelW = 200, room = w - labelW - 130, h = Math.max(1, rows.length) * rowH + 4;
    var max = scale || Math.max(1, Math.max.apply(null, rows.map(function (r) { return r.value; })));
    var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': label + ': '
      + rows.map(function (r) { return r.label + ' ' + r.shown; }).join('; ') });
    root.appendChild(svg('title', {}, label));
    rows.forEach(function (r, i) {
      var y = i * rowH + 2;
      var name = svg('text', { x: labelW - 6, y: y + 17, 'text-anchor': 'end' }, r.label.length > 27 ? r.label.slice(0, 26) + '…' : r.label);
      name.appendChild(svg('title', {}, r.label));
      root.appendChild(name);
      root.appendChild(svg('rect', { x: labelW, y: y + 4, width: Math.max(1, room * r.value / max), height: rowH - 10,
        fill: r.colour || '#0f766e' }));
      root.appendChild(svg('text', { x: labelW + room * r.value / max + 6, y: y + 17 }, r.shown));
    });
    if (!rows.length) root.appendChild(svg('text', { x: 4, y: 18 }, 'Nothing counted in this period yet.'));
    return root;
  }

  function statsQuery() {
    var range = $('stats-range').value;
    if (range !== 'custom') return 'days=' + range;
    return 'from=' + encodeURIComponent($('stats-from').value) + '&to=' + encodeURIComponent($('stats-to').value);
  }

  function showStats() {
    return Promise.all([api('GET', '/api/v1/admin/stats?' + statsQuery()), api('GET', '/api/v1/admin/feedback?' + statsQuery())]).then(function (r) {
      var s = r[0];
      $('stats-total').classList.remove('error');
      $('stats-total').textContent = s.questions + (s.questions === 1 ? ' question' : ' questions') + ' from ' + s.from + ' to ' + s.to + '.';
      $('chart-days').replaceChildren(dayChart(s.days));
      var statuses = Object.keys(s.statuses).sort(function (a, b) { return s.statuses[b] - s.statuses[a]; }).map(function (k) {
        return { label: STATUS_WORDS[k] || k, value: s.statuses[k], colour: STATUS_COLOURS[k],
          shown: s.statuses[k] + ' (' + Math.round(100 * s.statuses[k] / Math.max(1, s.questions)) + '%)' };
      });
      $('chart-statuses').replaceChildren(barChart(statuses, 'What the chat did'));
      $('chart-sections').replaceChildren(barChart(s.sections.map(function (x) {
        return { label: x.title, value: x.asked, shown: String(x.asked) };
      }), 'Sections asked about most'));
      $('chart-helpful').replaceChildren(barChart(s.rated.map(function (x) {
        var votes = x.helpful + x.notHelpful;
        return { label: x.title, value: x.helpful / votes, colour: '#047857',
          shown: Math.round(100 * x.helpful / votes) + '% of ' + votes + (votes === 1 ? ' vote' : ' votes') };
      }), 'Helpful, per section', 1));
      var declined = $('stats-declined');
      declined.replaceChildren();
      s.declined.forEach(function (d) {
        declined.appendChild(el('li', d.question + ' — ' + d.count + (d.count === 1 ? ' time' : ' times')
          + (d.dealtWith ? ' (dealt with: answered now, filed or marked done)' : '')));
      });
      if (!s.declined.length) declined.appendChild(el('li', 'None in this period.'));
      var body = $('feedback').querySelector('tbody');
      body.replaceChildren();
      r[1].feedback.forEach(function (f) {
        var tr = document.createElement('tr');
        var when = el('td');
        when.appendChild(ago(f.time));
        tr.append(when, el('td', f.helpful ? 'Yes' : 'No'), el('td', f.question), el('td', f.title), el('td', f.comment || '—'));
        body.appendChild(tr);
      });
    });
  }

  $('stats-range').addEventListener('change', function () { $('stats-custom').hidden = $('stats-range').value !== 'custom'; });
  $('stats-form').addEventListener('submit', function (e) {
    e.preventDefault();
    showStats().catch(function (err) {
      if (fail(err)) return;
      // nothing from another period stays on screen under a message about this one
      ['chart-days', 'chart-statuses', 'chart-sections', 'chart-helpful', 'stats-declined'].forEach(function (id) { $(id).replaceChildren(); });
      $('feedback').querySelector('tbody').replaceChildren();
      $('stats-total').textContent = err.message;
      $('stats-total').classList.add('error');
    });
  });
  $('stats-csv').addEventListener('click', function () {
    fetch('/api/v1/admin/stats.csv?' + statsQuery(), { headers: { Authorization: 'Bearer ' + token() } }).then(function (r) {
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (j) { throw new Error((j.error && j.error.message) || 'HTTP ' + r.status); });
      var name = (/filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '') || [])[1] || 'sciatica-chat.csv';
      return r.blob().then(function (b) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(b);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
      });
    }).catch(function (e) { $('stats-total').textContent = 'The download failed: ' + e.message; });
  });

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('token').value.trim());
    sessionStorage.setItem(NAME, $('staff-name').value.trim()); // what is in the box now, never an earlier try's
    $('token').value = '';
    refresh().catch(function (err) { if (!fail(err)) showLogin('The console could not reach the service: ' + err.message); });
  });

  $('signout').addEventListener('click', function () {
    if (!mayLeaveEditor('Sign out')) return;
    editing = null;
    $('editor').hidden = true;
    sessionStorage.removeItem(KEY); sessionStorage.removeItem(NAME); showLogin(''); });

  $('reload').addEventListener('click', function () {
    var b = $('reload');
    b.disabled = true;
    $('reload-result').textContent = 'Reloading…';
    api('POST', '/api/v1/admin/reindex').then(function (r) {
      $('reload-result').textContent = r.changed ? (r.ok ? 'Reloaded: every file is live.'
        : 'Reloaded: the files with mistakes (listed below) are served as they were before; everything else is live.')
        : r.ok ? 'Nothing had changed.' : 'Nothing new to serve: fix the mistakes listed below.';
      return refresh();
    }).catch(function (err) { if (!fail(err)) $('reload-result').textContent = 'Reload failed: ' + err.message; })
      .then(function () { b.disabled = false; });
  });

  $('try-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var q = $('question').value.trim();
    if (!q) return;
    var draft = $('try-draft').checked && !$('try-draft').disabled;
    $('try-result').hidden = false;
    $('try-reply').textContent = draft ? 'Trying against the draft… (the first try builds it: a few seconds)' : 'Trying…';
    $('try-read').textContent = '';
    $('candidates').querySelector('tbody').replaceChildren();
    (draft ? api('POST', '/api/v1/admin/draft/try', { question: q }).then(function (d) {
      d.explanation.against = d.against;
      return d.explanation;
    }) : api('POST', '/api/v1/admin/try', { question: q })).then(function (r) {
      $('try-result').hidden = false;
      $('try-result').setAttribute('data-against', r.against || 'live');
      var reply = r.reply;
      var line = reply.answer ? 'Answered from “' + reply.answer.title + '” (' + Math.round(reply.answer.score * 100) + '% sure): '
        : reply.urgent ? 'Urgent advice first: ' : 'No answer: ';
      // what the visitor reads first: the answer's leading sentences, not the chat's introduction to them
      line += reply.answer && reply.answer.lead && reply.answer.lead.length ? reply.answer.lead.join(' ') : reply.reply;
      $('try-reply').textContent = (r.against === 'draft' ? 'With the draft: ' : '') + line;
      var read = r.readAs != null ? 'Read as: “' + r.readAs + '”' : '';
      if (r.words && r.words.length) read += ' · words that count: ' + r.words.join(', ');
      if (r.confidence != null) read += ' · ' + Math.round(r.confidence * 100) + '% sure';
      if (r.nearestNotCoveredTopic) {
        read += (r.aboutNotCoveredTopic ? ' · about a topic not covered (so no answer): ' : ' · nearest topic not covered: ')
          + r.nearestNotCoveredTopic;
      }
      if (r.notCoveredWords && r.notCoveredWords.length) read += ' · words of topics not covered: ' + r.notCoveredWords.join(', ');
      if (r.filedUnder != null) {
        read += r.filedUnder === '' ? ' · this very question is filed as not covered (in visitor-questions.txt, or among the questions the chat comes with), so it gets no answer: file it under a section to answer it'
          : ' · this very question is filed under “' + (reply.answer ? reply.answer.title : r.filedUnder) + '”, so it is answered from there';
      }
      $('try-read').textContent = read;
      var body = $('candidates').querySelector('tbody');
      body.replaceChildren();
      (r.candidates || []).forEach(function (c, i) {
        var tr = document.createElement('tr');
        // plain words for staff: a place in the list rather than the ranking's raw score, shares from 0 to 100%
        tr.appendChild(el('td', String(i + 1)));
        tr.appendChild(el('td', c.title));
        tr.appendChild(el('td', percent(c.cosine)));
        tr.appendChild(el('td', percent(c.learnt)));
        tr.appendChild(el('td', (c.matchedWords || []).join(', ') || '—'));
        var kind = UNIT_KINDS[c.closestUnitKind];
        tr.appendChild(el('td', (kind ? kind + ': ' : '') + (c.closestUnitText || '')));
        body.appendChild(tr);
      });
    }).catch(fail);
  });

  // another tab or colleague may have published meanwhile: what the console shows is brought up to date
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && token() && !$('console').hidden) Promise.all([showHistory(), loadDraft()]).catch(fail);
  });

  /** On a phone, tables stack: each cell is labelled with its column's heading. */
  function labelCells() {
    document.querySelectorAll('table').forEach(function (t) {
      var heads = Array.prototype.map.call(t.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
      t.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, k) { if (heads[k] && !td.hasAttribute('data-label')) td.setAttribute('data-label', heads[k]); });
      });
    });
  }
  new MutationObserver(labelCells).observe(document.body, { childList: true, subtree: true });

  if (token()) refresh().catch(function (err) { if (!fail(err)) showLogin(''); });
  else showLogin('');
})();
