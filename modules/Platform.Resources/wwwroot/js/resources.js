// Buttons of the resource pages: promote an opinion, change a status, open the showcase of the ticked resources.
(() => {
  const tenant = document.currentScript.dataset.tenant;
  const error = document.getElementById('resource-error');
  async function call(url, method, body) {
    const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
    if (response.ok) { location.reload(); return; }
    const problem = await response.json().catch(() => ({}));
    error.textContent = [problem.title, ...Object.values(problem.errors || {}).flat(), problem.errors ? '' : problem.detail].filter(Boolean).join(' ');
    error.hidden = false;
  }
  for (const b of document.querySelectorAll('[data-promote]'))
    b.addEventListener('click', () => call(`/${tenant}/api/meetings/${b.dataset.meeting}/opinions/${b.dataset.promote}/resource`, 'POST', {}));
  for (const b of document.querySelectorAll('[data-resource-status]'))
    b.addEventListener('click', () => call(`/${tenant}/api/resources/${b.dataset.id}`, 'PATCH', { status: b.dataset.resourceStatus }));
  document.getElementById('showcase-form')?.addEventListener('submit', e => {
    const form = e.target;
    form.ids.value = [...form.querySelectorAll('input[name=pick]:checked')].map(c => c.value).join(',');
    for (const c of form.querySelectorAll('input[name=pick]')) c.disabled = true;
  });
})();
