// Recording a meeting from several browsers at once. Every entry is shown where its sequence number puts it, so all
// recorders see the same order: the order in which the server accepted the entries. Typed text is never cleared
// before the server has confirmed it, and an IME's Enter (choosing a kanji) never sends.
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
    const heading = document.createElement('h3');
    heading.textContent = `テーマ：${item.title}`;
    const list = document.createElement('ul');
    list.className = 'opinions';
    section.append(heading, list);
    entries.insertBefore(section, $('opinion-form'));
    if (!current) select(item.id);
  }

  const levelNames = { public: '公開', participants: '関係者限り', personal: '個人情報', sensitive: '要配慮個人情報' };

  // Residents' information is labelled where it is shown, so that nobody reads it out or copies it by mistake.
  function labelled(li, level) {
    if (level === 'personal' || level === 'sensitive') {
      li.prepend(Object.assign(document.createElement('span'), { className: 'level', textContent: levelNames[level] }), ' ');
    }
    return li;
  }

  function addOpinion(o) {
    const list = entries.querySelector(`section[data-agenda-id="${o.agendaItemId}"] ul`);
    if (!list) return;
    const li = document.createElement('li');
    if (o.kind === 'response') li.className = 'response';
    li.textContent = `${o.kind === 'response' ? '⇒' : '○'} ${o.text}${o.organisation ? `（${o.organisation}）` : ''}`;
    insertInOrder(list, labelled(li, o.sensitivity), o.seq);
  }

  function addComment(c) {
    const li = document.createElement('li');
    li.textContent = `${c.speaker ? `＜${c.speaker}${c.position || ''}＞` : ''}${c.kind === 'review' ? '【全体講評】' : ''} ${c.text}`;
    insertInOrder($('comments'), labelled(li, c.sensitivity), c.seq);
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

  // An item shown differently now (consent withdrawn, a new level): it replaces the one shown, in the same place.
  function revise(entry) {
    const item = entry.opinion || entry.comment;
    if (!item || !seen.has(entry.seq)) return;
    entries.querySelector(`li[data-seq="${entry.seq}"]`)?.remove();
    if (entry.opinion) addOpinion(entry.opinion);
    else addComment(entry.comment);
  }

  async function send(path, body) {
    const response = await fetch(`${api}/${path}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const details = answer.errors ? Object.values(answer.errors).flat().join(' ') : answer.detail || '';
      throw new Error(`${answer.title || '保存できませんでした。'} ${details}`.trim());
    }
    error.hidden = true;
    show(answer);
    return answer;
  }

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
    try {
      await send('opinions', { agendaItemId: current, text, organisation: $('organisation-input').value || null, ...privacy() });
    } catch (err) {
      opinionInput.value = opinionInput.value ? `${text}\n${opinionInput.value}` : text;
      fail(err);
    }
  });

  themeInput.addEventListener('keydown', async e => {
    if (e.key !== 'Enter' || composing(e)) return;
    e.preventDefault();
    const title = themeInput.value;
    if (!title.trim()) return;
    try {
      const entry = await send('agenda', { title });
      themeInput.value = '';
      select(entry.agendaItem.id);
      opinionInput.focus();
    } catch (err) { fail(err); }
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
    try {
      await send('comments', { speaker: f.speaker.value, position: f.position.value || null, kind: f.kind.value, text: f.text.value, ...privacy() });
      f.text.value = '';
    } catch (err) { fail(err); }
  });

  for (const button of root.querySelectorAll('button[data-status]')) {
    button.addEventListener('click', async () => {
      const response = await fetch(`${api}/status`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: button.dataset.status }),
      });
      if (response.ok) location.reload();
      else fail(new Error(((await response.json().catch(() => ({}))).detail) || '状態を変更できませんでした。'));
    });
  }

  const events = new EventSource(`${api}/record/events?after=${lastSeq}&since=${root.dataset.renderedAt}`);
  events.addEventListener('entry', e => show(JSON.parse(e.data)));
  events.addEventListener('revised', e => revise(JSON.parse(e.data)));
  events.onopen = () => { status.textContent = '同期中：他の記録者の入力がすぐに表示されます。'; status.dataset.state = 'open'; };
  events.onerror = () => { status.textContent = '接続が切れました。再接続しています…（入力は続けられます）'; status.dataset.state = 'retrying'; };

  const first = themes.querySelector('li[data-agenda-id]');
  if (first) select(first.dataset.agendaId);
})();
