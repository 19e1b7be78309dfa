// The import page: preview first (nothing is saved), then import; a duplicate offers to replace the earlier import.
(() => {
  const form = document.getElementById('import-form');
  const error = document.getElementById('import-error');
  const preview = document.getElementById('import-preview');
  const importButton = document.getElementById('import');
  const text = () => document.getElementById('summary-text').value;
  const el = (tag, content) => Object.assign(document.createElement(tag), { textContent: content });

  const file = document.getElementById('summary-file');
  const progressLine = document.getElementById('import-progress-line');
  const progress = document.getElementById('import-progress');
  // Without this script the form posts itself; with it, 取り込む waits for a preview.
  importButton.disabled = true;

  // A chosen file goes as a form (multipart/form-data) by XMLHttpRequest, whose upload reports its progress; once
  // sent, the bar runs without a value while the server reads the file. Pasted text goes as before.
  function post(query) {
    const chosen = file.files && file.files[0];
    if (!chosen) {
      return fetch(form.dataset.api + query, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' }, body: text() })
        .then(async response => ({ response, answer: await response.json().catch(() => ({})) }));
    }
    const data = new FormData();
    data.append('file', chosen);
    return new Promise(resolve => {
      const request = new XMLHttpRequest();
      request.open('POST', form.dataset.api + query);
      request.setRequestHeader('Accept', 'application/json');
      progress.value = 0;
      progressLine.hidden = false;
      request.upload.addEventListener('progress', e => { if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total); });
      request.upload.addEventListener('load', () => progress.removeAttribute('value'));
      const done = () => {
        progressLine.hidden = true;
        let answer = {};
        try { answer = JSON.parse(request.responseText); } catch { answer = {}; }
        resolve({ response: { ok: request.status >= 200 && request.status < 300 }, answer });
      };
      request.addEventListener('load', done);
      request.addEventListener('error', done);
      request.send(data);
    });
  }

  file.addEventListener('change', () => { importButton.disabled = true; document.getElementById('import-preview').hidden = true; });

  function problem(answer) {
    error.textContent = `${answer.title || '取り込めませんでした。'} ${answer.detail || ''}`;
    error.hidden = false;
  }

  document.getElementById('preview').addEventListener('click', async event => {
    event.preventDefault();
    error.hidden = true;
    const { response, answer } = await post('?preview=true');
    if (!response.ok) { problem(answer); preview.hidden = true; importButton.disabled = true; return; }
    preview.replaceChildren(el('h2', `${answer.document.title}（${answer.document.sessions.length}会場）`));
    for (const s of answer.document.sessions) {
      const opinions = s.themes.reduce((n, t) => n + t.opinions.length, 0);
      preview.append(el('p', `${s.region}：${s.date}　出席${s.counts.length}市町村（合計${s.statedTotal ?? '記載なし'}名）　アドバイザー${s.advisors.length}名　テーマ${s.themes.length}件・意見${opinions}件　コメント${s.comments.length}件`));
    }
    const list = document.createElement('ul');
    for (const w of answer.warnings) list.append(Object.assign(el('li', `⚠ ${w.message}`), { className: 'error' }));
    preview.append(el('h3', answer.warnings.length ? `注意（${answer.warnings.length}件）：取り込み後も会のページに表示されます` : '注意すべき点はありません'), list);
    // Already imported: said now, not only after 取り込む, with the choice to replace it (the round keeps its address).
    const replaceLabel = document.getElementById('replace-label');
    replaceLabel.hidden = !answer.duplicateOfRoundId;
    if (answer.duplicateOfRoundId) {
      const notice = Object.assign(el('p', 'この概要は取り込み済みです。置き換える場合は「取り込み済みの回を置き換える」を選んでから取り込んでください。'), { className: 'error' });
      notice.dataset.testid = 'import-duplicate';
      notice.append(' ', Object.assign(el('a', '取り込み済みの回を見る'), { href: `/${form.dataset.tenant}/exchange-sessions/${answer.duplicateOfRoundId}` }));
      preview.prepend(notice);
    }
    preview.hidden = false;
    importButton.disabled = false;
  });

  importButton.addEventListener('click', async event => {
    event.preventDefault();
    error.hidden = true;
    const { response, answer } = await post(document.getElementById('replace').checked ? '?replace=true' : '');
    if (response.ok) { location.href = `/${form.dataset.tenant}/exchange-sessions/${answer.roundId}`; return; }
    if (answer.code === 'import.duplicate') document.getElementById('replace-label').hidden = false;
    problem(answer);
  });
})();
