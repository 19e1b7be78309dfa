// Buttons of the resource pages: promote an opinion, change a status, open the showcase of the ticked resources.
(() => {
  const tenant = document.currentScript.dataset.tenant;
  const error = document.getElementById('resource-error');
  async function call(url, method, body, next) {
    const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
    if (response.ok) { if (next) location.href = next; else location.reload(); return; }
    const problem = await response.json().catch(() => ({}));
    error.textContent = [problem.title, ...Object.values(problem.errors || {}).flat(), problem.errors ? '' : problem.detail].filter(Boolean).join(' ');
    error.hidden = false;
  }
  for (const b of document.querySelectorAll('[data-promote]'))
    b.addEventListener('click', () => call(`/${tenant}/api/meetings/${b.dataset.meeting}/opinions/${b.dataset.promote}/resource`, 'POST', {}));
  for (const b of document.querySelectorAll('[data-resource-status]'))
    b.addEventListener('click', () => {
      if (!b.dataset.confirm || confirm(b.dataset.confirm)) call(`/${tenant}/api/resources/${b.dataset.id}`, 'PATCH', { status: b.dataset.resourceStatus });
    });
  // The edit form: only what it shows is sent; the catalogue is shown again once it is saved.
  document.getElementById('resource-form')?.addEventListener('submit', async e => {
    e.preventDefault();
    const f = e.target;
    const text = name => f.elements[name].value.trim();
    await call(`/${tenant}/api/resources/${f.dataset.id}`, 'PATCH', {
      name: text('name'), categoryId: f.categoryId.value, districtId: f.districtId.value || null,
      details: { offers: text('offers') || null, runBy: text('runBy') || null, when: text('when') || null, where: text('where') || null },
      contact: text('contact'), contactConsent: f.contactConsent.checked, publishContact: f.publishContact.checked,
    }, `/${tenant}/resources`);
  });
  document.getElementById('showcase-form')?.addEventListener('submit', e => {
    const form = e.target;
    form.ids.value = [...form.querySelectorAll('input[name=pick]:checked')].map(c => c.value).join(',');
    for (const c of form.querySelectorAll('input[name=pick]')) c.disabled = true;
  });
})();
