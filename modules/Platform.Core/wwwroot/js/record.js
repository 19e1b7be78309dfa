// Recording a meeting from several browsers at once. Every entry is shown where its sequence number puts it, so all
// recorders see the same order: the order in which the server accepted the entries. What is typed is never lost: an
// entry not yet confirmed stays on the page marked 送信中 and is sent again, with the same key, until the server
// answers (a host lost during the meeting answers 503 for a few seconds). An IME's Enter (choosing a kanji) never
// sends.
(() => {
  const root = document.getElementById('recorder');
  if (!root) return;
  const api = `/${root.dataset.tenant}/api/meetings/${root.dataset.meeting}`;
  const seen = new Set([...root.querySelectorAll('[data-seq]')].map(e => Number(e.dataset.seq)));
  let lastSeq = Number(root.dataset.lastSeq);
  let current = null;

  const $ = id => document.getElementById(id);
  const opinionInput = $('opinion-input');
  const themeInput = $('theme-input');
  const themes = root.querySelector('[data-testid=themes]');
  const entries = root.querySelector('.entries');
  const status = $('record-status');
  const error = $('record-error');
  const outboxStatus = $('record-outbox');

  const composing = e => e.isComposing || e.keyCode === 229;

  function insertInOrder(list, item, seq) {
    item.dataset.seq = seq;
    const after = [...list.children].find(li => Number(li.dataset.seq) > seq);
    list.insertBefore(item, after || null);
  }

  function select(agendaId) {
    current = agendaId;
    for (const li of themes.children) li.classList.toggle('current', li.dataset.agendaId === agendaId);
    for (const s of entries.querySelectorAll('section.theme')) s.classList.toggle('current', s.dataset.agendaId === agendaId);
    const chosen = themes.querySelector(`[data-agenda-id="${agendaId}"] button`);
    $('current-theme').textContent = chosen ? `テーマ：${chosen.textContent}` : 'テーマを選んでください';
  }

  function addTheme(item) {
    const li = document.createElement('li');
    li.dataset.agendaId = item.id;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = item.title;
    li.append(button);
    insertInOrder(themes, li, item.seq);
    const section = document.createElement('section');
    section.className = 'theme';
    section.dataset.agendaId = item.id;
    section.dataset.position = item.position;
    section.dataset.title = item.title;
    const heading = document.createElement('h3');
    heading.append(Object.assign(document.createElement('span'), { className: 'title', textContent: `テーマ：${item.title}` }), ' ', fixButton(`テーマ「${item.title}」を修正`));
    const list = document.createElement('ul');
    list.className = 'opinions';
    section.append(heading, list);
    entries.insertBefore(section, $('opinion-form'));
    if (!current) select(item.id);
  }

  const levelNames = { public: '公開', participants: '関係者限り', personal: '個人情報', sensitive: '要配慮個人情報' };

  // Residents' information is labelled where it is shown, so that nobody reads it out or copies it by mistake.
  function labelled(element, level) {
    if (level === 'personal' || level === 'sensitive') {
      element.prepend(Object.assign(document.createElement('span'), { className: 'level', textContent: levelNames[level] }), ' ');
    }
    return element;
  }

  const fixButton = label => Object.assign(document.createElement('button'), { type: 'button', className: 'fix', textContent: '修正', ariaLabel: label });

  // An entry's line, with what its editor starts from; what is withheld from the reader is neither shown nor editable.
  function entryItem(item, text, label, data) {
    const li = document.createElement('li');
    li.dataset.id = item.id;
    const shown = Object.assign(document.createElement('span'), { className: 'entry', textContent: text });
    li.append(labelled(shown, item.sensitivity));
    if (!item.withheld) {
      Object.assign(li.dataset, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v ?? ''])));
      li.append(' ', fixButton(label));
    }
    return li;
  }

  function addOpinion(o) {
    const list = entries.querySelector(`section[data-agenda-id="${o.agendaItemId}"] ul`);
    if (!list) return;
    const li = entryItem(o, `${o.kind === 'response' ? '⇒' : '○'} ${o.text}${o.organisation ? `（${o.organisation}）` : ''}`,
      'この意見を修正', { text: o.text, organisation: o.organisation });
    if (o.kind === 'response') li.className = 'response';
    insertInOrder(list, li, o.seq);
  }

  function addComment(c) {
    const text = `${c.speaker ? `＜${c.speaker}${c.position || ''}＞` : ''}${c.kind === 'review' ? '【全体講評】' : ''} ${c.text}`;
    insertInOrder($('comments'), entryItem(c, text, 'このコメントを修正', { text: c.text, speaker: c.speaker, position: c.position }), c.seq);
  }

  // The level chosen for what is typed next, and for a resident's information the basis for sharing it.
  const level = $('sensitivity-input');
  const basisFields = $('basis-fields');
  const syncBasis = () => { basisFields.hidden = !(level.value === 'personal' || level.value === 'sensitive'); };
  level.addEventListener('change', syncBasis);
  syncBasis();
  function privacy() {
    if (basisFields.hidden) return { sensitivity: level.value };
    const f = name => basisFields.querySelector(`[name=${name}]`).value.trim() || null;
    return { sensitivity: level.value, basis: { kind: f('basisKind'), consentedOn: f('consentedOn'), scope: f('consentScope'), ordinance: f('ordinance') } };
  }

  function show(entry) {
    if (seen.has(entry.seq)) return;
    seen.add(entry.seq);
    lastSeq = Math.max(lastSeq, entry.seq);
    if (entry.agendaItem) addTheme(entry.agendaItem);
    if (entry.opinion) addOpinion(entry.opinion);
    if (entry.comment) addComment(entry.comment);
  }

  // An item shown differently now (corrected, moved, consent withdrawn, a new level): it replaces the one shown.
  function revise(entry) {
    if (!seen.has(entry.seq)) return;
    if (entry.agendaItem) { retitle(entry.agendaItem); return; }
    entries.querySelector(`li[data-seq="${entry.seq}"]`)?.remove();
    if (entry.opinion) addOpinion(entry.opinion);
    else if (entry.comment) addComment(entry.comment);
  }

  // A theme renamed or moved: its name everywhere, and both lists in the meeting's order.
  function retitle(item) {
    const section = entries.querySelector(`section[data-agenda-id="${item.id}"]`);
    const li = themes.querySelector(`li[data-agenda-id="${item.id}"]`);
    if (!section || !li) return;
    Object.assign(section.dataset, { position: item.position, title: item.title });
    li.dataset.position = item.position;
    section.querySelector('.title').textContent = `テーマ：${item.title}`;
    section.querySelector('.fix').ariaLabel = `テーマ「${item.title}」を修正`;
    li.querySelector('button').textContent = item.title;
    const byPosition = (a, b) => Number(a.dataset.position) - Number(b.dataset.position);
    themes.append(...[...themes.children].sort(byPosition));
    const form = $('opinion-form');
    for (const s of [...entries.querySelectorAll('section.theme')].sort(byPosition)) entries.insertBefore(s, form);
    if (current === item.id) select(item.id);
  }

  // A deleted item: gone from every page.
  function remove(itemId) {
    entries.querySelector(`li[data-id="${itemId}"]`)?.remove();
    entries.querySelector(`section[data-agenda-id="${itemId}"]`)?.remove();
    themes.querySelector(`li[data-agenda-id="${itemId}"]`)?.remove();
    if (current === itemId) {
      current = null;
      const first = themes.querySelector('li[data-agenda-id]');
      if (first) select(first.dataset.agendaId);
    }
  }

  async function call(method, path, body) {
    const response = await fetch(`${api}/${path}`, {
      method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: body && JSON.stringify(body),
    });
    if (response.status === 204) return null;
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const details = answer.errors ? Object.values(answer.errors).flat().join(' ') : answer.detail || '';
      throw new Error(`${answer.title || '保存できませんでした。'} ${details}`.trim());
    }
    error.hidden = true;
    return answer;
  }

  // The outbox: entries typed but not yet confirmed, sent one after another in the order typed. Each carries a key of
  // its own (Idempotency-Key): sent again after a 503, a 502 from the proxy or a lost connection, it is recorded once.
  const outbox = [];
  let sending = false;
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  // crypto.randomUUID needs HTTPS or localhost; municipal intranets often serve plain HTTP.
  const newKey = () => [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');

  function pendingLine(list, text) {
    if (!list) return null;
    const li = Object.assign(document.createElement('li'), { className: 'pending' });
    li.append(Object.assign(document.createElement('span'), { className: 'entry', textContent: text }), ' ',
      Object.assign(document.createElement('span'), { className: 'pending-label', textContent: '送信中' }));
    list.append(li);
    return li;
  }

  function showOutbox(waiting) {
    outboxStatus.hidden = outbox.length === 0;
    outboxStatus.textContent = outbox.length === 0 ? ''
      : waiting ? `未送信 ${outbox.length} 件：サーバーの応答を待って自動で再送しています。入力は続けられます。`
      : `送信中 ${outbox.length} 件`;
  }

  // One try: the entry, a refusal to show, or how long to wait before trying again.
  async function attempt(item) {
    let response;
    try {
      response = await fetch(`${api}/${item.path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': item.key },
        body: JSON.stringify(item.body),
      });
    } catch {
      return { retry: true };
    }
    if ([502, 503, 504].includes(response.status)) {
      const seconds = Number(response.headers.get('Retry-After'));
      return { retry: true, after: seconds > 0 ? seconds * 1000 : 0 };
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const details = answer.errors ? Object.values(answer.errors).flat().join(' ') : answer.detail || '';
      return { refused: new Error(`${answer.title || '保存できませんでした。'} ${details}`.trim()) };
    }
    return { entry: answer };
  }

  async function pump() {
    if (sending) return;
    sending = true;
    while (outbox.length) {
      const item = outbox[0];
      const result = await attempt(item);
      if (result.retry) {
        item.tries = (item.tries || 0) + 1;
        showOutbox(true);
        await sleep(Math.min(result.after || 500 * 2 ** Math.min(item.tries - 1, 3), 5000));
        continue;
      }
      outbox.shift();
      item.line?.remove();
      if (result.entry) {
        error.hidden = true;
        show(result.entry);
        item.done?.(result.entry);
      } else {
        item.refused?.(result.refused);
      }
      showOutbox(false);
    }
    sending = false;
  }

  function send(path, body, { line, done, refused } = {}) {
    outbox.push({ path, body, key: newKey(), line, done, refused });
    showOutbox(false);
    pump();
  }

  // Closing the page with entries still unsent would lose them: the browser asks first.
  window.addEventListener('beforeunload', e => { if (outbox.length) e.preventDefault(); });

  function fail(e) {
    error.textContent = `${e.message}（入力内容は残っています。もう一度Enterで送信できます。）`;
    error.hidden = false;
  }

  opinionInput.addEventListener('keydown', async e => {
    if (e.key !== 'Enter' || composing(e)) return;
    e.preventDefault();
    const text = opinionInput.value;
    if (!text.trim()) return;
    if (!current) { fail(new Error('先にテーマを選ぶか追加してください。')); return; }
    opinionInput.value = '';
    const organisation = $('organisation-input').value || null;
    send('opinions', { agendaItemId: current, text, organisation, ...privacy() }, {
      line: pendingLine(entries.querySelector(`section[data-agenda-id="${current}"] ul`), `○ ${text}${organisation ? `（${organisation}）` : ''}`),
      refused: err => { opinionInput.value = opinionInput.value ? `${text}\n${opinionInput.value}` : text; fail(err); },
    });
  });

  themeInput.addEventListener('keydown', async e => {
    if (e.key !== 'Enter' || composing(e)) return;
    e.preventDefault();
    const title = themeInput.value;
    if (!title.trim()) return;
    send('agenda', { title }, {
      line: pendingLine(themes, title),
      done: entry => {
        // Only what was sent is cleared: a next theme typed meanwhile stays.
        if (themeInput.value === title) themeInput.value = '';
        select(entry.agendaItem.id);
        opinionInput.focus();
      },
      refused: fail,
    });
  });

  themes.addEventListener('click', e => {
    const li = e.target.closest('li[data-agenda-id]');
    if (li) { select(li.dataset.agendaId); opinionInput.focus(); }
  });

  document.addEventListener('keydown', e => {
    if (!e.altKey) return;
    const items = [...themes.children];
    const index = items.findIndex(li => li.dataset.agendaId === current);
    let target = null;
    if (/^[1-9]$/.test(e.key)) target = items[Number(e.key) - 1];
    else if (e.key === 'ArrowUp') target = items[Math.max(0, index - 1)];
    else if (e.key === 'ArrowDown') target = items[Math.min(items.length - 1, index + 1)];
    else if (e.key === 'n' || e.key === 'N') { e.preventDefault(); themeInput.focus(); return; }
    if (target) { e.preventDefault(); select(target.dataset.agendaId); opinionInput.focus(); }
  });

  const templateForm = $('template-form');
  templateForm?.addEventListener('submit', async e => {
    e.preventDefault();
    const response = await fetch(`${api}/agenda/from-template`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ templateId: templateForm.templateId.value }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) answer.forEach(show);
    else fail(new Error(answer.detail || answer.title || '追加できませんでした。'));
  });

  const commentForm = $('comment-form');
  commentForm.text.addEventListener('keydown', async e => {
    if (e.key !== 'Enter' || composing(e)) return;
    e.preventDefault();
    const f = commentForm;
    const text = f.text.value;
    if (!text.trim()) return;
    const speaker = f.speaker.value;
    const position = f.position.value || null;
    f.text.value = '';
    send('comments', { speaker, position, kind: f.kind.value, text, ...privacy() }, {
      line: pendingLine($('comments'), `＜${speaker}${position || ''}＞ ${text}`),
      refused: err => { f.text.value = f.text.value ? `${text}\n${f.text.value}` : text; fail(err); },
    });
  });

  async function setStatus(status, reason) {
    try { await call('POST', 'status', { status, reason }); location.reload(); } catch (err) { fail(err); }
  }

  for (const button of root.querySelectorAll('button[data-status]')) {
    button.addEventListener('click', () => { if (confirm(button.dataset.confirm)) setStatus(button.dataset.status); });
  }

  $('reopen-form')?.addEventListener('submit', e => {
    e.preventDefault();
    const reason = $('reopen-reason').value;
    if (!reason.trim()) { fail(new Error('訂正する理由を入力してください。')); $('reopen-reason').focus(); return; }
    if (confirm('概要の確定を取り消して、記録を訂正できるようにします。よろしいですか？')) setStatus('held', reason);
  });

  // Corrections in place: 修正 opens an editor on the line (Enter saves, Esc cancels), 削除 asks first, 履歴 lists every
  // earlier version. The other recorders' pages get each correction through the event stream.
  const when = iso => new Date(iso).toLocaleString('ja-JP-u-ca-japanese',
    { era: 'long', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const words = item => item?.text ?? item?.title ?? '';
  const describe = c => c.withheld ? '（個人情報のため内容は表示しません）'
    : c.change === 'delete' ? `削除しました（「${words(c.before)}」）`
    : c.change === 'move' ? `移動しました（「${words(c.after)}」）`
    : `「${words(c.before)}」を「${words(c.after)}」に修正しました`;

  function field(name, label, value, options) {
    const wrap = Object.assign(document.createElement('label'), { className: 'fix-field' });
    const input = document.createElement(options ? 'select' : 'input');
    input.name = name;
    for (const [v, text] of options || []) input.append(new Option(text, v));
    input.value = value ?? '';
    wrap.append(label, input);
    return wrap;
  }

  function editor(owner, what, path, fields, bodyOf) {
    if (owner.querySelector(':scope > form.fix-form')) return;
    const form = Object.assign(document.createElement('form'), { className: 'fix-form' });
    const button = (text, type = 'button') => Object.assign(document.createElement('button'), { type, textContent: text });
    const [save, del, history, cancel] = [button('保存', 'submit'), button('削除'), button('履歴'), button('取消')];
    const message = Object.assign(document.createElement('p'), { className: 'error', role: 'alert', hidden: true });
    const buttons = Object.assign(document.createElement('div'), { className: 'fix-buttons' });
    buttons.append(save, del, history, cancel);
    form.append(...fields, buttons, message);
    const close = () => { form.remove(); owner.querySelector('.fix')?.focus(); };
    const failed = err => { message.textContent = err.message; message.hidden = false; };
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try { const entry = await call('PATCH', path, bodyOf(form)); form.remove(); revise(entry); } catch (err) { failed(err); }
    });
    form.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); close(); } });
    cancel.addEventListener('click', close);
    del.addEventListener('click', async () => {
      if (!confirm(`この${what}を削除します。よろしいですか？（修正履歴には残ります）`)) return;
      try { await call('DELETE', path); remove(path.split('/')[1]); } catch (err) { failed(err); }
    });
    history.addEventListener('click', async () => {
      try {
        const list = await call('GET', `corrections?itemId=${path.split('/')[1]}`);
        const shown = Object.assign(document.createElement('ul'), { className: 'history' });
        for (const c of list) shown.append(Object.assign(document.createElement('li'), { textContent: `${when(c.correctedAt)} ${c.correctedBy}：${describe(c)}` }));
        if (!list.length) shown.append(Object.assign(document.createElement('li'), { textContent: '修正履歴はありません。' }));
        form.querySelector('ul.history')?.remove();
        form.append(shown);
      } catch (err) { failed(err); }
    });
    if (owner.matches('section.theme')) owner.querySelector('h3').after(form);
    else owner.append(form);
    form.querySelector('input, select').focus();
  }

  const value = (form, name) => form.elements[name].value;
  const themeOptions = () => [...themes.children].map(li => [li.dataset.agendaId, li.querySelector('button').textContent]);

  root.addEventListener('click', e => {
    const fix = e.target.closest('button.fix');
    if (!fix) return;
    const section = fix.closest('section.theme');
    const li = fix.closest('li[data-id]');
    if (li && section) {
      editor(li, '意見', `opinions/${li.dataset.id}`,
        [field('text', '意見', li.dataset.text), field('organisation', '所属・市町村', li.dataset.organisation),
          field('agendaItemId', 'テーマ', section.dataset.agendaId, themeOptions())],
        f => ({ text: value(f, 'text'), organisation: value(f, 'organisation'), agendaItemId: value(f, 'agendaItemId') }));
    } else if (li) {
      editor(li, 'コメント', `comments/${li.dataset.id}`,
        [field('speaker', '発言者', li.dataset.speaker), field('position', '肩書', li.dataset.position), field('text', 'コメント', li.dataset.text)],
        f => ({ speaker: value(f, 'speaker'), position: value(f, 'position'), text: value(f, 'text') }));
    } else if (section) {
      const places = [...themes.children].map((_, i) => [String(i + 1), `${i + 1}番目`]);
      editor(section, 'テーマ', `agenda/${section.dataset.agendaId}`,
        [field('title', 'テーマ', section.dataset.title), field('position', '順番', section.dataset.position, places)],
        f => ({ title: value(f, 'title'), position: Number(value(f, 'position')) }));
    }
  });

  const events = new EventSource(`${api}/record/events?after=${lastSeq}&since=${root.dataset.renderedAt}`);
  events.addEventListener('entry', e => show(JSON.parse(e.data)));
  events.addEventListener('revised', e => revise(JSON.parse(e.data)));
  events.addEventListener('removed', e => remove(JSON.parse(e.data).itemId));
  events.onopen = () => { status.textContent = '同期中：他の記録者の入力がすぐに表示されます。'; status.dataset.state = 'open'; };
  events.onerror = () => { status.textContent = '接続が切れました。再接続しています…（入力は続けられます）'; status.dataset.state = 'retrying'; };

  const first = themes.querySelector('li[data-agenda-id]');
  if (first) select(first.dataset.agendaId);
})();
