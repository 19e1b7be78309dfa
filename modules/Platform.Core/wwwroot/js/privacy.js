// The meeting's privacy panel: re-levelling an item, withdrawing consent, registering pledges, all through the JSON API.
(() => {
  const panel = document.getElementById('privacy');
  const api = panel.dataset.api;
  const errors = panel.querySelector('.form-errors');
  const value = (form, name) => form.querySelector(`[name=${name}]`)?.value.trim() || null;

  async function call(method, path, body) {
    const response = await fetch(`${api}/${path}`, {
      method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: body ? JSON.stringify(body) : undefined,
    });
    if (response.ok) { location.reload(); return; }
    const answer = await response.json().catch(() => ({}));
    const details = answer.errors ? Object.values(answer.errors).flat() : [answer.detail].filter(Boolean);
    errors.textContent = `${answer.title || '保存できませんでした。'} ${details.join(' ')}`.trim();
    errors.hidden = false;
  }

  document.getElementById('level-form').addEventListener('submit', e => {
    e.preventDefault();
    const f = e.target;
    const kind = value(f, 'basisKind');
    call('PUT', `privacy/${value(f, 'itemId')}`, {
      sensitivity: value(f, 'sensitivity'),
      basis: kind ? { kind, consentedOn: value(f, 'consentedOn'), scope: value(f, 'consentScope'), ordinance: value(f, 'ordinance') } : null,
    });
  });

  for (const button of panel.querySelectorAll('button[data-withdraw]')) {
    button.addEventListener('click', () => {
      if (confirm('本人の同意撤回を記録します。この記録はすぐに、誰の画面・出力にも表示されなくなります。よろしいですか。')) call('POST', `privacy/${button.dataset.withdraw}/withdraw`);
    });
  }

  document.getElementById('pledge-form').addEventListener('submit', e => {
    e.preventDefault();
    const f = e.target;
    call('POST', 'pledges', { signerName: value(f, 'signerName'), pledgedOn: value(f, 'pledgedOn'), self: f.self.checked });
  });
})();
