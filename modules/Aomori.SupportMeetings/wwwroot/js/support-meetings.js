// Posts the module's small forms as JSON and shows a refusal's Japanese explanation in place.
(() => {
  for (const form of document.querySelectorAll('form[data-post]')) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const body = Object.fromEntries(new FormData(form));
      const response = await fetch(form.dataset.post, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
      });
      if (response.ok) { location.reload(); return; }
      const problem = await response.json().catch(() => ({}));
      const errors = form.querySelector('.form-errors');
      errors.textContent = [problem.title, ...Object.values(problem.errors || {}).flat(), problem.errors ? '' : problem.detail].filter(Boolean).join(' ');
      errors.hidden = false;
    });
  }
})();

// The board's print button (no inline handlers: the pages' content security policy allows scripts from the host only).
for (const button of document.querySelectorAll('[data-print]')) button.addEventListener('click', () => window.print());
